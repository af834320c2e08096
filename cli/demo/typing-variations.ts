/**
 * Real districts do not type the template the way the generator writes it. Per district, this
 * turns the filled standard template into a differently typed one that the parser must still read
 * without errors (docs/template.md): HT/KH swapped, an inserted `Ghi chú` column, NFD text, upper-case
 * labels, `Dat`/`Khong`, `x`/`✓`/`1`/`TRUE`/`Có` marks, codes that lost their leading zero, blank
 * rows inside the table, numeric STT 1.1, text amounts `1.700.000` / `273.800,5`, `tỷ đồng`.
 * (A grid not starting at A1 cannot happen in a file: skipped.) In a varied workbook the live
 * formulas (counts, totals, capital subtotals) are replaced by the values a district pastes: the
 * edits made here (swapped HT/KH, inserted rows and columns, amounts as text or in billion) do not
 * move or rewrite formula references the way Excel does, and the counts do not see NFD text.
 */
import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { CellSpec, SheetModel } from "../../shared/template/sheet-model.ts";
import { parseCell, rangeAddress } from "../../shared/template/a1.ts";
import { isFormula } from "../../shared/template/sheet-model.ts";
import { CAPITAL_COLUMNS, SUB_COLUMNS, UNIT_BILLION, UNIT_MILLION } from "../../shared/template/labels.ts";
import { formatVnMillion } from "../../shared/text/vn-number.ts";
import type { FilledTemplate } from "./fill-template.ts";
import { fillNtm1, getCell, setCell } from "./fill-template.ts";

type Mark = string | number | boolean | null;
type Side = "baseline" | "plan";

/** What one district does differently (all optional; the generator's form when empty). */
export type Variation = {
  /** Short description, printed by the demo command. */
  description: string;
  /** Criterion cells: achieved / not achieved, per commune index, criterion and side. */
  yes?: (i: number, k: number, side: Side) => Mark;
  no?: (i: number, k: number, side: Side) => Mark;
  /** Flag cells when set / not set. */
  flagYes?: Mark;
  flagNo?: Mark;
  /** Criteria whose HT and KH columns are swapped (`KH` left of `HT`). */
  swap?: readonly number[];
  /** Long sub-column labels `Hiện trạng` / `Kế hoạch`. */
  longSubLabels?: boolean;
  /** Commune codes as numbers (Excel dropped the leading zero). */
  numericCodes?: boolean;
  /** `Mã huyện` and `Năm kế hoạch` as numbers. */
  numericInfo?: boolean;
  /** Every text in NFD (Unikey/VNI decomposed), sheet names included. */
  nfd?: boolean;
  /** Labels (headers, keys, sheet names) in upper case. */
  upper?: boolean;
  /** Blank rows inserted before these commune indexes. */
  blankRowsBefore?: readonly number[];
  /** A `Ghi chú` column inserted before this column of `Tiêu chí` ("afterName" = right of Tên xã). */
  notesColumn?: "afterName" | "beforeCount";
  /** STT of `Nguồn vốn` as numbers (1, 1.1, 1.2, 2, ...). */
  numericStt?: boolean;
  /** Amounts of `Nguồn vốn`: numbers (default), Vietnamese text, or numbers in billion VND. */
  amounts?: "number" | "text" | "billion";
  /** Bullets typed before the source labels. */
  bullets?: boolean;
};

const yesNo = (yes: Mark, no: Mark) => ({ yes: () => yes, no: () => no });
const NOTES = ["Xã khu vực III", "Xã ATK", "Thôn đặc biệt khó khăn", "Đã rà soát", "Cần hỗ trợ thêm"];

