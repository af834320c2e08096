import { columnNumber, rangeAddress } from "../template/a1.ts";
import type { SheetInput } from "../template/input.ts";
import { type Run, richRuns, type SharedString } from "./shared-strings.ts";
import type { CellStyle } from "./style-fonts.ts";
import { attr, excelXmlDecode, normaliseXml, xmlText } from "./xml-text.ts";

/**
 * One worksheet's XML → SheetInput, exactly as the CLI's exceljs reader gives it
 * (cli/xlsx/read-workbook.ts): formulas as their cached result ("" without one), shared string,
 * inline string, boolean, error (`#N/A`) and number cells, numbers in a date format through the same
 * Date round trip as exceljs, rich text concatenated, merged non-anchor cells "", the used range
 * bounded by the cells holding a value. Scanned with indexOf over the text, no DOM.
 */

type Cellish = string | number | boolean;

/** What the sheet is read with: the workbook's strings and styles. */
export type SheetContext = {
  /** The shared strings; null without xl/sharedStrings.xml (exceljs then gives a `t="s"` cell its index). */
  strings: SharedString[] | null;
  styles: CellStyle[];
  date1904: boolean;
  fonts: boolean;
};

const MS_PER_DAY = 24 * 3600 * 1000;

/** A number shown as a date: exceljs' excelToDate, then the CLI's dateToSerial ("" for an invalid Date). */
function dateRoundTrip(v: unknown, date1904: boolean): Cellish {
  const n = typeof v === "object" ? Number.NaN : Number(v);
  const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  const time = new Date(ms).getTime();
  if (Number.isNaN(time)) return "";
  const serial = 25569 + time / MS_PER_DAY - (date1904 ? 1462 : 0);
  return Math.round(serial * 1e9) / 1e9;
}

function plain(v: Cellish | Run[] | undefined): Cellish {
  if (v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "object") return v.map((r) => r.text ?? "").join("");
  return v;
}

function runFont(runs: Run[]): string | null {
  for (const r of runs) if (typeof r.font === "string" && r.font !== "") return r.font;
  return null;
}

const VALUE_OR_TEXT = /<(v|t)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;
const RUN_ELEMENT = /<r(?:\s[^>]*)?>[\s\S]*?<\/r>|<r(?:\s[^>]*)?\/>/g;

/** The character data of `<v>` and of `<t>` outside runs, in order (exceljs appends both to the value). */
function valueText(content: string): string {
  if (content.indexOf("<v") < 0 && content.indexOf("<t") < 0) return "";
  const body = content.includes("<r") ? content.replace(RUN_ELEMENT, "") : content;
  let text = "";
  VALUE_OR_TEXT.lastIndex = 0;
  for (let m = VALUE_OR_TEXT.exec(body); m !== null; m = VALUE_OR_TEXT.exec(body)) text += xmlText(m[2]!);
  return text;
}

/** Text that an XML parser reports as non-empty (comments and CDATA are not text events for exceljs). */
function hasText(raw: string): boolean {
  if (raw === "") return false;
  return raw[0] !== "<" || xmlText(raw) !== "";
}

/**
 * A cell's `<f>` split off: whether exceljs takes the cell as a formula (text, or a `t` such as
 * `shared`), and the rest of the cell's content (where its `<v>` is).
 */
function splitFormula(content: string): { formula: boolean; rest: string } {
  const i = content.indexOf("<f");
  if (i < 0) return { formula: false, rest: content };
  const c = content[i + 2];
  if (c !== ">" && c !== "/" && c !== " " && c !== "\t" && c !== "\n") return { formula: false, rest: content };
  const gt = content.indexOf(">", i);
  if (gt < 0) return { formula: false, rest: content };
  const selfClosing = content[gt - 1] === "/";
  const attrs = content.slice(i + 2, selfClosing ? gt - 1 : gt);
  // A cell has one `<f>`, and `</f>` cannot occur in text: search from the end, past the long formula.
  const close = selfClosing ? -1 : content.lastIndexOf("</f>");
  const end = selfClosing ? gt + 1 : close < 0 ? content.length : close + 4;
  const rest = i === 0 ? content.slice(end) : content.slice(0, i) + content.slice(end);
  if (attr(attrs, "t")) return { formula: true, rest };
  return { formula: !selfClosing && close > gt && hasText(content.slice(gt + 1, close)), rest };
}

