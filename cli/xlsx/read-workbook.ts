import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { MAX_WORKBOOK_FILE_BYTES, megabytes } from "../../shared/limits.ts";
import { READ_TEXTS, readFailure, sniffWorkbook } from "../../shared/xlsx/read-texts.ts";
import { checkSheetSizes, sheetRowLimit } from "../../shared/xlsx/sheet-size.ts";
import { zipEntries } from "../../shared/xlsx/zip-entries.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import type { Result } from "../../shared/result.ts";
import { rangeAddress } from "../../shared/template/a1.ts";

/**
 * Reads an .xlsx into the shape the parser takes (docs/template.md "The input"), exactly as Excel's
 * `Range.values` gives the used range: rows of number | string | boolean, "" for empty cells and
 * merged non-anchor cells, formulas as their cached result, dates as serial numbers, rich text and
 * hyperlinks as their text, error values as their text (`#N/A`).
 * The used range is bounded by the cells that hold a value (formatting alone does not extend it);
 * a sheet without any value is `A1` with `[[""]]`, as Excel gives it.
 */

type Cellish = string | number | boolean;

const MS_PER_DAY = 24 * 3600 * 1000;

/** Excel serial of a JS Date as exceljs produced it (inverse of exceljs' excelToDate). */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = 25569 + d.getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
  // exceljs rounds to whole milliseconds; snap the float noise of whole days and simple fractions.
  return Math.round(serial * 1e9) / 1e9;
}

function richTextOf(v: unknown): string | null {
  if (typeof v === "object" && v !== null && "richText" in v && Array.isArray((v as { richText: unknown }).richText)) {
    return (v as { richText: { text?: unknown }[] }).richText.map((r) => (typeof r.text === "string" ? r.text : "")).join("");
  }
  return null;
}

/** One exceljs cell value → what Excel's Range.values would hold. */
export function plainValue(v: unknown, date1904 = false): Cellish {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateToSerial(v, date1904);
  if (typeof v !== "object") return String(v);
  const rich = richTextOf(v);
  if (rich !== null) return rich;
  const o = v as Record<string, unknown>;
  if ("error" in o && typeof o.error === "string") return o.error;
  if ("formula" in o || "sharedFormula" in o || "result" in o) return plainValue(o.result, date1904);
  if ("hyperlink" in o || "text" in o) {
    const t = o.text;
    const rt = richTextOf(t);
    if (rt !== null) return rt;
    return typeof t === "string" ? t : t === undefined || t === null ? "" : plainValue(t, date1904);
  }
  return "";
}

/** The font a cell's text is drawn in: the first rich-text run that names one, else the cell's font. */
export function fontName(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (typeof v === "object" && v !== null && "richText" in v && Array.isArray((v as { richText: unknown }).richText)) {
    for (const run of (v as { richText: { font?: { name?: unknown } }[] }).richText) {
      if (typeof run.font?.name === "string" && run.font.name !== "") return run.font.name;
    }
  }
  const name = cell.font?.name;
  return typeof name === "string" && name !== "" ? name : null;
}

/** How to read: `fonts` adds the parallel grid of font names (SheetInput.fonts) for the legacy-text conversion. */
export type ReadOptions = { fonts?: boolean };

/** One worksheet → SheetInput. */
export function sheetToInput(ws: ExcelJS.Worksheet, date1904 = false, options: ReadOptions = {}): SheetInput {
  const cells: { row: number; column: number; value: Cellish; font: string | null }[] = [];
  let top = Infinity,
    left = Infinity,
    bottom = 0,
    right = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged non-anchor cell reports its anchor's value in exceljs; Excel gives "".
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value, date1904);
      if (value === "") return;
      cells.push({ row: rowNumber, column: colNumber, value, font: options.fonts && typeof value === "string" ? fontName(cell) : null });
      top = Math.min(top, rowNumber);
      bottom = Math.max(bottom, rowNumber);
      left = Math.min(left, colNumber);
      right = Math.max(right, colNumber);
    });
  });
  if (cells.length === 0) return { name: ws.name, address: "A1", values: [[""]], ...(options.fonts ? { fonts: [[null]] } : {}) };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: Cellish[][] = Array.from({ length: height }, () => Array<Cellish>(width).fill(""));
  for (const c of cells) values[c.row - top]![c.column - left] = c.value;
  const input: SheetInput = { name: ws.name, address: rangeAddress(top, left, bottom, right), values };
  if (options.fonts) {
    const fonts: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
    for (const c of cells) fonts[c.row - top]![c.column - left] = c.font;
    input.fonts = fonts;
  }
  return input;
}

