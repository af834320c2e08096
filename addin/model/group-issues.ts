import type { Issue } from "../../shared/result.ts";
import { parseCell } from "../../shared/template/a1.ts";

/** Issues of one sheet (null = workbook-level), errors first then warnings, in cell order. */
export type IssueGroup = { sheet: string | null; errors: Issue[]; warnings: Issue[] };

const SHEET_ORDER = ["Thông tin", "Tiêu chí", "Nguồn vốn"];

function cellKey(i: Issue): [number, number] {
  const p = parseCell(i.cell ?? "");
  return p ? [p.row, p.column] : [i.row ?? 0, 0];
}

function byCell(a: Issue, b: Issue): number {
  const [ra, ca] = cellKey(a);
  const [rb, cb] = cellKey(b);
  return ra - rb || ca - cb;
}

/** Groups issues by sheet (template order, then others, workbook-level first). */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const groups = new Map<string | null, IssueGroup>();
  for (const i of issues) {
    const g = groups.get(i.sheet) ?? { sheet: i.sheet, errors: [], warnings: [] };
    (i.severity === "error" ? g.errors : g.warnings).push(i);
    groups.set(i.sheet, g);
  }
  const rank = (s: string | null) => (s === null ? -1 : SHEET_ORDER.indexOf(s) === -1 ? SHEET_ORDER.length : SHEET_ORDER.indexOf(s));
  return [...groups.values()]
    .map((g) => ({ ...g, errors: [...g.errors].sort(byCell), warnings: [...g.warnings].sort(byCell) }))
    .sort((a, b) => rank(a.sheet) - rank(b.sheet) || String(a.sheet).localeCompare(String(b.sheet)));
}
