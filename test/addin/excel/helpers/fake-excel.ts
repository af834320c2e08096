/**
 * A small in-memory Excel behind office-addin-mock's OfficeMockObject, for the adapter tests.
 * It behaves like Excel where it matters to the adapter:
 * - every proxy is an OfficeMockObject, so a property read before `load` + `sync` gives the
 *   mock's "not loaded" / "sync not called" error text instead of a value;
 * - writes and method calls are queued and applied only at `context.sync()`, in order; loads are
 *   answered at that point from the state (so a load after a write sees the write);
 * - `values` / `formulas` / `numberFormat` must be 2-D arrays of exactly the range's shape;
 *   text typed into a cell becomes a number or boolean unless the cell's format is `@` (text)
 *   or it starts with an apostrophe; merged cells, tables, charts and names follow Excel's rules
 *   that the adapter relies on (unique names, no overlapping tables);
 * - an API of a newer ExcelApi than the host supports fails the sync with `ApiNotFound`;
 * - a request whose payload is over 5 MB fails with `RequestPayloadSizeLimitExceeded`
 *   (Excel on the web); `failRuns` makes the next runs fail with a given error code.
 */
import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, columnLetter, columnNumber, parseCell } from "../../../../shared/template/a1.ts";

export type Scalar = string | number | boolean;
export type Cell = { value: Scalar; formula: string | null; numberFormat: string; fill: string | null };
export type Rect = { r1: number; c1: number; r2: number; c2: number };

const MAX_ROWS = 1_048_576;

export function parseAddress(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.replace(/\$/g, "").split(":");
  const col = /^([A-Z]{1,3})$/i;
  if (a && b && col.test(a) && col.test(b)) {
    return { r1: 1, c1: columnNumber(a), r2: MAX_ROWS, c2: columnNumber(b) };
  }
  const row = /^(\d+)$/;
  if (a && b && row.test(a) && row.test(b)) return { r1: Number(a), c1: 1, r2: Number(b), c2: 16384 };
  const p = parseCell(a ?? "");
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) throw excelFail("InvalidArgument", `bad address ${address}`);
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.column, q.column), r2: Math.max(p.row, q.row), c2: Math.max(p.column, q.column) };
}

