import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { StatusResponse } from "../../shared/schemas/api/review.ts";
import { table } from "../output.ts";
import { ROUND_VI, STATUS_VI, completenessLine, cutLine, deadlineVi } from "./labels.ts";

/**
 * The readable status board of `ntm status` (Vietnamese): the heading and cut, one row per unit
 * (code, name, status, revision, when it was stored in Vietnam time, days late); under a unit with
 * a comment (a return's, or a reopen's reason) the comment and each cell comment (`Sheet!Cell (xã
 * code): text`); then the completeness line and the deadline.
 */
export function statusBoard(s: StatusResponse): string {
  const rows = table(
    ["Mã", "Đơn vị", "Trạng thái", "Lần nộp", "Nộp lúc", "Số ngày muộn"],
    s.units.map((u) => [
      u.code,
      u.name,
      STATUS_VI[u.status],
      u.revision,
      u.submittedAt === null ? null : formatVietnamTime(u.submittedAt),
      u.daysLate,
    ]),
  )
    .trimEnd()
    .split("\n");
  const lines = [`TÌNH TRẠNG NỘP BÁO CÁO NĂM ${s.year} — đợt ${ROUND_VI[s.round]}`, cutLine(s.cut), "", ...rows.slice(0, 2)];
  s.units.forEach((u, i) => {
    lines.push(rows[i + 2]!);
    if (u.comment !== null) lines.push(`    ${u.status === "returned" ? "Ý kiến trả lại" : "Lý do mở lại"}: ${u.comment}`);
    for (const c of u.cells) lines.push(`    ${c.sheet}!${c.cell}${c.commune === null ? "" : ` (xã ${c.commune})`}: ${c.text}`);
  });
  lines.push("", completenessLine(s.completeness), `Hạn nộp: ${deadlineVi(s.deadline)}`);
  return lines.join("\n") + "\n";
}
