import type ExcelJS from "exceljs";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { ReportSheetLike } from "./write-report-sheet.ts";
import { writeReportSheet } from "./write-report-sheet.ts";
import { writeSheetModel } from "./write-sheet-model.ts";

/**
 * The .xlsx bytes of sheet models, with the exceljs module the caller loaded: the CLI imports it
 * (Node build), the web page loads its browser build on first download. One writer for both, so a
 * template or a `Tổng hợp` workbook is the same file from either.
 */
export type ExcelModule = { Workbook: typeof ExcelJS.Workbook; ValueType: typeof ExcelJS.ValueType };

/** A new workbook that recalculates every formula when Excel opens it. */
export function newWorkbook(excel: ExcelModule): ExcelJS.Workbook {
  const wb = new excel.Workbook();
  wb.creator = "ntm";
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const data = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** The sheets (a template, a setup or targets workbook) as an .xlsx. */
export async function sheetsXlsx(excel: ExcelModule, sheets: readonly SheetModel[]): Promise<Uint8Array> {
  const wb = newWorkbook(excel);
  for (const s of sheets) writeSheetModel(wb, s);
  return workbookBytes(wb);
}

/** A workbook holding only the report sheet `Tổng hợp`. */
export async function reportXlsx(excel: ExcelModule, model: ReportSheetLike): Promise<Uint8Array> {
  const wb = newWorkbook(excel);
  writeReportSheet(wb, model);
  return workbookBytes(wb);
}
