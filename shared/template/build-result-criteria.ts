import type { Setup, SetupUnit } from "../setup/types.ts";
import type { UnitCommune, UnitSubmission } from "../schemas/unit-submission.ts";
import type { SheetModel } from "./sheet-model.ts";
import { matchKey } from "../text/match.ts";
import { cellAddress, rangeAddress } from "./a1.ts";
import { ALLOW, emptyModel, fillRows, put } from "./build-template.ts";
import { unitCommunes } from "./build-criteria-ntm2.ts";
import { CRITERIA_COLUMNS, CRITERION_CHOICES, FLAG_CHOICES, SHEETS, SUB_COLUMNS, YES_ARRAY_CONSTANT, criterionLabel } from "./labels.ts";
import { GROUP_LABELS, ntm2Columns } from "./ntm2-columns.ts";
import { ACHIEVED_SUB, NO_PLAN_NOTE } from "./result-labels.ts";
import { fitRowHeights } from "./row-height.ts";

/** Where things are on the generated result `Tiêu chí` (the parser finds columns by label instead). */
export type ResultLayout = {
  /** 4; 5 when there is no plan (row 4 is the note saying so). */
  headerRow: number;
  firstDataRow: number;
  codeColumn: number;
  nameColumn: number;
  groupColumn: number | null;
  markColumns: number[];
  /** HT of the i-th criterion is firstCriterionColumn + 3i, KH the next, TH the one after. */
  firstCriterionColumn: number;
  /** `Số tiêu chí đạt`: HT, KH, TH. */
  countColumn: number;
};

export function resultLayout(setup: Setup, hasPlan: boolean): ResultLayout {
  const columns = ntm2Columns(setup);
  const groupColumn = columns.group ? 4 : null;
  const firstMark = (groupColumn ?? 3) + 1;
  const firstCriterionColumn = firstMark + columns.marks.length;
  const headerRow = hasPlan ? 4 : 5;
  return {
    headerRow,
    firstDataRow: headerRow + 2,
    codeColumn: 2,
    nameColumn: 3,
    groupColumn,
    markColumns: columns.marks.map((_, i) => firstMark + i),
    firstCriterionColumn,
    countColumn: firstCriterionColumn + 3 * setup.criteriaSet.criteria.length,
  };
}

/** A commune row of the result template: from the plan, or from the setup's list (HT/KH empty). */
type Row = { code: string; name: string; group: number | null; marks: Record<string, boolean>; baseline: number[]; plan: number[] };

function rowsOf(setup: Setup, unit: SetupUnit, plan: UnitSubmission | null): Row[] | null {
  if (plan) {
    return plan.communes.map((c: UnitCommune) => ({
      code: c.code,
      name: c.name,
      group: c.group,
      marks: { ...c.attributes, ...c.flags },
      baseline: c.baseline,
      plan: c.plan,
    }));
  }
  const listed = unitCommunes(setup, unit.code);
  return listed === null
    ? null
    : listed.map((c) => ({ code: c.code, name: c.name, group: c.group, marks: { ...c.attributes }, baseline: [], plan: [] }));
}

/** A yes/no mark by the column's accepted labels (a plan of NTM-1 names `Xã biên giới` its own way). */
function markOf(marks: Record<string, boolean>, labels: readonly string[]): boolean {
  const keys = new Set(labels.map(matchKey));
  return Object.entries(marks).some(([k, v]) => v && keys.has(matchKey(k)));
}

/**
 * `Tiêu chí` of the result template (docs/template.md "Biểu kết quả thực hiện"): under each
 * criterion label HT, KH (pre-filled from the unit's plan, locked) and TH (to fill, the drop-down of
 * KH); the commune rows are the plan's (else the setup's list for the unit, else blank rows), their
 * code, name, group and marks locked as the NTM-2 template locks pre-filled communes. Without a
 * plan, row 4 says so and HT/KH stay empty.
 */
