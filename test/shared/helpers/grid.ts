/**
 * Test grids as Excel's `Range.values` would give them, drawn from the generator (buildTemplate):
 * formulas → "" (their computed value is not available), merged non-anchor and empty cells → "",
 * rows padded to a rectangle. Helpers fill communes and capital amounts at the generated layout.
 */
import type { SheetInput } from "../../../shared/template/input.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import type { GroupKey } from "../../../shared/reference/groups.ts";
import type { CapitalKey } from "../../../shared/reference/capital-sources.ts";
import { isFormula } from "../../../shared/template/sheet-model.ts";
import { buildTemplate, CAPITAL_LAYOUT, CRITERIA_LAYOUT } from "../../../shared/template/build-template.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { CAPITAL_SOURCES } from "../../../shared/reference/capital-sources.ts";
import { cellAddress, parseCell, topLeft } from "../../../shared/template/a1.ts";

export function sheetInput(model: SheetModel, address = "A1"): SheetInput {
  const values: unknown[][] = model.cells.map((row) => Array.from(row, (c) => (c === null || c === undefined || isFormula(c) ? "" : c)));
  const width = Math.max(0, ...values.map((r) => r.length));
  for (const r of values) while (r.length < width) r.push("");
  return { name: model.name, address, values };
}

export type CommuneFill = {
  code: unknown;
  name: unknown;
  flags?: Partial<Record<GroupKey, unknown>>;
  /** Criteria achieved in HT / KH, written "Đạt"; the others "Chưa đạt". */
  baseline?: number[];
  plan?: number[];
};

export const FLAG_COLUMN: Record<GroupKey, number> = { border: 4, pilotDifficult: 5, ntmTarget: 6, districtDifficult: 7 };
export const N = DEFAULT_REFERENCE.criteria.criteria.length;
export const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Generated worksheet column (1-based) of criterion k's HT or KH. */
export function critColumn(k: number, sub: "HT" | "KH"): number {
  return CRITERIA_LAYOUT.firstCriterionColumn + 2 * (k - 1) + (sub === "KH" ? 1 : 0);
}
/** Generated worksheet row of the i-th (0-based) data row. */
export const dataRow = (i: number) => CRITERIA_LAYOUT.firstDataRow + i;
/** A1 of criterion k's HT/KH cell on data row i (generated layout, grid at A1). */
export const critCell = (k: number, sub: "HT" | "KH", i: number) => cellAddress(dataRow(i), critColumn(k, sub));
/** Capital row of a source in the generated layout. */
export const capitalRow = (key: CapitalKey) => CAPITAL_LAYOUT.firstDataRow + CAPITAL_SOURCES.findIndex((s) => s.key === key);

export const PLAN_2018_CAPITAL: Partial<Record<CapitalKey, unknown>> = {
  central: 273800,
  local: 163300,
  integrated: 229300,
  enterprise: 35000,
  credit: 1700000,
  community: 120000,
  other: 5000,
};

export const DEFAULT_COMMUNES: CommuneFill[] = [
  { code: "06148", name: "Hoàng Đồng", baseline: range(1, 10), plan: range(1, 12) },
  { code: "06151", name: "Tân Liên", baseline: range(1, 6), plan: range(1, 8) },
  { code: "06154", name: "Gia Cát", baseline: [2, 3, 4, 12, 14, 19], plan: [2, 3, 4, 5, 12, 14, 19] },
];

export type WorkbookOptions = {
  district?: string;
  districtName?: string;
  year?: number;
  communes?: CommuneFill[];
  rows?: number;
  capital?: Partial<Record<CapitalKey, unknown>>;
};

/** A filled standard template, valid (no issue at all) with the defaults. */
export function workbook(o: WorkbookOptions = {}): SheetInput[] {
  const ref = DEFAULT_REFERENCE;
  const d = ref.districts.find((x) => x.code === (o.district ?? "183")) ?? { code: o.district ?? "183", name: "X", border: false };
  const communes = o.communes ?? DEFAULT_COMMUNES;
  const models = buildTemplate({ district: d, year: o.year ?? 2018, criteria: ref.criteria, rows: o.rows ?? Math.max(communes.length, 3) });
  const [info, criteria, capital] = models.map((m) => sheetInput(m)) as [SheetInput, SheetInput, SheetInput];
  if (o.districtName !== undefined) setCell(info, "B4", o.districtName);
  for (const [i, c] of communes.entries()) fillCommune(criteria, i, c);
  const amounts = o.capital ?? PLAN_2018_CAPITAL;
  for (const [key, v] of Object.entries(amounts)) setCell(capital, `C${capitalRow(key as CapitalKey)}`, v);
  return [info, criteria, capital];
}

export function fillCommune(sheet: SheetInput, i: number, c: CommuneFill): void {
  const r = dataRow(i);
  setCell(sheet, cellAddress(r, 2), c.code);
  setCell(sheet, cellAddress(r, 3), c.name);
  for (const [k, col] of Object.entries(FLAG_COLUMN)) setCell(sheet, cellAddress(r, col), c.flags?.[k as GroupKey] ?? "");
  const b = new Set(c.baseline ?? []);
  const p = new Set(c.plan ?? []);
  for (let k = 1; k <= N; k++) {
    setCell(sheet, cellAddress(r, critColumn(k, "HT")), b.has(k) ? "Đạt" : "Chưa đạt");
    setCell(sheet, cellAddress(r, critColumn(k, "KH")), p.has(k) ? "Đạt" : "Chưa đạt");
  }
}

/** Sets a cell by its worksheet A1 address (relative to the grid's top-left), growing the grid. */
export function setCell(sheet: SheetInput, a1: string, value: unknown): void {
  const p = parseCell(a1)!;
  const tl = topLeft(sheet.address);
  const r = p.row - tl.row;
  const c = p.column - tl.column;
  while (sheet.values.length <= r) sheet.values.push([]);
  const row = sheet.values[r]!;
  while (row.length <= c) row.push("");
  row[c] = value;
}

export function getCell(sheet: SheetInput, a1: string): unknown {
  const p = parseCell(a1)!;
  const tl = topLeft(sheet.address);
  return sheet.values[p.row - tl.row]?.[p.column - tl.column];
}

/** Inserts an empty column before worksheet column `column` (1-based), with a header label. */
export function insertColumn(sheet: SheetInput, column: number, headerRow: number, label: string): void {
  const tl = topLeft(sheet.address);
  for (const [r, row] of sheet.values.entries()) row.splice(column - tl.column, 0, r === headerRow - tl.row ? label : "");
}

/** Swaps two worksheet columns (1-based) in every row. */
export function swapColumns(sheet: SheetInput, a: number, b: number): void {
  for (const row of sheet.values) {
    const x = row[a - 1];
    row[a - 1] = row[b - 1];
    row[b - 1] = x;
  }
}

/** Deletes worksheet column `column` (1-based). */
export function deleteColumn(sheet: SheetInput, column: number): void {
  for (const row of sheet.values) row.splice(column - 1, 1);
}

export function sheetNamed(sheets: SheetInput[], name: string): SheetInput {
  return sheets.find((s) => s.name === name)!;
}
