import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { ReportSheetLike } from "./write-report-sheet.ts";
import { reportXlsx, sheetsXlsx, newWorkbook as newWorkbookOf, workbookBytes } from "./workbook-bytes.ts";

/** A new exceljs workbook that recalculates every formula when Excel opens it. */
export function newWorkbook(): ExcelJS.Workbook {
  return newWorkbookOf(ExcelJS);
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbookBytes(wb));
}

/** The sheets as a real .xlsx (in memory). */
export async function writeWorkbookBuffer(sheets: readonly SheetModel[]): Promise<Buffer> {
  return Buffer.from(await sheetsXlsx(ExcelJS, sheets));
}

/** The sheets as a real .xlsx file (replacing `file`). */
export async function writeWorkbookFile(sheets: readonly SheetModel[], file: string): Promise<void> {
  await writeFile(file, await writeWorkbookBuffer(sheets));
}

/** A new workbook holding only the report sheet. */
export async function writeReportWorkbookBuffer(model: ReportSheetLike): Promise<Buffer> {
  return Buffer.from(await reportXlsx(ExcelJS, model));
}

/** `--out`: a new workbook (replacing the file) holding only the report sheet. */
export async function writeReportWorkbookFile(model: ReportSheetLike, file: string): Promise<void> {
  await writeFile(file, await writeReportWorkbookBuffer(model));
}