/** Why a file cannot be read (shared with the browser's reader, shared/xlsx/read-texts.ts). */
export { READ_TEXTS, sheetRowLimit };

const failure = readFailure;

/** A workbook loaded by exceljs and its sheets as SheetInput (the convert command writes the same workbook back). */
export type OpenedWorkbook = { workbook: ExcelJS.Workbook; sheets: SheetInput[] };

/** An .xlsx in memory → the exceljs workbook and every worksheet as SheetInput, or why it cannot be read. */
export async function openWorkbookBuffer(buf: Uint8Array, file = "(buffer)", options: ReadOptions = {}): Promise<Result<OpenedWorkbook>> {
  const kind = sniffWorkbook(buf);
  if (kind === "xls-or-encrypted") return failure("workbook.legacy_format");
  if (kind === "not-xlsx") return failure("workbook.not_xlsx");
  if (kind === "ods") return failure("workbook.ods");
  if (buf.byteLength > MAX_WORKBOOK_FILE_BYTES) {
    return failure("workbook.too_large", { file, size: megabytes(buf.byteLength), limit: megabytes(MAX_WORKBOOK_FILE_BYTES) });
  }
  // The size guard before exceljs builds anything (it holds the whole workbook): the browser reader's, streamed.
  const entries = zipEntries(buf);
  const tooLarge = entries
    ? await checkSheetSizes(buf, entries)
    : failure("workbook.unreadable", { detail: "zip central directory / workbook.xml" });
  if (tooLarge) return tooLarge;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    return failure("workbook.unreadable", { detail: e instanceof Error ? e.message : String(e) });
  }
  const date1904 = Boolean((wb as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  const sheets: SheetInput[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetToInput(ws, date1904, options));
  });
  if (sheets.length === 0) {
    return failure("workbook.no_sheets");
  }
  return { ok: true, value: { workbook: wb, sheets }, warnings: [] };
}

/** An .xlsx in memory → every worksheet as SheetInput, or a failure explaining why it cannot be read. */
export async function readWorkbookBuffer(buf: Uint8Array, file = "(buffer)", options: ReadOptions = {}): Promise<Result<SheetInput[]>> {
  const opened = await openWorkbookBuffer(buf, file, options);
  return opened.ok ? { ok: true, value: opened.value.sheets, warnings: [] } : opened;
}

/**
 * An .xlsx file → the exceljs workbook and every worksheet as SheetInput, or a failure (missing,
 * unreadable, not .xlsx, too large: the file's size is checked before it is read, its sheets'
 * extents before exceljs loads it).
 */
export async function openWorkbookFile(file: string, options: ReadOptions = {}): Promise<Result<OpenedWorkbook>> {
  let buf: Buffer;
  try {
    const { size } = await stat(file);
    if (size > MAX_WORKBOOK_FILE_BYTES) {
      return failure("workbook.too_large", { file, size: megabytes(size), limit: megabytes(MAX_WORKBOOK_FILE_BYTES) });
    }
    buf = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") return failure("workbook.not_found", { file });
    return failure("workbook.open_failed", { file, detail: e instanceof Error ? e.message : String(e) });
  }
  return openWorkbookBuffer(buf, file, options);
}

/** An .xlsx file → every worksheet as SheetInput, or a failure (as openWorkbookFile). */
export async function readWorkbookFile(file: string, options: ReadOptions = {}): Promise<Result<SheetInput[]>> {
  const opened = await openWorkbookFile(file, options);
  return opened.ok ? { ok: true, value: opened.value.sheets, warnings: [] } : opened;
}
