import { parseRange, rangeAddress, splitSheet } from "../../shared/template/a1.ts";
import type { Features } from "./port.ts";
import type { RunContext } from "./run.ts";
import { excelError } from "./run.ts";

/** A cell of the workbook as the office names it in a comment: the sheet and the A1 address (`Tiêu chí`, `I8`). */
export type CellRef = { sheet: string; cell: string };

/**
 * The cell the user is on, in one sync: `workbook.getActiveCell()` (ExcelApi 1.7); on older hosts
 * the top-left cell of `getSelectedRange()` (ExcelApi 1.1). The sheet is the range's worksheet name.
 */
export async function activeCell(rc: RunContext, features: Features): Promise<CellRef> {
  const wb = rc.context.workbook;
  const range = features.api["1.7"] === true ? wb.getActiveCell() : wb.getSelectedRange();
  range.load("address");
  const sheet = range.worksheet;
  sheet.load("name");
  await rc.sync();
  const rect = parseRange(splitSheet(range.address).local);
  if (!rect) throw excelError("InvalidSelection", "activeCell", range.address);
  return { sheet: sheet.name, cell: rangeAddress(rect.r1, rect.c1, rect.r1, rect.c1) };
}
