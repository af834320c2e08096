import type { Setup, SetupCommune, SetupUnit } from "../setup/types.ts";
import type { SheetModel } from "./sheet-model.ts";
import type { Ntm2Columns } from "./ntm2-columns.ts";
import { cellAddress, rangeAddress } from "./a1.ts";
import { ALLOW, emptyModel, fillRows, put } from "./build-template.ts";
import { CRITERIA_COLUMNS, CRITERION_CHOICES, FLAG_CHOICES, SHEETS, SUB_COLUMNS, YES_ARRAY_CONSTANT, criterionLabel } from "./labels.ts";
import { GROUP_LABELS, ntm2Columns } from "./ntm2-columns.ts";
import { fitRowHeights } from "./row-height.ts";

/** Where things are on the generated `Tiêu chí` of NTM-2 (the parser finds columns by label instead). */
export type Ntm2Layout = {
  headerRow: number;
  firstDataRow: number;
  codeColumn: number;
  nameColumn: number;
  /** `Nhóm xã`, or null when the set has no groups. */
  groupColumn: number | null;
  /** Column of each mark (Ntm2Columns.marks order: attributes, then flags). */
  markColumns: number[];
  /** HT column of the i-th criterion of the set is firstCriterionColumn + 2i, KH the next. */
  firstCriterionColumn: number;
  /** `Số tiêu chí đạt` (HT; KH the next). */
  countColumn: number;
};

export function ntm2Layout(columns: Ntm2Columns, size: number): Ntm2Layout {
  const groupColumn = columns.group ? 4 : null;
  const firstMark = (groupColumn ?? 3) + 1;
  const markColumns = columns.marks.map((_, i) => firstMark + i);
  const firstCriterionColumn = firstMark + columns.marks.length;
  return {
    headerRow: 4,
    firstDataRow: 6,
    codeColumn: 2,
    nameColumn: 3,
    groupColumn,
    markColumns,
    firstCriterionColumn,
    countColumn: firstCriterionColumn + 2 * size,
  };
}

/**
 * HT pre-filled from the previous year (carry-over, shared/cycle/carry-over.ts): per commune code
 * the criteria met (written `Đạt`, the set's others `Chưa đạt`); the notes for the unit (shown in
 * `Thông tin`). The unit can change every pre-filled HT.
 */
export type HtPrefill = { fromYear: number; baseline: Readonly<Record<string, readonly number[]>>; notes: readonly string[] };

/** The communes of a unit in the setup's list (list order); null when the setup registers none. */
export function unitCommunes(setup: Pick<Setup, "communes">, unit: string): SetupCommune[] | null {
  return setup.communes === null ? null : setup.communes.filter((c) => c.unit === unit);
}

/** The sentence of `Tiêu chí` row 3 (and `Thông tin`) on a carry-over: HT pre-filled, or left empty (no commune with data). */
export function prefillSentence(prefill: HtPrefill): string {
  return Object.keys(prefill.baseline).length > 0
    ? `HT đã điền sẵn từ số liệu năm ${prefill.fromYear} (xem ghi chú ở sheet Thông tin); đơn vị kiểm tra và sửa nếu cần.`
    : `HT chưa điền sẵn từ số liệu năm ${prefill.fromYear} (xem ghi chú ở sheet Thông tin).`;
}

/**
 * `Tiêu chí` of NTM-2 for one unit: the set's criteria (HT/KH each), the `Nhóm xã`, attribute and
 * plan-flag columns of the setup, live counts and a `Tổng cộng` row as NTM-1 has them. With a
 * registered commune list the unit's communes are pre-filled (code, name, group, attributes) and
 * locked: only the plan flags and HT/KH are unlocked. Without one the rows are blank, as in NTM-1.
 */