type Cell = { row: number; column: number; value: Cellish; font: string | null; gen: number };

const EMPTY = { value: "", font: null, empty: true } as const;

/** One `<c>`: its value as the CLI gives it, and its font (when asked and the value is text). */
function cellValue(
  t: string | null,
  styleId: number,
  content: string,
  ctx: SheetContext,
): { value: Cellish; font: string | null; empty: boolean } {
  const style = styleId ? ctx.styles[styleId] : undefined;
  const f = content === "" ? { formula: false, rest: "" } : splitFormula(content);
  const text = f.rest === "" ? "" : valueText(f.rest);
  const runs = t === "inlineStr" && f.rest.includes("<r") ? richRuns(f.rest, attr) : [];
  let value: Cellish | Run[] | undefined;
  if (f.formula) {
    let result: Cellish | undefined;
    if (text !== "") {
      if (t === "str") result = excelXmlDecode(text);
      else if (t === "b") result = Number.parseInt(text, 10) !== 0;
      else if (t === "e") result = text;
      else result = Number.parseFloat(text);
    }
    value = result !== undefined && style?.date ? dateRoundTrip(t === "e" ? {} : result, ctx.date1904) : result;
  } else if (runs.length > 0) {
    value = runs;
  } else if (text !== "") {
    if (t === "s") {
      const index = Number.parseInt(text, 10);
      if (ctx.strings === null) value = index;
      else {
        value = ctx.strings[index];
        // exceljs fails on a string index past the table; so does this reader, with its words.
        if (value === undefined) throw new Error("Cannot read properties of undefined (reading 'richText')");
      }
    } else if (t === "str") value = excelXmlDecode(text);
    else if (t === "inlineStr" || t === "e") value = text;
    else if (t === "b") value = Number.parseInt(text, 10) !== 0;
    else {
      const n = Number.parseFloat(text);
      value = style?.date ? dateRoundTrip(n, ctx.date1904) : n;
    }
  } else return { value: "", font: null, empty: true };
  const out = plain(value);
  let font: string | null = null;
  if (ctx.fonts && typeof out === "string" && out !== "") {
    font = typeof value === "object" ? runFont(value) : null;
    if (font === null && typeof style?.font === "string" && style.font !== "") font = style.font;
  }
  return { value: out, font, empty: false };
}

/** Whether a cell is a non-anchor cell of a merged range (`<mergeCell ref>`); null without merges. */
function mergedNonAnchors(xml: string, from: number): ((row: number, column: number) => boolean) | null {
  const rects: { r1: number; c1: number; r2: number; c2: number }[] = [];
  for (const m of xml.slice(from).matchAll(/<mergeCell\b([^>]*)>/g)) {
    const ref = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(attr(m[1]!, "ref") ?? "");
    if (!ref) continue;
    const a = { r: Number(ref[2]), c: columnNumber(ref[1]!) };
    const b = ref[3] ? { r: Number(ref[4]), c: columnNumber(ref[3]) } : a;
    rects.push({ r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) });
  }
  if (rects.length === 0) return null;
  const inside = (r: (typeof rects)[number], row: number, column: number) =>
    row >= r.r1 && row <= r.r2 && column >= r.c1 && column <= r.c2 && (row !== r.r1 || column !== r.c1);
  const rowsSpanned = rects.reduce((n, r) => n + r.r2 - r.r1 + 1, 0);
  if (rowsSpanned > 1_000_000) return (row, column) => rects.some((r) => inside(r, row, column));
  const byRow = new Map<number, (typeof rects)[number][]>();
  for (const r of rects) {
    for (let row = r.r1; row <= r.r2; row++) {
      const list = byRow.get(row);
      if (list) list.push(r);
      else byRow.set(row, [r]);
    }
  }
  return (row, column) => byRow.get(row)?.some((r) => inside(r, row, column)) ?? false;
}

function isDelimiter(c: string | undefined): boolean {
  return c === " " || c === ">" || c === "/" || c === "\t" || c === "\n";
}

