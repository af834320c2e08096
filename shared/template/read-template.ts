import type { Issue, Result } from "../result.ts";
import type { Setup } from "../setup/types.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import type { SheetInput } from "./input.ts";
import { hasErrors } from "../result.ts";
import { checkCommuneList } from "../rules/commune-list-rules.ts";
import { fromNtm1, ntm1Reference } from "../setup/from-ntm1.ts";
import { matchKey } from "../text/match.ts";
import { toGrid } from "./grid.ts";
import { INFO_KEYS, SHEETS } from "./labels.ts";
import { makeIssue } from "./messages.ts";
import { NTM2_VERSION, UNIT_INFO_KEYS } from "./ntm2-columns.ts";
import { findSheets, parseWorkbook, sheetOrder, sortIssues } from "./parse.ts";
import { parseInfo, scanKeys, versionOf } from "./parse-info.ts";
import { parseNtm2 } from "./parse-ntm2.ts";

/**
 * A filled template of either version, read under the year's setup: the unit's submission in the
 * general shape (rules and reports take this), the version it was typed in, and for NTM-1 the
 * original submission (what the NTM-1 API body is).
 */
export type TemplateReading = {
  version: "NTM-1" | "NTM-2";
  submission: UnitSubmission;
  /** The NTM-1 submission when version is NTM-1, else null. */
  ntm1: Submission | null;
};

const PROBE_KEYS = new Map<string, "version" | "unit" | "set">([
  [matchKey(INFO_KEYS.templateVersion), "version"],
  [matchKey(UNIT_INFO_KEYS.unitCode[0]), "unit"],
  [matchKey(UNIT_INFO_KEYS.criteriaSet[0]), "set"],
]);

/**
 * The version a workbook says it is: `Phiên bản biểu mẫu` when it names NTM-1 or NTM-2; when the
 * cell is empty or absent, NTM-2 if `Thông tin` has `Mã đơn vị` or `Bộ tiêu chí`, else NTM-1
 * (template.md: absent means NTM-1); null for another version (or no `Thông tin`).
 */
export function templateVersionOf(sheets: readonly SheetInput[]): "NTM-1" | "NTM-2" | null {
  const info = findSheets(sheets, []).get(SHEETS.info);
  if (!info) return null;
  const { values } = scanKeys(toGrid(info), PROBE_KEYS);
  const typed = values.version;
  if (typeof typed === "string" && typed.trim() !== "") return versionOf(typed);
  if (typed !== undefined && typed !== "" && typed !== null) return null;
  return values.unit !== undefined || values.set !== undefined ? NTM2_VERSION : "NTM-1";
}

/**
 * A filled template (NTM-1 or NTM-2, docs/setup.md "both versions parse for any year") → the unit's
 * submission under `setup`, with every error and warning at its cell. NTM-1 is read by template.md's
 * parser with the setup's districts and set (when NTM-1 can express the setup: level huyện, 19
 * criteria; else `info.version_not_for_setup`), then brought to the general shape by `fromNtm1`
 * and checked against the commune list; NTM-2 by parse-ntm2.ts. A template of another year than
 * the setup's is `info.year_mismatch`. Never throws.
 */
export function readTemplate(sheets: SheetInput[], setup: Setup): Result<TemplateReading> {
  const version = templateVersionOf(sheets) ?? (setup.origin === "builtin" ? "NTM-1" : NTM2_VERSION);
  if (version === NTM2_VERSION) {
    const r = parseNtm2(sheets, setup);
    return r.ok ? { ok: true, value: { version, submission: r.value, ntm1: null }, warnings: r.warnings } : r;
  }
  return readNtm1(sheets, setup);
}

function readNtm1(sheets: SheetInput[], setup: Setup): Result<TemplateReading> {
  const found = findSheets(sheets, []);
  const info = parseInfo(found.get(SHEETS.info)).info;
  const ref = ntm1Reference(setup);
  if (ref === null) {
    const where = info.cells.templateVersion ?? info.cells.districtCode;
    const issue = makeIssue(
      "info.version_not_for_setup",
      { sheet: info.sheet, cell: where?.cell ?? null, row: where?.row ?? null },
      { year: setup.year, level: setup.level, set: setup.criteriaSet.id, size: setup.criteriaSet.criteria.length },
    );
    return { ok: false, issues: [issue] };
  }
  const parsed = parseWorkbook(sheets, ref);
  const issues: Issue[] = [...(parsed.ok ? parsed.warnings : parsed.issues)];
  if (info.year !== null && info.year !== setup.year) {
    const where = info.cells.year;
    issues.push(
      makeIssue(
        "info.year_mismatch",
        { sheet: info.sheet, cell: where?.cell ?? null, row: where?.row ?? null },
        { value: info.year, year: setup.year },
      ),
    );
  }
  const submission = parsed.ok ? fromNtm1(parsed.value, setup.criteriaSet.id) : null;
  const unitKnown = parsed.ok && setup.units.some((u) => u.code === parsed.value.district);
  if (submission && unitKnown) issues.push(...checkCommuneList(submission, setup));
  const nameOf = (sheet: string) => found.get(sheet)?.name ?? sheet;
  sortIssues(issues, sheetOrder(info.sheet, nameOf(SHEETS.criteria), nameOf(SHEETS.capital)));
  if (hasErrors(issues) || !parsed.ok || submission === null) return { ok: false, issues };
  return { ok: true, value: { version: "NTM-1", submission, ntm1: parsed.value }, warnings: issues };
}
