import type { SheetInput } from "../../shared/template/input.ts";
import { rangeAddress, sheetAddress, topLeft } from "../../shared/template/a1.ts";
import type { Features } from "./port.ts";
import { supports } from "./features.ts";
import type { RunContext } from "./run.ts";
import { MAX_REQUEST_BYTES, OP_BYTES, RequestBudget, splitRead } from "./chunks.ts";
import type { UsedRange } from "./read-template.ts";

/**
 * Reads EVERY sheet of the open workbook as `Range.values` grids, in sheet order (the `Thiết lập`
 * workbook: `Năm`, `Đơn vị`, `Xã`, … whatever their names; the reader matches them itself).
 * A constant number of syncs whatever the number of sheets: sync 1 the names and positions, sync 2
 * every sheet's used range (`getUsedRangeOrNullObject(true)` on ExcelApi 1.4+, `getUsedRange` before),
 * then the values in row chunks under the request limit (one sync unless the workbook holds more than
 * about 4 MB). A sheet without used cells reads as `A1` holding "", as Excel's getUsedRange gives it.
 */
export async function readSheets(rc: RunContext, features: Features, maxBytes: number = MAX_REQUEST_BYTES): Promise<SheetInput[]> {
  const ws = rc.context.workbook.worksheets;
  ws.load("items/name,items/position");
  await rc.sync();
  const sheets = ws.items.map((s) => ({ name: s.name, position: s.position })).sort((a, b) => a.position - b.position);
  if (sheets.length === 0) return [];

  const nullable = supports(features, "getItemOrNullObject");
  const valuesOnly = supports(features, "usedRangeValuesOnly");
  const ranges = sheets.map((s) => {
    const sheet = ws.getItem(s.name);
    const range = nullable ? sheet.getUsedRangeOrNullObject(true) : valuesOnly ? sheet.getUsedRange(true) : sheet.getUsedRange();
    range.load("address,rowCount,columnCount");
    return { name: s.name, range };
  });
  await rc.sync();
  const used: { name: string; used: UsedRange }[] = ranges.map(({ name, range }) => ({
    name,
    used: nullable && range.isNullObject ? null : { address: range.address, rowCount: range.rowCount, columnCount: range.columnCount },
  }));

  const budget = new RequestBudget(() => rc.sync(), maxBytes);
  const reads: { name: string; address: string; parts: Excel.Range[] | null }[] = [];
  for (const { name, used: u } of used) {
    if (u === null) {
      reads.push({ name, address: sheetAddress(name, "A1"), parts: null });
      continue;
    }
    const { row, column } = topLeft(u.address);
    const parts: Excel.Range[] = [];
    for (const chunk of splitRead(u.rowCount, u.columnCount, maxBytes - OP_BYTES, budget.remaining(OP_BYTES))) {
      await budget.reserve(chunk.bytes + OP_BYTES);
      const r1 = row + chunk.start;
      const part = ws.getItem(name).getRange(rangeAddress(r1, column, r1 + chunk.count - 1, column + u.columnCount - 1));
      part.load("values");
      parts.push(part);
    }
    reads.push({ name, address: u.address, parts });
  }
  await budget.flush();

  return reads.map((r) => ({
    name: r.name,
    address: r.address,
    values: r.parts === null ? [[""]] : r.parts.flatMap((p) => p.values as unknown[][]),
  }));
}
