import { DEFAULT_ROW_HEIGHT, FakeExcelError, MAX_ROWS, intersects, parseAddress, rectAddress, tableRect } from "./model.ts";
import type { Chart, Rect, Sheet, Table, Workbook } from "./model.ts";
import { rectAddress as localAddress, splitSheet } from "../../../shared/template/a1.ts";

/**
 * Excel's proxy objects over the fake workbook: every write and every `load` is queued and runs,
 * in order, at `context.sync()`; a property is readable only after `load` + `sync` (else
 * PropertyNotLoaded, thrown like Office.js). A failing operation rejects the sync with its code and
 * drops the rest of the batch. A request over the payload limit fails with
 * RequestPayloadSizeLimitExceeded (a response over it with ResponsePayloadSizeLimitExceeded), and
 * an API newer than the emulated ExcelApi version fails the sync with ApiNotFound. Formatting is
 * recorded per sheet (`Sheet.formats`); what the fake does not model at all goes to `log`.
 */
export type Stats = { runs: number; syncs: number; maxRequestBytes: number; payloads: number[] };
export type LogEntry = { target: string; path: string; value: unknown };
/** The host's limits: highest ExcelApi 1.x minor version, payload limit, a failure for the first sync. */
export type Limits = { apiVersion: number; payloadLimit: number; failFirstSync?: string | undefined };

/** Excel on the web refuses requests (and responses) over 5 MB. */
export const REQUEST_LIMIT = 5_000_000;
/** Bytes counted for one queued operation besides its data. */
export const OP_OVERHEAD = 50;

