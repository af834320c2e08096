import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

/**
 * How far each worksheet of an .xlsx reaches, read from the zip and the sheet XML as a stream,
 * without building anything: exceljs holds the whole workbook in memory, so the size guards of
 * read-workbook.ts run on this first. A sheet is read only until it passes its row limit.
 */

/** One worksheet: the last row and column holding a cell (`<c>`, value or formatting); 0 when none. */
export type SheetExtent = {
  name: string;
  rows: number;
  columns: number;
  /** True when reading stopped at a limit: `rows` (or `columns`) is then the first past it. */
  stopped: boolean;
};

type ZipEntry = { method: number; start: number; size: number };

/** The zip's entries by name (central directory), or null when it is not a zip this can read. */
function zipEntries(zip: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    if (local + 30 > zip.length) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > zip.length) return null;
    out.set(name.replace(/^\//, ""), { method, start, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The entry's bytes, inflated as a stream of chunks. */
function entryChunks(zip: Uint8Array, e: ZipEntry): AsyncIterable<Buffer> {
  const data = Buffer.from(zip.buffer, zip.byteOffset + e.start, e.size);
  if (e.method === 0) return Readable.from([data]);
  if (e.method !== 8) throw new Error(`unsupported zip method ${e.method}`);
  return Readable.from([data]).pipe(createInflateRaw({ chunkSize: 64 * 1024 }));
}

async function entryText(zip: Uint8Array, e: ZipEntry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of entryChunks(zip, e)) parts.push(c);
  return Buffer.concat(parts).toString("utf8");
}

const unescapeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()] ?? "";
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2] ?? "") : null;
};

/** Worksheets in workbook order: name and the zip path of their XML (chart sheets are left out). */
async function worksheetParts(zip: Uint8Array, entries: Map<string, ZipEntry>): Promise<{ name: string; path: string }[] | null> {
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

/**
 * One sheet's extent from its XML: `<row r>` and `<c r>` (both optional in the format), until it
 * passes `rowLimit` rows or `cellLimit` cells (rows × columns).
 */
async function sheetExtent(chunks: AsyncIterable<Buffer>, name: string, rowLimit: number, cellLimit: number): Promise<SheetExtent> {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s>/])([^>]*)>/g;
  let carry = "";
  let row = 0;
  let column = 0;
  let rows = 0;
  let columns = 0;
  for await (const chunk of chunks) {
    // Markup is ASCII: latin1 keeps every byte one character, so a chunk never splits a character.
    const text = carry + chunk.toString("latin1");
    const end = text.lastIndexOf(">") + 1;
    carry = text.slice(end);
    tag.lastIndex = 0;
    for (let m = tag.exec(text); m !== null && m.index < end; m = tag.exec(text)) {
      const r = attr(m[2]!, "r");
      if (m[1] === "row") {
        row = r !== null && /^\d+$/.test(r) ? Number(r) : row + 1;
        column = 0;
        continue;
      }
      const ref = r === null ? null : /^([A-Z]{1,3})(\d+)$/.exec(r);
      if (ref) {
        column = columnNumber(ref[1]!);
        row = Number(ref[2]);
      } else column += 1;
      if (row > rows) rows = row;
      if (column > columns) columns = column;
      if (rows > rowLimit || rows * columns > cellLimit) return { name, rows, columns, stopped: true };
    }
    if (carry.length > 1_000_000) throw new Error("sheet XML has a tag over 1 MB");
  }
  return { name, rows, columns, stopped: false };
}

/**
 * The extent of every worksheet, in workbook order. Reading stops just past a limit: `rowLimit` of
 * the sheet, or `cellLimit` cells (rows × columns) for all sheets together; that sheet is the last.
 * Null when the file is not a zip with a workbook this can read.
 */
export async function sheetExtents(
  zip: Uint8Array,
  rowLimit: (sheet: string) => number,
  cellLimit = Number.POSITIVE_INFINITY,
): Promise<SheetExtent[] | null> {
  const entries = zipEntries(zip);
  if (!entries) return null;
  const parts = await worksheetParts(zip, entries);
  if (!parts) return null;
  const out: SheetExtent[] = [];
  let cells = 0;
  for (const p of parts) {
    const e = entries.get(p.path);
    if (!e) continue; // exceljs reports a missing part its own way
    const chunks = entryChunks(zip, e);
    const extent = await sheetExtent(chunks, p.name, rowLimit(p.name), cellLimit - cells);
    cells += extent.rows * extent.columns;
    if (extent.stopped && "destroy" in chunks) (chunks as Readable).destroy();
    out.push(extent);
    if (extent.stopped) break;
  }
  return out;
}