/** The worksheet `name` from its XML. Throws where exceljs fails to load the sheet (a row without a number). */
export function readSheetXml(source: string, name: string, ctx: SheetContext): SheetInput {
  const xml = normaliseXml(source);
  const cells: Cell[] = [];
  const start = xml.indexOf("<sheetData");
  let end = start < 0 ? -1 : xml.indexOf("</sheetData>", start);
  if (end < 0) end = start;
  let pos = start < 0 ? 0 : start + 10;
  let row = Number.NaN;
  let previous = 0; // column of the previous cell of the row that exceljs keeps (0: none)
  // A row number or a cell given twice: exceljs keeps the last `<row>` of a number and the last cell of a column.
  let repeated = false;
  let rowRight = 0;
  let rowElement = 0;
  const rowElements = new Map<number, number>();
  while (pos < end) {
    const i = xml.indexOf("<", pos);
    if (i < 0 || i >= end) break;
    const gt = xml.indexOf(">", i);
    if (gt < 0) break;
    const selfClosing = xml[gt - 1] === "/";
    if (xml[i + 1] === "c" && isDelimiter(xml[i + 2])) {
      const attrs = xml.slice(i + 2, selfClosing ? gt - 1 : gt);
      let content = "";
      pos = gt + 1;
      if (!selfClosing) {
        const close = xml.indexOf("</c>", gt);
        if (close < 0) throw new Error("unclosed <c> element");
        content = xml.slice(gt + 1, close);
        pos = close + 4;
      }
      const s = attr(attrs, "s");
      const styleId = s ? Number.parseInt(s, 10) : 0;
      if (content === "" && !styleId) continue; // an empty unstyled cell: exceljs drops it (see below)
      const c = content === "" ? EMPTY : cellValue(attr(attrs, "t"), styleId, content, ctx);
      if (c.empty && !styleId) continue; // exceljs drops it (a "merge" cell) and does not count it
      const r = attr(attrs, "r");
      let column: number;
      if (r) {
        const ref = /^\$?([A-Za-z]+)\$?(\d+)/.exec(r);
        column = ref ? columnNumber(ref[1]!) : Number.NaN;
      } else if (previous > 0) column = previous + 1;
      else throw new Error("Cannot read properties of undefined (reading 'col')");
      previous = column;
      if (column <= rowRight) repeated = true;
      else rowRight = column;
      // A styled empty cell is kept only where a repeated cell may blank an earlier one.
      if (c.value !== "" || repeated) cells.push({ row, column, value: c.value, font: c.font, gen: rowElement });
      continue;
    }
    pos = gt + 1;
    if (xml.startsWith("row", i + 1) && isDelimiter(xml[i + 4])) {
      row = Number.parseInt(attr(xml.slice(i + 4, gt), "r") ?? "", 10);
      if (Number.isNaN(row)) throw new Error("Invalid row number in model");
      previous = 0;
      rowRight = 0;
      rowElement++;
      if (rowElements.has(row)) repeated = true;
      rowElements.set(row, rowElement);
    }
  }
  let kept = cells;
  if (repeated) {
    const last = new Map<number, Cell>();
    for (const c of cells) if (rowElements.get(c.row) === c.gen) last.set(c.row * 20_000 + c.column, c);
    kept = [...last.values()].filter((c) => c.value !== "");
  }
  const merged = mergedNonAnchors(xml, Math.max(end, 0));
  if (merged) kept = kept.filter((c) => !merged(c.row, c.column));
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = 0;
  let right = 0;
  for (const c of kept) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.column < left) left = c.column;
    if (c.column > right) right = c.column;
  }
  if (kept.length === 0) return { name, address: "A1", values: [[""]], ...(ctx.fonts ? { fonts: [[null]] } : {}) };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: Cellish[][] = Array.from({ length: height }, () => Array<Cellish>(width).fill(""));
  for (const c of kept) values[c.row - top]![c.column - left] = c.value;
  const input: SheetInput = { name, address: rangeAddress(top, left, bottom, right), values };
  if (ctx.fonts) {
    const fonts: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
    for (const c of kept) fonts[c.row - top]![c.column - left] = c.font;
    input.fonts = fonts;
  }
  return input;
}
