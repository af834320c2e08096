import type { SheetInput } from "../../shared/template/input.ts";
import { rangeAddress, topLeft } from "../../shared/template/a1.ts";
import { detectLegacyEncoding } from "../../shared/text/legacy-encoding.ts";
import type { LegacyCell } from "../../shared/text/legacy-convert.ts";
import { textCells } from "../../shared/text/legacy-convert.ts";
import type { Features } from "./port.ts";
import type { RunContext } from "./run.ts";
import { MAX_REQUEST_BYTES, OP_BYTES, RequestBudget, splitRows } from "./chunks.ts";
import { locateTemplate, readTemplate } from "./read-template.ts";

/** `Range.getCellProperties` (the font name of each cell) came with ExcelApi 1.9. */
export const CELL_PROPERTIES_VERSION = "1.9";
/** Estimated response bytes per cell of `getCellProperties({ format: { font: { name } } })`. */
export const FONT_BYTES_PER_CELL = 64;

/** What "Chuyển mã" reads: every text cell of the template sheets; `fonts`: false when the host could not give font names. */
export type TextCellsRead = { cells: LegacyCell[]; fonts: boolean };

type CellProps = { format?: { font?: { name?: string } } };

/** The rows (0-based in the grid) holding text that looks TCVN3 or VNI: only they need font names. */
function legacyRowSpan(values: readonly unknown[][]): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  values.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    if (row.some((v) => typeof v === "string" && detectLegacyEncoding(v) !== null)) {
      if (first < 0) first = r;
      last = r;
    }
  });
  return first < 0 ? null : { first, last };
}

/**
 * Reads the template sheets' text cells WITH their font names, inside the caller's one Excel.run:
 * the values as readTemplate reads them (2 syncs for a unit's workbook), then, on ExcelApi 1.9+,
 * `getCellProperties({ format: { font: { name: true } } })` over the rows of each sheet's used range
 * that hold legacy-looking text, in row chunks under the response limit (one more sync for a
 * unit's workbook; none when no cell looks legacy). Below 1.9 the fonts are null (`fonts: false`):
 * TCVN3 capitals (`.VnTimeH`) then cannot be told from small letters.
 */
export async function readTextCells(rc: RunContext, features: Features, maxBytes: number = MAX_REQUEST_BYTES): Promise<TextCellsRead> {
  const located = await locateTemplate(rc, features);
  const sheets = await readTemplate(rc, features, maxBytes, located);
  const fonts = features.api[CELL_PROPERTIES_VERSION] === true;
  if (!fonts) return { cells: textCells(sheets), fonts: false };

  const ws = rc.context.workbook.worksheets;
  const budget = new RequestBudget(() => rc.sync(), maxBytes);
  const reads: { sheet: SheetInput; first: number; parts: { start: number; result: OfficeExtension.ClientResult<CellProps[][]> }[] }[] = [];
  for (const sheet of sheets) {
    const columns = sheet.values.reduce((n, r) => Math.max(n, Array.isArray(r) ? r.length : 0), 1);
    const span = legacyRowSpan(sheet.values);
    if (span === null) continue;
    const { row, column } = topLeft(sheet.address);
    const rows = span.last - span.first + 1;
    const chunks = splitRows(new Array<number>(rows).fill(columns * FONT_BYTES_PER_CELL), maxBytes - OP_BYTES, budget.remaining(OP_BYTES));
    const parts: { start: number; result: OfficeExtension.ClientResult<CellProps[][]> }[] = [];
    for (const chunk of chunks) {
      await budget.reserve(chunk.bytes + OP_BYTES);
      const r1 = row + span.first + chunk.start;
      const range = ws.getItem(sheet.name).getRange(rangeAddress(r1, column, r1 + chunk.count - 1, column + columns - 1));
      parts.push({ start: span.first + chunk.start, result: range.getCellProperties({ format: { font: { name: true } } }) });
    }
    reads.push({ sheet, first: span.first, parts });
  }
  await budget.flush();

  for (const { sheet, parts } of reads) {
    const grid: (string | null)[][] = sheet.values.map((r) => (Array.isArray(r) ? r.map(() => null) : []));
    for (const { start, result } of parts) {
      result.value.forEach((props, i) => {
        const row = grid[start + i];
        if (!row) return;
        props.forEach((p, c) => {
          if (c < row.length) row[c] = p.format?.font?.name ?? null;
        });
      });
    }
    sheet.fonts = grid;
  }
  return { cells: textCells(sheets), fonts: true };
}
