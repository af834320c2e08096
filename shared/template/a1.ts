/** A1 addresses: column letters ⇄ 1-based numbers. */
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
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

/** `rangeAddress(4, 1, 5, 1)` → `A4:A5`. */
export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellAddress(r1, c1);
  const b = cellAddress(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

/** Top-left of an address like `Sheet1!B3:K40` or `B3` → { row, column } (default A1). */
export function topLeft(address: string): { row: number; column: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const first = local.split(":")[0] ?? "A1";
  return parseCell(first) ?? { row: 1, column: 1 };
}
