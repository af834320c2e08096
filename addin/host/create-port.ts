import type { WorkbookPort } from "../excel/port.ts";
import { ExcelWorkbook } from "../excel/excel-workbook.ts";

/** The WorkbookPort over the real `Excel` object model (addin/excel/excel-workbook.ts). */
export function createWorkbookPort(): WorkbookPort {
  return new ExcelWorkbook();
}