/** UTF-8 length of a value as JSON (what travels in the request or response). */
export function jsonBytes(v: unknown): number {
  let s: string | undefined;
  try {
    s = JSON.stringify(v ?? null);
  } catch {
    return 8;
  }
  if (s === undefined) return 4;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export class FakeContext {
  readonly wb: Workbook;
  readonly stats: Stats;
  readonly log: LogEntry[];
  readonly limits: Limits;
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: () => {}, remove: () => {} };
  private queue: (() => void)[] = [];
  private bytes = 0;
  private syncsHere = 0;
  /** Response bytes of the sync being run. */
  response = 0;

  constructor(wb: Workbook, stats: Stats, log: LogEntry[], limits: Limits = { apiVersion: 13, payloadLimit: REQUEST_LIMIT }) {
    this.wb = wb;
    this.stats = stats;
    this.log = log;
    this.limits = limits;
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: () => void, bytes = OP_OVERHEAD): void {
    this.queue.push(op);
    this.bytes += bytes;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** An API of ExcelApi 1.`minor`: on an older host the sync fails with ApiNotFound. */
  requires(minor: number, what: string): void {
    if (minor > this.limits.apiVersion) {
      this.enqueue(() => {
        throw new FakeExcelError("ApiNotFound", `${what} needs ExcelApi 1.${minor} (the host has 1.${this.limits.apiVersion})`);
      });
    }
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    this.stats.syncs++;
    this.syncsHere++;
    const ops = this.queue;
    const bytes = this.bytes;
    this.queue = [];
    this.bytes = 0;
    if (this.syncsHere === 1 && this.limits.failFirstSync) {
      throw new FakeExcelError(this.limits.failFirstSync, `simulated ${this.limits.failFirstSync}`);
    }
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, bytes);
    if (bytes > this.limits.payloadLimit) {
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    this.response = 0;
    for (const op of ops) op();
    this.stats.payloads.push(bytes + this.response);
    if (this.response > this.limits.payloadLimit) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.response} bytes).`,
      );
    }
  }

  record(target: string, path: string, value: unknown): void {
    this.log.push({ target, path, value });
    if (this.log.length > 20_000) this.log.splice(0, this.log.length - 20_000);
  }
}

function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Names asked for by `load("a,b")`, `load(["a"])`, `load({ select: "a" })` or `load()` (null = all). */
export function loadNames(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadNames(a) ?? []);
  if (typeof arg === "object" && "select" in (arg as object)) return loadNames((arg as { select: unknown }).select);
  return null;
}

function bytesOf(v: unknown): number {
  return jsonBytes(v) + OP_OVERHEAD;
}

abstract class ClientObject {
  protected readonly ctx: FakeContext;
  private readonly cache = new Map<string, unknown>();
  private nullState: boolean | undefined = undefined;
  protected abstract readonly scalarProps: readonly string[];

  constructor(ctx: FakeContext) {
    this.ctx = ctx;
  }

  get context(): FakeContext {
    return this.ctx;
  }

  protected abstract read(prop: string): unknown;

  load(arg?: unknown): this {
    const names = loadNames(arg) ?? [...this.scalarProps];
    this.ctx.enqueue(() => {
      if (this.nullState === true) return; // a null object has nothing to load
      for (const n of names) {
        if (n.includes("/")) continue;
        if (!this.scalarProps.includes(n)) continue; // navigation properties need no load
        this.loadOne(n);
      }
    });
    return this;
  }

  private loadOne(n: string): void {
    const v = this.read(n);
    this.ctx.response += jsonBytes(v) + n.length + 4;
    this.cache.set(n, v);
  }

  /** Loads properties now (inside an operation that is already running at sync). */
  loadNow(names: readonly string[]): void {
    for (const n of names) if (this.scalarProps.includes(n)) this.loadOne(n);
  }

  protected get<T>(prop: string): T {
    if (!this.cache.has(prop)) throw notLoaded(prop);
    return this.cache.get(prop) as T;
  }

  protected set(prop: string, value: unknown, apply: () => void, bytes = 64): void {
    this.cache.set(prop, value);
    this.ctx.enqueue(apply, bytes);
  }

  /** For getItemOrNullObject: resolved at the next sync. */
  protected trackNull(resolve: () => boolean): void {
    this.ctx.enqueue(() => {
      this.nullState = resolve();
      this.ctx.response += 20;
    });
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (this.trackedNull) throw notLoaded("isNullObject");
      return false;
    }
    return this.nullState;
  }

  protected trackedNull = false;

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.cache);
  }
}

/** A proxy for formatting the fake does not model: every set and call is recorded and ignored. */
export function recorder(ctx: FakeContext, target: () => string, path: string, onSet?: (prop: string, value: unknown) => void): unknown {
  const fn = () => {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === "then" || typeof prop === "symbol") return undefined;
      if (prop === "toJSON") return () => ({});
      if (prop === "load") return () => recorder(ctx, target, path, onSet);
      return recorder(ctx, target, `${path}.${String(prop)}`, onSet);
    },
    set(_t, prop, value) {
      ctx.enqueue(() => {
        ctx.record(target(), `${path}.${String(prop)}`, value);
        onSet?.(String(prop), value);
      });
      return true;
    },
    apply(_t, _this, args) {
      ctx.enqueue(() => {
        ctx.record(
          target(),
          `${path}()`,
          args.map((a) => (a instanceof ClientObject ? String(a) : a)),
        );
        onSet?.("()", args);
      });
      return recorder(ctx, target, `${path}()`, onSet);
    },
  });
}

// ---- workbook ----------------------------------------------------------------------------------
export class WorkbookProxy extends ClientObject {
  protected readonly scalarProps = ["name"] as const;
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx, null);
  }

  protected read(): unknown {
    return "Book1.xlsx";
  }

  get name(): string {
    return this.get("name");
  }
  get names(): unknown {
    return recorder(this.ctx, () => "workbook", "names");
  }
  get application(): unknown {
    return recorder(this.ctx, () => "workbook", "application");
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.wb.selection;
      if (!sel) throw new FakeExcelError("ItemNotFound", "No selection");
      return { sheet: this.ctx.wb.sheet(sel.sheet), rect: parseAddress(sel.address) };
    });
  }

  /**
   * `workbook.getActiveCell()` (ExcelApi 1.7): the one active cell. `Range.select()` of a block
   * leaves its top-left cell active, as Excel does; a sheet where nothing was selected has A1 active.
   */
  getActiveCell(): RangeProxy {
    this.ctx.requires(7, "workbook.getActiveCell");
    return new RangeProxy(this.ctx, () => {
      const wb = this.ctx.wb;
      const active = wb.activeSheet ?? wb.sheets[0]!;
      const sel = wb.selection;
      if (!sel || wb.findSheet(sel.sheet) !== active) return { sheet: active, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
      const r = parseAddress(sel.address);
      return { sheet: active, rect: { r1: r.r1, c1: r.c1, r2: r.r1, c2: r.c1 } };
    });
  }
}

// ---- worksheets --------------------------------------------------------------------------------
export class WorksheetCollection extends ClientObject {
  protected readonly scalarProps = [] as const;
  private loadedItems: WorksheetProxy[] | null = null;

  protected read(): unknown {
    return undefined;
  }

  override load(arg?: unknown): this {
    const names = (loadNames(arg) ?? ["name", "position", "id", "visibility"]).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.loadNow(names);
        return p;
      });
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(name));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.requires(4, "worksheets.getItemOrNullObject");
    const p = new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(name));
    p.markNullable(() => this.ctx.wb.findSheet(name) === null);
    return p;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.activeSheet ?? this.ctx.wb.sheets[0]!);
  }

  add(name?: string): WorksheetProxy {
    let created: Sheet | null = null;
    this.ctx.enqueue(() => {
      created = this.ctx.wb.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw new FakeExcelError("GeneralException", "worksheet not created yet");
      return created;
    });
  }

  getCount(): { value: number } {
    const result = { value: -1 };
    this.ctx.enqueue(() => {
      result.value = this.ctx.wb.sheets.length;
    });
    return result;
  }
}

export class WorksheetProxy extends ClientObject {
  protected readonly scalarProps = ["name", "position", "id", "visibility", "tabColor"] as const;
  private target: Sheet | null = null;
  private readonly resolver: () => Sheet;

  constructor(ctx: FakeContext, resolver: () => Sheet) {
    super(ctx);
    this.resolver = resolver;
  }

  resolve(): Sheet {
    this.target ??= this.resolver();
    if (!this.ctx.wb.sheets.includes(this.target))
      throw new FakeExcelError("ItemNotFound", `The worksheet ${this.target.name} was deleted`);
    return this.target;
  }

  /** The sheet, or null for a null object (getItemOrNullObject of a missing name). */
  tryResolve(): Sheet | null {
    try {
      return this.resolve();
    } catch (e) {
      if (e instanceof FakeExcelError && e.code === "ItemNotFound") return null;
      throw e;
    }
  }

  markNullable(isNull: () => boolean): void {
    this.trackedNull = true;
    this.trackNull(isNull);
  }

  protected read(prop: string): unknown {
    const s = this.resolve();
    switch (prop) {
      case "name":
        return s.name;
      case "position":
        return this.ctx.wb.position(s);
      case "id":
        return `{sheet-${s.id}}`;
      case "visibility":
        return "Visible";
      default:
        return null;
    }
  }

  override toString(): string {
    return this.target ? `Worksheet(${this.target.name})` : "Worksheet";
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", v, () => this.ctx.wb.renameSheet(this.resolve(), v));
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.set("position", v, () => this.ctx.wb.setPosition(this.resolve(), v));
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.set("visibility", v, () => this.ctx.record(String(this), "visibility", v));
  }
  set tabColor(v: string) {
    this.set("tabColor", v, () => this.ctx.record(String(this), "tabColor", v));
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.wb.activeSheet = this.resolve();
    });
  }

  delete(): void {
    this.ctx.enqueue(() => this.ctx.wb.deleteSheet(this.resolve()));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({
      sheet: this.resolve(),
      rect: address ? parseAddress(address) : { r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 },
    }));
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    this.ctx.requires(7, "worksheet.getRangeByIndexes");
    return new RangeProxy(this.ctx, () => ({
      sheet: this.resolve(),
      rect: { r1: row + 1, c1: column + 1, r2: row + rows, c2: column + columns },
    }));
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve(), rect: { r1: row + 1, c1: column + 1, r2: row + 1, c2: column + 1 } }));
  }

  /** Excel gives A1 for a sheet without used cells. */
  private usedRect(valuesOnly?: boolean): RangeTarget {
    const s = this.resolve();
    return { sheet: s, rect: this.ctx.wb.usedRange(s, valuesOnly === true) ?? { r1: 1, c1: 1, r2: 1, c2: 1 } };
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.ctx.requires(2, "worksheet.getUsedRange(valuesOnly)");
    return new RangeProxy(this.ctx, () => this.usedRect(valuesOnly));
  }

  /** A null object when the sheet has no used cells (or is itself a null object). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.ctx.requires(4, "worksheet.getUsedRangeOrNullObject");
    const p = new RangeProxy(this.ctx, () => this.usedRect(valuesOnly));
    p.markNullable(() => {
      const s = this.tryResolve();
      return s === null || this.ctx.wb.usedRange(s, valuesOnly === true) === null;
    });
    return p;
  }

  get tables(): TableCollection {
    return new TableCollection(this.ctx, this);
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.ctx, this);
  }
  get freezePanes(): FreezePanes {
    this.ctx.requires(7, "worksheet.freezePanes");
    return new FreezePanes(this.ctx, this);
  }
  get protection(): Protection {
    this.ctx.requires(2, "worksheet.protection");
    return new Protection(this.ctx, this);
  }
  get pageLayout(): PageLayout {
    this.ctx.requires(9, "worksheet.pageLayout");
    return new PageLayout(this.ctx, this);
  }
  get names(): unknown {
    return recorder(this.ctx, () => String(this), "names");
  }
  calculate(): void {}
}

class FreezePanes {
  private readonly ctx: FakeContext;
  private readonly sheet: WorksheetProxy;
  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    this.ctx = ctx;
    this.sheet = sheet;
  }

  freezeAt(where: string | RangeProxy): void {
    const range = typeof where === "string" ? this.sheet.getRange(where) : where;
    this.ctx.enqueue(() => {
      const { rect } = range.resolve();
      this.sheet.resolve().frozen = { rows: rect.r2, columns: rect.c2 };
    });
  }
  freezeRows(n = 1): void {
    this.ctx.enqueue(() => {
      this.sheet.resolve().frozen = { rows: n, columns: 0 };
    });
  }
  freezeColumns(n = 1): void {
    this.ctx.enqueue(() => {
      this.sheet.resolve().frozen = { rows: 0, columns: n };
    });
  }
  unfreeze(): void {
    this.ctx.enqueue(() => {
      this.sheet.resolve().frozen = null;
    });
  }
}

class PageLayout {
  private readonly ctx: FakeContext;
  private readonly sheet: WorksheetProxy;
  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    this.ctx = ctx;
    this.sheet = sheet;
  }
  set orientation(v: string) {
    this.ctx.enqueue(() => {
      this.sheet.resolve().pageLayout.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.ctx.enqueue(() => {
      this.sheet.resolve().pageLayout.paperSize = v;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.ctx.enqueue(() => {
      this.sheet.resolve().pageLayout.printTitleRows = rows;
    });
  }
}

class Protection extends ClientObject {
  protected readonly scalarProps = ["protected"] as const;
  private readonly sheet: WorksheetProxy;
  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    super(ctx);
    this.sheet = sheet;
  }
  protected read(): unknown {
    return this.sheet.resolve().protectedWith !== null;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(options?: Record<string, unknown>): void {
    this.ctx.enqueue(() => {
      this.sheet.resolve().protectedWith = { ...(options ?? {}) };
    });
  }
  unprotect(): void {
    this.ctx.enqueue(() => {
      this.sheet.resolve().protectedWith = null;
    });
  }
}

// ---- ranges ------------------------------------------------------------------------------------
type RangeTarget = { sheet: Sheet; rect: Rect };

export class RangeProxy extends ClientObject {
  protected readonly scalarProps = [
    "values",
    "formulas",
    "numberFormat",
    "address",
    "addressLocal",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "text",
    "cellCount",
  ] as const;
  private target: RangeTarget | null = null;
  private readonly resolver: () => RangeTarget;

  constructor(ctx: FakeContext, resolver: () => RangeTarget) {
    super(ctx);
    this.resolver = resolver;
  }

  resolve(): RangeTarget {
    this.target ??= this.resolver();
    return this.target;
  }

  markNullable(isNull: () => boolean): void {
    this.trackedNull = true;
    this.trackNull(isNull);
  }

  override toString(): string {
    return this.target ? rectAddress(this.target.sheet, this.target.rect) : "Range";
  }

  protected read(prop: string): unknown {
    const { sheet, rect } = this.resolve();
    const wb = this.ctx.wb;
    switch (prop) {
      case "values":
        return wb.readValues(sheet, rect);
      case "formulas":
        return wb.readFormulas(sheet, rect);
      case "numberFormat":
        return wb.readNumberFormats(sheet, rect);
      case "text":
        return wb.readValues(sheet, rect).map((r) => r.map((v) => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v))));
      case "address":
      case "addressLocal":
        return rectAddress(sheet, rect);
      case "rowCount":
        return rect.r2 - rect.r1 + 1;
      case "columnCount":
        return rect.c2 - rect.c1 + 1;
      case "cellCount":
        return (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
      case "rowIndex":
        return rect.r1 - 1;
      case "columnIndex":
        return rect.c1 - 1;
      default:
        return null;
    }
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown) {
    this.set(
      "values",
      v,
      () => {
        const t = this.resolve();
        this.ctx.wb.write(t.sheet, t.rect, v, false);
      },
      bytesOf(v),
    );
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown) {
    this.set(
      "formulas",
      v,
      () => {
        const t = this.resolve();
        this.ctx.wb.write(t.sheet, t.rect, v, true);
      },
      bytesOf(v),
    );
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.set(
      "numberFormat",
      v,
      () => {
        const t = this.resolve();
        this.ctx.wb.setNumberFormat(t.sheet, t.rect, v);
      },
      bytesOf(v),
    );
  }
  get text(): string[][] {
    return this.get("text");
  }
  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }
  get format(): RangeFormat {
    return new RangeFormat(this.ctx, this);
  }
  get dataValidation(): DataValidation {
    this.ctx.requires(8, "range.dataValidation");
    return new DataValidation(this.ctx, this);
  }
  get conditionalFormats(): ConditionalFormats {
    this.ctx.requires(6, "range.conditionalFormats");
    return new ConditionalFormats(this.ctx, this);
  }

  /** Records a format property set on this range (address without the sheet). */
  recordFormat(list: "formats" | "validations", path: string, value: unknown): void {
    const t = this.resolve();
    t.sheet[list].push({ address: localAddress(t.rect), path, value });
    this.ctx.wb.touchFormat(t.sheet, t.rect);
  }

  private derived(fn: (t: RangeTarget) => Rect): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: fn(t) };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived((t) => ({ r1: t.rect.r1 + row, c1: t.rect.c1 + column, r2: t.rect.r1 + row, c2: t.rect.c1 + column }));
  }
  getRow(row: number): RangeProxy {
    return this.derived((t) => ({ ...t.rect, r1: t.rect.r1 + row, r2: t.rect.r1 + row }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived((t) => ({ ...t.rect, c1: t.rect.c1 + column, c2: t.rect.c1 + column }));
  }
  getResizedRange(dr: number, dc: number): RangeProxy {
    this.ctx.requires(3, "range.getResizedRange");
    return this.derived((t) => ({ ...t.rect, r2: t.rect.r2 + dr, c2: t.rect.c2 + dc }));
  }
  getOffsetRange(dr: number, dc: number): RangeProxy {
    return this.derived((t) => ({ r1: t.rect.r1 + dr, c1: t.rect.c1 + dc, r2: t.rect.r2 + dr, c2: t.rect.c2 + dc }));
  }
  getEntireRow(): RangeProxy {
    return this.derived((t) => ({ ...t.rect, c1: 1, c2: 16_384 }));
  }
  getEntireColumn(): RangeProxy {
    return this.derived((t) => ({ ...t.rect, r1: 1, r2: 1_048_576 }));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.derived((t) => {
      const u = this.ctx.wb.usedRange(t.sheet, valuesOnly === true);
      if (!u || !intersects(u, t.rect)) throw new FakeExcelError("ItemNotFound", "The range has no used cells");
      return { r1: Math.max(u.r1, t.rect.r1), c1: Math.max(u.c1, t.rect.c1), r2: Math.min(u.r2, t.rect.r2), c2: Math.min(u.c2, t.rect.c2) };
    });
  }

  merge(across?: boolean): void {
    this.ctx.requires(2, "range.merge");
    this.ctx.enqueue(() => {
      const t = this.resolve();
      this.ctx.wb.merge(t.sheet, t.rect, across === true);
    });
  }
  unmerge(): void {
    this.ctx.requires(2, "range.unmerge");
    this.ctx.enqueue(() => {
      const t = this.resolve();
      this.ctx.wb.unmerge(t.sheet, t.rect);
    });
  }
  clear(applyTo?: string): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      this.ctx.wb.clear(t.sheet, t.rect, (applyTo as "All" | "Contents" | "Formats" | undefined) ?? "All");
    });
  }
  /**
   * ExcelApi 1.9: the cell properties asked for, per cell, as a ClientResult (`value` readable
   * after sync). Modelled: `format.font.name` only (the font set last on a range holding the
   * cell, else the workbook default `Calibri`); other asked properties are left out.
   */
  getCellProperties(loadOptions: { format?: { font?: { name?: boolean } } }): FakeClientResult<CellPropertiesValue[][]> {
    this.ctx.requires(9, "range.getCellProperties");
    const result = new FakeClientResult<CellPropertiesValue[][]>();
    const wantName = loadOptions.format?.font?.name === true;
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolve();
      const rows: CellPropertiesValue[][] = [];
      for (let r = rect.r1; r <= rect.r2; r++) {
        const row: CellPropertiesValue[] = [];
        for (let c = rect.c1; c <= rect.c2; c++) row.push(wantName ? { format: { font: { name: fontNameAt(sheet, r, c) } } } : {});
        rows.push(row);
      }
      this.ctx.response += jsonBytes(rows);
      result.settle(rows);
    });
    return result;
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      this.ctx.wb.activeSheet = t.sheet;
      this.ctx.wb.selection = { sheet: t.sheet.name, address: rectAddress(t.sheet, t.rect).split("!")[1]! };
    });
  }
  activate(): void {
    this.select();
  }
  calculate(): void {}
}

/** One cell's properties as getCellProperties gives them (only the font name is modelled). */
export type CellPropertiesValue = { format?: { font?: { name?: string } } };

/** Office.js `ClientResult<T>`: `value` throws PropertyNotLoaded until the sync that fills it. */
export class FakeClientResult<T> {
  private settled = false;
  private result: T | undefined;
  settle(v: T): void {
    this.result = v;
    this.settled = true;
  }
  get value(): T {
    if (!this.settled) throw notLoaded("value");
    return this.result as T;
  }
}

/** The font name a cell is drawn with: the last `font/name` set on a range holding it, else Calibri. */
export function fontNameAt(sheet: Sheet, row: number, column: number): string {
  let name = "Calibri";
  for (const f of sheet.formats) {
    if (f.path !== "font/name") continue;
    const r = parseAddress(f.address);
    if (row >= r.r1 && row <= r.r2 && column >= r.c1 && column <= r.c2) name = String(f.value);
  }
  return name;
}

class RangeFormat extends ClientObject {
  protected readonly scalarProps = ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"] as const;
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    super(ctx);
    this.range = range;
  }
  protected read(prop: string): unknown {
    if (prop === "columnWidth") {
      const t = this.range.resolve();
      return t.sheet.columnWidths.get(t.rect.c1) ?? 48;
    }
    if (prop === "rowHeight") {
      // One height for the range, or null when its rows differ (as Excel answers).
      const t = this.range.resolve();
      const of = (r: number) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
      const first = of(t.rect.r1);
      for (let r = t.rect.r1 + 1; r <= t.rect.r2; r++) if (of(r) !== first) return null;
      return first;
    }
    return prop === "wrapText" ? false : "General";
  }

  private touch(prop: string, value: unknown): void {
    this.set(prop, value, () => this.range.recordFormat("formats", prop, value));
  }

  get fill(): RangeFill {
    return new RangeFill(this.ctx, this.range);
  }
  get font(): RangeFont {
    return new RangeFont(this.ctx, this.range);
  }
  get borders(): RangeBorders {
    return new RangeBorders(this.ctx, this.range);
  }
  get protection(): RangeProtection {
    this.ctx.requires(2, "range.format.protection");
    return new RangeProtection(this.ctx, this.range);
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.ctx.requires(2, "range.format.columnWidth");
    this.set("columnWidth", v, () => {
      const t = this.range.resolve();
      for (let c = t.rect.c1; c <= t.rect.c2; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  /** Points; null when the range's rows have different heights. */
  get rowHeight(): number | null {
    return this.get("rowHeight");
  }
  /** Sets every row of the range (a whole row or a cell range alike) to `v` points. */
  set rowHeight(v: number) {
    this.ctx.requires(2, "range.format.rowHeight");
    this.set("rowHeight", v, () => {
      const t = this.range.resolve();
      if (!(v >= 0 && v <= 409)) throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing: rowHeight ${v}`);
      // Whole columns (every row of the sheet) are only recorded, not modelled row by row.
      if (t.rect.r1 === 1 && t.rect.r2 === MAX_ROWS) this.ctx.record(String(this.range), "format.rowHeight", v);
      else for (let r = t.rect.r1; r <= t.rect.r2; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  set wrapText(v: boolean) {
    this.touch("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.touch("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.touch("verticalAlignment", v);
  }
  autofitColumns(): void {
    this.ctx.requires(2, "range.format.autofitColumns");
    this.ctx.enqueue(() => this.ctx.record(String(this.range), "format.autofitColumns()", []));
  }
  autofitRows(): void {
    this.ctx.requires(2, "range.format.autofitRows");
    this.ctx.enqueue(() => this.ctx.record(String(this.range), "format.autofitRows()", []));
  }
}

/** Font properties, recorded as `font/bold`, `font/color`… */
class RangeFont {
  private readonly ctx: FakeContext;
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    this.ctx = ctx;
    this.range = range;
  }
  private put(prop: string, v: unknown): void {
    this.ctx.enqueue(() => this.range.recordFormat("formats", `font/${prop}`, v), bytesOf(v));
  }
  set bold(v: boolean) {
    this.put("bold", v);
  }
  set italic(v: boolean) {
    this.put("italic", v);
  }
  set size(v: number) {
    this.put("size", v);
  }
  set color(v: string) {
    this.put("color", v.toUpperCase());
  }
  set name(v: string) {
    this.put("name", v);
  }
  set underline(v: string) {
    this.put("underline", v);
  }
}

