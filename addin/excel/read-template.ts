import type { SheetInput } from "../../shared/template/input.ts";
import { SHEETS } from "../../shared/template/labels.ts";
import { rangeAddress, topLeft } from "../../shared/template/a1.ts";
import type { Features } from "./port.ts";
import { supports } from "./features.ts";
import type { RunContext } from "./run.ts";
import { MAX_REQUEST_BYTES, OP_BYTES, RequestBudget, splitRead } from "./chunks.ts";
import { findSheet, loadSheets } from "./sheets.ts";
import type { SheetInfo } from "./sheets.ts";

/** The template sheets the parser reads (the report sheet is not input). */
export const TEMPLATE_SHEETS = [SHEETS.info, SHEETS.criteria, SHEETS.capital, SHEETS.indicators] as const;

/**
 * Reads every template sheet's used range as `Range.values`: sync 1 the sheet names (unless the
 * caller loaded them already), sync 2 the
 * used-range addresses and sizes, then the values in row chunks under the request limit (one sync
 * for a district workbook, so three in all).
 */
export async function readTemplate(
  rc: RunContext, features: Features, maxBytes: number = MAX_REQUEST_BYTES, sheets?: readonly SheetInfo[],
): Promise<SheetInput[]> {
  const all = sheets ?? await loadSheets(rc);
  const wanted = all
    .filter((s) => TEMPLATE_SHEETS.some((t) => findSheet([s], t)))
    .sort((a, b) => a.position - b.position);
  if (wanted.length === 0) return [];

  const valuesOnly = supports(features, "usedRangeValuesOnly");
  const used = wanted.map((s) => {
    const sheet = rc.context.workbook.worksheets.getItem(s.name);
    const range = valuesOnly ? sheet.getUsedRange(true) : sheet.getUsedRange();
    range.load("address,rowCount,columnCount");
    return { name: s.name, sheet, range };
  });
  await rc.sync();

  const budget = new RequestBudget(() => rc.sync(), maxBytes);
  const reads: { name: string; address: string; parts: Excel.Range[] }[] = [];
  for (const u of used) {
    const address = u.range.address;
    const { row, column } = topLeft(address);
    const rows = u.range.rowCount;
    const cols = u.range.columnCount;
    const parts: Excel.Range[] = [];
    for (const chunk of splitRead(rows, cols, maxBytes - OP_BYTES, budget.remaining(OP_BYTES))) {
      await budget.reserve(chunk.bytes + OP_BYTES);
      const r1 = row + chunk.start;
      const part = u.sheet.getRange(rangeAddress(r1, column, r1 + chunk.count - 1, column + cols - 1));
      part.load("values");
      parts.push(part);
    }
    reads.push({ name: u.name, address, parts });
  }
  await budget.flush();

  return reads.map((r) => ({
    name: r.name,
    address: r.address,
    values: r.parts.flatMap((p) => p.values as unknown[][]),
  }));
}
