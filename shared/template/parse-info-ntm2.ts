import type { Issue } from "../result.ts";
import type { UnitLevel } from "../setup/types.ts";
import type { SheetInput } from "./input.ts";
import type { UnitInfoKey } from "./ntm2-columns.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { readCode } from "./commune-code.ts";
import { toGrid } from "./grid.ts";
import { SHEETS } from "./labels.ts";
import { makeIssue, showValue } from "./messages.ts";
import { UNIT_CODE_DIGITS } from "../setup/labels.ts";
import { NTM2_VERSION, UNIT_CODE_EXAMPLE, UNIT_INFO_KEYS } from "./ntm2-columns.ts";
import { RESULT_KIND, ROUND_KEY, roundOfKind } from "./result-labels.ts";
import { MAX_TEXT, isBlank, readPreparer, readText, readYear, scanKeys, versionOf } from "./parse-info.ts";
import { isEmptyCell } from "./yes-no.ts";

/** What `Thông tin` of NTM-2 says, before the setup's rules (shared/rules/check-unit-submission.ts). */
export type UnitInfoPiece = {
  sheet: string;
  unitCode: string | null;
  unitName: string | null;
  year: number | null;
  /** `Bộ tiêu chí` as typed (null when absent: the setup's set is assumed). */
  criteriaSet: string | null;
  preparedBy: string | null;
  phone: string | null;
  preparedOn: string | null;
  /** `Loại biểu`: `result` for `Kết quả thực hiện`; `plan` when absent, empty or `Kế hoạch`. */
  round: "plan" | "result";
  /** Worksheet address (A1) and row of each key's value cell, for issues found later. */
  cells: Partial<Record<UnitInfoKey | "round", { cell: string; row: number }>>;
};

const KEY_BY_MATCH = new Map<string, UnitInfoKey | "round">([
  ...(Object.entries(UNIT_INFO_KEYS) as [UnitInfoKey, readonly string[]][]).flatMap(([k, labels]) =>
    labels.map((l) => [matchKey(l), k] as const),
  ),
  ...ROUND_KEY.map((l) => [matchKey(l), "round"] as const),
]);
const REQUIRED: readonly UnitInfoKey[] = ["unitCode", "unitName", "year"];

/** Reads `Thông tin` of NTM-2 for a setup of `level` in `year`: the unit, year, set and preparer. */
export function parseUnitInfo(sheet: SheetInput | undefined, level: UnitLevel, year: number): { info: UnitInfoPiece; issues: Issue[] } {
  const issues: Issue[] = [];
  const info: UnitInfoPiece = {
    sheet: SHEETS.info,
    unitCode: null,
    unitName: null,
    year: null,
    criteriaSet: null,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    round: "plan",
    cells: {},
  };
  if (!sheet) {
    issues.push(makeIssue("sheet.missing", { sheet: SHEETS.info }, { sheet: SHEETS.info }));
    return { info, issues };
  }
  const grid = toGrid(sheet);
  info.sheet = grid.name;
  const { values, cells } = scanKeys(grid, KEY_BY_MATCH);
  info.cells = cells;
  const at = (key: UnitInfoKey | "round") => ({ sheet: info.sheet, cell: cells[key]?.cell ?? null, row: cells[key]?.row ?? null });

  for (const key of REQUIRED) {
    if (isBlank(values[key])) issues.push(makeIssue("info.missing_key", at(key), { key: UNIT_INFO_KEYS[key][0] }));
  }
  const code = values.unitCode;
  if (!isEmptyCell(code)) {
    const digits = UNIT_CODE_DIGITS[level];
    const example = UNIT_CODE_EXAMPLE[level];
    const read = readCode(code, digits);
    if (read.ok) info.unitCode = read.code;
    else issues.push(makeIssue("info.unit_invalid", at("unitCode"), { value: showValue(code), year, level, digits, example }));
  }
  info.unitName = readText(values.unitName, MAX_TEXT.districtName, at("unitName"), issues, "error");
  info.year = readYear(values.year, at("year"), issues);
  const set = values.criteriaSet;
  if (!isBlank(set)) info.criteriaSet = typeof set === "string" ? cleanText(set).slice(0, 50) : showValue(set);
  const preparer = readPreparer(values, at, issues);
  info.preparedBy = preparer.preparedBy;
  info.phone = preparer.phone;
  info.preparedOn = preparer.preparedOn;

  const round = roundOfKind(values.round);
  if (round === null)
    issues.push(makeIssue("result.kind_invalid", at("round"), { value: showValue(values.round), expected: RESULT_KIND[0] }));
  else info.round = round;

  const version = values.templateVersion;
  if (!isEmptyCell(version) && versionOf(version) !== NTM2_VERSION) {
    issues.push(
      makeIssue("info.version_unsupported", at("templateVersion"), {
        value: showValue(version),
        expected: NTM2_VERSION,
      }),
    );
  }
  return { info, issues };
}
