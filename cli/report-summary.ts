import type { Report } from "../shared/schemas/report.ts";
import { CAPITAL_TOTAL_KEY } from "../shared/report/capital-rows.ts";
import { formatFixed, formatNumber, table } from "./output.ts";
import { targetsSection } from "./targets/targets-table.ts";
import { ROUND_VI, STATUS_VI, completenessLine, cutLine, deadlineVi } from "./review/labels.ts";

const pct = (n: number | null) => formatFixed(n, 1);
const avg = (n: number | null) => formatFixed(n, 2);

/** The readable summary of a report (consolidate/report without --json or --out), in Vietnamese. */
export function reportSummary(r: Report): string {
  const expected = r.units.filter((d) => d.listed);
  const submitted = expected.filter((d) => d.status !== "missing").length;
  const out: string[] = [];
  out.push(`BÁO CÁO TỔNG HỢP XÂY DỰNG NÔNG THÔN MỚI NĂM ${r.year} — đã nhận ${submitted}/${expected.length} ${r.level}\n`);
  out.push(`Bộ tiêu chí ${r.criteriaSet.id} (${r.criteriaSet.size} tiêu chí)\n`);
  out.push(`Đợt: ${ROUND_VI[r.round]}${r.deadline === null ? "" : ` · Hạn nộp: ${deadlineVi(r.deadline)}`}\n`);
  // The cut of a server's report (a report made offline has none): when, after which action, and accepted-only.
  // Completeness (on time, accepted) is the server's: offline there is no deadline nor review to count.
  if (r.cut !== null) {
    out.push(`${cutLine(r.cut)}${r.cut.accepted ? ", chỉ bản đã duyệt" : ""}\n`);
    out.push(`${completenessLine(r.completeness)}\n`);
  }

  out.push("\nCác đơn vị báo cáo\n");
  out.push(
    table(
      ["Mã", "Đơn vị", "Trạng thái", "Lần nộp", "Số xã", "Đạt chuẩn (KH)", "TB tiêu chí (KH)", "Tổng vốn (tr.đ)"],
      r.units.map((d) => [d.code, d.name, STATUS_VI[d.status], d.revision, d.communes, d.ntmPlan, avg(d.avgCriteriaPlan), d.capitalTotal]),
    ),
  );

  out.push("\nTổng quan\n");
  const o = r.overview;
  out.push(
    table(
      ["Chỉ tiêu", "Hiện trạng", "Kế hoạch", "Tăng thêm"],
      [
        ["Tổng số xã", o.communes, o.communes, null],
        ["Xã đạt chuẩn NTM", o.ntm.baseline, o.ntm.plan, o.ntm.added],
        ["Bình quân tiêu chí/xã", avg(o.avgCriteria.baseline), avg(o.avgCriteria.plan), null],
      ],
    ),
  );

  out.push("\nNhóm xã theo số tiêu chí đạt\n");
  out.push(
    table(
      ["Nhóm", "Hiện trạng", "Kế hoạch", "Tỷ lệ KH (%)"],
      r.bands.map((b) => [b.label, b.baseline, b.plan, pct(b.planPercent)]),
    ),
  );

  out.push("\nTiêu chí\n");
  out.push(
    table(
      ["TC", "Tên tiêu chí", "Hiện trạng", "Kế hoạch", "Tăng thêm", "Tỷ lệ KH (%)"],
      r.criteria.map((c) => [String(c.number), c.name, c.baseline, c.plan, c.added, pct(c.planPercent)]),
    ),
  );

  out.push("\nNhóm xã đặc thù\n");
  out.push(
    table(
      ["Nhóm", "Số xã", "TB tiêu chí HT", "TB tiêu chí KH"],
      r.groups.map((g) => [g.label, g.communes, avg(g.avgCriteria.baseline), avg(g.avgCriteria.plan)]),
    ),
  );

  out.push("\nNguồn vốn (triệu đồng)\n");
  out.push(
    table(
      ["STT", "Nguồn vốn", "Kế hoạch", "Tỷ lệ (%)"],
      r.capital.sources.map((s) => [s.key === CAPITAL_TOTAL_KEY ? "" : s.key, s.label, s.amount, pct(s.percent)]),
    ),
  );

  // A result report: plan against achieved for NTM communes and capital (NTM_Results has every row).
  if (r.round === "result" && r.overview.ntm.achieved !== undefined) {
    const total = r.capital.sources.find((s) => s.key === CAPITAL_TOTAL_KEY);
    const share = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${pct(n)}%`);
    out.push("\nKết quả thực hiện so với kế hoạch\n");
    out.push(`Xã đạt chuẩn NTM: kế hoạch ${o.ntm.plan}, thực hiện ${o.ntm.achieved} (${share(o.ntm.achievedPercent)})\n`);
    if (total) {
      const money = (n: number) => formatNumber(n);
      out.push(
        `Tổng vốn: kế hoạch ${money(total.amount)}, thực hiện ${money(total.disbursed ?? 0)} triệu đồng (${share(total.disbursedPercent)})\n`,
      );
    }
  }

  // The year's targets against the plans (cycle.md "Targets"), when the report has them.
  out.push(targetsSection(r));

  if (r.unlisted.length > 0) {
    out.push(`\nXã không còn trong danh mục của cấu hình (${r.unlisted.length})\n`);
    out.push(
      table(
        ["Mã xã", "Tên xã", "Đơn vị"],
        r.unlisted.map((c) => [c.code, c.name, c.unit]),
      ),
    );
  }
  return out.join("");
}