export function buildNtm2CriteriaSheet(setup: Setup, unit: SetupUnit, blankRows = 30, prefill?: HtPrefill): SheetModel {
  const m = emptyModel(SHEETS.criteria);
  const columns = ntm2Columns(setup);
  const crit = setup.criteriaSet.criteria;
  const L = ntm2Layout(columns, crit.length);
  const communes = unitCommunes(setup, unit.code);
  const dataRows = Math.max(communes === null ? blankRows : communes.length, 1);
  const { headerRow: h1, firstDataRow: first, countColumn: countCol } = L;
  const h2 = h1 + 1;
  const last = first + dataRows - 1;
  const totalRow = last + 1;
  const lastCol = countCol + 1;
  const htCol = (i: number) => L.firstCriterionColumn + 2 * i;
  const firstFlag = L.markColumns[columns.marks.findIndex((c) => c.kind === "flag")] ?? L.firstCriterionColumn;
  const year = setup.year;

  put(m, 1, 1, `BIỂU HIỆN TRẠNG VÀ KẾ HOẠCH THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM ${year}`);
  put(m, 2, 1, `Đơn vị: ${unit.name} (mã ${unit.code}) - Năm kế hoạch: ${year} - Bộ tiêu chí: ${setup.criteriaSet.id}`);
  put(
    m,
    3,
    1,
    `HT: đạt đến 31/12/${year - 1}; KH: đạt đến 31/12/${year} (lũy kế, cả tiêu chí đã đạt). ` +
      `Chọn "Đạt" hoặc "Chưa đạt"; cột cờ: "x".` +
      (communes === null ? "" : " Mã xã, tên xã, nhóm và thuộc tính lấy từ danh sách xã của năm (không sửa).") +
      (prefill ? ` ${prefillSentence(prefill)}` : ""),
  );
  m.merges.push(rangeAddress(1, 1, 1, lastCol), rangeAddress(2, 1, 2, lastCol), rangeAddress(3, 1, 3, lastCol));

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
  crit.forEach((c, i) => {
    put(m, h1, htCol(i), criterionLabel(c.number, c.name));
    put(m, h1, htCol(i) + 1, null);
    m.merges.push(rangeAddress(h1, htCol(i), h1, htCol(i) + 1));
    put(m, h2, htCol(i), SUB_COLUMNS.baseline[0]);
    put(m, h2, htCol(i) + 1, SUB_COLUMNS.plan[0]);
  });
  put(m, h1, countCol, CRITERIA_COLUMNS.count[0]);
  put(m, h1, countCol + 1, null);
  m.merges.push(rangeAddress(h1, countCol, h1, countCol + 1));
  put(m, h2, countCol, SUB_COLUMNS.baseline[0]);
  put(m, h2, countCol + 1, SUB_COLUMNS.plan[0]);

  // "Is this cell a yes?" as Excel evaluates it: MATCH against every accepted yes form (as NTM-1).
  const isYes = (ref: string) => `ISNUMBER(MATCH(${ref},${YES_ARRAY_CONSTANT},0))`;
  const yesCount = (range: string) => `SUMPRODUCT(--ISNUMBER(MATCH(${range},${YES_ARRAY_CONSTANT},0)))`;
  for (let r = first; r <= last; r++) {
    const i = r - first;
    const commune = communes?.[i];
    put(m, r, 1, i + 1);
    for (let c = 2; c < countCol; c++) put(m, r, c, null);
    if (commune) {
      put(m, r, L.codeColumn, commune.code);
      put(m, r, L.nameColumn, commune.name);
      if (L.groupColumn !== null) put(m, r, L.groupColumn, commune.group);
      columns.marks.forEach((c, j) => {
        if (c.kind === "attribute" && commune.attributes[c.label] === true) put(m, r, L.markColumns[j]!, FLAG_CHOICES[0]);
      });
      const carried = prefill?.baseline[commune.code];
      if (carried) {
        crit.forEach((c, k) => {
          put(m, r, htCol(k), CRITERION_CHOICES[carried.includes(c.number) ? 0 : 1]);
        });
      }
    }
    // Live counts: one term per criterion, so inserted columns keep them right.
    const terms = (offset: number) => crit.map((_, k) => isYes(cellAddress(r, htCol(k) + offset))).join("+");
    put(m, r, countCol, { formula: `=${terms(0)}` });
    put(m, r, countCol + 1, { formula: `=${terms(1)}` });
  }
  put(m, totalRow, L.nameColumn, "Tổng cộng");
  for (const c of [...L.markColumns, ...crit.flatMap((_, k) => [htCol(k), htCol(k) + 1])]) {
    put(m, totalRow, c, { formula: `=${yesCount(rangeAddress(first, c, last, c))}` });
  }
  for (const c of [countCol, countCol + 1]) {
    put(m, totalRow, c, { formula: `=COUNTIF(${rangeAddress(first, c, last, c)},${crit.length})` });
  }

  m.columnWidths = [5, 9, 20, ...(L.groupColumn === null ? [] : [7]), ...columns.marks.map(() => 10), ...crit.flatMap(() => [6, 6]), 7, 7];
  const lockedFrom = communes === null ? 2 : firstFlag;
  m.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: "A3", style: "note" },
    { range: rangeAddress(h1, 1, h2, lastCol), style: "header" },
    ...(communes === null ? [] : [{ range: rangeAddress(first, 2, last, firstFlag - 1), style: "computed" as const }]),
    { range: rangeAddress(first, lockedFrom, last, countCol - 1), style: "input" },
    { range: rangeAddress(first, countCol, last, lastCol), style: "computed" },
    { range: rangeAddress(totalRow, 1, totalRow, lastCol), style: "total" },
  );
  m.numberFormats.push({ range: rangeAddress(first, L.codeColumn, last, L.codeColumn), format: "@" });
  const markFrom = communes === null ? (L.markColumns[0] ?? L.firstCriterionColumn) : firstFlag;
  if (markFrom < L.firstCriterionColumn) {
    m.validations.push({
      range: rangeAddress(first, markFrom, last, L.firstCriterionColumn - 1),
      list: FLAG_CHOICES,
      prompt: "x = có; để trống = không",
    });
  }
  if (communes === null && L.groupColumn !== null) {
    m.validations.push({
      range: rangeAddress(first, L.groupColumn, last, L.groupColumn),
      list: ["1", "2", "3"],
      prompt: "Nhóm xã: 1, 2 hoặc 3",
    });
  }
  m.validations.push({
    range: rangeAddress(first, L.firstCriterionColumn, last, countCol - 1),
    list: CRITERION_CHOICES,
    prompt: "Đạt / Chưa đạt",
  });
  m.freeze = { rows: h2, columns: 3 };
  m.protection = { unlocked: [rangeAddress(first, communes === null ? 1 : firstFlag, last, countCol - 1)], allow: ALLOW };
  m.print = { orientation: "landscape", repeatRows: `${h1}:${h2}` };
  m.rowHeights = fitRowHeights(m, [1, 2, 3, h1, h2]);
  fillRows(m);
  return m;
}