/** Borders by edge, recorded as `borders/EdgeTop/style`… */
class RangeBorders {
  private readonly ctx: FakeContext;
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    this.ctx = ctx;
    this.range = range;
  }
  getItem(edge: string): RangeBorder {
    return new RangeBorder(this.ctx, this.range, edge);
  }
}

class RangeBorder {
  private readonly ctx: FakeContext;
  private readonly range: RangeProxy;
  private readonly edge: string;
  constructor(ctx: FakeContext, range: RangeProxy, edge: string) {
    this.ctx = ctx;
    this.range = range;
    this.edge = edge;
  }
  private put(prop: string, v: unknown): void {
    this.ctx.enqueue(() => this.range.recordFormat("formats", `borders/${this.edge}/${prop}`, v), bytesOf(v));
  }
  set style(v: string) {
    this.put("style", v);
  }
  set color(v: string) {
    this.put("color", v.toUpperCase());
  }
  set weight(v: string) {
    this.put("weight", v);
  }
}

class RangeProtection {
  private readonly ctx: FakeContext;
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    this.ctx = ctx;
    this.range = range;
  }
  set locked(v: boolean) {
    this.ctx.enqueue(() => {
      const t = this.range.resolve();
      if (v === false) t.sheet.unlocked.push(t.rect);
      else t.sheet.unlocked = t.sheet.unlocked.filter((r) => !intersects(r, t.rect));
    });
  }
}

