import { attr } from "./xml-text.ts";

/**
 * What the reader needs of xl/styles.xml, per cell style (`<c s>` indexes `<cellXfs>`): the name of
 * its font (`<fonts>`, `<name val>`) and whether its number format shows a date (exceljs then turns
 * the number into a Date, which the CLI turns back into a serial number).
 */

export type CellStyle = { font: string | undefined; date: boolean };

/** Built-in number formats that exceljs counts as dates (14-22, 45-47). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs' utils.isDateFmt: a date or time letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

function section(xml: string, name: string): string {
  const start = xml.search(new RegExp(`<${name}[\\s>]`));
  if (start < 0) return "";
  const end = xml.indexOf(`</${name}>`, start);
  return end < 0 ? "" : xml.slice(start, end);
}

/** The styles of `<cellXfs>`, by index. */
export function cellStyles(xml: string): CellStyle[] {
  const formats = new Map<number, string>();
  for (const m of section(xml, "numFmts").matchAll(/<numFmt\b([^>]*)>/g)) {
    const code = attr(m[1]!, "formatCode");
    if (code !== null) formats.set(Number.parseInt(attr(m[1]!, "numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
  }
  const fonts: (string | undefined)[] = [];
  for (const m of section(xml, "fonts").matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)) {
    const name = /<name\b([^>]*)>/.exec(m[1] ?? "");
    fonts.push(name ? (attr(name[1]!, "val") ?? undefined) : undefined);
  }
  const out: CellStyle[] = [];
  for (const m of section(xml, "cellXfs").matchAll(/<xf\b([^>]*)>/g)) {
    const numFmtId = Number.parseInt(attr(m[1]!, "numFmtId") ?? "", 10);
    const fontId = Number.parseInt(attr(m[1]!, "fontId") ?? "", 10);
    let date = false;
    if (numFmtId) {
      const code = formats.get(numFmtId);
      date = code ? isDateFormat(code) : DATE_FORMAT_IDS.has(numFmtId);
    }
    out.push({ font: Number.isNaN(fontId) ? undefined : fonts[fontId], date });
  }
  return out;
}
