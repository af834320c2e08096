import type { CriteriaSet } from "../reference/criteria.ts";
import { CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import type { CellSpec, SheetModel, ProtectionAllowance } from "./sheet-model.ts";
import { cellAddress, columnLetter, rangeAddress } from "./a1.ts";
import { fitRowHeights } from "./row-height.ts";
import {
  CAPITAL_COLUMNS,
  CRITERIA_COLUMNS,
  CRITERION_CHOICES,
  FLAG_CHOICES,
  INFO_KEYS,
  SHEETS,
  SUB_COLUMNS,
  TEMPLATE_VERSION,
  UNIT_MILLION,
  YES_ARRAY_CONSTANT,
  criterionLabel,
} from "./labels.ts";

/** Options of a blank (or pre-filled) standard template. */
export type TemplateOptions = {
  district: { code: string; name: string };
  year: number;
  criteria: CriteriaSet;
  /** Communes to pre-fill (code, name); the rest of the rows are blank. */
  communes?: readonly { code: string; name: string }[];
  /** Data rows in `Tiêu chí` (at least the pre-filled communes); default 30. */
  rows?: number;
};

/** Fixed geometry of the generated `Tiêu chí` sheet (the parser finds columns by label instead). */
export const CRITERIA_LAYOUT = {
  headerRow: 4,
  firstDataRow: 6,
  flagColumns: ["border", "pilotDifficult", "ntmTarget", "districtDifficult"] as const,
  /** Column of STT, Mã xã, Tên xã, then the four flags. */
  firstCriterionColumn: 8,
} as const;

export const CAPITAL_LAYOUT = { headerRow: 4, firstDataRow: 5 } as const;

/** What the protected template sheets still allow (inserting rows and columns, formatting, filtering). */
export const ALLOW: ProtectionAllowance = {
  insertRows: true,
  insertColumns: true,
  deleteRows: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
  sort: false,
};

export function emptyModel(name: string): SheetModel {
  return {
    name,
    cells: [],
    merges: [],
    columnWidths: [],
    rowHeights: [],
    styles: [],
    numberFormats: [],
    validations: [],
    decimalValidations: [],
    freeze: null,
    protection: null,
    print: null,
  };
}

export function put(model: SheetModel, row: number, column: number, value: CellSpec): void {
  const r = (model.cells[row - 1] ??= []);
  while (r.length < column - 1) r.push(null);
  r[column - 1] = value;
}

export function fillRows(model: SheetModel): void {
  for (let i = 0; i < model.cells.length; i++) model.cells[i] ??= [];
}

/** `Thông tin`: key in A, value in B. */
export function buildInfoSheet(o: TemplateOptions): SheetModel {
  const m = emptyModel(SHEETS.info);
  put(m, 1, 1, "THÔNG TIN BIỂU MẪU KẾ HOẠCH XÂY DỰNG NÔNG THÔN MỚI");
  const rows: [string, CellSpec][] = [
    [INFO_KEYS.districtCode, o.district.code],
    [INFO_KEYS.districtName, o.district.name],
    [INFO_KEYS.year, o.year],
    [INFO_KEYS.preparedBy, null],
    [INFO_KEYS.phone, null],
    [INFO_KEYS.preparedOn, null],
    [INFO_KEYS.templateVersion, TEMPLATE_VERSION],
  ];
  rows.forEach(([k, v], i) => {
    put(m, 3 + i, 1, k);
    put(m, 3 + i, 2, v);
  });
  const last = 2 + rows.length;
  m.columnWidths = [24, 40];
  m.styles.push({ range: "A1", style: "title" }, { range: `A3:A${last}`, style: "header" }, { range: `B3:B${last}`, style: "input" });
  m.numberFormats.push({ range: `B3:B${last}`, format: "@" });
  m.protection = { unlocked: [`B3:B${last}`], allow: ALLOW };
  m.rowHeights = fitRowHeights(m, [1]);
  fillRows(m);
  return m;
}

/** `Tiêu chí`: one row per commune, HT/KH per criterion, live counts, a `Tổng cộng` row. */
export function buildCriteriaSheet(o: TemplateOptions): SheetModel {
  const m = emptyModel(SHEETS.criteria);
  const crit = o.criteria.criteria;
  const communes = o.communes ?? [];
  const dataRows = Math.max(o.rows ?? 30, communes.length, 1);
  const { headerRow: h1, firstDataRow: first } = CRITERIA_LAYOUT;
  const h2 = h1 + 1;
  const last = first + dataRows - 1;
  const totalRow = last + 1;
  const c0 = CRITERIA_LAYOUT.firstCriterionColumn;
  const htCol = (k: number) => c0 + 2 * (k - 1);
  const countCol = c0 + 2 * crit.length;
  const lastCol = countCol + 1;

  put(m, 1, 1, `BIỂU HIỆN TRẠNG VÀ KẾ HOẠCH THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM ${o.year}`);
  put(m, 2, 1, `Huyện: ${o.district.name} (mã ${o.district.code}) - Năm kế hoạch: ${o.year}`);
  put(
    m,
    3,
    1,
    `HT: đạt đến 31/12/${o.year - 1}; KH: đạt đến 31/12/${o.year} (lũy kế, cả tiêu chí đã đạt). ` +
      `Chọn "Đạt" hoặc "Chưa đạt"; cột cờ: "x".`,
  );
  m.merges.push(rangeAddress(1, 1, 1, lastCol), rangeAddress(2, 1, 2, lastCol), rangeAddress(3, 1, 3, lastCol));

  const fixed = [
    CRITERIA_COLUMNS.stt[0],
    CRITERIA_COLUMNS.code[0],
    CRITERIA_COLUMNS.name[0],
    CRITERIA_COLUMNS.border[0],
    CRITERIA_COLUMNS.pilotDifficult[0],
    CRITERIA_COLUMNS.ntmTarget[0],
    CRITERIA_COLUMNS.districtDifficult[0],
  ];
  fixed.forEach((label, i) => {
    put(m, h1, i + 1, label);
    put(m, h2, i + 1, null);
    m.merges.push(rangeAddress(h1, i + 1, h2, i + 1));
  });
  for (const c of crit) {
    const col = htCol(c.number);
    put(m, h1, col, criterionLabel(c.number, c.name));
    put(m, h1, col + 1, null);
    m.merges.push(rangeAddress(h1, col, h1, col + 1));
    put(m, h2, col, SUB_COLUMNS.baseline[0]);
    put(m, h2, col + 1, SUB_COLUMNS.plan[0]);
  }
  put(m, h1, countCol, CRITERIA_COLUMNS.count[0]);
  put(m, h1, countCol + 1, null);
  m.merges.push(rangeAddress(h1, countCol, h1, countCol + 1));
  put(m, h2, countCol, SUB_COLUMNS.baseline[0]);
  put(m, h2, countCol + 1, SUB_COLUMNS.plan[0]);

  // "Is this cell a yes?" as Excel evaluates it: MATCH against every accepted yes form.
  const isYes = (ref: string) => `ISNUMBER(MATCH(${ref},${YES_ARRAY_CONSTANT},0))`;
  const yesCount = (range: string) => `SUMPRODUCT(--ISNUMBER(MATCH(${range},${YES_ARRAY_CONSTANT},0)))`;
  for (let r = first; r <= last; r++) {
    const i = r - first;
    const commune = communes[i];
    put(m, r, 1, i + 1);
    put(m, r, 2, commune?.code ?? null);
    put(m, r, 3, commune?.name ?? null);
    for (let c = 4; c < countCol; c++) put(m, r, c, null);
    // Live counts: one term per criterion, so inserted columns keep them right.
    const terms = (offset: number) => crit.map((c) => isYes(cellAddress(r, htCol(c.number) + offset))).join("+");
    put(m, r, countCol, { formula: `=${terms(0)}` });
    put(m, r, countCol + 1, { formula: `=${terms(1)}` });
  }
  put(m, totalRow, 3, "Tổng cộng");
  for (let c = 4; c < countCol; c++) {
    put(m, totalRow, c, { formula: `=${yesCount(rangeAddress(first, c, last, c))}` });
  }
  put(m, totalRow, countCol, { formula: `=COUNTIF(${rangeAddress(first, countCol, last, countCol)},${crit.length})` });
  put(m, totalRow, countCol + 1, { formula: `=COUNTIF(${rangeAddress(first, countCol + 1, last, countCol + 1)},${crit.length})` });

  m.columnWidths = [5, 9, 20, 9, 9, 10, 10, ...crit.flatMap(() => [6, 6]), 7, 7];
  m.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: "A3", style: "note" },
    { range: rangeAddress(h1, 1, h2, lastCol), style: "header" },
    { range: rangeAddress(first, 2, last, countCol - 1), style: "input" },
    { range: rangeAddress(first, countCol, last, lastCol), style: "computed" },
    { range: rangeAddress(totalRow, 1, totalRow, lastCol), style: "total" },
  );
  m.numberFormats.push({ range: rangeAddress(first, 2, last, 2), format: "@" });
  m.validations.push(
    { range: rangeAddress(first, 4, last, c0 - 1), list: FLAG_CHOICES, prompt: "x = có; để trống = không" },
    { range: rangeAddress(first, c0, last, countCol - 1), list: CRITERION_CHOICES, prompt: "Đạt / Chưa đạt" },
  );
  m.freeze = { rows: h2, columns: 3 };
  m.protection = { unlocked: [rangeAddress(first, 1, last, countCol - 1)], allow: ALLOW };
  m.print = { orientation: "landscape", repeatRows: `${h1}:${h2}` };
  m.rowHeights = fitRowHeights(m, [1, 2, 3, h1, h2]);
  fillRows(m);
  return m;
}

