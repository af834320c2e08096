import type { CellStyle, RowHeight, SheetModel } from "./sheet-model.ts";
import { PALETTE } from "./palette.ts";
import { parseRange } from "./a1.ts";

/**
 * How tall a row must be for its labels: word-wrapped the way a spreadsheet wraps them (at spaces,
 * a word too long for a line broken between characters) into the width of its column (or merged
 * columns), one line per `linePoints(size)`. Excel autofits every row but not one whose wrapped
 * label is in a merged cell, and LibreOffice keeps any height written in the file: without these
 * heights the criterion labels of the template ran over the `HT`/`KH` row below.
 *
 * Widths are in characters, the unit of column widths (the default font's digit, `0`). The text
 * is measured with the per-character widths of DejaVu Sans Bold, the font LibreOffice draws when
 * Calibri and its metric twin Carlito are missing, the widest of the three: so a label that fits
 * here fits in Excel (Calibri) and in LibreOffice either way, at the cost of a little space in Excel.
 */

export type { RowHeight };

/** Excel's default row height (Calibri 11), in points; no row is written lower. */
export const DEFAULT_ROW_POINTS = 15;
/** Excel's default column width in characters, for a column the model leaves unset. */
export const DEFAULT_COLUMN_CHARACTERS = 8.43;
/** Cell margins and the grid line, in characters, taken off the usable width of a cell. */
export const CELL_MARGIN_CHARACTERS = 0.5;
const BASE_FONT_SIZE = 11;
/** Regular glyphs are this much narrower than bold ones (DejaVu Sans vs Sans Bold). */
const REGULAR_FACTOR = 0.92;

/** Bold glyph widths in characters (digits of the default font), rounded up to 0.05; others 1.15. */
const WIDTH_CLASSES: readonly (readonly [number, string])[] = [
  [0.5, "'"],
  [0.55, " ijl"],
  [0.6, "IJ/,."],
  [0.65, ":;-"],
  [0.7, "f"],
  [0.75, "!()[]t"],
  [0.8, "r_–"],
  [0.85, '"*'],
  [0.95, "?zcs"],
  [1.05, "Lxvyk"],
  [1.1, "aeoEFT0123456789"],
  [1.25, "BRXAKV"],
  [1.3, "UGD"],
  [1.35, "HNĐOQ#+<=>✓✔"],
  [1.4, "&"],
  [1.45, "w"],
  [1.6, "M%@"],
  [1.65, "m"],
  [1.75, "W"],
];
const OTHER_WIDTH = 1.15;
const WIDTH = new Map<string, number>(WIDTH_CLASSES.flatMap(([w, chars]) => [...chars].map((ch) => [ch, w] as const)));
const COMBINING = /[\u0300-\u036f]/g;
/** Sums of decimal widths are compared with this slack (5 × 1.1 must fit in 5.5). */
const SLACK = 1e-9;

export type TextFont = { bold?: boolean; size?: number };

/** Width of one character (its base letter: `ấ` as `a`, `Ơ` as `O`), in characters. */
function charWidth(ch: string, scale: number): number {
  return (WIDTH.get(ch) ?? OTHER_WIDTH) * scale;
}

function scaleOf(font: TextFont): number {
  return ((font.size ?? BASE_FONT_SIZE) / BASE_FONT_SIZE) * (font.bold === false ? REGULAR_FACTOR : 1);
}

function glyphs(text: string): string[] {
  return [...text.normalize("NFD").replace(COMBINING, "")];
}

/** Width of a text on one line, in characters (bold unless `bold: false`, 11 pt unless `size`). */
export function textWidth(text: string, font: TextFont = {}): number {
  const scale = scaleOf(font);
  return glyphs(text).reduce((w, ch) => w + charWidth(ch, scale), 0);
}

/** Height of one line of text of this font size, in points (11 → 15, 14 → 18.75: Excel's, on 0.75 pt pixels). */
export function linePoints(size: number = BASE_FONT_SIZE): number {
  return Math.ceil(((size * 4) / 3 - 1e-9) / 0.75) * 0.75;
}

/** Lines a text takes word-wrapped in a cell `widthCharacters` wide (at least 1; line breaks kept). */
export function wrappedLines(text: string, widthCharacters: number, font: TextFont = {}): number {
  const scale = scaleOf(font);
  const room = widthCharacters - CELL_MARGIN_CHARACTERS;
  const space = charWidth(" ", scale);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      const w = textWidth(word, font);
      if (used > 0 && used + space + w <= room + SLACK) {
        used += space + w;
        continue;
      }
      if (used > 0) lines += 1;
      used = 0;
      // A word wider than the line is broken between characters.
      for (const ch of glyphs(word)) {
        const c = charWidth(ch, scale);
        if (used > 0 && used + c > room + SLACK) {
          lines += 1;
          used = 0;
        }
        used += c;
      }
    }
  }
  return lines;
}

