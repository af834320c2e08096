import type ExcelJS from "exceljs";
import { cellAddress } from "../../shared/template/a1.ts";
import type { CellStyle } from "../../shared/template/sheet-model.ts";
import { FONT_NAME, xlsxStyle } from "./write-sheet-model.ts";

/**
 * Writes the report sheet model (shared/report/report-sheet.ts) as the worksheet `Tổng hợp`: the
 * title, then each table as a real named Excel table with a number format per column, below its
 * caption lines if it has any (NTM_Status: the round and cut, the completeness).
 * Charts are not written: exceljs cannot write charts (the add-in draws them in Excel).
 * Totals rows are the table's own totals row holding the report's exact values (not SUBTOTAL
 * formulas: averages and percentages are not sums).
 * The types below are what this writer needs of the model, structurally.
 */
export type ReportTableValue = string | number | boolean | null;

export type ReportTableLike = {
  name: string;
  /** 1-based row of the table's header row. */
  topRow: number;
  /** 1-based column of the table's first column. */
  leftColumn: number;
  headers: readonly string[];
  rows: readonly (readonly ReportTableValue[])[];
  /** Number format per column (index = column of the table), null/absent = General. */
  numberFormats: readonly (string | null | undefined)[];
  /** Values of a totals row (first cell a label), if the table has one. */
  totalsRow?: readonly ReportTableValue[] | null;
  /** Lines directly above the header row, in the first column, each in a palette style. */
  captions?: readonly { text: string; style: CellStyle }[] | null;
};

export type ReportSheetLike = {
  name: string;
  title: string;
  /** A1 address of the title, e.g. `A1`. */
  titleCell: string;
  tables: readonly ReportTableLike[];
  columnWidths: readonly number[];
  /** Heights in points of the title and table header rows (wrapped headers). */
  rowHeights?: readonly { row: number; points: number }[];
  print?: { orientation: "landscape" | "portrait"; repeatRows?: string | null } | null;
  charts?: unknown;
};

/** Excel table column names must be unique and non-empty. */
function uniqueNames(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h.trim() === "" ? `Cột ${i + 1}` : h;
    const key = base.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function tableColumn(name: string, j: number, t: ReportTableLike): ExcelJS.TableColumnProperties {
  const fmt = t.numberFormats[j];
  const col: ExcelJS.TableColumnProperties & { style?: Partial<ExcelJS.Style> } = { name, filterButton: false };
  if (fmt) col.style = { numFmt: fmt };
  if (t.totalsRow) {
    const v = t.totalsRow[j];
    // Totals cells hold the report's exact values as constants (written after the table); a text
    // is also the column's totals label, as Excel records a label typed into the totals row.
    if (typeof v === "string") col.totalsRowLabel = v;
    else if (j === 0) col.totalsRowLabel = "";
    else col.totalsRowFunction = "none";
  }
  return col;
}

/** Adds the `Tổng hợp` worksheet to a workbook. */
export function writeReportSheet(wb: ExcelJS.Workbook, model: ReportSheetLike): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(model.name);
  model.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const h of model.rowHeights ?? []) ws.getRow(h.row).height = h.points;
  const title = ws.getCell(model.titleCell);
  title.value = model.title;
  title.style = xlsxStyle("title");

  for (const t of model.tables) {
    const captions = t.captions ?? [];
    captions.forEach((c, i) => {
      const cell = ws.getCell(t.topRow - captions.length + i, t.leftColumn);
      cell.value = c.text;
      cell.style = xlsxStyle(c.style);
    });
    const names = uniqueNames(t.headers);
    const rows = t.rows.length > 0 ? t.rows : [t.headers.map(() => null)];
    ws.addTable({
      name: t.name,
      ref: cellAddress(t.topRow, t.leftColumn),
      headerRow: true,
      totalsRow: Boolean(t.totalsRow),
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: names.map((n, j) => tableColumn(n, j, t)),
      rows: rows.map((r) => names.map((_, j) => r[j] ?? null)),
    });
    for (let j = 0; j < names.length; j++) {
      ws.getCell(t.topRow, t.leftColumn + j).alignment = { wrapText: true, vertical: "middle" };
      if (t.totalsRow) {
        const cell = ws.getCell(t.topRow + 1 + rows.length, t.leftColumn + j);
        cell.value = t.totalsRow[j] ?? null;
        cell.font = { name: FONT_NAME, family: 2, bold: true };
      }
    }
  }

  if (model.print) {
    ws.pageSetup.orientation = model.print.orientation;
    ws.pageSetup.paperSize = 9;
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
    if (model.print.repeatRows) ws.pageSetup.printTitlesRow = model.print.repeatRows;
  }
  return ws;
}
