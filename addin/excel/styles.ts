import type { CellStyle } from "../../shared/template/sheet-model.ts";

/** How each named style of the shared layout looks in Excel (ExcelApi 1.1 formatting only). */
export type StyleFormat = {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  center?: boolean;
  /** Thin borders around and inside the range. */
  grid?: boolean;
  /** A medium border above the range. */
  topRule?: boolean;
};

export const STYLE_FORMATS: Record<CellStyle, StyleFormat> = {
  title: { bold: true, size: 14, color: "#1B5E20" },
  subtitle: { bold: true, italic: true },
  note: { italic: true, color: "#595959" },
  header: { bold: true, fill: "#C6E0B4", wrap: true, center: true, grid: true },
  input: { fill: "#FFFFFF", grid: true },
  computed: { fill: "#EDEDED", grid: true },
  total: { bold: true, fill: "#E2EFDA", topRule: true, grid: true },
};

const GRID_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** Queues the formatting of one style on a range. */
export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = STYLE_FORMATS[style];
  const fmt = range.format;
  if (f.bold !== undefined) fmt.font.bold = f.bold;
  if (f.italic !== undefined) fmt.font.italic = f.italic;
  if (f.size !== undefined) fmt.font.size = f.size;
  if (f.color !== undefined) fmt.font.color = f.color;
  if (f.fill !== undefined) fmt.fill.color = f.fill;
  if (f.wrap !== undefined) fmt.wrapText = f.wrap;
  if (f.center) {
    fmt.horizontalAlignment = "Center";
    fmt.verticalAlignment = "Center";
  }
  if (f.grid) {
    for (const edge of GRID_EDGES) {
      const b = fmt.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#A6A6A6";
    }
  }
  if (f.topRule) {
    const b = fmt.borders.getItem("EdgeTop");
    b.style = "Continuous";
    b.weight = "Medium";
    b.color = "#375623";
  }
}

/** Column width in characters (as the shared layout gives it) → points (Range.format.columnWidth). */
export function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