/** The eleven districts' habits (reference order of the 2018 data). */
export const VARIATIONS: Record<string, Variation> = {
  "178": { description: "biểu mẫu chuẩn, không đổi (generator's own form)" },
  "180": { description: "KH trước HT ở TC3, TC7, TC12; thêm cột Ghi chú sau Tên xã", swap: [3, 7, 12], notesColumn: "afterName" },
  "181": { description: "chữ NFD (Unikey), nhãn viết hoa", nfd: true, upper: true },
  "182": { description: "Dat / Khong không dấu, cờ ✓", ...yesNo("Dat", "Khong"), flagYes: "✓" },
  "183": {
    description: "mã xã dạng số (mất số 0), dòng trống trong bảng, 1 / 0, Mã huyện dạng số",
    ...yesNo(1, 0),
    flagYes: 1,
    flagNo: 0,
    numericCodes: true,
    numericInfo: true,
    blankRowsBefore: [5, 6, 14],
  },
  "184": { description: "x / để trống, cờ Có", ...yesNo("x", null), flagYes: "Có", flagNo: "Không" },
  "185": {
    description: "TRUE / FALSE, STT dạng số 1.1, số tiền dạng chữ 1.700.000",
    ...yesNo(true, false),
    flagYes: true,
    numericStt: true,
    amounts: "text",
  },
  "186": {
    description: "Đ / CĐ, nhãn viết hoa, số tiền dạng chữ có phần thập phân 273.800,5, gạch đầu dòng",
    ...yesNo("Đ", "CĐ"),
    upper: true,
    amounts: "text",
    bullets: true,
  },
  "187": { description: "✔ / -, cờ Co, Hiện trạng / Kế hoạch", ...yesNo("✔", "-"), flagYes: "Co", longSubLabels: true },
  "188": {
    description: "KH trước HT ở nhiều tiêu chí, TRUE/Chưa, cột Ghi chú trước Số tiêu chí đạt",
    yes: (i) => (i % 2 === 0 ? "TRUE" : "Có"),
    no: (i) => (i % 2 === 0 ? "Chưa" : "Chua dat"),
    swap: [1, 2, 5, 9, 10, 17, 19],
    notesColumn: "beforeCount",
  },
  "189": { description: "đơn vị tỷ đồng, Đạt / Chưa đạt viết hoa", ...yesNo("ĐẠT", "CHƯA ĐẠT"), amounts: "billion" },
};

/** Maps every A1 endpoint of a range. */
function mapRange(range: string, f: (row: number, column: number) => [number, number]): string {
  const [a, b] = range.split(":");
  const pa = parseCell(a!),
    pb = parseCell(b ?? a!);
  if (!pa || !pb) return range;
  const [r1, c1] = f(pa.row, pa.column);
  const [r2, c2] = f(pb.row, pb.column);
  return rangeAddress(r1, c1, r2, c2);
}

/** Every range-bearing part of a model, remapped (merges, styles, formats, validations, protection). */
function remap(model: SheetModel, f: (row: number, column: number) => [number, number]): void {
  model.merges = model.merges.map((m) => mapRange(m, f));
  model.styles = model.styles.map((s) => ({ ...s, range: mapRange(s.range, f) }));
  model.numberFormats = model.numberFormats.map((s) => ({ ...s, range: mapRange(s.range, f) }));
  model.validations = model.validations.map((s) => ({ ...s, range: mapRange(s.range, f) }));
  model.decimalValidations = model.decimalValidations.map((s) => ({ ...s, range: mapRange(s.range, f) }));
  if (model.protection) model.protection = { ...model.protection, unlocked: model.protection.unlocked.map((r) => mapRange(r, f)) };
}

/** Inserts `n` empty rows before `at` (as Excel's Insert Row does; formulas must be gone already). */
export function insertRows(model: SheetModel, at: number, n: number): void {
  model.cells.splice(at - 1, 0, ...Array.from({ length: n }, () => [] as CellSpec[]));
  remap(model, (r, c) => [r >= at ? r + n : r, c]);
  model.rowHeights = model.rowHeights.map((h) => (h.row >= at ? { ...h, row: h.row + n } : h));
}

/** Inserts one empty column before `at`. */
export function insertColumn(model: SheetModel, at: number, width: number): void {
  for (const row of model.cells) if (row.length >= at) row.splice(at - 1, 0, null);
  model.columnWidths.splice(at - 1, 0, width);
  remap(model, (r, c) => [r, c >= at ? c + 1 : c]);
  if (model.freeze && model.freeze.columns >= at) model.freeze = { ...model.freeze, columns: model.freeze.columns + 1 };
}

