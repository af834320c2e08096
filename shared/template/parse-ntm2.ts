import type { Issue, Result } from "../result.ts";
import type { Setup } from "../setup/types.ts";
import type { UnitCommune, UnitSubmission } from "../schemas/unit-submission.ts";
import type { SheetInput } from "./input.ts";
import type { CapitalRowSpec } from "./read-capital-table.ts";
import type { Ntm2Columns, UnitInfoKey } from "./ntm2-columns.ts";
import { hasErrors } from "../result.ts";
import { CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { CAPITAL_TOTAL_KEY, CAPITAL_TOTAL_LABEL, capitalPlan } from "../report/capital-rows.ts";
import { checkCommuneList } from "../rules/commune-list-rules.ts";
import { checkUnitCommunes, checkUnitInfo } from "../rules/check-unit-submission.ts";
import { checkResult } from "../rules/result-rules.ts";
import { matchKey } from "../text/match.ts";
import { SHEETS } from "./labels.ts";
import { GROUP_LABELS, NTM2_VERSION, ntm2Columns } from "./ntm2-columns.ts";
import { findSheets, sheetOrder, sortIssues } from "./parse.ts";
import { parseUnitInfo } from "./parse-info-ntm2.ts";
import { readCapitalTable } from "./read-capital-table.ts";
import { readCriteriaTable } from "./read-criteria-table.ts";

/** Issues of check-unit-submission.ts about `Thông tin` and the key whose cell they concern. */
const INFO_ISSUE_KEYS: Record<string, UnitInfoKey> = {
  "info.unit_invalid": "unitCode",
  "info.unit_unknown": "unitCode",
  "info.unit_name_mismatch": "unitName",
  "info.year_invalid": "year",
  "info.year_mismatch": "year",
  "info.criteria_set_mismatch": "criteriaSet",
};

/** The rows of `Nguồn vốn` of a setup: its rows by STT (a row with sub-rows sums its leaves), then the total. */
export function capitalRowSpecs(setup: Pick<Setup, "capitalRows">): CapitalRowSpec[] {
  const plan = capitalPlan(setup.capitalRows);
  // A label of the 2018 list keeps its short start (`Vốn lồng ghép`), as NTM-1 reads it.
  const startOf = (label: string) => CAPITAL_SOURCES.find((s) => matchKey(s.label) === matchKey(label))?.labelStart ?? label;
  const rows: CapitalRowSpec[] = setup.capitalRows.map((r, i) => ({
    key: r.stt,
    stt: r.stt,
    label: r.label,
    labelStart: startOf(r.label),
    ...(plan.isLeaf[i] ? {} : { sumOf: plan.leafIndexes[i]!.map((j) => plan.leaves[j]!), mismatch: "capital.row_sum_mismatch" as const }),
  }));
  rows.push({
    key: CAPITAL_TOTAL_KEY,
    stt: null,
    label: CAPITAL_TOTAL_LABEL,
    labelStart: CAPITAL_TOTAL_LABEL,
    sumOf: plan.leaves,
    mismatch: "capital.total_mismatch",
  });
  return rows;
}

/** What `Tiêu chí` and `Nguồn vốn` hold under a setup, derived once per setup object (its fields are read-only). */
type SetupShape = Pick<Setup, "criteriaSet" | "communes" | "planFlags" | "capitalRows"> & {
  columns: Ntm2Columns;
  capitalSpecs: CapitalRowSpec[];
};
const SHAPES = new WeakMap<Setup, SetupShape>();

function shapeOf(setup: Setup): SetupShape {
  const s = SHAPES.get(setup);
  // The same object with other lists assigned is derived again.
  if (
    s !== undefined &&
    s.criteriaSet === setup.criteriaSet &&
    s.communes === setup.communes &&
    s.planFlags === setup.planFlags &&
    s.capitalRows === setup.capitalRows
  )
    return s;
  const shape: SetupShape = {
    criteriaSet: setup.criteriaSet,
    communes: setup.communes,
    planFlags: setup.planFlags,
    capitalRows: setup.capitalRows,
    columns: ntm2Columns(setup),
    capitalSpecs: capitalRowSpecs(setup),
  };
  SHAPES.set(setup, shape);
  return shape;
}

/**
 * A template NTM-2 (docs/setup.md) → the unit's typed submission plus warnings, or every error and
 * warning. The setup gives what the sheets hold: the unit level (code length), the criteria of the
 * set, the `Nhóm xã`, attribute and flag columns by their labels, the capital rows by STT or label.
 * Every input template.md accepts for NTM-1 is accepted here too (shared readers); then the rules
 * of shared/rules/check-unit-submission.ts run, their issues placed at cells. Never throws.
 */
export function parseNtm2(sheets: SheetInput[], setup: Setup): Result<UnitSubmission> {
  const issues: Issue[] = [];
  const found = findSheets(sheets, issues);
  const { columns, capitalSpecs } = shapeOf(setup);
  const info = parseUnitInfo(found.get(SHEETS.info), setup.level, setup.year);
  // A result template (`Loại biểu` = `Kết quả thực hiện`) has TH and `Thực hiện` besides.
  const result = info.info.round === "result";
  const table = readCriteriaTable(found.get(SHEETS.criteria), {
    criteria: setup.criteriaSet.criteria,
    marks: columns.marks,
    group: columns.group ? GROUP_LABELS : null,
    ...(result ? { achieved: true } : {}),
  });
  const capital = readCapitalTable(found.get(SHEETS.capital), capitalSpecs, result ? { disbursed: true } : {});
  issues.push(...info.issues, ...table.issues, ...capital.issues);

  const t = table.piece;
  const sheetName = t.sheet.length <= 100 ? t.sheet : SHEETS.criteria;
  const cols = t.columns;
  const labels: Record<string, string> = {};
  columns.marks.forEach((m, i) => {
    const col = cols?.marks[i];
    if (col) labels[m.label] = col;
  });
  const communes: UnitCommune[] = [];
  const incompleteRows = new Set<number>();
  const marks = columns.marks;
  for (const r of t.rows) {
    if (r.incomplete) incompleteRows.add(r.row);
    if (r.code === null) continue;
    const attributes: Record<string, boolean> = {};
    const flags: Record<string, boolean> = {};
    for (let k = 0; k < marks.length; k++) {
      const m = marks[k]!;
      if (m.kind === "flag") flags[m.label] = r.marks[k]!;
      else if (cols?.marks[k]) attributes[m.label] = r.marks[k]!;
    }
    communes.push({
      code: r.code,
      name: r.name,
      group: r.group,
      attributes,
      flags,
      baseline: r.baseline,
      plan: r.plan,
      ...(r.achieved ? { achieved: r.achieved } : {}),
      source: { sheet: sheetName, row: r.row },
    });
  }
  const i = info.info;
  const submission: UnitSubmission = {
    templateVersion: NTM2_VERSION,
    unit: i.unitCode ?? "",
    unitName: i.unitName ?? "",
    year: i.year ?? setup.year,
    criteriaSet: i.criteriaSet ?? setup.criteriaSet.id,
    preparedBy: i.preparedBy,
    phone: i.phone,
    preparedOn: i.preparedOn,
    communes,
    capital: capital.piece.leaves,
    ...(result ? { round: "result" as const, disbursed: capital.piece.disbursed ?? {} } : {}),
    ...(cols
      ? {
          source: {
            criteriaSheet: sheetName,
            columns: { code: cols.code, name: cols.name, group: cols.group, labels, criteria: cols.criteria },
          },
        }
      : {}),
  };

  // Info rules only on what was read (a missing or unreadable value has its own issue already).
  const readable: Record<UnitInfoKey, boolean> = {
    unitCode: i.unitCode !== null,
    unitName: i.unitCode !== null && i.unitName !== null,
    year: i.year !== null,
    criteriaSet: i.criteriaSet !== null,
    preparedBy: true,
    phone: true,
    preparedOn: true,
    templateVersion: true,
  };
  let unitKnown = i.unitCode !== null;
  for (const issue of checkUnitInfo(submission, setup)) {
    const key = INFO_ISSUE_KEYS[issue.code];
    if (issue.code === "info.unit_unknown") unitKnown = false;
    if (key === undefined || !readable[key]) continue;
    const where = i.cells[key];
    issues.push({ ...issue, sheet: i.sheet, cell: where?.cell ?? null, row: where?.row ?? null });
  }
  if (t.found) {
    const communeIssues = [
      ...checkUnitCommunes(submission, setup),
      ...(unitKnown ? checkCommuneList(submission, setup, { skipAttributesOf: incompleteRows }) : []),
    ];
    for (const issue of communeIssues) {
      // Rules on a row whose cells (or header) could not all be read would only guess.
      if (issue.row !== null && incompleteRows.has(issue.row) && (issue.code.startsWith("plan.") || issue.code.startsWith("flag.")))
        continue;
      // Rows were there but none had a readable Mã xã: their own issues say so already.
      if (issue.code === "commune.none" && t.rows.length > 0) continue;
      issues.push(issue);
    }
  }
  if (result) {
    const where = { skipRows: incompleteRows, ...(capital.piece.disbursedCells ? { disbursedCells: capital.piece.disbursedCells } : {}) };
    issues.push(...checkResult(t.found ? submission : { ...submission, communes: [] }, setup, where));
  }

  sortIssues(issues, sheetOrder(i.sheet, t.sheet, capital.piece.sheet));
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, value: submission, warnings: issues };
}
