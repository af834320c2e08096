import type { Issue } from "../result.ts";
import { columnLetter } from "../template/a1.ts";
import { address, sheetColumn, sheetRow, toGrid } from "../template/grid.ts";
import type { SheetInput } from "../template/input.ts";
import { isEmptyCell } from "../template/yes-no.ts";
import { matchKey } from "../text/match.ts";
import { BAND_COLUMNS, CAPITAL_ROW_COLUMNS, CRITERIA_SET_COLUMNS, PLAN_FLAG_COLUMNS } from "./labels.ts";
import { readInteger, readStt, readText } from "./read-cells.ts";
import { fieldCell, isEmptySheet, readTable, tableSource } from "./read-table.ts";
import type { SetupJsonParsed } from "./schema.ts";

type Source = { sheet: string; columns: Record<string, string>; rows?: number[] };
type Read<T> = { items: T; source: Source } | null;
type Criteria = NonNullable<SetupJsonParsed["criteriaSet"]["criteria"]>;
type Bands = NonNullable<SetupJsonParsed["criteriaSet"]["bands"]>;
type CapitalRows = NonNullable<SetupJsonParsed["capitalRows"]>;

/**
 * The optional sheets of the `Thiết lập` workbook (docs/setup.md). Each gives null when the sheet
 * is missing, empty, or has a header and no row: the built-in set's criteria and bands, the 2018
 * capital rows, no extra plan flags.
 */

/** `Bộ tiêu chí`: a custom set, `Số`, `Tên tiêu chí`, `Tên tiếng Anh` (optional column). */
export function readCriteria(sheet: SheetInput | undefined, issues: Issue[]): Read<Criteria> {
  if (!sheet || isEmptySheet(sheet)) return null;
  const t = readTable(sheet, { fields: CRITERIA_SET_COLUMNS, first: "number", required: ["number", "name"], extras: false }, issues);
  if (!t || t.rows.length === 0) return null;
  const items: Criteria = [];
  for (const r of t.rows) {
    const n = fieldCell(t, r, t.columns.number);
    const number = readInteger(n.value, n.place, issues);
    const name = fieldCell(t, r, t.columns.name);
    const nameEn = fieldCell(t, r, t.columns.nameEn);
    const source = { sheet: t.grid.name, row: n.place.row };
    if (number !== null)
      items.push({
        number,
        name: readText(name.value, 300, name.place, issues),
        nameEn: readText(nameEn.value, 300, nameEn.place, issues),
        source,
      });
  }
  return { items, source: tableSource(t) };
}

/** `Nhóm số tiêu chí`: bands, `Nhãn` (may be empty), `Từ`, `Đến`. */
export function readBands(sheet: SheetInput | undefined, issues: Issue[]): Read<Bands> {
  if (!sheet || isEmptySheet(sheet)) return null;
  const t = readTable(sheet, { fields: BAND_COLUMNS, first: "min", required: ["min", "max"], extras: false }, issues);
  if (!t || t.rows.length === 0) return null;
  const items: Bands = [];
  for (const r of t.rows) {
    const label = fieldCell(t, r, t.columns.label);
    const min = fieldCell(t, r, t.columns.min);
    const max = fieldCell(t, r, t.columns.max);
    const a = readInteger(min.value, min.place, issues);
    const b = readInteger(max.value, max.place, issues);
    const text = readText(label.value, 100, label.place, issues);
    if (a !== null && b !== null) items.push({ label: text, min: a, max: b, source: { sheet: t.grid.name, row: min.place.row } });
  }
  return { items, source: tableSource(t) };
}

/** `Nguồn vốn`: `STT` (text or number), `Nguồn vốn` (label). */
export function readCapitalRows(sheet: SheetInput | undefined, issues: Issue[]): Read<CapitalRows> {
  if (!sheet || isEmptySheet(sheet)) return null;
  const t = readTable(sheet, { fields: CAPITAL_ROW_COLUMNS, first: "label", required: ["stt", "label"], extras: false }, issues);
  if (!t || t.rows.length === 0) return null;
  const items: CapitalRows = t.rows.map((r) => {
    const stt = fieldCell(t, r, t.columns.stt);
    const label = fieldCell(t, r, t.columns.label);
    return {
      stt: readStt(stt.value),
      label: readText(label.value, 300, label.place, issues),
      source: { sheet: t.grid.name, row: stt.place.row },
    };
  });
  return { items, source: tableSource(t) };
}

/**
 * `Cờ kế hoạch`: one label a row, below a header cell `Cờ kế hoạch` (within the first 20 rows),
 * else every filled cell of the first column.
 */
export function readPlanFlags(sheet: SheetInput | undefined, issues: Issue[]): Read<string[]> {
  if (!sheet || isEmptySheet(sheet)) return null;
  const grid = toGrid(sheet);
  let top = -1;
  let column = 0;
  for (let r = 0; r < Math.min(grid.rows.length, 20) && top < 0; r++) {
    const c = grid.rows[r]!.findIndex((v) => typeof v === "string" && matchKey(v) === matchKey(PLAN_FLAG_COLUMNS.label));
    if (c >= 0) {
      top = r;
      column = c;
    }
  }
  const items: string[] = [];
  const rows: number[] = [];
  for (let r = top + 1; r < grid.rows.length; r++) {
    const v = grid.rows[r]![column];
    if (isEmptyCell(v)) continue;
    const text = readText(v, 100, { sheet: grid.name, cell: address(grid, r, column), row: sheetRow(grid, r) }, issues);
    if (text === "") continue;
    items.push(text);
    rows.push(sheetRow(grid, r));
  }
  if (items.length === 0) return null;
  return { items, source: { sheet: grid.name, columns: { label: columnLetter(sheetColumn(grid, column)) }, rows } };
}
