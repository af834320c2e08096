import { FakeContext, REQUEST_LIMIT, fontNameAt } from "./client.ts";
import type { LogEntry, Stats } from "./client.ts";
import { FakeExcelError, Workbook, parseAddress, rectAddress, tableRect } from "./model.ts";
import type { Rect, Scalar, Sheet } from "./model.ts";
import { createOffice, newSettings } from "./office.ts";
import type { OfficeConfig, SettingsState } from "./office.ts";
import { columnLetter, parseCell, rectAddress as localAddress } from "../../../shared/template/a1.ts";

/**
 * The one fake Excel host, for the adapter tests (node) and the task pane in Chromium (bundled by
 * browser.ts): an in-memory workbook (model.ts) behind Excel's queue-and-sync proxies (client.ts),
 * the `Excel`, `Office` and `OfficeExtension` globals, and a test view of what the sheets hold.
 * Platform-neutral: no node imports.
 */
export type FakeExcelOptions = Partial<OfficeConfig> & {
  /** Highest ExcelApi minor version: 1 → ExcelApi 1.1 only, 13 → up to 1.13 (default). */
  apiVersion?: number;
  /** Excel on the web's payload limit per request and per response (default 5 MB). */
  payloadLimit?: number;
  /** Sheets the workbook starts with (default one empty `Sheet1`). */
  sheets?: string[];
};

const ERROR_CODES = Object.fromEntries(
  [
    "AccessDenied",
    "ApiNotFound",
    "GeneralException",
    "InsertDeleteConflict",
    "InvalidArgument",
    "InvalidBinding",
    "InvalidOperation",
    "InvalidReference",
    "InvalidSelection",
    "ItemAlreadyExists",
    "ItemNotFound",
    "NotImplemented",
    "PropertyNotLoaded",
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "UnsupportedOperation",
    "InvalidOperationInCellEditMode",
    "Conflict",
  ].map((c) => [c, c]),
);

/** One sheet as the tests see it: what Excel holds, in A1 terms. */
export class SheetView {
  readonly wb: Workbook;
  readonly sheet: Sheet;
  constructor(wb: Workbook, sheet: Sheet) {
    this.wb = wb;
    this.sheet = sheet;
  }

  get name(): string {
    return this.sheet.name;
  }

  private at(address: string): { row: number; column: number } {
    const p = parseCell(address);
    if (!p) throw new Error(`not a cell: ${address}`);
    return p;
  }

  /** Puts raw values (as Excel holds them, no typing rules) with the top-left at `address`. */
  put(address: string, rows: Scalar[][]): this {
    const p = this.at(address);
    for (const [i, row] of rows.entries()) for (const [j, v] of row.entries()) this.wb.putRaw(this.sheet, p.row + i, p.column + j, v);
    return this;
  }

  /** What a user types (`=` starts a formula, numeric text becomes a number unless formatted `@`). */
  type(address: string, rows: unknown[][]): this {
    this.wb.write(this.sheet, parseAddress(address), rows, true);
    return this;
  }

  /** The value Excel shows at a cell ("" when empty; formulas evaluated). */
  value(address: string): Scalar {
    const p = this.at(address);
    return this.wb.readValues(this.sheet, { r1: p.row, c1: p.column, r2: p.row, c2: p.column })[0]![0]!;
  }

  values(address: string): Scalar[][] {
    return this.wb.readValues(this.sheet, parseAddress(address));
  }

  formula(address: string): Scalar {
    const p = this.at(address);
    return this.wb.readFormulas(this.sheet, { r1: p.row, c1: p.column, r2: p.row, c2: p.column })[0]![0]!;
  }

  numberFormat(address: string): string {
    const p = this.at(address);
    return this.wb.cell(this.sheet, p.row, p.column)?.numberFormat ?? "General";
  }

  fill(address: string): string | null {
    const p = this.at(address);
    return this.wb.cell(this.sheet, p.row, p.column)?.fill ?? null;
  }

  setFill(address: string, color: string | null): this {
    this.wb.setFill(this.sheet, parseAddress(address), color);
    return this;
  }

  /** Sets the font name of a range (as `range.format.font.name = name` would), e.g. `.VnTimeH`. */
  setFont(address: string, name: string): this {
    const rect = parseAddress(address);
    this.sheet.formats.push({ address: localAddress(rect), path: "font/name", value: name });
    this.wb.touchFormat(this.sheet, rect);
    return this;
  }

