import type { SheetInput } from "./input.ts";
import { cellAddress, topLeft } from "./a1.ts";

/**
 * A sheet's values made safe to read: whatever the client sent (ragged rows, holes, non-arrays),
 * `cell` returns the value or undefined, and `address` turns grid indices into the real worksheet
 * A1 address using the grid's top-left cell (values starting at B3: [0][0] is B3).
 */
export type Grid = {
  name: string;
  /** 1-based worksheet row and column of values[0][0]. */
  top: number;
  left: number;
  rows: readonly (readonly unknown[])[];
};

const NO_ROW: readonly unknown[] = [];

export function toGrid(sheet: SheetInput): Grid {
  const anySheet = sheet as { name?: unknown; address?: unknown; values?: unknown };
  const name = typeof anySheet.name === "string" ? anySheet.name : "";
  const tl = typeof anySheet.address === "string" ? topLeft(anySheet.address) : { row: 1, column: 1 };
  const top = Number.isSafeInteger(tl.row) && tl.row >= 1 ? tl.row : 1;
  const left = Number.isSafeInteger(tl.column) && tl.column >= 1 && tl.column <= 16384 ? tl.column : 1;
  const raw = Array.isArray(anySheet.values) ? (anySheet.values as unknown[]) : [];
  const rows: (readonly unknown[])[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    rows[i] = Array.isArray(r) ? r : NO_ROW;
  }
  return { name, top, left, rows };
}

export function cell(grid: Grid, r: number, c: number): unknown {
  const row = grid.rows[r];
  return row === undefined ? undefined : row[c];
}

/** Worksheet row (1-based) of grid row index r. */
export function sheetRow(grid: Grid, r: number): number {
  return grid.top + r;
}

/** Worksheet column (1-based) of grid column index c. */
export function sheetColumn(grid: Grid, c: number): number {
  return grid.left + c;
}

/** Worksheet A1 address of grid indices (r, c). */
export function address(grid: Grid, r: number, c: number): string {
  return cellAddress(grid.top + r, grid.left + c);
}

/** Widest row length. */
export function width(grid: Grid): number {
  const rows = grid.rows;
  let w = 0;
  for (let i = 0; i < rows.length; i++) {
    const n = rows[i]!.length;
    if (n > w) w = n;
  }
  return w;
}
