import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellAddress,
  parseRange,
  quoteSheet,
  rectAddress as localAddress,
  sheetAddress,
} from "../../../shared/template/a1.ts";
import type { Rect } from "../../../shared/template/a1.ts";
import { evaluateFormula } from "./formula.ts";
import type { FormulaValue } from "./formula.ts";

/**
 * The in-page workbook behind the fake Excel object model: worksheets of sparse cell grids with
 * values, formulas (evaluated on read), number formats, fills, merges, tables, charts and
 * conditional formats. Pure data and synchronous operations; client.ts adds Excel's
 * queue-and-sync proxies on top.
 */
export type Scalar = string | number | boolean;
export type Cell = { value: Scalar; formula: string | null; numberFormat: string; fill: string | null };
export type { Rect };
export { MAX_COLUMNS, MAX_ROWS, quoteSheet };

export class FakeExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };

  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

/** Excel's default row height (Calibri 11), in points. */
export const DEFAULT_ROW_HEIGHT = 15;

export type Table = { id: number; name: string; sheet: Sheet; rect: Rect; showTotals: boolean };
export type Chart = {
  name: string;
  type: string;
  source: Rect;
  categories: Rect | null;
  title: string;
  anchor: string | null;
  width: number | null;
  height: number | null;
  sheet: Sheet;
};
export type ConditionalFormat = { rect: Rect; type: string; formula: string; fill: string | null };
/** A format or validation property set on a range, in order (address without the sheet). */
export type FormatRecord = { address: string; path: string; value: unknown };

export class Sheet {
  readonly id: number;
  name: string;
  readonly cells = new Map<string, Cell>();
  merges: Rect[] = [];
  conditionalFormats: ConditionalFormat[] = [];
  /** Cells whose format was touched (they count in a non-values-only used range). */
  readonly formatted = new Set<string>();
  frozen: { rows: number; columns: number } | null = null;
  protectedWith: Record<string, unknown> | null = null;
  /** Font, border and alignment sets (`font/bold`, `borders/EdgeTop/color`, `wrapText`…). */
  formats: FormatRecord[] = [];
  /** Data validation sets (`rule`, `errorAlert`, `prompt`). */
  validations: FormatRecord[] = [];
  /** Column widths in points by column number. */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points by row number (rows not set have Excel's default, DEFAULT_ROW_HEIGHT). */
  readonly rowHeights = new Map<number, number>();
  /** Ranges whose cells were unlocked (format.protection.locked = false). */
  unlocked: Rect[] = [];
  readonly pageLayout: { orientation: string | null; paperSize: string | null; printTitleRows: string | null } = {
    orientation: null,
    paperSize: null,
    printTitleRows: null,
  };

  constructor(id: number, name: string) {
    this.id = id;
    this.name = name;
  }
}

const key = (r: number, c: number) => `${r},${c}`;

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** `A1`, `$A$1`, `A1:C3`, `A:C`, `3:5` (sheet prefix ignored) → rectangle, else throws InvalidArgument. */
export function parseAddress(address: string): Rect {
  const rect = parseRange(address);
  if (!rect) throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
  return rect;
}

export function rectAddress(sheet: Sheet, r: Rect): string {
  return sheetAddress(sheet.name, localAddress(r));
}

function cellCount(r: Rect): number {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
}

export class Workbook {
  sheets: Sheet[] = [];
  tables: Table[] = [];
  charts: Chart[] = [];
  activeSheet: Sheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;
  /** Writes Excel would refuse or silently drop (e.g. into a merged cell's hidden part). */
  readonly notes: string[] = [];

  // ---- sheets -------------------------------------------------------------------------------
  findSheet(name: string): Sheet | null {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n) ?? null;
  }

  sheet(name: string): Sheet {
    const s = this.findSheet(name);
    if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
    return s;
  }