  /** The font name the cell is drawn with (Calibri where none was set). */
  fontName(address: string): string {
    const p = this.at(address);
    return fontNameAt(this.sheet, p.row, p.column);
  }

  /** Every format set on a range containing the cell, later sets winning: `{ "font/bold": true, … }`. */
  formatAt(address: string): Record<string, unknown> {
    const p = this.at(address);
    const out: Record<string, unknown> = {};
    for (const f of this.sheet.formats) {
      const r = parseAddress(f.address);
      if (p.row >= r.r1 && p.row <= r.r2 && p.column >= r.c1 && p.column <= r.c2) out[f.path] = f.value;
    }
    return out;
  }

  get formats() {
    return this.sheet.formats;
  }
  get validations() {
    return this.sheet.validations;
  }
  get merges(): string[] {
    return this.sheet.merges.map(localAddress);
  }
  get unlocked(): string[] {
    return this.sheet.unlocked.map(localAddress);
  }
  get frozen() {
    return this.sheet.frozen;
  }
  get protection() {
    return this.sheet.protectedWith;
  }
  get pageLayout() {
    return this.sheet.pageLayout;
  }
  /** Column widths in points by column letter. */
  get columnWidths(): Map<string, number> {
    return new Map([...this.sheet.columnWidths].map(([c, w]) => [columnLetter(c), w]));
  }
  /** Row heights in points by row number, of the rows whose height was set. */
  get rowHeights(): Map<number, number> {
    return new Map([...this.sheet.rowHeights].sort(([a], [b]) => a - b));
  }
  get conditionalFormats() {
    return this.sheet.conditionalFormats.map((f) => ({ address: localAddress(f.rect), type: f.type, formula: f.formula, fill: f.fill }));
  }
  get charts() {
    return this.wb.charts
      .filter((c) => c.sheet === this.sheet)
      .map((c) => ({
        name: c.name,
        type: c.type,
        source: localAddress(c.source),
        categories: c.categories ? localAddress(c.categories) : null,
        title: c.title,
        anchor: c.anchor,
        width: c.width,
        height: c.height,
      }));
  }
  usedRange(valuesOnly = true): string | null {
    const r = this.wb.usedRange(this.sheet, valuesOnly);
    return r ? rectAddress(this.sheet, r) : null;
  }
}