function mapStrings(model: SheetModel, f: (s: string, row: number, column: number) => string, rows?: (row: number) => boolean): void {
  model.cells.forEach((cells, ri) => {
    if (rows && !rows(ri + 1)) return;
    cells.forEach((v, ci) => {
      if (typeof v === "string") cells[ci] = f(v, ri + 1, ci + 1);
    });
  });
}

/** Count and total formulas → the numbers a district pastes. */
function staticCounts(sheet: SheetModel, f: FilledTemplate): void {
  const at = f.layout;
  const sides: Side[] = ["baseline", "plan"];
  f.communes.forEach((c, i) => {
    sides.forEach((side, j) => {
      setCell(sheet, at.communeRow(i), at.countColumn + j, c[side].length);
    });
  });
  const r = at.totalRow;
  at.markColumns.forEach((column, j) => {
    setCell(sheet, r, column, f.communes.filter((c) => c.marks[j]).length);
  });
  for (let col = at.baselineColumn(f.criteria[0]!); col < at.countColumn; col++) setCell(sheet, r, col, null);
  for (const side of sides) {
    for (const k of f.criteria) {
      const col = side === "baseline" ? at.baselineColumn(k) : at.planColumn(k);
      setCell(sheet, r, col, f.communes.filter((c) => c[side].includes(k)).length);
    }
  }
  sides.forEach((side, j) => {
    setCell(sheet, r, at.countColumn + j, f.communes.filter((c) => c[side].length === f.criteria.length).length);
  });
}

/** The filled NTM-1 template as this district types it. */
export function varyTyping(sheets: readonly SheetModel[], sub: Submission, reference: ReferenceData, v: Variation): SheetModel[] {
  return varyFilled({ ...fillNtm1(sub, reference), sheets: [...sheets] }, v);
}

