import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import type { Issue } from "../../shared/result.ts";
import type { ReportSheetModel } from "../../shared/report/report-sheet.ts";
import { activeCell } from "./active-cell.ts";
import type { CellRef, Features, OperationReport, Receipt, TemplateResult, WorkbookPort } from "./port.ts";
import { detectFeatures } from "./features.ts";
import type { IsSetSupported } from "./features.ts";
import { excelError, runExcel, toExcelError } from "./run.ts";
import type { RunContext, RunOptions } from "./run.ts";
import { MAX_REQUEST_BYTES, OP_BYTES, RequestBudget } from "./chunks.ts";
import { findSheet, loadSheets } from "./sheets.ts";
import { writeSheetModel } from "./write-sheet-model.ts";
import { locateTemplate, readTemplate } from "./read-template.ts";
import { readSheets } from "./read-sheets.ts";
import { markIssues } from "./mark-issues.ts";
import { readTextCells } from "./read-fonts.ts";
import { writeConverted } from "./write-converted.ts";
import type { LegacyCell, LegacyChange } from "../../shared/text/legacy-convert.ts";
import { writeReport } from "./write-report.ts";
import { documentSettings, readReceipt, writeReceipt } from "./settings.ts";
import type { SettingsStore } from "./settings.ts";

export type ExcelWorkbookOptions = RunOptions & {
  /** Request budget per sync (default 4 MB, under Excel on the web's 5 MB limit). */
  maxRequestBytes?: number;
  isSetSupported?: IsSetSupported;
  settings?: () => SettingsStore;
};

/**
 * Writes each model as a sheet. Sheets of the same names (matched like the parser matches them)
 * are replaced only when `replace` is true (the old sheet is renamed, the new one put at its
 * position, then the old one deleted); otherwise nothing is written and their names are returned.
 */
export async function createTemplate(
  rc: RunContext,
  sheets: readonly SheetModel[],
  features: Features,
  maxBytes: number,
  replace: boolean,
): Promise<{ created: boolean; existing: string[] }> {
  const existing = await loadSheets(rc);
  const clashes = sheets.flatMap((m) => findSheet(existing, m.name)?.name ?? []);
  if (clashes.length > 0 && !replace) return { created: false, existing: clashes };
  const ws = rc.context.workbook.worksheets;
  const budget = new RequestBudget(() => rc.sync(), maxBytes);
  const old: Excel.Worksheet[] = [];
  let first: Excel.Worksheet | null = null;
  for (const [i, model] of sheets.entries()) {
    await budget.reserve(OP_BYTES * 3);
    const found = findSheet(existing, model.name);
    if (found) {
      const o = ws.getItem(found.name);
      o.name = `~ntm-old-${i + 1}`;
      old.push(o);
    }
    const sheet = ws.add(model.name);
    if (found) sheet.position = found.position;
    first ??= sheet;
    await writeSheetModel(rc, budget, sheet, model, features);
  }
  for (const o of old) {
    await budget.reserve(OP_BYTES);
    o.delete();
  }
  if (first) {
    await budget.reserve(OP_BYTES);
    first.activate();
  }
  await budget.flush();
  return { created: true, existing: clashes };
}

/** Activates the sheet (matched by name) and selects the cell or range. */
export async function selectCell(rc: RunContext, sheetName: string, cell: string): Promise<void> {
  const found = findSheet(await loadSheets(rc), sheetName);
  if (!found) throw excelError("ItemNotFound", "select", `sheet ${sheetName}`);
  const sheet = rc.context.workbook.worksheets.getItem(found.name);
  sheet.activate();
  sheet.getRange(cell).select();
  await rc.sync();
}

/** The WorkbookPort over Office.js: one `Excel.run` per action. */
export class ExcelWorkbook implements WorkbookPort {
  private readonly options: ExcelWorkbookOptions;
  private detected: Features | null = null;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.options = options;
  }

  features(): Features {
    this.detected ??= detectFeatures(this.options.isSetSupported);
    return this.detected;
  }

  private get maxBytes(): number {
    return this.options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  }

  private settings(): SettingsStore {
    return (this.options.settings ?? documentSettings)();
  }

  async createTemplate(sheets: SheetModel[], options: { replace?: boolean } = {}): Promise<TemplateResult> {
    const f = this.features();
    const { value, report } = await runExcel(
      "createTemplate",
      (rc) => createTemplate(rc, sheets, f, this.maxBytes, options.replace === true),
      this.options,
    );
    return { ...report, ...value };
  }

  async readTemplate(): Promise<{ sheets: SheetInput[]; report: OperationReport }> {
    const f = this.features();
    const { value, report } = await runExcel("readTemplate", (rc) => readTemplate(rc, f, this.maxBytes), this.options);
    return { sheets: value, report };
  }

  async readSheets(): Promise<{ sheets: SheetInput[]; report: OperationReport }> {
    const f = this.features();
    const { value, report } = await runExcel("readSheets", (rc) => readSheets(rc, f, this.maxBytes), this.options);
    return { sheets: value, report };
  }

  async checkTemplate<T>(
    check: (sheets: SheetInput[]) => { issues: readonly Issue[]; result: T },
  ): Promise<{ result: T; report: OperationReport }> {
    const f = this.features();
    const store = this.settings();
    const { value, report } = await runExcel(
      "checkTemplate",
      async (rc) => {
        // Sync 1 names + used ranges (shared by the read and the marks), sync 2 values, sync 3 marks.
        const located = await locateTemplate(rc, f);
        const { issues, result } = check(await readTemplate(rc, f, this.maxBytes, located));
        await markIssues(rc, issues, f, store, located.sheets);
        return result;
      },
      this.options,
    );
    return { result: value, report };
  }

  async readTextCells(): Promise<{ cells: LegacyCell[]; fonts: boolean; report: OperationReport }> {
    const f = this.features();
    const { value, report } = await runExcel("readTextCells", (rc) => readTextCells(rc, f, this.maxBytes), this.options);
    return { ...value, report: value.fonts ? report : { ...report, skipped: [...report.skipped, "cellProperties (ExcelApi 1.9)"] } };
  }

  async writeConverted(changes: readonly LegacyChange[]): Promise<OperationReport & { written: number; stale: string[] }> {
    const { value, report } = await runExcel("writeConverted", (rc) => writeConverted(rc, changes, this.maxBytes), this.options);
    return { ...report, ...value };
  }

  async markIssues(issues: readonly Issue[]): Promise<OperationReport> {
    const f = this.features();
    const store = this.settings();
    return (await runExcel("markIssues", (rc) => markIssues(rc, issues, f, store), this.options)).report;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await runExcel("selectCell", (rc) => selectCell(rc, sheet, cell), this.options);
  }

  async activeCell(): Promise<CellRef> {
    const f = this.features();
    return (await runExcel("activeCell", (rc) => activeCell(rc, f), this.options)).value;
  }

  async writeReport(model: ReportSheetModel): Promise<OperationReport> {
    const f = this.features();
    return (await runExcel("writeReport", (rc) => writeReport(rc, model, f, this.maxBytes), this.options)).report;
  }

  async loadReceipt(): Promise<Receipt | null> {
    try {
      return readReceipt(this.settings());
    } catch (e) {
      throw toExcelError(e, "loadReceipt");
    }
  }

  async saveReceipt(receipt: Receipt): Promise<void> {
    try {
      await writeReceipt(this.settings(), receipt);
    } catch (e) {
      throw toExcelError(e, "saveReceipt");
    }
  }
}