export function rectToA1(r: Rect): string {
  const a = cellAddress(r.r1, r.c1);
  const b = cellAddress(r.r2, r.c2);
  return a === b ? a : `${a}:${b}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_.]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const overlaps = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
const inside = (a: Rect, outer: Rect) => a.r1 >= outer.r1 && a.r2 <= outer.r2 && a.c1 >= outer.c1 && a.c2 <= outer.c2;

export function excelFail(code: string, message: string): Error & { code: string } {
  const e = new Error(message) as Error & { code: string; name: string };
  e.code = code;
  e.name = "RichApi.Error";
  return e;
}

export class FakeSheet {
  name: string;
  position = 0;
  readonly cells = new Map<number, Map<number, Cell>>();
  merges: string[] = [];
  readonly columnWidths = new Map<string, number>();
  /** Every format property set, in order: `{ address, path, value }`. */
  readonly formats: { address: string; path: string; value: unknown }[] = [];
  readonly validations: { address: string; path: string; value: unknown }[] = [];
  readonly conditionalFormats: { address: string; type: string; formula: string | null; fill: string | null }[] = [];
  readonly unlocked: string[] = [];
  freeze: { kind: "at" | "rows" | "columns"; arg: string | number } | null = null;
  protection: { protected: boolean; options: unknown } = { protected: false, options: null };
  readonly pageLayout: { orientation: string | null; paperSize: string | null; printTitleRows: string | null } = { orientation: null, paperSize: null, printTitleRows: null };
  charts: FakeChart[] = [];

  constructor(name: string) {
    this.name = name;
  }

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(row)?.get(column);
  }

  ensure(row: number, column: number): Cell {
    let r = this.cells.get(row);
    if (!r) { r = new Map(); this.cells.set(row, r); }
    let c = r.get(column);
    if (!c) { c = { value: "", formula: null, numberFormat: "General", fill: null }; r.set(column, c); }
    return c;
  }

  /** Shortcut for tests: the value at an A1 address ("" when empty). */
  value(address: string): Scalar {
    const p = parseCell(address)!;
    return this.cell(p.row, p.column)?.value ?? "";
  }

  formula(address: string): string | Scalar {
    const p = parseCell(address)!;
    const c = this.cell(p.row, p.column);
    return c?.formula ?? c?.value ?? "";
  }

  numberFormat(address: string): string {
    const p = parseCell(address)!;
    return this.cell(p.row, p.column)?.numberFormat ?? "General";
  }

  fill(address: string): string | null {
    const p = parseCell(address)!;
    return this.cell(p.row, p.column)?.fill ?? null;
  }

  /** Test setup: puts raw values (as Excel holds them) with the top-left at `address`. */
  put(address: string, rows: Scalar[][]): void {
    const p = parseCell(address)!;
    rows.forEach((row, i) => row.forEach((v, j) => {
      if (v === "") return;
      this.ensure(p.row + i, p.column + j).value = v;
    }));
  }

  clear(r: Rect): void {
    for (const [row, cols] of this.cells) {
      if (row < r.r1 || row > r.r2) continue;
      for (const col of [...cols.keys()]) if (col >= r.c1 && col <= r.c2) cols.delete(col);
    }
  }

  usedRect(valuesOnly: boolean): Rect | null {
    let box: Rect | null = null;
    for (const [row, cols] of this.cells) {
      for (const [col, c] of cols) {
        const used = c.value !== "" || c.formula !== null || (!valuesOnly && (c.numberFormat !== "General" || c.fill !== null));
        if (!used) continue;
        box = box
          ? { r1: Math.min(box.r1, row), c1: Math.min(box.c1, col), r2: Math.max(box.r2, row), c2: Math.max(box.c2, col) }
          : { r1: row, c1: col, r2: row, c2: col };
      }
    }
    return box;
  }
}

export class FakeTable {
  name: string;
  sheet: FakeSheet;
  /** Header, body and (when shown) totals row. */
  rect: Rect;
  showTotals = false;
  constructor(name: string, sheet: FakeSheet, rect: Rect) {
    this.name = name;
    this.sheet = sheet;
    this.rect = rect;
  }
  get address(): string {
    return rectToA1(this.rect);
  }
}

export type FakeChart = {
  name: string; type: string; source: string; seriesBy: string; title: string | null;
  position: string | null; width: number | null; height: number | null; categories: string | null;
};

type Op = { bytes: number; apply: () => void };

type Run = { queue: Op[]; syncs: number };

export type FakeExcelOptions = {
  /** Highest ExcelApi minor version supported: 1 → ExcelApi 1.1 only, 13 → up to 1.13. */
  apiVersion?: number;
  /** Excel on the web's payload limit per request (default 5 MB). */
  payloadLimit?: number;
};

/** Versions of the APIs the adapter may touch, by proxy kind and member. */
const API_VERSION: Record<string, Record<string, number>> = {
  range: { merge: 2, unmerge: 2, conditionalFormats: 6, dataValidation: 8, getResizedRange: 3 },
  format: { columnWidth: 2, rowHeight: 2, protection: 2, autofitColumns: 2 },
  worksheet: { freezePanes: 7, protection: 2, pageLayout: 9, getRangeByIndexes: 7, getUsedRangeOrNullObject: 4 },
  worksheets: { getItemOrNullObject: 4 },
  table: { resize: 13 },
  series: { setXAxisValues: 7 },
};

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly settings = new Map<string, unknown>();
  apiVersion: number;
  payloadLimit: number;
  /** Syncs of all runs (including Excel.run's own final sync when something was left queued). */
  syncs = 0;
  runs = 0;
  /** Bytes sent + received per sync, in order. */
  readonly payloads: number[] = [];
  /** Error codes thrown by the first sync of the next runs (one per run). */
  readonly failRuns: string[] = [];
  failSettingsSave = false;
  active: string | null = null;
  selected: string | null = null;
  private tableCounter = 0;
  private run: Run | null = null;

  readonly Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
  readonly Office: unknown;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? 13;
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
    const self = this;
    this.Excel = new OfficeMockObject({
      run: async function <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
        return self.runBatch(batch);
      },
    }) as unknown as FakeExcel["Excel"];
    this.Office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => name === "ExcelApi" && self.supports(version),
        },
        document: {
          settings: {
            get: (k: string) => (self.settings.has(k) ? structuredClone(self.settings.get(k)) : null),
            set: (k: string, v: unknown) => { self.pendingSettings.set(k, structuredClone(v)); },
            remove: (k: string) => { self.pendingSettings.set(k, undefined); },
            saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) => {
              if (self.failSettingsSave) { cb?.({ status: "failed", error: { message: "disk full" } }); return; }
              for (const [k, v] of self.pendingSettings) { if (v === undefined) self.settings.delete(k); else self.settings.set(k, v); }
              self.pendingSettings.clear();
              cb?.({ status: "succeeded" });
            },
          },
        },
      },
    });
  }

  private readonly pendingSettings = new Map<string, unknown>();

  /** Installs `Excel` and `Office` as globals (returns a function that removes them). */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    g.Excel = this.Excel;
    g.Office = this.Office;
    return () => { delete g.Excel; delete g.Office; };
  }

  supports(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    return major === 1 && (minor ?? 0) <= this.apiVersion;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    s.position = this.sheets.length;
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  private renumber(): void {
    this.sheets.forEach((s, i) => { s.position = i; });
  }

  // ---- runs, queue, sync -------------------------------------------------------------------

  private async runBatch<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const run: Run = { queue: [], syncs: 0 };
    this.run = run;
    const failure = this.failRuns.shift();
    const context = new OfficeMockObject({
      workbook: {},
      sync: async () => {
        run.syncs++;
        if (failure && run.syncs === 1) { run.queue = []; throw excelFail(failure, `simulated ${failure}`); }
        await this.sync(run);
      },
    });
    context.workbook = this.workbookProxy();
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (run.queue.length > 0) await this.sync(run);
      return result;
    } finally {
      this.run = null;
    }
  }

  private async sync(run: Run): Promise<void> {
    this.syncs++;
    const ops = run.queue;
    run.queue = [];
    const request = ops.reduce((n, o) => n + o.bytes, 0);
    if (request > this.payloadLimit) throw excelFail("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    this.response = 0;
    for (const op of ops) op.apply();
    this.payloads.push(request + this.response);
    if (this.response > this.payloadLimit) throw excelFail("ResponsePayloadSizeLimitExceeded", `response of ${this.response} bytes`);
    await new Promise((r) => setTimeout(r, 0));
  }

  private response = 0;

  private enqueue(bytes: number, apply: () => void): void {
    if (!this.run) throw new Error("Office object used outside Excel.run");
    this.run.queue.push({ bytes, apply });
  }

  private checkVersion(kind: string, key: string): void {
    const v = API_VERSION[kind]?.[key];
    if (v !== undefined && v > this.apiVersion) {
      this.enqueue(50, () => { throw excelFail("ApiNotFound", `${kind}.${key} needs ExcelApi 1.${v}`); });
    }
  }

  // ---- proxies -----------------------------------------------------------------------------

  /**
   * Wraps an OfficeMockObject: property writes are queued (applied by `write` at sync), reads of
   * versioned members are checked, nested mock objects are wrapped too, and `load(paths)` is
   * answered at sync by `read(path)`.
   */
  private proxy(kind: string, data: Record<string, unknown>, read: (path: string) => unknown, write: (path: string, value: unknown) => void, hidden: Record<string, unknown> = {}): any {
    const target = new OfficeMockObject(data as Record<string, unknown>) as any;
    return this.wrap(kind, target, read, write, "", hidden);
  }

  private wrap(kind: string, target: any, read: (path: string) => unknown, write: (path: string, value: unknown) => void, prefix: string, hidden: Record<string, unknown> = {}): any {
    const self = this;
    const children = new Map<string, unknown>();
    return new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key !== "string") return Reflect.get(t, key, receiver);
        if (key === "__target") return t;
        if (key in hidden) return hidden[key];
        self.checkVersion(kind, key);
        if (key === "load") {
          return (arg: string | string[]) => {
            const paths = (Array.isArray(arg) ? arg : String(arg).split(",")).map((p) => p.trim()).filter(Boolean);
            const items = paths.filter((p) => p.startsWith("items/"));
            const scalars = paths.filter((p) => !p.startsWith("items/"));
            // The mock's own load: unknown properties throw, loaded ones read "sync not called".
            if (scalars.length > 0) OfficeMockObject.prototype.load.call(t, scalars);
            if (items.length > 0) t.items = "Error, context.sync() was not called";
            self.enqueue(50, () => {
              if (items.length > 0) {
                const list = read(`${prefix}items`) as unknown[];
                self.response += list.length * 20 * items.length;
                t.items = list;
              }
              for (const p of scalars) {
                const v = read(prefix + p);
                self.response += Buffer.byteLength(JSON.stringify(v ?? null));
                const parts = p.split("/");
                let o = t;
                for (const part of parts.slice(0, -1)) o = o[part];
                o[parts[parts.length - 1]!] = v;
              }
            });
            return receiver;
          };
        }
        const v = t[key];
        if (v instanceof OfficeMockObject) {
          if (!children.has(key)) children.set(key, self.wrap(key, v, read, write, `${prefix}${key}/`));
          return children.get(key);
        }
        return v;
      },
      set(t, key, value) {
        if (typeof key !== "string") return Reflect.set(t, key, value);
        self.checkVersion(kind, key);
        const bytes = Buffer.byteLength(JSON.stringify(value ?? null)) + 50;
        self.enqueue(bytes, () => write(prefix + key, value));
        t[key] = value;
        return true;
      },
    });
  }

  private workbookProxy(): any {
    const self = this;
    const worksheets = this.proxy("worksheets", {
      items: [],
      getItem: (name: string) => self.sheetProxy(() => self.mustSheet(name)),
      getItemOrNullObject: (name: string) => self.sheetProxy(() => self.mustSheet(name)),
      add: (name: string) => {
        let created: FakeSheet | null = null;
        self.enqueue(100, () => {
          if (self.findSheet(name)) throw excelFail("ItemAlreadyExists", `sheet ${name} exists`);
          created = self.addSheet(name);
        });
        return self.sheetProxy(() => created ?? (() => { throw excelFail("ItemNotFound", "sheet not created"); })());
      },
    }, (path) => {
      if (path === "items") return self.sheets.map((s) => self.loadedSheetProxy(s));
      throw new Error(`load ${path} on worksheets`);
    }, () => { throw new Error("read-only"); });
    const tables = this.proxy("tables", {
      items: [],
      getItem: (name: string) => self.tableProxy(() => self.mustTable(name)),
    }, (path) => {
      if (path === "items") return self.tables.map((t) => self.loadedTableProxy(t));
      throw new Error(`load ${path} on tables`);
    }, () => { throw new Error("read-only"); });
    const workbook = new OfficeMockObject({}) as any;
    workbook.worksheets = worksheets;
    workbook.tables = tables;
    return workbook;
  }

  private mustSheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw excelFail("ItemNotFound", `sheet ${name}`);
    return s;
  }

  private mustTable(name: string): FakeTable {
    const t = this.table(name);
    if (!t) throw excelFail("ItemNotFound", `table ${name}`);
    return t;
  }

  /** Collection items come back loaded with name/position. */
  private loadedSheetProxy(s: FakeSheet): any {
    const p = this.sheetProxy(() => s);
    const raw = p.__target as any;
    raw.name = s.name;
    raw.position = s.position;
    return p;
  }

  private loadedTableProxy(t: FakeTable): any {
    const p = this.tableProxy(() => t);
    const raw = p.__target as any;
    raw.name = t.name;
    return p;
  }

  private lazy<T>(resolve: () => T): () => T {
    let cached: T | undefined;
    return () => (cached ??= resolve());
  }

  private sheetProxy(resolveSheet: () => FakeSheet): any {
    const self = this;
    const sheet = this.lazy(resolveSheet);
    const data = {
      name: "", position: 0,
      getRange: (address?: string) => self.rangeProxy(() => ({ sheet: sheet(), rect: parseAddress(address ?? "A1:XFD1048576") })),
      getUsedRange: (valuesOnly?: boolean) => {
        if (valuesOnly !== undefined && self.apiVersion < 2) {
          self.enqueue(50, () => { throw excelFail("ApiNotFound", "getUsedRange(valuesOnly) needs ExcelApi 1.2"); });
        }
        return self.rangeProxy(() => ({ sheet: sheet(), rect: sheet().usedRect(valuesOnly === true) ?? { r1: 1, c1: 1, r2: 1, c2: 1 } }));
      },
      activate: () => self.enqueue(50, () => { self.active = sheet().name; }),
      delete: () => self.enqueue(50, () => {
        const s = sheet();
        if (self.sheets.length === 1) throw excelFail("InvalidOperation", "cannot delete the only sheet");
        self.sheets.splice(self.sheets.indexOf(s), 1);
        for (const t of self.tables.filter((x) => x.sheet === s)) self.tables.splice(self.tables.indexOf(t), 1);
        self.renumber();
      }),
      freezePanes: {
        freezeAt: (r: string) => self.enqueue(50, () => { sheet().freeze = { kind: "at", arg: r }; }),
        freezeRows: (n: number) => self.enqueue(50, () => { sheet().freeze = { kind: "rows", arg: n }; }),
        freezeColumns: (n: number) => self.enqueue(50, () => { sheet().freeze = { kind: "columns", arg: n }; }),
      },
      protection: {
        protected: false,
        protect: (options?: unknown) => self.enqueue(200, () => { sheet().protection = { protected: true, options: options ?? null }; }),
        unprotect: () => self.enqueue(50, () => { sheet().protection = { protected: false, options: null }; }),
      },
      pageLayout: {
        orientation: "Portrait", paperSize: "Letter",
        setPrintTitleRows: (rows: string) => self.enqueue(50, () => { sheet().pageLayout.printTitleRows = rows; }),
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          let created: FakeTable | null = null;
          self.enqueue(100, () => {
            const s = sheet();
            const rect = parseAddress(address);
            if (!hasHeaders) throw new Error("fake tables need headers");
            if (self.tables.some((t) => t.sheet === s && overlaps(t.rect, rect))) throw excelFail("InvalidOperation", "a table cannot overlap another table");
            created = new FakeTable(`Table${++self.tableCounter}`, s, rect);
            self.tables.push(created);
          });
          return self.tableProxy(() => created ?? (() => { throw excelFail("ItemNotFound", "table not created"); })());
        },
      },
      charts: this.chartsData(sheet),
    };
    const p = this.proxy("worksheet", data, (path) => {
      const s = sheet();
      if (path === "name") return s.name;
      if (path === "position") return s.position;
      if (path === "charts/items") return s.charts.map((c) => self.loadedChartProxy(c, sheet));
      throw new Error(`load ${path} on worksheet`);
    }, (path, value) => {
      const s = sheet();
      if (path === "name") {
        const other = self.findSheet(String(value));
        if (other && other !== s) throw excelFail("ItemAlreadyExists", `sheet ${value}`);
        s.name = String(value);
      } else if (path === "position") {
        self.sheets.splice(self.sheets.indexOf(s), 1);
        self.sheets.splice(Math.min(Number(value), self.sheets.length), 0, s);
        self.renumber();
      } else if (path === "pageLayout/orientation") s.pageLayout.orientation = String(value);
      else if (path === "pageLayout/paperSize") s.pageLayout.paperSize = String(value);
      else throw new Error(`set ${path} on worksheet`);
    });
    return p;
  }

  private loadedChartProxy(c: FakeChart, sheet: () => FakeSheet): any {
    const p = this.chartProxy(() => c, sheet);
    (p.__target as any).name = c.name;
    return p;
  }

  private chartsData(sheet: () => FakeSheet): Record<string, unknown> {
    const self = this;
    const chartsProxyData = {
      items: [],
      add: (type: string, source: any, seriesBy: string) => {
        let created: FakeChart | null = null;
        const src = source.__resolve as () => { sheet: FakeSheet; rect: Rect };
        self.enqueue(100, () => {
          const r = src();
          created = { name: `Chart ${sheet().charts.length + 1}`, type, source: rectToA1(r.rect), seriesBy, title: null, position: null, width: null, height: null, categories: null };
          sheet().charts.push(created);
        });
        return self.chartProxy(() => created!, sheet);
      },
      getItem: (name: string) => self.chartProxy(() => {
        const c = sheet().charts.find((x) => x.name === name);
        if (!c) throw excelFail("ItemNotFound", `chart ${name}`);
        return c;
      }, sheet),
    };
    return chartsProxyData;
  }

  private chartProxy(resolve: () => FakeChart, sheet: () => FakeSheet): any {
    const self = this;
    const chart = this.lazy(resolve);
    return this.proxy("chart", {
      name: "",
      title: { text: "" },
      width: 0,
      height: 0,
      setPosition: (start: string) => self.enqueue(50, () => { chart().position = start; }),
      delete: () => self.enqueue(50, () => { const s = sheet(); s.charts = s.charts.filter((c) => c !== chart()); }),
      series: {
        getItemAt: () => self.proxy("series", {
          setXAxisValues: (range: any) => {
            self.checkVersion("series", "setXAxisValues");
            const src = range.__resolve as () => { rect: Rect };
            self.enqueue(50, () => { chart().categories = rectToA1(src().rect); });
          },
        }, () => null, () => { throw new Error("series"); }),
      },
    }, (path) => {
      if (path === "name") return chart().name;
      throw new Error(`load ${path} on chart`);
    }, (path, value) => {
      const c = chart();
      if (path === "name") c.name = String(value);
      else if (path === "title/text") c.title = String(value);
      else if (path === "width") c.width = Number(value);
      else if (path === "height") c.height = Number(value);
      else throw new Error(`set ${path} on chart`);
    });
  }

  private tableProxy(resolve: () => FakeTable): any {
    const self = this;
    const table = this.lazy(resolve);
    return this.proxy("table", {
      name: "", showTotals: false,
      getRange: () => self.rangeProxy(() => ({ sheet: table().sheet, rect: table().rect })),
      getDataBodyRange: () => self.rangeProxy(() => {
        const t = table();
        return { sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r1 + 1, r2: t.rect.r2 - (t.showTotals ? 1 : 0) } };
      }),
      delete: () => self.enqueue(50, () => {
        const t = table();
        t.sheet.clear(t.rect);
        self.tables.splice(self.tables.indexOf(t), 1);
      }),
      resize: (address: string) => self.enqueue(50, () => {
        const t = table();
        const rect = parseAddress(address);
        if (rect.r1 !== t.rect.r1) throw excelFail("InvalidArgument", "the header row must stay");
        if (t.showTotals) throw excelFail("InvalidOperation", "resize with totals row shown");
        if (self.tables.some((x) => x !== t && x.sheet === t.sheet && overlaps(x.rect, rect))) throw excelFail("InvalidOperation", "overlap");
        t.rect = rect;
      }),
    }, (path) => {
      const t = table();
      if (path === "name") return t.name;
      if (path === "showTotals") return t.showTotals;
      throw new Error(`load ${path} on table`);
    }, (path, value) => {
      const t = table();
      if (path === "name") {
        const other = self.table(String(value));
        if (other && other !== t) throw excelFail("ItemAlreadyExists", `table ${value}`);
        t.name = String(value);
      } else if (path === "showTotals") {
        if (value === t.showTotals) return;
        if (value) {
          t.rect = { ...t.rect, r2: t.rect.r2 + 1 };
          t.sheet.clear({ ...t.rect, r1: t.rect.r2 });
          t.sheet.ensure(t.rect.r2, t.rect.c1).value = "Total";
        } else {
          t.sheet.clear({ ...t.rect, r1: t.rect.r2 });
          t.rect = { ...t.rect, r2: t.rect.r2 - 1 };
        }
        t.showTotals = Boolean(value);
      } else throw new Error(`set ${path} on table`);
    });
  }

  private rangeProxy(resolveRange: () => { sheet: FakeSheet; rect: Rect }): any {
    const self = this;
    const range = this.lazy(resolveRange);
    const shapeOf = () => { const { rect } = range(); return { rows: rect.r2 - rect.r1 + 1, cols: rect.c2 - rect.c1 + 1 }; };
    const grid = <T>(f: (c: Cell | undefined) => T): T[][] => {
      const { sheet, rect } = range();
      const out: T[][] = [];
      for (let r = rect.r1; r <= rect.r2; r++) {
        const row: T[] = [];
        const cols = sheet.cells.get(r);
        for (let c = rect.c1; c <= rect.c2; c++) row.push(f(cols?.get(c)));
        out.push(row);
      }
      return out;
    };
    const each = (values: unknown, f: (cell: Cell, v: unknown, row: number, col: number) => void, allowEmpty = false) => {
      const { sheet, rect } = range();
      const { rows, cols } = shapeOf();
      if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw excelFail("InvalidArgument", `the array does not match the range's ${rows}x${cols} shape`);
      }
      values.forEach((row: unknown[], i) => row.forEach((v, j) => {
        const r = rect.r1 + i;
        const c = rect.c1 + j;
        if (allowEmpty && v === "" && !sheet.cell(r, c)) return;
        f(sheet.ensure(r, c), v, r, c);
      }));
    };
    const typeIn = (cell: Cell, v: unknown) => {
      cell.formula = null;
      if (typeof v === "number" || typeof v === "boolean") { cell.value = v; return; }
      const s = String(v ?? "");
      if (s.startsWith("=")) { cell.formula = s; cell.value = 0; return; }
      if (s.startsWith("'")) { cell.value = s.slice(1); return; }
      if (cell.numberFormat !== "@") {
        if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim())) { cell.value = Number(s); return; }
        if (/^(true|false)$/i.test(s.trim())) { cell.value = s.trim().toLowerCase() === "true"; return; }
      }
      cell.value = s;
    };
    const record = (list: { address: string; path: string; value: unknown }[], path: string, value: unknown) =>
      list.push({ address: rectToA1(range().rect), path, value });
    const cfAdd = (type: string) => {
      const entry = { address: "", type, formula: null as string | null, fill: null as string | null };
      self.enqueue(50, () => { entry.address = rectToA1(range().rect); range().sheet.conditionalFormats.push(entry); });
      return self.proxy("conditionalFormat", { custom: { rule: { formula: "" }, format: { fill: { color: "" } } } }, () => null, (path, value) => {
        if (path === "custom/rule/formula") entry.formula = String(value);
        else if (path === "custom/format/fill/color") entry.fill = String(value);
        else throw new Error(`set ${path} on conditional format`);
      });
    };
    const p = this.proxy("range", {
      address: "", rowCount: 0, columnCount: 0, values: [], formulas: [], numberFormat: [],
      format: {
        columnWidth: 0, wrapText: false, horizontalAlignment: "General", verticalAlignment: "Bottom",
        fill: { color: "", clear: () => self.enqueue(50, () => each(grid(() => 0), (c) => { c.fill = null; })) },
        font: { bold: false, italic: false, size: 11, color: "" },
        protection: { locked: true },
        borders: { getItem: (edge: string) => self.proxy("border", { style: "", color: "", weight: "" }, () => null, (path, value) => record(range().sheet.formats, `borders/${edge}/${path}`, value)) },
      },
      dataValidation: { rule: {}, prompt: {}, errorAlert: {} },
      conditionalFormats: {
        add: cfAdd,
        clearAll: () => self.enqueue(50, () => {
          const { sheet, rect } = range();
          for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
            if (inside(parseAddress(sheet.conditionalFormats[i]!.address), rect)) sheet.conditionalFormats.splice(i, 1);
          }
        }),
      },
      merge: () => self.enqueue(50, () => {
        const { sheet, rect } = range();
        if (sheet.merges.some((m) => overlaps(parseAddress(m), rect))) throw excelFail("InvalidOperation", "merge overlaps a merge");
        sheet.merges.push(rectToA1(rect));
      }),
      unmerge: () => self.enqueue(50, () => { const { sheet, rect } = range(); sheet.merges = sheet.merges.filter((m) => !overlaps(parseAddress(m), rect)); }),
      clear: () => self.enqueue(50, () => { const { sheet, rect } = range(); sheet.clear(rect); }),
      select: () => self.enqueue(50, () => { const { sheet, rect } = range(); self.selected = `${sheet.name}!${rectToA1(rect)}`; }),
    }, (path) => {
      const { sheet, rect } = range();
      switch (path) {
        case "address": return `${quoteSheet(sheet.name)}!${rectToA1(rect)}`;
        case "rowCount": return shapeOf().rows;
        case "columnCount": return shapeOf().cols;
        case "values": return grid((c) => c?.value ?? "");
        case "formulas": return grid((c) => c?.formula ?? c?.value ?? "");
        case "numberFormat": return grid((c) => c?.numberFormat ?? "General");
        case "format/fill/color": {
          const fills = new Set(grid((c) => c?.fill ?? "#FFFFFF").flat());
          return fills.size === 1 ? [...fills][0] : null;
        }
        default: throw new Error(`load ${path} on range`);
      }
    }, (path, value) => {
      const { sheet, rect } = range();
      switch (path) {
        case "values": case "formulas": each(value, (cell, v) => typeIn(cell, v), true); return;
        case "numberFormat": each(value, (cell, v) => { cell.numberFormat = String(v); }); return;
        case "format/fill/color": each(grid(() => 0), (cell) => { cell.fill = String(value); }); return;
        case "format/columnWidth": {
          for (let c = rect.c1; c <= rect.c2; c++) sheet.columnWidths.set(columnLetter(c), Number(value));
          return;
        }
        case "format/protection/locked":
          if (value === false) sheet.unlocked.push(rectToA1(rect));
          return;
        default:
          if (path.startsWith("format/")) { record(sheet.formats, path.slice("format/".length), value); return; }
          if (path.startsWith("dataValidation/")) { record(sheet.validations, path.slice("dataValidation/".length), value); return; }
          throw new Error(`set ${path} on range`);
      }
    }, { __resolve: range });
    return p;
  }
}