/** A filled template (either version) as a unit with these habits types it. */
export function varyFilled(f: FilledTemplate, v: Variation): SheetModel[] {
  const [info, criteria, capital, ...rest] = f.sheets.map((s) => structuredClone(s)) as SheetModel[];
  if (!info || !criteria || !capital) throw new Error("the template has three sheets");
  const at = f.layout;
  const h1 = at.headerRow;
  const varied = Object.keys(v).length > 1;
  if (varied) staticCounts(criteria, f);

  // Marks.
  f.communes.forEach((c, i) => {
    const r = at.communeRow(i);
    for (const side of ["baseline", "plan"] as const) {
      const met = new Set(c[side]);
      for (const k of f.criteria) {
        const col = side === "baseline" ? at.baselineColumn(k) : at.planColumn(k);
        const mark = met.has(k) ? v.yes?.(i, k, side) : v.no?.(i, k, side);
        if (mark !== undefined) setCell(criteria, r, col, mark);
      }
    }
    at.markColumns.forEach((col, j) => {
      const set = c.marks[j];
      if (set && v.flagYes !== undefined) setCell(criteria, r, col, v.flagYes);
      if (!set && v.flagNo !== undefined) setCell(criteria, r, col, v.flagNo);
    });
    if (v.numericCodes) setCell(criteria, r, at.codeColumn, Number(c.code));
  });
  if (v.longSubLabels) {
    for (const k of f.criteria) {
      setCell(criteria, h1 + 1, at.baselineColumn(k), SUB_COLUMNS.baseline[1]);
      setCell(criteria, h1 + 1, at.planColumn(k), SUB_COLUMNS.plan[1]);
    }
  }
  for (const k of (v.swap ?? []).filter((k) => f.criteria.includes(k))) {
    const a = at.baselineColumn(k),
      b = at.planColumn(k);
    for (let r = h1 + 1; r <= at.totalRow; r++) {
      const x = getCell(criteria, r, a);
      setCell(criteria, r, a, getCell(criteria, r, b));
      setCell(criteria, r, b, x);
    }
  }
  if (v.numericInfo) {
    info.cells.forEach((row, i) => {
      const value = row[1];
      if (typeof value === "string" && /^\d+$/.test(value)) setCell(info, i + 1, 2, Number(value));
    });
  }

  // Capital.
  const capitalHeader = f.capital.length > 0 ? Math.min(...f.capital.map((c) => c.row)) - 1 : 0;
  for (const s of f.capital) {
    const t = s.thousand;
    if (v.amounts === "text") setCell(capital, s.row, 3, formatVnMillion(t));
    else if (v.amounts === "billion") setCell(capital, s.row, 3, t / 1_000_000);
    else if (varied && s.sum) setCell(capital, s.row, 3, t / 1000);
    if (v.numericStt && s.stt !== null) setCell(capital, s.row, 1, Number(s.stt));
    if (v.bullets && s.stt?.includes(".")) setCell(capital, s.row, 2, `- ${s.label}`);
  }
  if (v.amounts === "billion") {
    mapStrings(
      capital,
      (s) => s.replace(UNIT_MILLION, UNIT_BILLION),
      (r) => r <= capitalHeader,
    );
    capital.numberFormats = capital.numberFormats.map((x) => (x.format === "#,##0.###" ? { ...x, format: "#,##0.######" } : x));
    capital.decimalValidations = [];
  }
  if (v.amounts === "text") {
    capital.numberFormats = capital.numberFormats.filter((x) => x.format !== "#,##0.###");
    capital.decimalValidations = [];
  }
  if (v.numericStt) capital.numberFormats = capital.numberFormats.filter((x) => x.format !== "@");
  if (v.numericCodes) criteria.numberFormats = criteria.numberFormats.filter((x) => x.format !== "@");
  if (v.yes || v.no || v.flagYes !== undefined || v.flagNo !== undefined) criteria.validations = [];

  // Structure: columns, then rows (bottom first so earlier indexes stay valid).
  if (v.notesColumn) {
    const col = v.notesColumn === "afterName" ? at.nameColumn + 1 : at.countColumn;
    insertColumn(criteria, col, 16);
    setCell(criteria, h1, col, CAPITAL_COLUMNS.note);
    criteria.merges.push(rangeAddress(h1, col, h1 + 1, col));
    f.communes.forEach((_, i) => {
      if (i % 4 === 1) setCell(criteria, at.communeRow(i), col, NOTES[i % NOTES.length]!);
    });
  }
  for (const i of [...(v.blankRowsBefore ?? [])].filter((i) => i < f.communes.length).sort((a, b) => b - a)) {
    insertRows(criteria, at.communeRow(i), 1);
  }

  // Text forms last: upper-case labels, then NFD everywhere.
  const all = [info, criteria, capital, ...rest];
  if (v.upper) {
    mapStrings(
      criteria,
      (s) => s.toUpperCase(),
      (r) => r === h1 || r === h1 + 1,
    );
    mapStrings(info, (s, _r, c) => (c === 1 ? s.toUpperCase() : s));
    mapStrings(capital, (s, r, c) => (r === capitalHeader || (r > capitalHeader && c === 2) ? s.toUpperCase() : s));
    for (const m of all) m.name = m.name.toUpperCase();
  }
  if (v.nfd) {
    for (const m of all) {
      mapStrings(m, (s) => s.normalize("NFD"));
      m.name = m.name.normalize("NFD");
      m.validations = m.validations.map((x) => ({ ...x, list: x.list.map((s) => s.normalize("NFD")) }));
    }
  }
  // Any formula left would point at moved cells or miss NFD text: a varied unit pasted values.
  if (varied)
    for (const m of all)
      for (const row of m.cells)
        row.forEach((c, i) => {
          if (isFormula(c)) row[i] = null;
        });
  return all;
}

/** The variation of a district (the generator's form for an unknown one). */
export function variationOf(district: string): Variation {
  return VARIATIONS[district] ?? { description: "biểu mẫu chuẩn" };
}