/** Data validation (ExcelApi 1.8), recorded as `{ address, path: "rule" | "errorAlert" | "prompt", value }`. */
class DataValidation {
  private readonly ctx: FakeContext;
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    this.ctx = ctx;
    this.range = range;
  }
  private put(prop: string, v: unknown): void {
    this.ctx.enqueue(() => this.range.recordFormat("validations", prop, v), bytesOf(v));
  }
  set rule(v: unknown) {
    this.put("rule", v);
  }
  set errorAlert(v: unknown) {
    this.put("errorAlert", v);
  }
  set prompt(v: unknown) {
    this.put("prompt", v);
  }
  set ignoreBlanks(v: boolean) {
    this.put("ignoreBlanks", v);
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const t = this.range.resolve();
      t.sheet.validations = t.sheet.validations.filter((x) => !intersects(parseAddress(x.address), t.rect));
    });
  }
}

class RangeFill extends ClientObject {
  protected readonly scalarProps = ["color"] as const;
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    super(ctx);
    this.range = range;
  }
  /** Excel gives the top-left cell's fill, or null when the cells differ. */
  protected read(): unknown {
    const { sheet, rect } = this.range.resolve();
    const first = this.ctx.wb.cell(sheet, rect.r1, rect.c1)?.fill ?? null;
    for (let r = rect.r1; r <= Math.min(rect.r2, rect.r1 + 1000); r++) {
      for (let c = rect.c1; c <= Math.min(rect.c2, rect.c1 + 200); c++) {
        if ((this.ctx.wb.cell(sheet, r, c)?.fill ?? null) !== first) return null;
      }
    }
    return first ?? "#FFFFFF";
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set("color", v, () => {
      const t = this.range.resolve();
      this.ctx.wb.setFill(t.sheet, t.rect, v.toUpperCase());
    });
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const t = this.range.resolve();
      this.ctx.wb.setFill(t.sheet, t.rect, null);
    });
  }
}

