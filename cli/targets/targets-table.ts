import type { TargetRow } from "../../shared/schemas/report.ts";
import { table } from "../output.ts";

/** Targets against the plans as a text table (Chỉ tiêu, Mục tiêu, Tổng kế hoạch, Chênh lệch, Đạt/Chưa đạt). */
export function targetsTable(rows: readonly TargetRow[]): string {
  return table(
    ["Chỉ tiêu", "Mục tiêu", "Tổng kế hoạch", "Chênh lệch", "Đạt/Chưa đạt"],
    rows.map((t) => [t.label, t.target, t.plan, t.gap, t.met ? "Đạt" : "Chưa đạt"]),
  );
}

/** The report's targets (province, then each unit's) as text; empty when the report has none. */
export function targetsSection(report: {
  year: number;
  targets?: readonly TargetRow[] | undefined;
  unitTargets?: readonly { unit: string; targets: readonly TargetRow[] }[] | undefined;
}): string {
  const out: string[] = [];
  if (report.targets && report.targets.length > 0) {
    const met = report.targets.filter((t) => t.met).length;
    out.push(`\nChỉ tiêu năm ${report.year} so với tổng kế hoạch (vốn: triệu đồng) — đạt ${met}/${report.targets.length}\n`);
    out.push(targetsTable(report.targets));
  }
  for (const u of report.unitTargets ?? []) {
    out.push(`\nChỉ tiêu giao cho đơn vị ${u.unit}\n`);
    out.push(targetsTable(u.targets));
  }
  return out.join("");
}
