import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { AuditEntry } from "../../shared/schemas/api/review.ts";
import { parseArgs } from "../args.ts";
import type { Io } from "../output.ts";
import { EXIT_OK, EXIT_SERVER, printJson, table } from "../output.ts";
import { ACTION_VI, ROUND_VI } from "../review/labels.ts";
import { yearOf } from "../review/options.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { usageError } from "../usage.ts";

/** The detail keys the Worker writes (worker/db/*.ts), in Vietnamese; another key is shown as it is. */
const DETAIL_VI: Record<string, string> = {
  comment: "ý kiến",
  cells: "số ô",
  deadline: "hạn",
  communes: "số xã",
  templateVersion: "mẫu",
  criteriaSet: "bộ tiêu chí",
  level: "cấp",
  units: "số đơn vị",
  id: "mã",
  role: "vai trò",
  label: "tên",
};

/** `ý kiến: Thiếu vốn; số ô: 2`, or null for an empty detail. */
export function detailText(detail: AuditEntry["detail"]): string | null {
  const parts = Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${DETAIL_VI[k] ?? k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  return parts.length > 0 ? parts.join("; ") : null;
}

/** `audit --year <y> [--json]` (office, admin): every entry of the year's audit log, newest first (all pages). */
export async function auditCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "audit", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "audit", `unexpected argument ${positionals[0]}`);
  const year = yearOf(options);
  if (!year.ok) return usageError(io, "audit", year.error);
  const res = await clientFrom(options, io).allAudit(year.value);
  if (!res.ok) {
    io.stderr(`Không lấy được nhật ký năm ${year.value}: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  const entries = res.value;
  if (flags.has("json")) printJson(io, entries);
  else {
    io.stdout(
      `NHẬT KÝ THAO TÁC NĂM ${year.value} (${entries.length}, mới nhất trước)\n` +
        table(
          ["Thời gian", "Người thực hiện", "Thao tác", "Đơn vị", "Đợt", "Lần nộp", "Chi tiết"],
          entries.map((e) => [
            formatVietnamTime(e.at),
            e.actor.label,
            ACTION_VI[e.action],
            e.unit,
            e.round === null ? null : ROUND_VI[e.round],
            e.revision,
            detailText(e.detail),
          ]),
        ),
    );
  }
  return EXIT_OK;
}
