import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import { writeSheetModel } from "./write-sheet-model.ts";

/** A new exceljs workbook that recalculates every formula when Excel opens it. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ntm";
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** The sheets as a real .xlsx (in memory). */
export async function writeWorkbookBuffer(sheets: readonly SheetModel[]): Promise<Buffer> {
  const wb = newWorkbook();
  for (const s of sheets) writeSheetModel(wb, s);
  return workbookToBuffer(wb);
}

/** The sheets as a real .xlsx file (replacing `file`). */
export async function writeWorkbookFile(sheets: readonly SheetModel[], file: string): Promise<void> {
  await writeFile(file, await writeWorkbookBuffer(sheets));
}