export function buildResultCriteriaSheet(setup: Setup, unit: SetupUnit, plan: UnitSubmission | null, blankRows = 30): SheetModel {
  const m = emptyModel(SHEETS.criteria);
  const columns = ntm2Columns(setup);
  const crit = setup.criteriaSet.criteria;
  const L = resultLayout(setup, plan !== null);
  const rows = rowsOf(setup, unit, plan);
  const dataRows = Math.max(rows === null ? blankRows : rows.length, 1);
  const { headerRow: h1, firstDataRow: first, countColumn: countCol } = L;
  const h2 = h1 + 1;
  const last = first + dataRows - 1;
  const totalRow = last + 1;
  const lastCol = countCol + 2;
  const htCol = (i: number) => L.firstCriterionColumn + 3 * i;
  const year = setup.year;

  put(m, 1, 1, `BIỂU KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM ${year}`);
  put(m, 2, 1, `Đơn vị: ${unit.name} (mã ${unit.code}) - Năm kế hoạch: ${year} - Bộ tiêu chí: ${setup.criteriaSet.id}`);
  put(
    m,
    3,
    1,
    `HT: đạt đến 31/12/${year - 1}; KH: kế hoạch đạt đến 31/12/${year}; TH: thực tế đạt đến 31/12/${year} (lũy kế, cả tiêu chí đã đạt). ` +
      `HT, KH lấy từ kế hoạch của đơn vị (không sửa). Ở cột TH chọn "Đạt" hoặc "Chưa đạt".`,
  );
  m.merges.push(rangeAddress(1, 1, 1, lastCol), rangeAddress(2, 1, 2, lastCol), rangeAddress(3, 1, 3, lastCol));
  if (!plan) {
    put(m, 4, 1, NO_PLAN_NOTE);
    m.merges.push(rangeAddress(4, 1, 4, lastCol));
  }

  const fixed: [number, string][] = [
    [1, CRITERIA_COLUMNS.stt[0]],
    [L.codeColumn, CRITERIA_COLUMNS.code[0]],
    [L.nameColumn, CRITERIA_COLUMNS.name[0]],
    ...(L.groupColumn === null ? [] : ([[L.groupColumn, GROUP_LABELS[0]]] as [number, string][])),
    ...columns.marks.map((c, i) => [L.markColumns[i]!, c.label] as [number, string]),
  ];
  for (const [col, label] of fixed) {
    put(m, h1, col, label);
    put(m, h2, col, null);
    m.merges.push(rangeAddress(h1, col, h2, col));
  }
  const subs = [SUB_COLUMNS.baseline[0], SUB_COLUMNS.plan[0], ACHIEVED_SUB[0]];
  crit.forEach((c, i) => {
    put(m, h1, htCol(i), criterionLabel(c.number, c.name));
    put(m, h1, htCol(i) + 1, null);
    put(m, h1, htCol(i) + 2, null);
    m.merges.push(rangeAddress(h1, htCol(i), h1, htCol(i) + 2));
    subs.forEach((s, j) => {
      put(m, h2, htCol(i) + j, s);
    });
  });
  put(m, h1, countCol, CRITERIA_COLUMNS.count[0]);
  put(m, h1, countCol + 1, null);
  put(m, h1, countCol + 2, null);
  m.merges.push(rangeAddress(h1, countCol, h1, countCol + 2));
  subs.forEach((s, j) => {
    put(m, h2, countCol + j, s);
  });

  const isYes = (ref: string) => `ISNUMBER(MATCH(${ref},${YES_ARRAY_CONSTANT},0))`;
  const yesCount = (range: string) => `SUMPRODUCT(--ISNUMBER(MATCH(${range},${YES_ARRAY_CONSTANT},0)))`;
  const yesNo = (has: boolean) => (has ? CRITERION_CHOICES[0] : CRITERION_CHOICES[1]);
  for (let r = first; r <= last; r++) {
    const i = r - first;
    const row = rows?.[i];
    put(m, r, 1, i + 1);
    for (let c = 2; c < countCol; c++) put(m, r, c, null);
    if (row) {
      put(m, r, L.codeColumn, row.code);
      put(m, r, L.nameColumn, row.name);
      if (L.groupColumn !== null) put(m, r, L.groupColumn, row.group);
      columns.marks.forEach((c, j) => {
        if (markOf(row.marks, c.labels)) put(m, r, L.markColumns[j]!, FLAG_CHOICES[0]);
      });
      if (plan) {
        crit.forEach((c, k) => {
          put(m, r, htCol(k), yesNo(row.baseline.includes(c.number)));
          put(m, r, htCol(k) + 1, yesNo(row.plan.includes(c.number)));
        });
      }
    }
    const terms = (offset: number) => crit.map((_, k) => isYes(cellAddress(r, htCol(k) + offset))).join("+");
    for (let j = 0; j < 3; j++) put(m, r, countCol + j, { formula: `=${terms(j)}` });
  }
  put(m, totalRow, L.nameColumn, "Tổng cộng");
  for (const c of [...L.markColumns, ...crit.flatMap((_, k) => [htCol(k), htCol(k) + 1, htCol(k) + 2])]) {
    put(m, totalRow, c, { formula: `=${yesCount(rangeAddress(first, c, last, c))}` });
  }
  for (let j = 0; j < 3; j++) {
    const c = countCol + j;
    put(m, totalRow, c, { formula: `=COUNTIF(${rangeAddress(first, c, last, c)},${crit.length})` });
  }

  m.columnWidths = [
    5,
    9,
    20,
    ...(L.groupColumn === null ? [] : [7]),
    ...columns.marks.map(() => 10),
    ...crit.flatMap(() => [6, 6, 6]),
    7,
    7,
    7,
  ];
  // Typed by the unit: TH always; code..marks only on blank rows (no plan, no commune list).
  const thCells = crit.map((_, k) => rangeAddress(first, htCol(k) + 2, last, htCol(k) + 2));
  const blank = rows === null;
  m.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: "A3", style: "note" },
    ...(plan ? [] : [{ range: "A4", style: "note" as const }]),
    { range: rangeAddress(h1, 1, h2, lastCol), style: "header" },
    { range: rangeAddress(first, 2, last, countCol - 1), style: "computed" },
    ...(blank ? [{ range: rangeAddress(first, 1, last, L.firstCriterionColumn - 1), style: "input" as const }] : []),
    ...thCells.map((range) => ({ range, style: "input" as const })),
    { range: rangeAddress(first, countCol, last, lastCol), style: "computed" },
    { range: rangeAddress(totalRow, 1, totalRow, lastCol), style: "total" },
  );
  m.numberFormats.push({ range: rangeAddress(first, L.codeColumn, last, L.codeColumn), format: "@" });
  if (blank && L.markColumns.length > 0) {
    m.validations.push({
      range: rangeAddress(first, L.markColumns[0]!, last, L.firstCriterionColumn - 1),
      list: FLAG_CHOICES,
      prompt: "x = có; để trống = không",
    });
  }
  if (blank && L.groupColumn !== null) {
    m.validations.push({
      range: rangeAddress(first, L.groupColumn, last, L.groupColumn),
      list: ["1", "2", "3"],
      prompt: "Nhóm xã: 1, 2 hoặc 3",
    });
  }
  for (const range of thCells) m.validations.push({ range, list: CRITERION_CHOICES, prompt: "Đạt / Chưa đạt" });
  m.freeze = { rows: h2, columns: 3 };
  const unlocked = blank ? [rangeAddress(first, 1, last, L.firstCriterionColumn - 1), ...thCells] : thCells;
  m.protection = { unlocked, allow: ALLOW };
  m.print = { orientation: "landscape", repeatRows: `${h1}:${h2}` };
  m.rowHeights = fitRowHeights(m, [1, 2, 3, ...(plan ? [] : [4]), h1, h2]);
  fillRows(m);
  return m;
}
