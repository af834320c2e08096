import type { Setup, SetupUnit } from "../setup/types.ts";
import type { SheetModel } from "./sheet-model.ts";
import type { Ntm2Columns } from "./ntm2-columns.ts";
import { cellAddress, rangeAddress } from "./a1.ts";
import { put } from "./build-template.ts";
import { CRITERIA_COLUMNS, CRITERION_CHOICES, FLAG_CHOICES, YES_ARRAY_CONSTANT, criterionLabel } from "./labels.ts";
import { GROUP_LABELS } from "./ntm2-columns.ts";

/**
 * The grid of a generated `Tiêu chí` (NTM-2 plan template, result template): the fixed columns
 * (STT, code, name, group, marks), then under each criterion label its sub-columns (HT, KH; HT, KH,
 * TH on a result), then `Số tiêu chí đạt` with the same sub-columns, live counts and a `Tổng cộng` row.
 */

/** Where things are on a generated `Tiêu chí` (the parser finds columns by label instead). */
export type Ntm2Layout = {
  /** 4 (5 on a result template without a plan: row 4 is the note saying so). */
  headerRow: number;
  firstDataRow: number;
  codeColumn: number;
  nameColumn: number;
  /** `Nhóm xã`, or null when the set has no groups. */
  groupColumn: number | null;
  /** Column of each mark (Ntm2Columns.marks order: attributes, then flags). */
  markColumns: number[];
  /** The sub-columns of the i-th criterion start at firstCriterionColumn + (sub-columns) × i: HT, KH (, TH). */
  firstCriterionColumn: number;
  /** `Số tiêu chí đạt`: its sub-columns as a criterion's. */
  countColumn: number;
};

/** The layout of `size` criteria of `perCriterion` sub-columns each (2: HT, KH; 3: HT, KH, TH). */
export function ntm2Layout(columns: Ntm2Columns, size: number, perCriterion = 2, headerRow = 4): Ntm2Layout {
  const groupColumn = columns.group ? 4 : null;
  const firstMark = (groupColumn ?? 3) + 1;
  const markColumns = columns.marks.map((_, i) => firstMark + i);
  const firstCriterionColumn = firstMark + columns.marks.length;
  return {
    headerRow,
    firstDataRow: headerRow + 2,
    codeColumn: 2,
    nameColumn: 3,
    groupColumn,
    markColumns,
    firstCriterionColumn,
    countColumn: firstCriterionColumn + perCriterion * size,
  };
}

/** `Đơn vị: … - Năm kế hoạch: … - Bộ tiêu chí: …` (row 2). */
export function unitLine(setup: Setup, unit: SetupUnit): string {
  return `Đơn vị: ${unit.name} (mã ${unit.code}) - Năm kế hoạch: ${setup.year} - Bộ tiêu chí: ${setup.criteriaSet.id}`;
}

/** Rows 1.. of the sheet: the title, the unit line, the notes, each merged across to lastCol and styled. */
export function putHeading(m: SheetModel, lastCol: number, title: string, ...notes: string[]): void {
  const lines = [title, ...notes];
  lines.forEach((text, i) => {
    put(m, i + 1, 1, text);
    m.merges.push(rangeAddress(i + 1, 1, i + 1, lastCol));
    m.styles.push({ range: `A${i + 1}`, style: i === 0 ? "title" : i === 1 ? "subtitle" : "note" });
  });
}

type Criteria = Setup["criteriaSet"]["criteria"];

/**
 * The two header rows: each fixed column merged over both; each criterion label and
 * `Số tiêu chí đạt` merged over its sub-columns, the sub-column labels under them.
 */
export function putGridHeader(m: SheetModel, L: Ntm2Layout, columns: Ntm2Columns, crit: Criteria, subs: readonly string[]): void {
  const h1 = L.headerRow;
  const h2 = h1 + 1;
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
  const group = (col: number, label: string) => {
    put(m, h1, col, label);
    for (let j = 1; j < subs.length; j++) put(m, h1, col + j, null);
    m.merges.push(rangeAddress(h1, col, h1, col + subs.length - 1));
    subs.forEach((s, j) => {
      put(m, h2, col + j, s);
    });
  };
  crit.forEach((c, i) => {
    group(L.firstCriterionColumn + subs.length * i, criterionLabel(c.number, c.name));
  });
  group(L.countColumn, CRITERIA_COLUMNS.count[0]);
}