/** `Nguồn vốn`: capital plan by source in million VND, subtotal and total as formulas. */
export function buildCapitalSheet(o: TemplateOptions): SheetModel {
  const m = emptyModel(SHEETS.capital);
  const { headerRow: h, firstDataRow: first } = CAPITAL_LAYOUT;
  put(m, 1, 1, `KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI NĂM ${o.year}`);
  put(m, 2, 1, `Huyện: ${o.district.name} (mã ${o.district.code}) - Đơn vị: ${UNIT_MILLION}`);
  m.merges.push("A1:D1", "A2:D2");
  put(m, h, 1, CAPITAL_COLUMNS.stt);
  put(m, h, 2, CAPITAL_COLUMNS.source);
  put(m, h, 3, `${CAPITAL_COLUMNS.amountPrefix} năm ${o.year} (${UNIT_MILLION})`);
  put(m, h, 4, CAPITAL_COLUMNS.note);
  const rowOf = new Map<string, number>();
  for (const [i, s] of CAPITAL_SOURCES.entries()) rowOf.set(s.key, first + i);
  for (const s of CAPITAL_SOURCES) {
    const r = rowOf.get(s.key)!;
    put(m, r, 1, s.stt);
    put(m, r, 2, s.label);
    if (s.key === "direct") {
      put(m, r, 3, { formula: `=C${rowOf.get("central")}+C${rowOf.get("local")}` });
    } else if (s.key === "total") {
      const parts = ["direct", "integrated", "enterprise", "credit", "community", "other"].map((k) => `C${rowOf.get(k)}`);
      put(m, r, 3, { formula: `=${parts.join("+")}` });
    } else {
      put(m, r, 3, null);
    }
    put(m, r, 4, null);
  }
  const last = first + CAPITAL_SOURCES.length - 1;
  const leaves = CAPITAL_SOURCES.filter((s) => !s.sumOf).map((s) => `C${rowOf.get(s.key)}`);
  m.columnWidths = [6, 55, 22, 30];
  m.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: `A${h}:D${h}`, style: "header" },
    ...leaves.map((a) => ({ range: a, style: "input" as const })),
    { range: `D${first}:D${last}`, style: "input" },
    { range: `A${rowOf.get("direct")}:D${rowOf.get("direct")}`, style: "computed" },
    { range: `A${last}:D${last}`, style: "total" },
  );
  m.numberFormats.push({ range: `A${first}:A${last}`, format: "@" }, { range: `C${first}:C${last}`, format: "#,##0.###" });
  m.decimalValidations.push(...leaves.map((range) => ({ range, prompt: `Số tiền (${UNIT_MILLION}), không âm` })));
  m.freeze = { rows: h, columns: 0 };
  m.protection = { unlocked: [...leaves, `D${first}:D${last}`], allow: ALLOW };
  m.print = { orientation: "portrait", repeatRows: `${h}:${h}` };
  m.rowHeights = fitRowHeights(m, [1, 2, h]);
  fillRows(m);
  return m;
}

/** The whole standard template, sheets in workbook order. */
export function buildTemplate(o: TemplateOptions): SheetModel[] {
  return [buildInfoSheet(o), buildCriteriaSheet(o), buildCapitalSheet(o)];
}

export { columnLetter };
