import type { CellStyle } from "../../shared/template/sheet-model.ts";
import { PALETTE } from "../../shared/template/palette.ts";
import { OP_BYTES } from "./chunks.ts";

const GRID_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** Request bytes one applyStyle queues (about 30 small property sets), for the request budget. */
export const STYLE_BYTES = OP_BYTES * 8;

/**
 * Queues the formatting of one style of the shared palette on a range (ExcelApi 1.1 formatting
 * only): every property is set, so a later style on the same cells wins entirely.
 */
export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const look = PALETTE[style];
  const fmt = range.format;
  fmt.font.bold = look.font.bold;
  fmt.font.italic = look.font.italic;
  fmt.font.size = look.font.size;
  fmt.font.color = look.font.color;
  if (look.fill === null) fmt.fill.clear();
  else fmt.fill.color = look.fill;
  fmt.wrapText = look.wrap;
  fmt.horizontalAlignment = look.center ? "Center" : "General";
  fmt.verticalAlignment = look.center ? "Center" : "Bottom";
  for (const edge of GRID_EDGES) {
    const b = fmt.borders.getItem(edge);
    if (look.grid === null) b.style = "None";
    else {
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = look.grid;
    }
  }
  if (look.topRule !== null) {
    const b = fmt.borders.getItem("EdgeTop");
    b.style = "Continuous";
    b.weight = "Medium";
    b.color = look.topRule;
  }
}

/** Column width in characters (as the shared layout gives it) → points (Range.format.columnWidth). */
export function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
