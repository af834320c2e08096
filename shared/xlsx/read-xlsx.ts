import { MAX_WORKBOOK_FILE_BYTES, megabytes } from "../limits.ts";
import type { Result } from "../result.ts";
import type { SheetInput } from "../template/input.ts";
import { entryText } from "./inflate.ts";
import { readFailure, sniffWorkbook } from "./read-texts.ts";
import { sharedStrings } from "./shared-strings.ts";
import { readSheetXml } from "./sheet-xml.ts";
import { checkSheetSizes } from "./sheet-size.ts";
import { cellStyles } from "./style-fonts.ts";
import { isDate1904, worksheetParts } from "./workbook-xml.ts";
import { attr } from "./xml-text.ts";
import { zipEntries } from "./zip-entries.ts";

/**
 * An .xlsx in memory → every worksheet as SheetInput, in the browser, a Worker or Node: the same
 * result and the same issues as the CLI's exceljs reader (cli/xlsx/read-workbook.ts
 * readWorkbookBuffer), in the same order of checks: what the bytes are, the file's size, each
 * sheet's rows and all sheets' cells (sheet-size.ts), then the values.
 */

export type ReadXlsxOptions = {
  /** The file's name for messages (`workbook.too_large`); `(buffer)` as the CLI says without one. */
  file?: string;
  /** Add the parallel grid of font names (SheetInput.fonts) for the legacy-text conversion. */
  fonts?: boolean;
};

export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<Result<SheetInput[]>> {
  const file = options.file ?? "(buffer)";
  const kind = sniffWorkbook(bytes);
  if (kind === "xls-or-encrypted") return readFailure("workbook.legacy_format");
  if (kind === "not-xlsx") return readFailure("workbook.not_xlsx");
  if (kind === "ods") return readFailure("workbook.ods");
  if (bytes.byteLength > MAX_WORKBOOK_FILE_BYTES) {
    return readFailure("workbook.too_large", { file, size: megabytes(bytes.byteLength), limit: megabytes(MAX_WORKBOOK_FILE_BYTES) });
  }
  const entries = zipEntries(bytes);
  if (!entries) return readFailure("workbook.unreadable", { detail: "zip central directory / workbook.xml" });
  const scanned = new Map<string, string>();
  const tooLarge = await checkSheetSizes(bytes, entries, scanned);
  if (tooLarge) return tooLarge;
  try {
    const text = async (path: string): Promise<string | null> => {
      const done = scanned.get(path);
      if (done !== undefined) return done;
      const e = entries.get(path);
      return e ? entryText(bytes, e) : null;
    };
    const [book, rels, strings, styles] = await Promise.all([
      text("xl/workbook.xml"),
      text("xl/_rels/workbook.xml.rels"),
      text("xl/sharedStrings.xml"),
      text("xl/styles.xml"),
    ]);
    const parts = worksheetParts(book ?? "", rels ?? "", (p) => entries.has(p));
    const ctx = {
      strings: strings === null ? null : sharedStrings(strings, attr),
      styles: styles === null ? [] : cellStyles(styles),
      date1904: isDate1904(book ?? ""),
      fonts: options.fonts === true,
    };
    const sheets: SheetInput[] = [];
    for (const p of parts) sheets.push(readSheetXml((await text(p.path)) ?? "", p.name, ctx));
    if (sheets.length === 0) return readFailure("workbook.no_sheets");
    return { ok: true, value: sheets, warnings: [] };
  } catch (e) {
    return readFailure("workbook.unreadable", { detail: e instanceof Error ? e.message : String(e) });
  }
}