/** Data row r (the index-th): its STT, every cell up to the counts emptied, the commune's code, name and group when there is one. */
export function putCommuneRow(
  m: SheetModel,
  L: Ntm2Layout,
  r: number,
  index: number,
  commune?: { code: string; name: string; group: number | null },
): void {
  put(m, r, 1, index + 1);
  for (let c = 2; c < L.countColumn; c++) put(m, r, c, null);
  if (!commune) return;
  put(m, r, L.codeColumn, commune.code);
  put(m, r, L.nameColumn, commune.name);
  if (L.groupColumn !== null) put(m, r, L.groupColumn, commune.group);
}

// "Is this cell a yes?" as Excel evaluates it: MATCH against every accepted yes form (as NTM-1).
const isYes = (ref: string) => `ISNUMBER(MATCH(${ref},${YES_ARRAY_CONSTANT},0))`;
const yesCount = (range: string) => `SUMPRODUCT(--ISNUMBER(MATCH(${range},${YES_ARRAY_CONSTANT},0)))`;

/** Row r's live counts, one per sub-column: one term per criterion, so inserted columns keep them right. */
export function putRowCounts(m: SheetModel, L: Ntm2Layout, crit: Criteria, perCriterion: number, r: number): void {
  for (let j = 0; j < perCriterion; j++) {
    const terms = crit.map((_, k) => isYes(cellAddress(r, L.firstCriterionColumn + perCriterion * k + j))).join("+");
    put(m, r, L.countColumn + j, { formula: `=${terms}` });
  }
}

/** `Tổng cộng`: the yes count of every mark and criterion column, the communes meeting all in each count column. */
export function putTotalRow(m: SheetModel, L: Ntm2Layout, crit: Criteria, perCriterion: number, first: number, last: number): void {
  const totalRow = last + 1;
  put(m, totalRow, L.nameColumn, "Tổng cộng");
  for (const c of [...L.markColumns, ...crit.flatMap((_, k) => subColumns(L.firstCriterionColumn + perCriterion * k, perCriterion))]) {
    put(m, totalRow, c, { formula: `=${yesCount(rangeAddress(first, c, last, c))}` });
  }
  for (const c of subColumns(L.countColumn, perCriterion)) {
    put(m, totalRow, c, { formula: `=COUNTIF(${rangeAddress(first, c, last, c)},${crit.length})` });
  }
}

function subColumns(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, j) => from + j);
}

/** Column widths: STT, code, name, group, marks, 6 for each criterion sub-column, 7 for each count. */
export function gridWidths(L: Ntm2Layout, crit: Criteria, perCriterion: number): number[] {
  return [
    5,
    9,
    20,
    ...(L.groupColumn === null ? [] : [7]),
    ...L.markColumns.map(() => 10),
    ...crit.flatMap(() => Array<number>(perCriterion).fill(6)),
    ...Array<number>(perCriterion).fill(7),
  ];
}

/** The drop-downs of typed marks (`x`) and of the group (1, 2, 3), from column markFrom on the data rows. */
export function markValidations(m: SheetModel, L: Ntm2Layout, first: number, last: number, markFrom: number, group: boolean): void {
  if (markFrom < L.firstCriterionColumn) {
    m.validations.push({
      range: rangeAddress(first, markFrom, last, L.firstCriterionColumn - 1),
      list: FLAG_CHOICES,
      prompt: "x = có; để trống = không",
    });
  }
  if (group && L.groupColumn !== null) {
    m.validations.push({
      range: rangeAddress(first, L.groupColumn, last, L.groupColumn),
      list: ["1", "2", "3"],
      prompt: "Nhóm xã: 1, 2 hoặc 3",
    });
  }
}

/** The `Đạt` / `Chưa đạt` drop-down of a criterion range. */
export function criterionValidation(range: string): SheetModel["validations"][number] {
  return { range, list: CRITERION_CHOICES, prompt: "Đạt / Chưa đạt" };
}
