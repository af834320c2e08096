import { MAX_CRITERIA_ROWS, MAX_OTHER_SHEET_ROWS, MAX_SETUP_LIST_ROWS, MAX_WORKBOOK_CELLS } from "../limits.ts";
import { SETUP_SHEETS } from "../setup/labels.ts";
import { columnLetter } from "../template/a1.ts";
import { SHEETS } from "../template/labels.ts";
import { matchKey } from "../text/match.ts";
import { entryStream, entryText } from "./inflate.ts";
import { readFailure } from "./read-texts.ts";
import { web } from "./web.ts";
import { rawAttr } from "./xml-text.ts";
import type { ZipEntry } from "./zip-entries.ts";

/**
 * The size guards of a workbook, before any grid is built (shared/limits.ts): each worksheet within
 * its row limit and all of them within MAX_WORKBOOK_CELLS, read from the sheet XML as a stream of
 * inflated chunks and stopped just past a limit (any `<c>` counts, formatting-only cells too). The
 * CLI runs it before exceljs loads a file, the web page before reading the values.
 */

/** Sheets that hold one row per commune (or per unit), by their matching key (shared/text/match.ts). */
const LONG_SHEETS = new Map<string, number>([
  [matchKey(SHEETS.criteria), MAX_CRITERIA_ROWS],
  [matchKey(SETUP_SHEETS.communes), MAX_SETUP_LIST_ROWS],
  [matchKey(SETUP_SHEETS.units), MAX_SETUP_LIST_ROWS],
]);

/**
 * Rows a sheet may reach: the template's `Tiêu chí` and the `Thiết lập` workbook's `Xã` and
 * `Đơn vị` hold up to MAX_COMMUNES rows; every other sheet a few dozen. The name decides (the
 * reader does not know yet which workbook it holds), matched as the parsers match it.
 */
export function sheetRowLimit(sheet: string): number {
  return LONG_SHEETS.get(matchKey(sheet)) ?? MAX_OTHER_SHEET_ROWS;
}

/** One worksheet: the last row and column holding a cell; `stopped` when reading stopped past a limit. */
export type SheetExtent = { name: string; rows: number; columns: number; stopped: boolean };

const unescapeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()] ?? "";
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

const attr = rawAttr;

/** Worksheets in workbook order as the size guard names them (relationships of type …/worksheet). */
async function guardedParts(zip: Uint8Array, entries: Map<string, ZipEntry>): Promise<{ name: string; path: string }[] | null> {
  const book = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (!book || !rels) return null;
  const targets = new Map<string, string>();
  for (const m of (await entryText(zip, rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    if (id === null || target === null || !/\/worksheet$/.test(attr(m[1]!, "Type") ?? "")) continue;
    const t = unescapeXml(target);
    targets.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  const out: { name: string; path: string }[] = [];
  for (const m of (await entryText(zip, book)).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const id = m[1]!.match(/(?:^|\s)[\w]+:id\s*=\s*"([^"]*)"/)?.[1];
    const path = id === undefined ? undefined : targets.get(id);
    if (path !== undefined) out.push({ name: unescapeXml(attr(m[1]!, "name") ?? ""), path });
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One sheet's extent, reading its XML chunk by chunk until it passes `rowLimit` rows or `cellLimit` cells. */
async function sheetExtent(
  zip: Uint8Array,
  e: ZipEntry,
  name: string,
  rowLimit: number,
  cellLimit: number,
  keep: string[] | null,
): Promise<SheetExtent> {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s>/])([^>]*)>/g;
  const reader = entryStream(zip, e).getReader();
  const decoder = new web.TextDecoder();
  let carry = "";
  let row = 0;
  let column = 0;
  let rows = 0;
  let columns = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    const chunk = decoder.decode(r.value, { stream: true });
    keep?.push(chunk);
    const text = carry + chunk;
    const end = text.lastIndexOf(">") + 1;
    carry = text.slice(end);
    tag.lastIndex = 0;
    for (let m = tag.exec(text); m !== null && m.index < end; m = tag.exec(text)) {
      const ra = attr(m[2]!, "r");
      if (m[1] === "row") {
        row = ra !== null && /^\d+$/.test(ra) ? Number(ra) : row + 1;
        column = 0;
        continue;
      }
      const ref = ra === null ? null : /^([A-Z]{1,3})(\d+)$/.exec(ra);
      if (ref) {
        column = columnNumber(ref[1]!);
        row = Number(ref[2]);
      } else column += 1;
      if (row > rows) rows = row;
      if (column > columns) columns = column;
      if (rows > rowLimit || rows * columns > cellLimit) {
        await reader.cancel();
        return { name, rows, columns, stopped: true };
      }
    }
    if (carry.length > 1_000_000) {
      await reader.cancel();
      throw new Error("sheet XML has a tag over 1 MB");
    }
  }
  keep?.push(decoder.decode());
  return { name, rows, columns, stopped: false };
}

/**
 * The extent of every worksheet in workbook order, the last one where a limit stopped the reading;
 * null when not a workbook. `texts`, when given, receives the XML of each sheet read to its end (by
 * zip path), so that the values are read without inflating it again.
 */
export async function sheetExtents(
  zip: Uint8Array,
  entries: Map<string, ZipEntry>,
  rowLimit: (sheet: string) => number,
  cellLimit = Number.POSITIVE_INFINITY,
  texts: Map<string, string> | null = null,
): Promise<SheetExtent[] | null> {
  const parts = await guardedParts(zip, entries);
  if (!parts) return null;
  const out: SheetExtent[] = [];
  let cells = 0;
  for (const p of parts) {
    const e = entries.get(p.path);
    if (!e) continue;
    const keep: string[] | null = texts ? [] : null;
    const extent = await sheetExtent(zip, e, p.name, rowLimit(p.name), cellLimit - cells, keep);
    if (texts && keep && !extent.stopped) texts.set(p.path, keep.join(""));
    cells += extent.rows * extent.columns;
    out.push(extent);
    if (extent.stopped) break;
  }
  return out;
}

/** The size guard as a failure (the CLI's messages: rows of one sheet, cells of all), or null when within the limits (`texts`: see sheetExtents). */
export async function checkSheetSizes(
  zip: Uint8Array,
  entries: Map<string, ZipEntry>,
  texts: Map<string, string> | null = null,
): Promise<ReturnType<typeof readFailure> | null> {
  let extents: SheetExtent[] | null;
  try {
    extents = await sheetExtents(zip, entries, sheetRowLimit, MAX_WORKBOOK_CELLS, texts);
  } catch (e) {
    return readFailure("workbook.unreadable", { detail: e instanceof Error ? e.message : String(e) });
  }
  if (extents === null) return readFailure("workbook.unreadable", { detail: "zip central directory / workbook.xml" });
  const last = extents.at(-1);
  if (!last?.stopped) return null;
  const limit = sheetRowLimit(last.name);
  if (last.rows > limit) return readFailure("sheet.too_many_rows", { sheet: last.name, row: last.rows, limit }, last.name);
  const corner = `${columnLetter(last.columns)}${last.rows}`;
  return readFailure("workbook.too_many_cells", { sheet: last.name, corner, limit: MAX_WORKBOOK_CELLS }, last.name);
}
