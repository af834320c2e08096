import type { Issue, Result } from "../result.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Commune, Submission } from "../schemas/submission.ts";
import type { SheetInput } from "./input.ts";
import type { InfoKey } from "./labels.ts";
import { hasErrors } from "../result.ts";
import { matchKey } from "../text/match.ts";
import { checkCommunes, checkInfo } from "../rules/check-submission.ts";
import { parseCell } from "./a1.ts";
import { SHEETS, TEMPLATE_VERSION } from "./labels.ts";
import { makeIssue } from "./messages.ts";
import { parseCapital } from "./parse-capital.ts";
import { parseCriteria } from "./parse-criteria.ts";
import { parseInfo } from "./parse-info.ts";

const WANTED = [SHEETS.info, SHEETS.criteria, SHEETS.capital] as const;
/** Issues of check-submission.ts about `Thông tin` and the key whose cell they concern. */
const INFO_ISSUE_KEYS: Record<string, InfoKey> = {
  "info.district_unknown": "districtCode",
  "info.district_name_mismatch": "districtName",
  "info.year_invalid": "year",
};

/**
 * The whole template (docs/template.md) → a typed Submission plus warnings, or every error and warning.
 * Sheets are found by name after matching; each reader reports cell issues at real worksheet
 * addresses; then the typed rules of check-submission.ts run. Never throws, whatever the input.
 */
export function parseWorkbook(sheets: SheetInput[], ref: ReferenceData): Result<Submission> {
  const issues: Issue[] = [];
  const found = findSheets(sheets, issues);

  const info = parseInfo(found.get(SHEETS.info));
  const crit = parseCriteria(found.get(SHEETS.criteria), ref.criteria);
  const capital = parseCapital(found.get(SHEETS.capital));
  issues.push(...info.issues, ...crit.issues, ...capital.issues);

  const sheetName = crit.piece.sheet.length <= 100 ? crit.piece.sheet : SHEETS.criteria;
  const communes: Commune[] = [];
  const incompleteRows = new Set<number>();
  for (const c of crit.piece.communes) {
    if (c.incomplete) incompleteRows.add(c.row);
    if (c.code === null) continue;
    communes.push({
      code: c.code,
      name: c.name,
      flags: c.flags,
      baseline: c.baseline,
      plan: c.plan,
      source: { sheet: sheetName, row: c.row },
    });
  }
  const i = info.info;
  const submission: Submission = {
    templateVersion: TEMPLATE_VERSION,
    district: i.districtCode ?? "",
    districtName: i.districtName ?? "",
    year: i.year ?? 0,
    preparedBy: i.preparedBy,
    phone: i.phone,
    preparedOn: i.preparedOn,
    communes,
    capital: capital.piece.leaves,
    ...(crit.piece.columns ? { source: { criteriaSheet: sheetName, columns: crit.piece.columns } } : {}),
  };

  if (i.districtCode !== null && i.districtName !== null && i.year !== null) {
    for (const issue of checkInfo(submission, ref)) {
      const key = INFO_ISSUE_KEYS[issue.code];
      const where = key ? i.cells[key] : undefined;
      issues.push({ ...issue, sheet: i.sheet, cell: where?.cell ?? null, row: where?.row ?? null });
    }
  }
  if (crit.piece.found) {
    for (const issue of checkCommunes(submission, ref)) {
      // Rules on a row whose cells (or header) could not all be read would only guess.
      if (issue.row !== null && incompleteRows.has(issue.row) && (issue.code.startsWith("plan.") || issue.code.startsWith("flag.")))
        continue;
      // Rows were there but none had a readable Mã xã: their own issues say so already.
      if (issue.code === "commune.none" && crit.piece.communes.length > 0) continue;
      issues.push(issue);
    }
  }

  sortIssues(issues, sheetOrder(i.sheet, crit.piece.sheet, capital.piece.sheet));
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, value: submission, warnings: issues };
}

/**
 * The template's sheets by their canonical name (`Thông tin`, `Tiêu chí`, `Nguồn vốn`), found after
 * matching; a second sheet of the same name is `sheet.duplicate` (the first is read).
 */
export function findSheets(sheets: readonly SheetInput[], issues: Issue[]): Map<string, SheetInput> {
  const list: unknown[] = Array.isArray(sheets) ? sheets : [];
  const found = new Map<string, SheetInput>();
  const wantedKeys = new Map<string, string>(WANTED.map((n) => [matchKey(n), n]));
  for (const s of list) {
    if (typeof s !== "object" || s === null) continue;
    const name = (s as { name?: unknown }).name;
    if (typeof name !== "string" || name.length > 200) continue;
    const canonical = wantedKeys.get(matchKey(name));
    if (canonical === undefined) continue;
    if (found.has(canonical)) issues.push(makeIssue("sheet.duplicate", { sheet: name }, { sheet: canonical }));
    else found.set(canonical, s as SheetInput);
  }
  return found;
}

/** Order of the sheets in issue lists: info, criteria, capital (as found and as named by the template). */
export function sheetOrder(info: string, criteria: string, capital: string): Map<string, number> {
  return new Map([
    [info, 0],
    [SHEETS.info, 0],
    [criteria, 1],
    [SHEETS.criteria, 1],
    [capital, 2],
    [SHEETS.capital, 2],
  ]);
}

/** Sheet order (workbook-level issues first), then row, then column; stable otherwise. */
export function sortIssues(issues: Issue[], order: Map<string, number>): void {
  const col = (cell: string | null) => (cell ? (parseCell(cell)?.column ?? 0) : 0);
  const keyed = issues.map((issue, n) => ({
    issue,
    n,
    s: issue.sheet === null ? -1 : (order.get(issue.sheet) ?? 3),
    r: issue.row ?? 0,
    c: col(issue.cell),
  }));
  keyed.sort((a, b) => a.s - b.s || a.r - b.r || a.c - b.c || a.n - b.n);
  for (let k = 0; k < keyed.length; k++) issues[k] = keyed[k]!.issue;
}