class ConditionalFormats {
  private readonly ctx: FakeContext;
  private readonly range: RangeProxy;
  constructor(ctx: FakeContext, range: RangeProxy) {
    this.ctx = ctx;
    this.range = range;
  }

  add(type: string): unknown {
    const cf = { rect: null as Rect | null, type, formula: "", fill: null as string | null };
    this.ctx.enqueue(() => {
      const t = this.range.resolve();
      cf.rect = t.rect;
      t.sheet.conditionalFormats.push(cf as { rect: Rect; type: string; formula: string; fill: string | null });
    });
    const ctx = this.ctx;
    return {
      type,
      custom: {
        rule: {
          set formula(v: string) {
            ctx.enqueue(() => {
              cf.formula = v;
            });
          },
        },
        format: {
          fill: {
            set color(v: string) {
              ctx.enqueue(() => {
                cf.fill = v.toUpperCase();
              });
            },
          },
          font: recorder(ctx, () => "cf", "font"),
        },
      },
    };
  }

  clearAll(): void {
    this.ctx.enqueue(() => {
      const t = this.range.resolve();
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => !intersects(f.rect, t.rect));
    });
  }

  getCount(): { value: number } {
    const result = { value: -1 };
    this.ctx.enqueue(() => {
      const t = this.range.resolve();
      result.value = t.sheet.conditionalFormats.filter((f) => intersects(f.rect, t.rect)).length;
    });
    return result;
  }
}

