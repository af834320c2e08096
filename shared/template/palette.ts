import type { CellStyle } from "./sheet-model.ts";

/**
 * How each named cell style looks, once for both workbook writers: the .xlsx writer
 * (cli/xlsx/write-sheet-model.ts, exceljs `FFRRGGBB`) and the Excel adapter (addin/excel/styles.ts,
 * Office.js `#RRGGBB`). Every style sets every property, so when styles overlap the later one wins
 * entirely in both. Colours are `#RRGGBB`. Green for the NTM programme; input cells light yellow
 * (where to type), computed cells grey (do not type).
 */
export type CellLook = {
  font: { bold: boolean; italic: boolean; size: number; color: string };
  /** Solid fill, or null for none. */
  fill: string | null;
  /** Thin borders around and between the cells, in this colour; null: no borders. */
  grid: string | null;
  /** A medium rule above the range (its first row), in this colour; null: none. */
  topRule: string | null;
  wrap: boolean;
  /** Centred horizontally and vertically (else Excel's default: general, bottom). */
  center: boolean;
};

const TEXT = "#000000";
const GREEN = "#1B5E20";
const GRID = "#A6A6A6";

const plain: CellLook = {
  font: { bold: false, italic: false, size: 11, color: TEXT },
  fill: null,
  grid: null,
  topRule: null,
  wrap: false,
  center: false,
};

export const PALETTE: Record<CellStyle, CellLook> = {
  title: { ...plain, font: { bold: true, italic: false, size: 14, color: GREEN } },
  subtitle: { ...plain, font: { bold: true, italic: false, size: 12, color: GREEN } },
  note: { ...plain, font: { bold: false, italic: true, size: 10, color: "#595959" } },
  header: { ...plain, font: { ...plain.font, bold: true }, fill: "#C6E0B4", grid: GRID, wrap: true, center: true },
  input: { ...plain, fill: "#FFF9E5", grid: GRID },
  computed: { ...plain, font: { ...plain.font, color: "#404040" }, fill: "#EDEDED", grid: GRID },
  total: { ...plain, font: { ...plain.font, bold: true }, fill: "#E2EFDA", grid: GRID, topRule: "#375623" },
};

/** `#1b5e20` → `FF1B5E20` (exceljs ARGB, opaque). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}
