import type { Issue } from "../result.ts";
import { isPlanYear } from "../schemas/plan-year.ts";
import { address, cell, sheetRow, toGrid } from "../template/grid.ts";
import type { SheetInput } from "../template/input.ts";
import { showValue } from "../template/messages.ts";
import { readDate } from "../template/parse-info.ts";
import { isEmptyCell } from "../template/yes-no.ts";
import { cleanText, matchKey, stripDiacritics } from "../text/match.ts";
import type { YearKey } from "./labels.ts";
import { LEVEL_WORDS, SETUP_SHEETS, YEAR_KEYS } from "./labels.ts";
import { setupIssue } from "./messages.ts";
import type { SetupPlace } from "./messages.ts";
import type { UnitLevel } from "./types.ts";

export type YearSheet = {
  sheet: string;
  year: number | null;
  criteriaSet: string | null;
  level: UnitLevel | null;
  deadlines: { plan: string | null; result: string | null };
  /** A1 address of each key's value cell. */
  cells: Partial<Record<YearKey, string>>;
};

const KEY_BY_MATCH = new Map<string, YearKey>((Object.entries(YEAR_KEYS) as [YearKey, string][]).map(([k, label]) => [matchKey(label), k]));
const REQUIRED: readonly YearKey[] = ["year", "criteriaSet", "level"];
const LEVEL_BY_MATCH = new Map<string, UnitLevel>(
  (Object.entries(LEVEL_WORDS) as [UnitLevel, string][]).flatMap(([level, word]) => [
    [stripDiacritics(matchKey(word)), level],
    [stripDiacritics(matchKey(`Cấp ${word}`)), level],
  ]),
);

/**
 * `Năm` (docs/setup.md): key in the first filled cell of a row (column A in the workbook), value in
 * the cell to its right, any order, other rows (a title, notes) ignored. `Năm kế hoạch` a plan year
 * (number or 4-digit text), `Bộ tiêu chí` a set id, `Cấp đơn vị báo cáo` `Huyện` or `Xã` (also
 * without diacritics, or `Cấp huyện`), the two deadlines dates (serial, dd/mm/yyyy, yyyy-mm-dd).
 */
export function readYearSheet(sheet: SheetInput | undefined, issues: Issue[]): YearSheet | null {
  if (!sheet) {
    issues.push(setupIssue("setup.sheet_missing", { sheet: SETUP_SHEETS.year }, { sheet: SETUP_SHEETS.year }));
    return null;
  }
  const grid = toGrid(sheet);
  const out: YearSheet = {
    sheet: grid.name,
    year: null,
    criteriaSet: null,
    level: null,
    deadlines: { plan: null, result: null },
    cells: {},
  };
  const values: Partial<Record<YearKey, unknown>> = {};
  const places: Partial<Record<YearKey, SetupPlace>> = {};
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    let c = 0;
    while (c < row.length && isEmptyCell(row[c])) c++;
    const label = row[c];
    const key = typeof label === "string" ? KEY_BY_MATCH.get(matchKey(label)) : undefined;
    if (!key || key in values) continue;
    values[key] = cell(grid, r, c + 1);
    out.cells[key] = address(grid, r, c + 1);
    places[key] = { sheet: grid.name, cell: out.cells[key], row: sheetRow(grid, r) };
  }
  const at = (key: YearKey): SetupPlace => places[key] ?? { sheet: grid.name };
  for (const key of REQUIRED) {
    const v = values[key];
    if (isEmptyCell(v) || (typeof v === "string" && cleanText(v) === "")) {
      issues.push(setupIssue("setup.key_missing", at(key), { key: YEAR_KEYS[key] }));
    }
  }

  const year = values.year;
  if (!isEmptyCell(year)) {
    const n = typeof year === "number" ? year : typeof year === "string" && /^\d{4}$/.test(cleanText(year)) ? Number(cleanText(year)) : NaN;
    if (isPlanYear(n)) out.year = n;
    else issues.push(setupIssue("setup.year_invalid", at("year"), { value: showValue(year) }));
  }
  const set = values.criteriaSet;
  if (typeof set === "string" && cleanText(set) !== "") out.criteriaSet = cleanText(set);
  else if (typeof set === "number") out.criteriaSet = String(set);

  const level = values.level;
  if (!isEmptyCell(level) && !(typeof level === "string" && cleanText(level) === "")) {
    out.level = typeof level === "string" ? (LEVEL_BY_MATCH.get(stripDiacritics(matchKey(level))) ?? null) : null;
    if (out.level === null) issues.push(setupIssue("setup.level_invalid", at("level"), { value: showValue(level) }));
  }
  for (const key of ["plan", "result"] as const) {
    const v = values[key];
    if (isEmptyCell(v)) continue;
    out.deadlines[key] = readDate(v);
    if (out.deadlines[key] === null) issues.push(setupIssue("setup.date_invalid", at(key), { key: YEAR_KEYS[key], value: showValue(v) }));
  }
  return out;
}