/** Height in points for `lines` lines of this font size, never below the default row height. */
export function heightForLines(lines: number, size: number = BASE_FONT_SIZE): number {
  return Math.max(DEFAULT_ROW_POINTS, Math.max(1, lines) * linePoints(size));
}

/** Width in characters of columns c1..c2 (1-based) merged into one cell. */
export function spanWidth(columnWidths: readonly number[], c1: number, c2: number): number {
  let w = 0;
  for (let c = c1; c <= c2; c++) w += columnWidths[c - 1] ?? DEFAULT_COLUMN_CHARACTERS;
  return w;
}

type Layout = Pick<SheetModel, "cells" | "merges" | "columnWidths" | "styles">;

type StyledRect = { r1: number; c1: number; r2: number; c2: number; style: CellStyle };

/** The style a cell ends up with (later styles win), or null. */
function styleAt(styles: readonly StyledRect[], row: number, column: number): CellStyle | null {
  let found: CellStyle | null = null;
  for (const r of styles) if (row >= r.r1 && row <= r.r2 && column >= r.c1 && column <= r.c2) found = r.style;
  return found;
}

/**
 * Heights of the given rows of a sheet model, so that every text in them shows whole: each text
 * cell wrapped (if its style wraps) into its column or merged columns, in its style's font. A text
 * merged down over several rows (`A4:A5`) needs the sum of their heights; what is missing goes to
 * its first row. Rows not listed keep the default height.
 */
export function fitRowHeights(model: Layout, rows: readonly number[]): RowHeight[] {
  const merges = model.merges.map(parseRange).filter((m) => m !== null);
  const styles = model.styles.flatMap((s) => {
    const r = parseRange(s.range);
    return r ? [{ ...r, style: s.style }] : [];
  });
  const height = new Map<number, number>(rows.map((r) => [r, DEFAULT_ROW_POINTS]));
  const tall: { r1: number; r2: number; points: number }[] = [];
  for (const row of rows) {
    for (const [i, cell] of (model.cells[row - 1] ?? []).entries()) {
      if (typeof cell !== "string" || cell.trim() === "") continue;
      const column = i + 1;
      const merge = merges.find((m) => m.r1 === row && m.c1 === column) ?? { r1: row, c1: column, r2: row, c2: column };
      const style = styleAt(styles, row, column);
      const look = style ? PALETTE[style] : null;
      const font = { bold: look?.font.bold ?? false, size: look?.font.size ?? BASE_FONT_SIZE };
      const lines = look?.wrap ? wrappedLines(cell, spanWidth(model.columnWidths, merge.c1, merge.c2), font) : 1;
      const points = heightForLines(lines, font.size);
      if (merge.r2 > merge.r1) tall.push({ r1: merge.r1, r2: merge.r2, points });
      else height.set(row, Math.max(height.get(row)!, points));
    }
  }
  for (const t of tall) {
    let sum = 0;
    for (let r = t.r1; r <= t.r2; r++) sum += height.get(r) ?? DEFAULT_ROW_POINTS;
    if (sum < t.points) height.set(t.r1, height.get(t.r1)! + t.points - sum);
  }
  return rows.map((row) => ({ row, points: height.get(row)! }));
}

/** A table's header row on a sheet: 1-based top row and left column, one header per column. */
export type HeaderRow = { topRow: number; leftColumn: number; headers: readonly string[] };

/** Heights of table header rows of bold wrapped labels (the `Tổng hợp` tables), one per table. */
export function tableHeaderHeights(tables: readonly HeaderRow[], columnWidths: readonly number[]): RowHeight[] {
  return tables.map((t) => {
    const lines = t.headers.map((h, j) => wrappedLines(h, spanWidth(columnWidths, t.leftColumn + j, t.leftColumn + j)));
    return { row: t.topRow, points: heightForLines(Math.max(1, ...lines)) };
  });
}

/** Heights of a report sheet: its title row (title style, one line) and every table's header row. */
export function reportRowHeights(sheet: { titleCell: string; tables: readonly HeaderRow[]; columnWidths: readonly number[] }): RowHeight[] {
  const titleRow = parseRange(sheet.titleCell)?.r1 ?? 1;
  return [{ row: titleRow, points: heightForLines(1, PALETTE.title.font.size) }, ...tableHeaderHeights(sheet.tables, sheet.columnWidths)];
}
