/**
 * A1 addresses, the one module for them: column letters ⇄ 1-based numbers, `H12` ⇄ { row, column },
 * ranges `B3:D7` (also whole columns `A:C` and rows `4:5`) ⇄ rectangles, and the sheet prefix of
 * an address (`'Tổng hợp'!A3:L15`, quotes doubled inside a quoted name).
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 1-based and inclusive (r1 ≤ r2, c1 ≤ c2). */
export type Rect = { r1: number; c1: number; r2: number; c2: number };

/** `columnLetter(28)` → `AB`. */
export function columnLetter(column: number): string {
  let s = "";
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `columnNumber("ab")` → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `cellAddress(3, 8)` → `H3`. */
export function cellAddress(row: number, column: number): string {
  return columnLetter(column) + row;
}

/** Parses `H12` / `$H$12` → { row: 12, column: 8 }, or null. */
export function parseCell(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  const row = Number(m[2]);
  const column = columnNumber(m[1]!);
  if (row < 1 || row > MAX_ROWS || column > MAX_COLUMNS) return null;
  return { row, column };
}

/** `rangeAddress(4, 1, 5, 1)` → `A4:A5` (a single cell is `A4`). */
export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellAddress(r1, c1);
  const b = cellAddress(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

export function rectAddress(r: Rect): string {
  return rangeAddress(r.r1, r.c1, r.r2, r.c2);
}

/**
 * The sheet and local parts of an address: `'Tổng hợp'!A3:L15` → { sheet: "Tổng hợp", local:
 * "A3:L15" }, `Sheet1!B3` → { sheet: "Sheet1", … }, `B3` → { sheet: null, local: "B3" }.
 */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const i = address.lastIndexOf("!");
  if (i < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, i);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(i + 1) };
}

/** A sheet name as Excel writes it in an address: quoted unless plain letters, digits, `_`, `.`. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && parseCell(name) === null ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `sheetAddress("Tổng hợp", "A1")` → `'Tổng hợp'!A1`. */
export function sheetAddress(sheet: string, local: string): string {
  return `${quoteSheet(sheet)}!${local}`;
}

/**
 * `B3:D7`, `B3`, `$B$3`, `A:C`, `4:5`, with or without a sheet prefix → rectangle, or null.
 * Corners may come in any order (`D7:B3` is `B3:D7`).
 */
export function parseRange(address: string): Rect | null {
  const parts = splitSheet(address.trim()).local.split(":");
  if (parts.length > 2) return null;
  const a = parts[0]!.replace(/\$/g, "");
  const b = (parts[1] ?? parts[0]!).replace(/\$/g, "");
  let rect: Rect | null = null;
  const p = parseCell(a);
  const q = parseCell(b);
  if (p && q) rect = { r1: p.row, c1: p.column, r2: q.row, c2: q.column };
  else if (parts.length === 2 && /^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    rect = { r1: 1, c1: columnNumber(a), r2: MAX_ROWS, c2: columnNumber(b) };
  } else if (parts.length === 2 && /^\d+$/.test(a) && /^\d+$/.test(b)) {
    rect = { r1: Number(a), c1: 1, r2: Number(b), c2: MAX_COLUMNS };
  }
  if (!rect) return null;
  const out = {
    r1: Math.min(rect.r1, rect.r2),
    c1: Math.min(rect.c1, rect.c2),
    r2: Math.max(rect.r1, rect.r2),
    c2: Math.max(rect.c1, rect.c2),
  };
  if (out.r1 < 1 || out.c1 < 1 || out.r2 > MAX_ROWS || out.c2 > MAX_COLUMNS) return null;
  return out;
}

/** Top-left of an address like `Sheet1!B3:K40` or `B3` → { row, column } (default A1). */
export function topLeft(address: string): { row: number; column: number } {
  const r = parseRange(address);
  return r ? { row: r.r1, column: r.c1 } : { row: 1, column: 1 };
}

/** Every (row, column) of a range (`B3`, `B3:D9`), row by row; nothing for an invalid address. */
export function eachCell(range: string, f: (row: number, column: number) => void): void {
  const r = parseRange(range);
  if (!r) return;
  for (let row = r.r1; row <= r.r2; row++) for (let c = r.c1; c <= r.c2; c++) f(row, c);
}

/** Rows to repeat on printed pages: `4:5` → `$4:$5`, `4` → `$4:$4`. */
export function absoluteRows(rows: string): string {
  const [a, b] = rows.replace(/\$/g, "").split(":");
  return `$${a}:$${b ?? a}`;
}
