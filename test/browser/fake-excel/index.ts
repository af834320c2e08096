import { FakeContext } from "./client.ts";
import type { LogEntry, Stats } from "./client.ts";
import { FakeExcelError, Workbook, parseAddress, rectAddress, tableRect } from "./model.ts";
import { createOffice } from "./office.ts";
import type { FakeOfficeConfig, SettingsState } from "./office.ts";

/**
 * Entry of the fake Excel host, bundled to one IIFE and injected with playwright's addInitScript
 * before the task pane loads: installs `Excel`, `Office` and `OfficeExtension` globals over an
 * in-page workbook, and `__fakeExcel` for the test (what a user types, what the sheets hold).
 */
type Win = Record<string, unknown> & { __fakeExcelConfig?: Partial<FakeOfficeConfig> };
const win = window as unknown as Win;

const config: FakeOfficeConfig = {
  maxApi: "1.13", partitionKey: "fake-partition", displayLanguage: "vi-VN", platform: "OfficeOnline",
  ...(win.__fakeExcelConfig ?? {}),
};
const wb = new Workbook();
wb.activeSheet = wb.addSheet("Sheet1");
const stats: Stats = { runs: 0, syncs: 0, maxRequestBytes: 0 };
const log: LogEntry[] = [];
const settings: SettingsState = { saved: {}, pending: {}, saves: 0 };

async function run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
  stats.runs++;
  const context = new FakeContext(wb, stats, log);
  const result = await batch(context);
  if (context.pending > 0) await context.sync(); // Excel.run flushes what the batch left queued
  return result;
}

const ErrorCodes = Object.fromEntries([
  "AccessDenied", "ApiNotFound", "GeneralException", "InsertDeleteConflict", "InvalidArgument", "InvalidBinding",
  "InvalidOperation", "InvalidReference", "InvalidSelection", "ItemAlreadyExists", "ItemNotFound", "NotImplemented",
  "PropertyNotLoaded", "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "UnsupportedOperation",
  "InvalidOperationInCellEditMode", "Conflict",
].map((c) => [c, c]));

win.Excel = { run, ErrorCodes, RequestContext: FakeContext };
win.OfficeExtension = { Error: FakeExcelError, ErrorCodes };
win.Office = createOffice(config, settings);

function sheetOf(name: string) {
  return wb.sheet(name);
}

/** The test's view of the workbook (plain data only, so page.evaluate can return it). */
win.__fakeExcel = {
  config,
  stats,
  /** What the user types into cells: "=..." makes a formula, like typing in Excel. */
  type(sheet: string, address: string, values: unknown[][]) {
    wb.write(sheetOf(sheet), parseAddress(address), values, true);
  },
  values: (sheet: string, address: string) => wb.readValues(sheetOf(sheet), parseAddress(address)),
  formulas: (sheet: string, address: string) => wb.readFormulas(sheetOf(sheet), parseAddress(address)),
  numberFormats: (sheet: string, address: string) => wb.readNumberFormats(sheetOf(sheet), parseAddress(address)),
  fill: (sheet: string, address: string) => {
    const r = parseAddress(address);
    return wb.cell(sheetOf(sheet), r.r1, r.c1)?.fill ?? null;
  },
  sheetNames: () => wb.sheets.map((s) => s.name),
  activeSheet: () => wb.activeSheet?.name ?? null,
  selection: () => wb.selection,
  usedRange: (sheet: string, valuesOnly = true) => {
    const s = sheetOf(sheet);
    const r = wb.usedRange(s, valuesOnly);
    return r ? rectAddress(s, r) : null;
  },
  merges: (sheet: string) => sheetOf(sheet).merges.map((m) => rectAddress(sheetOf(sheet), m).split("!")[1]),
  frozen: (sheet: string) => sheetOf(sheet).frozen,
  protection: (sheet: string) => sheetOf(sheet).protectedWith,
  tables: () => wb.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: rectAddress(t.sheet, tableRect(t)).split("!")[1], showTotals: t.showTotals })),
  tableValues: (name: string) => {
    const t = wb.tables.find((x) => x.name === name);
    return t ? wb.readValues(t.sheet, tableRect(t)) : null;
  },
  charts: () => wb.charts.map((c) => ({ name: c.name, type: c.type, sheet: c.sheet.name, title: c.title, anchor: c.anchor })),
  conditionalFormats: (sheet: string) => sheetOf(sheet).conditionalFormats.map((f) => ({
    address: rectAddress(sheetOf(sheet), f.rect).split("!")[1], fill: f.fill, formula: f.formula,
  })),
  /** Cells marked with a fill or a conditional format, e.g. { "H8": "#FFC7CE" }. */
  marks: (sheet: string) => {
    const s = sheetOf(sheet);
    const out: Record<string, string | null> = {};
    for (const f of s.conditionalFormats) out[rectAddress(s, f.rect).split("!")[1]!] = f.fill;
    return out;
  },
  settings: () => JSON.parse(JSON.stringify(settings.saved)) as Record<string, unknown>,
  notes: () => [...wb.notes],
  log: (filter?: string) => log.filter((e) => !filter || e.path.includes(filter) || e.target.includes(filter)),
};
