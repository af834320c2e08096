import type { CellStyle, RowHeight } from "../../shared/template/sheet-model.ts";
import { PALETTE } from "../../shared/template/palette.ts";
import { rangeAddress } from "../../shared/template/a1.ts";
import { OP_BYTES, type RequestBudget } from "./chunks.ts";
import { supports } from "./features.ts";
import type { Features } from "./port.ts";
import type { RunContext } from "./run.ts";

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

/**
 * Queues wrapping of a header row's labels, vertically centred: what the .xlsx writer sets on the
 * `Tổng hợp` table headers, so their labels wrap into the fitted row height (ExcelApi 1.1).
 */
export function wrapHeader(range: Excel.Range): void {
  range.format.wrapText = true;
  range.format.verticalAlignment = "Center";
}

/**
 * Row heights in points (`Range.format.rowHeight` of each whole row), for wrapped header labels
 * that Excel does not autofit in merged cells. ExcelApi 1.2 like column widths, so skipped with
 * the same `columnWidth` note before.
 */
export async function setRowHeights(
  rc: RunContext,
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  heights: readonly RowHeight[],
  features: Features,
): Promise<void> {
  if (heights.length === 0) return;
  if (!supports(features, "columnWidth")) {
    rc.skip("columnWidth");
    return;
  }
  for (const h of heights) {
    await budget.reserve(OP_BYTES);
    sheet.getRange(`${h.row}:${h.row}`).format.rowHeight = h.points;
  }
}

/**
 * The `Tổng hợp` table headers made readable: each header row wrapped, then the model's row
 * heights (title and header rows, shared/template/row-height.ts). One call for the report writer.
 */
export async function fitHeaderRows(
  rc: RunContext,
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  model: { tables: readonly { topRow: number; leftColumn: number; headers: readonly string[] }[]; rowHeights: readonly RowHeight[] },
  features: Features,
): Promise<void> {
  for (const t of model.tables) {
    if (t.headers.length === 0) continue;
    await budget.reserve(OP_BYTES * 2);
    wrapHeader(sheet.getRange(rangeAddress(t.topRow, t.leftColumn, t.topRow, t.leftColumn + t.headers.length - 1)));
  }
  await setRowHeights(rc, budget, sheet, model.rowHeights, features);
}