// ---- tables ------------------------------------------------------------------------------------
export class TableCollection extends ClientObject {
  protected readonly scalarProps = [] as const;
  private readonly sheet: WorksheetProxy | null;
  private loadedItems: TableProxy[] | null = null;

  constructor(ctx: FakeContext, sheet: WorksheetProxy | null) {
    super(ctx);
    this.sheet = sheet;
  }

  protected read(): unknown {
    return undefined;
  }

  private list(): Table[] {
    const s = this.sheet?.resolve();
    return this.ctx.wb.tables.filter((t) => !s || t.sheet === s);
  }

  override load(arg?: unknown): this {
    const names = (loadNames(arg) ?? ["name", "showTotals", "id"]).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      this.loadedItems = this.list().map((t) => {
        const p = new TableProxy(this.ctx, () => t);
        p.loadNow(names);
        return p;
      });
    });
    return this;
  }

  get items(): TableProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: Table | null = null;
    this.ctx.enqueue(() => {
      let sheet: Sheet;
      let rect: Rect;
      if (typeof address === "string") {
        const { sheet: name, local } = splitSheet(address);
        if (name) sheet = this.ctx.wb.sheet(name);
        else if (this.sheet) sheet = this.sheet.resolve();
        else throw new FakeExcelError("InvalidArgument", "A workbook-level table needs a sheet in its address");
        rect = parseAddress(local);
      } else {
        ({ sheet, rect } = address.resolve());
      }
      created = this.ctx.wb.addTable(sheet, rect, hasHeaders);
    });
    return new TableProxy(this.ctx, () => {
      if (!created) throw new FakeExcelError("GeneralException", "table not created yet");
      return created;
    });
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => {
      const t = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: table ${name}`);
      return t;
    });
  }

  getItemOrNullObject(name: string): TableProxy {
    this.ctx.requires(4, "tables.getItemOrNullObject");
    const p = this.getItem(name);
    p.markNullable(() => !this.list().some((x) => x.name.toLowerCase() === name.toLowerCase()));
    return p;
  }

  getCount(): { value: number } {
    const result = { value: -1 };
    this.ctx.enqueue(() => {
      result.value = this.list().length;
    });
    return result;
  }
}

export class TableProxy extends ClientObject {
  protected readonly scalarProps = ["name", "showTotals", "showHeaders", "id", "style"] as const;
  private target: Table | null = null;
  private readonly resolver: () => Table;

  constructor(ctx: FakeContext, resolver: () => Table) {
    super(ctx);
    this.resolver = resolver;
  }

  resolve(): Table {
    this.target ??= this.resolver();
    if (!this.ctx.wb.tables.includes(this.target)) throw new FakeExcelError("ItemNotFound", `The table ${this.target.name} was deleted`);
    return this.target;
  }

  markNullable(isNull: () => boolean): void {
    this.trackedNull = true;
    this.trackNull(isNull);
  }

  protected read(prop: string): unknown {
    const t = this.resolve();
    switch (prop) {
      case "name":
        return t.name;
      case "showTotals":
        return t.showTotals;
      case "showHeaders":
        return true;
      case "id":
        return String(t.id);
      case "style":
        return "TableStyleMedium2";
      default:
        return null;
    }
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", v, () => this.ctx.wb.renameTable(this.resolve(), v));
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  set showTotals(v: boolean) {
    this.set("showTotals", v, () => this.ctx.wb.setShowTotals(this.resolve(), v));
  }
  get id(): string {
    return this.get("id");
  }
  set style(v: string) {
    this.set("style", v, () => this.ctx.record(`table ${this.resolve().name}`, "style", v));
  }
  set showBandedRows(v: boolean) {
    this.ctx.enqueue(() => this.ctx.record(`table ${this.resolve().name}`, "showBandedRows", v));
  }
  set showFilterButton(v: boolean) {
    this.ctx.enqueue(() => this.ctx.record(`table ${this.resolve().name}`, "showFilterButton", v));
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }

  private rangeOf(fn: (t: Table) => Rect): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: fn(t) };
    });
  }
  getRange(): RangeProxy {
    return this.rangeOf((t) => tableRect(t));
  }
  getHeaderRowRange(): RangeProxy {
    return this.rangeOf((t) => ({ ...t.rect, r2: t.rect.r1 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.rangeOf((t) => ({ ...t.rect, r1: t.rect.r1 + 1 }));
  }
  getTotalRowRange(): RangeProxy {
    return this.rangeOf((t) => {
      if (!t.showTotals) throw new FakeExcelError("InvalidOperation", "The table has no totals row");
      return { ...t.rect, r1: t.rect.r2 + 1, r2: t.rect.r2 + 1 };
    });
  }

  delete(): void {
    this.ctx.enqueue(() => this.ctx.wb.deleteTable(this.resolve()));
  }
  convertToRange(): RangeProxy {
    let rect: Rect | null = null;
    let sheet: Sheet | null = null;
    this.ctx.enqueue(() => {
      const t = this.resolve();
      rect = tableRect(t);
      sheet = t.sheet;
      this.ctx.wb.tables = this.ctx.wb.tables.filter((x) => x !== t);
    });
    return new RangeProxy(this.ctx, () => ({ sheet: sheet!, rect: rect! }));
  }
  resize(address: string | RangeProxy): void {
    this.ctx.requires(13, "table.resize");
    this.ctx.enqueue(() => {
      const t = this.resolve();
      const rect = typeof address === "string" ? parseAddress(splitSheet(address).local) : address.resolve().rect;
      this.ctx.wb.resizeTable(t, rect);
    });
  }
  get rows(): unknown {
    return recorder(this.ctx, () => `table ${this.target?.name ?? ""}`, "rows");
  }
  get columns(): unknown {
    return recorder(this.ctx, () => `table ${this.target?.name ?? ""}`, "columns");
  }
}

// ---- charts ------------------------------------------------------------------------------------
export class ChartCollection extends ClientObject {
  protected readonly scalarProps = [] as const;
  private readonly sheet: WorksheetProxy;
  private loadedItems: ChartProxy[] | null = null;

  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    super(ctx);
    this.sheet = sheet;
  }

  protected read(): unknown {
    return undefined;
  }

  override load(arg?: unknown): this {
    const names = (loadNames(arg) ?? ["name"]).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      const s = this.sheet.resolve();
      this.loadedItems = this.ctx.wb.charts
        .filter((c) => c.sheet === s)
        .map((c) => {
          const p = new ChartProxy(this.ctx, () => c);
          p.loadNow(names);
          return p;
        });
    });
    return this;
  }

  get items(): ChartProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  add(type: string, source: RangeProxy, _seriesBy?: string): ChartProxy {
    let created: Chart | null = null;
    this.ctx.enqueue(() => {
      const t = source.resolve();
      created = {
        name: `Chart ${this.ctx.wb.charts.length + 1}`,
        type,
        source: t.rect,
        categories: null,
        title: "",
        anchor: null,
        width: null,
        height: null,
        sheet: this.sheet.resolve(),
      };
      this.ctx.wb.charts.push(created);
    });
    return new ChartProxy(this.ctx, () => {
      if (!created) throw new FakeExcelError("GeneralException", "chart not created yet");
      return created;
    });
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => {
      const c = this.ctx.wb.charts.find((x) => x.sheet === this.sheet.resolve() && x.name === name);
      if (!c) throw new FakeExcelError("ItemNotFound", `chart ${name}`);
      return c;
    });
  }
}

export class ChartProxy extends ClientObject {
  protected readonly scalarProps = ["name", "width", "height", "top", "left"] as const;
  private target: Chart | null = null;
  private readonly resolver: () => Chart;

  constructor(ctx: FakeContext, resolver: () => Chart) {
    super(ctx);
    this.resolver = resolver;
  }

  resolve(): Chart {
    this.target ??= this.resolver();
    return this.target;
  }

  protected read(prop: string): unknown {
    const c = this.resolve();
    return prop === "name" ? c.name : 0;
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", v, () => {
      this.resolve().name = v;
    });
  }
  set width(v: number) {
    this.set("width", v, () => {
      this.resolve().width = v;
    });
  }
  set height(v: number) {
    this.set("height", v, () => {
      this.resolve().height = v;
    });
  }
  set top(v: number) {
    this.set("top", v, () => this.ctx.record(`chart ${this.resolve().name}`, "top", v));
  }
  set left(v: number) {
    this.set("left", v, () => this.ctx.record(`chart ${this.resolve().name}`, "left", v));
  }
  get title(): unknown {
    return recorder(
      this.ctx,
      () => `chart ${this.target?.name ?? ""}`,
      "title",
      (prop, value) => {
        if (prop === "text") this.resolve().title = String(value);
      },
    );
  }
  get series(): { getItemAt(index: number): { setXAxisValues(range: RangeProxy): void } } {
    const ctx = this.ctx;
    return {
      getItemAt: () => ({
        setXAxisValues: (range: RangeProxy) => {
          ctx.requires(7, "chartSeries.setXAxisValues");
          ctx.enqueue(() => {
            this.resolve().categories = range.resolve().rect;
          });
        },
      }),
    };
  }
  get legend(): unknown {
    return recorder(this.ctx, () => `chart ${this.target?.name ?? ""}`, "legend");
  }
  get axes(): unknown {
    return recorder(this.ctx, () => `chart ${this.target?.name ?? ""}`, "axes");
  }
  get dataLabels(): unknown {
    return recorder(this.ctx, () => `chart ${this.target?.name ?? ""}`, "dataLabels");
  }
  setPosition(start: string | RangeProxy, _end?: string | RangeProxy): void {
    this.ctx.enqueue(() => {
      this.resolve().anchor = typeof start === "string" ? start : String(start);
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const c = this.resolve();
      this.ctx.wb.charts = this.ctx.wb.charts.filter((x) => x !== c);
    });
  }
}