export class FakeExcel {
  readonly wb = new Workbook();
  readonly stats: Stats = { runs: 0, syncs: 0, maxRequestBytes: 0, payloads: [] };
  readonly log: LogEntry[] = [];
  readonly settingsState: SettingsState = newSettings();
  readonly config: OfficeConfig;
  apiVersion: number;
  payloadLimit: number;
  /** Error codes thrown by the first sync of the next runs (one per run). */
  readonly failRuns: string[] = [];
  readonly Excel: {
    run: <T>(batch: (context: FakeContext) => Promise<T>) => Promise<T>;
    ErrorCodes: Record<string, string>;
    RequestContext: unknown;
  };
  readonly Office: ReturnType<typeof createOffice>;
  readonly OfficeExtension: { Error: typeof FakeExcelError; ErrorCodes: Record<string, string> };

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? 13;
    this.payloadLimit = options.payloadLimit ?? REQUEST_LIMIT;
    this.config = {
      partitionKey: options.partitionKey === undefined ? "fake-partition" : options.partitionKey,
      displayLanguage: options.displayLanguage ?? "vi-VN",
      platform: options.platform ?? "OfficeOnline",
    };
    for (const name of options.sheets ?? ["Sheet1"]) this.wb.addSheet(name);
    this.wb.activeSheet = this.wb.sheets[0] ?? null;
    this.Excel = { run: (batch) => this.run(batch), ErrorCodes: ERROR_CODES, RequestContext: FakeContext };
    this.Office = createOffice(this.config, () => this.apiVersion, this.settingsState);
    this.OfficeExtension = { Error: FakeExcelError, ErrorCodes: ERROR_CODES };
  }

  /** `Excel.run`: a new request context; what the batch leaves queued is synced at the end. */
  async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
    this.stats.runs++;
    const context = new FakeContext(this.wb, this.stats, this.log, {
      apiVersion: this.apiVersion,
      payloadLimit: this.payloadLimit,
      failFirstSync: this.failRuns.shift(),
    });
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  }

  /** Installs `Excel`, `Office` and `OfficeExtension` on `target`; returns the uninstaller. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    target.Excel = this.Excel;
    target.Office = this.Office;
    target.OfficeExtension = this.OfficeExtension;
    return () => {
      delete target.Excel;
      delete target.Office;
      delete target.OfficeExtension;
    };
  }

  // ---- the test's view ------------------------------------------------------------------------
  get syncs(): number {
    return this.stats.syncs;
  }
  get runs(): number {
    return this.stats.runs;
  }
  get payloads(): number[] {
    return this.stats.payloads;
  }

  addSheet(name: string): SheetView {
    return new SheetView(this.wb, this.wb.addSheet(name));
  }

  sheet(name: string): SheetView {
    return new SheetView(this.wb, this.wb.sheet(name));
  }

  get sheets(): SheetView[] {
    return this.wb.sheets.map((s) => new SheetView(this.wb, s));
  }

  sheetNames(): string[] {
    return this.wb.sheets.map((s) => s.name);
  }

  get tables(): { name: string; sheet: string; address: string; showTotals: boolean }[] {
    return this.wb.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: localAddress(tableRect(t)),
      showTotals: t.showTotals,
    }));
  }

  tableValues(name: string): Scalar[][] | null {
    const t = this.wb.tables.find((x) => x.name === name);
    return t ? this.wb.readValues(t.sheet, tableRect(t)) : null;
  }

  get active(): string | null {
    return this.wb.activeSheet?.name ?? null;
  }
  get selection(): { sheet: string; address: string } | null {
    return this.wb.selection;
  }

  /** What the document's settings hold after the last successful saveAsync. */
  get settings(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.settingsState.saved)) as Record<string, unknown>;
  }

  /** A value already saved in the document (as if an earlier session had stored it). */
  seedSetting(name: string, value: unknown): void {
    this.settingsState.saved[name] = JSON.parse(JSON.stringify(value));
    this.settingsState.pending[name] = JSON.parse(JSON.stringify(value));
  }

  set failSettingsSave(v: boolean) {
    this.settingsState.failSave = v;
  }

  /**
   * The plain-data API the browser tests reach through `page.evaluate` (`window.__fakeExcel`):
   * sheet and cell addresses in, JSON-safe values out.
   */
  api() {
    const s = (name: string) => this.sheet(name);
    return {
      config: { ...this.config, apiVersion: this.apiVersion },
      stats: this.stats,
      type: (sheet: string, address: string, values: unknown[][]) => {
        s(sheet).type(address, values);
      },
      values: (sheet: string, address: string) => s(sheet).values(address),
      formulas: (sheet: string, address: string) => this.wb.readFormulas(this.wb.sheet(sheet), parseAddress(address)),
      numberFormats: (sheet: string, address: string) => this.wb.readNumberFormats(this.wb.sheet(sheet), parseAddress(address)),
      fill: (sheet: string, address: string) => s(sheet).fill(address),
      sheetNames: () => this.sheetNames(),
      activeSheet: () => this.active,
      selection: () => this.selection,
      /** The user clicks a cell or drags over a block: that sheet becomes active, the block selected. */
      select: (sheet: string, address: string) => {
        const target = this.wb.sheet(sheet);
        this.wb.activeSheet = target;
        this.wb.selection = { sheet: target.name, address: localAddress(parseAddress(address)) };
      },
      usedRange: (sheet: string, valuesOnly = true) => s(sheet).usedRange(valuesOnly),
      merges: (sheet: string) => s(sheet).merges,
      frozen: (sheet: string) => s(sheet).frozen,
      protection: (sheet: string) => s(sheet).protection,
      tables: () => this.tables,
      tableValues: (name: string) => this.tableValues(name),
      charts: () => this.wb.charts.map((c) => ({ name: c.name, type: c.type, sheet: c.sheet.name, title: c.title, anchor: c.anchor })),
      conditionalFormats: (sheet: string) => s(sheet).conditionalFormats,
      /** Cells marked with a conditional format, e.g. { "H8": "#FFC7CE" }. */
      marks: (sheet: string) => Object.fromEntries(s(sheet).conditionalFormats.map((f) => [f.address, f.fill])),
      settings: () => this.settings,
      notes: () => [...this.wb.notes],
      log: (filter?: string) => this.log.filter((e) => !filter || e.path.includes(filter) || e.target.includes(filter)),
    };
  }
}

export type { Rect, Scalar };