  addSheet(name?: string): Sheet {
    const n = name ?? `Sheet${this.sheets.length + 1}`;
    validateSheetName(n);
    if (this.findSheet(n))
      throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${n}`);
    const s = new Sheet(this.nextId++, n);
    this.sheets.push(s);
    return s;
  }

  renameSheet(sheet: Sheet, name: string): void {
    validateSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists`);
    sheet.name = name;
  }

  deleteSheet(sheet: Sheet): void {
    if (this.sheets.length === 1) throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.charts = this.charts.filter((c) => c.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  position(sheet: Sheet): number {
    return this.sheets.indexOf(sheet);
  }

  setPosition(sheet: Sheet, position: number): void {
    const rest = this.sheets.filter((s) => s !== sheet);
    const p = Math.max(0, Math.min(position, rest.length));
    rest.splice(p, 0, sheet);
    this.sheets = rest;
  }

  // ---- cells --------------------------------------------------------------------------------
  cell(sheet: Sheet, r: number, c: number): Cell | undefined {
    return sheet.cells.get(key(r, c));
  }

  private ensure(sheet: Sheet, r: number, c: number): Cell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { value: "", formula: null, numberFormat: "General", fill: null };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  mergeOf(sheet: Sheet, r: number, c: number): Rect | null {
    return sheet.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2) ?? null;
  }

  private hiddenByMerge(sheet: Sheet, r: number, c: number): boolean {
    const m = this.mergeOf(sheet, r, c);
    return m !== null && (m.r1 !== r || m.c1 !== c);
  }

  /** Excel's entry of one value: `=` starts a formula, numeric text becomes a number, unless `@`. */
  enter(sheet: Sheet, r: number, c: number, input: unknown, _asFormula: boolean): void {
    if (input === null || input === undefined) return; // null = leave the cell as it is
    if (this.hiddenByMerge(sheet, r, c)) {
      if (input !== "")
        this.notes.push(
          `dropped ${JSON.stringify(input)} written into the hidden part of a merge at ${sheetAddress(sheet.name, cellAddress(r, c))}`,
        );
      return;
    }
    const cell = this.ensure(sheet, r, c);
    const text = cell.numberFormat === "@";
    cell.formula = null;
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
      return;
    }
    const s = String(input);
    if (s === "") {
      cell.value = "";
      return;
    }
    if (s.startsWith("'")) {
      cell.value = s.slice(1);
      return;
    }
    if (!text && s.startsWith("=") && s.length > 1) {
      cell.formula = s;
      cell.value = "";
      return;
    }
    if (!text) {
      const trimmed = s.trim();
      if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
        cell.value = Number(trimmed);
        return;
      }
      if (/^(true|false)$/i.test(trimmed)) {
        cell.value = trimmed.toLowerCase() === "true";
        return;
      }
    }
    cell.value = s;
  }

  /** Test setup: a value as Excel holds it (no typing rules); "" leaves the cell empty. */
  putRaw(sheet: Sheet, r: number, c: number, v: Scalar): void {
    if (v === "") {
      const cell = this.cell(sheet, r, c);
      if (cell) {
        cell.value = "";
        cell.formula = null;
      }
      return;
    }
    const cell = this.ensure(sheet, r, c);
    cell.value = v;
    cell.formula = null;
  }

  /** Writes a 2-D array (or one scalar for every cell) of values or formulas into a rectangle. */
  write(sheet: Sheet, rect: Rect, input: unknown, asFormula: boolean): void {
    this.forEachInput(rect, input, (r, c, v) => this.enter(sheet, r, c, v, asFormula));
  }

  setNumberFormat(sheet: Sheet, rect: Rect, input: unknown): void {
    this.forEachInput(rect, input, (r, c, v) => {
      if (v === null || v === undefined) return;
      this.ensure(sheet, r, c).numberFormat = String(v);
      sheet.formatted.add(key(r, c));
    });
  }

  private forEachInput(rect: Rect, input: unknown, fn: (r: number, c: number, v: unknown) => void): void {
    const rows = rect.r2 - rect.r1 + 1;
    const cols = rect.c2 - rect.c1 + 1;
    if (!Array.isArray(input)) {
      if (cellCount(rect) > 5_000_000) throw new FakeExcelError("InvalidArgument", "Range too large for a scalar write in the fake");
      for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c, input);
      return;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeExcelError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
      );
    }
    for (let i = 0; i < rows; i++) {
      const row = input[i] as unknown[];
      for (let j = 0; j < cols; j++) fn(rect.r1 + i, rect.c1 + j, row[j]);
    }
  }

  /** `Range.values`: computed values; "" for empty cells and the hidden part of merges. */
  readValues(sheet: Sheet, rect: Rect): Scalar[][] {
    return this.grid(rect, (r, c) => (this.hiddenByMerge(sheet, r, c) ? "" : this.valueAt(sheet, r, c, 0)));
  }

  readFormulas(sheet: Sheet, rect: Rect): Scalar[][] {
    return this.grid(rect, (r, c) => {
      if (this.hiddenByMerge(sheet, r, c)) return "";
      const cell = this.cell(sheet, r, c);
      return cell?.formula ?? cell?.value ?? "";
    });
  }

  readNumberFormats(sheet: Sheet, rect: Rect): string[][] {
    return this.grid(rect, (r, c) => this.cell(sheet, r, c)?.numberFormat ?? "General");
  }

  private grid<T>(rect: Rect, fn: (r: number, c: number) => T): T[][] {
    if (cellCount(rect) > 5_000_000) throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "Too many cells to read at once");
    const out: T[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: T[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }

  valueAt(sheet: Sheet, r: number, c: number, depth: number): Scalar {
    const cell = this.cell(sheet, r, c);
    if (!cell) return "";
    if (cell.formula === null) return cell.value;
    if (depth > 50) return "#REF!";
    const v: FormulaValue = evaluateFormula(cell.formula, {
      cell: (rr, cc) => this.valueAt(sheet, rr, cc, depth + 1),
    });
    return typeof v === "object" ? v.error : v;
  }

  clear(sheet: Sheet, rect: Rect, what: "All" | "Contents" | "Formats" = "All"): void {
    for (const [k, cell] of [...sheet.cells]) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (r < rect.r1 || r > rect.r2 || c < rect.c1 || c > rect.c2) continue;
      if (what !== "Formats") {
        cell.value = "";
        cell.formula = null;
      }
      if (what !== "Contents") {
        cell.numberFormat = "General";
        cell.fill = null;
        sheet.formatted.delete(k);
      }
      if (what === "All") sheet.cells.delete(k);
    }
    if (what !== "Contents") {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.rect, rect));
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    }
  }

  setFill(sheet: Sheet, rect: Rect, color: string | null): void {
    for (let r = rect.r1; r <= rect.r2 && r <= rect.r1 + 100_000; r++) {
      for (let c = rect.c1; c <= rect.c2 && c <= rect.c1 + 1000; c++) {
        this.ensure(sheet, r, c).fill = color;
        sheet.formatted.add(key(r, c));
      }
    }
  }

  /** Marks cells as formatted (font, borders, alignment…): they count in the used range. */
  touchFormat(sheet: Sheet, rect: Rect): void {
    if (rect.r2 - rect.r1 > 10_000 || rect.c2 - rect.c1 > 1_000) return; // whole rows/columns
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) sheet.formatted.add(key(r, c));
  }

  merge(sheet: Sheet, rect: Rect, across: boolean): void {
    const rects: Rect[] = across
      ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i }))
      : [rect];
    for (const m of rects) {
      if (m.r1 === m.r2 && m.c1 === m.c2) continue;
      if (this.tables.some((t) => t.sheet === sheet && intersects(tableRect(t), m))) {
        throw new FakeExcelError("InvalidOperation", "Cannot merge cells in a table.");
      }
      sheet.merges = sheet.merges.filter((x) => !intersects(x, m));
      // Excel keeps only the top-left value.
      for (let r = m.r1; r <= m.r2; r++)
        for (let c = m.c1; c <= m.c2; c++) {
          if (r === m.r1 && c === m.c1) continue;
          const cell = this.cell(sheet, r, c);
          if (cell) {
            cell.value = "";
            cell.formula = null;
          }
        }
      sheet.merges.push(m);
    }
  }

  unmerge(sheet: Sheet, rect: Rect): void {
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
  }

  /** The used range: cells with a value or formula (and, unless valuesOnly, formatted cells). */
  usedRange(sheet: Sheet, valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    const consider = (r: number, c: number) => {
      rect = rect
        ? { r1: Math.min(rect.r1, r), c1: Math.min(rect.c1, c), r2: Math.max(rect.r2, r), c2: Math.max(rect.c2, c) }
        : { r1: r, c1: c, r2: r, c2: c };
    };
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (cell.formula !== null || cell.value !== "") consider(r, c);
    }
    if (!valuesOnly) {
      for (const k of sheet.formatted) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        consider(r, c);
      }
    }
    return rect;
  }

  // ---- tables and charts --------------------------------------------------------------------
  addTable(sheet: Sheet, rect: Rect, hasHeaders: boolean): Table {
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(tableRect(t), rect)) {
        throw new FakeExcelError("InvalidOperation", `A table can't overlap another table (${t.name}).`);
      }
    }
    if (sheet.merges.some((m) => intersects(m, rect))) throw new FakeExcelError("InvalidOperation", "A table can't overlap merged cells.");
    if (!hasHeaders) throw new FakeExcelError("InvalidArgument", "The fake only supports tables with headers.");
    const r = rect;
    // Excel makes header names unique and non-empty (Column1, Name2, …).
    const seen = new Set<string>();
    for (let c = r.c1; c <= r.c2; c++) {
      let h = String(this.valueAt(sheet, r.r1, c, 0));
      if (h === "") h = `Column${c - r.c1 + 1}`;
      let name = h;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h}${n}`;
      if (name !== String(this.valueAt(sheet, r.r1, c, 0))) {
        this.notes.push(`table header at ${cellAddress(r.r1, c)} renamed to ${name}`);
        this.enter(sheet, r.r1, c, name, false);
      }
      seen.add(name.toLowerCase());
    }
    const id = this.nextId++;
    const table: Table = { id, name: `Table${id}`, sheet, rect: r, showTotals: false };
    this.tables.push(table);
    return table;
  }

  renameTable(table: Table, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new FakeExcelError("InvalidArgument", `Invalid table name ${name}`);
    }
    if (this.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeExcelError("InvalidArgument", `A table named ${name} already exists`);
    }
    table.name = name;
  }

  deleteTable(table: Table): void {
    this.clear(table.sheet, tableRect(table), "All");
    this.tables = this.tables.filter((t) => t !== table);
  }

  resizeTable(table: Table, rect: Rect): void {
    if (rect.r1 !== table.rect.r1 || rect.c1 !== table.rect.c1) {
      throw new FakeExcelError("InvalidArgument", "The table's new range must keep its header row in place.");
    }
    for (const t of this.tables) {
      if (t !== table && t.sheet === table.sheet && intersects(tableRect(t), rect))
        throw new FakeExcelError("InvalidOperation", "Tables overlap.");
    }
    table.rect = rect;
  }

  setShowTotals(table: Table, show: boolean): void {
    if (show && !table.showTotals) {
      const below: Rect = { r1: table.rect.r2 + 1, c1: table.rect.c1, r2: table.rect.r2 + 1, c2: table.rect.c2 };
      if (this.tables.some((t) => t !== table && t.sheet === table.sheet && intersects(tableRect(t), below))) {
        throw new FakeExcelError("InvalidOperation", "The totals row would overlap another table.");
      }
    }
    if (!show && table.showTotals) {
      const r = table.rect.r2 + 1;
      this.clear(table.sheet, { r1: r, c1: table.rect.c1, r2: r, c2: table.rect.c2 }, "Contents");
    }
    table.showTotals = show;
  }
}

/** A table's whole range: header, body and (when shown) the totals row. */
export function tableRect(t: Table): Rect {
  return t.showTotals ? { ...t.rect, r2: t.rect.r2 + 1 } : t.rect;
}

function validateSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeExcelError("InvalidArgument", `Invalid worksheet name: ${name}`);
  }
}
