import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import type { Issue } from "../../shared/result.ts";
import type { ReportSheetModel } from "../../shared/report/report-sheet.ts";
import type { CellRef } from "./active-cell.ts";
import type { LegacyCell, LegacyChange } from "../../shared/text/legacy-convert.ts";

export type { CellRef };

/**
 * The add-in's boundary with Excel: every operation the task pane needs, each one `Excel.run`.
 * Only addin/excel/* touches `Excel` / `Office`; components receive a WorkbookPort as a prop or
 * through a hook, so tests can hand them another implementation.
 */
export type Features = {
  /** ExcelApi versions supported by the host, e.g. { "1.1": true, ..., "1.13": false }. */
  api: Record<string, boolean>;
};

/** What an operation did and what it skipped (e.g. data validation on ExcelApi < 1.8). */
export type OperationReport = { syncs: number; skipped: string[] };

/** `id` is the server's revision id (a UUID string, docs/interfaces.md `POST /submissions`). */
/** What createTemplate did: `existing` are the workbook's sheets that match template names. */
export type TemplateResult = OperationReport & { created: boolean; existing: string[] };

export type Receipt = { id: string; district: string; year: number; revision: number; submittedAt: string; deduplicated: boolean };

export interface WorkbookPort {
  features(): Features;
  /**
   * Creates the template sheets from the shared layout. When sheets of those names exist already
   * (a template that may hold typed data), nothing is written unless `replace` is true: the result
   * says `created: false` and lists them, so the pane can ask first.
   */
  createTemplate(sheets: SheetModel[], options?: { replace?: boolean }): Promise<TemplateResult>;
  /** Reads the template sheets as `Range.values` grids (used range, top-left address). */
  readTemplate(): Promise<{ sheets: SheetInput[]; report: OperationReport }>;
  /**
   * Reads EVERY sheet of the open workbook as `Range.values` grids in sheet order (the `Thiết lập`
   * workbook), in one Excel.run of a constant number of syncs whatever the number of sheets.
   */
  readSheets(): Promise<{ sheets: SheetInput[]; report: OperationReport }>;
  /**
   * "Kiểm tra" in ONE Excel.run: reads the template sheets, hands them to `check` (the parser),
   * marks the cells of the issues it returns and clears marks of fixed cells.
   */
  checkTemplate<T>(
    check: (sheets: SheetInput[]) => { issues: readonly Issue[]; result: T },
  ): Promise<{ result: T; report: OperationReport }>;
  /**
   * "Chuyển mã", step 1, in ONE Excel.run: the text cells of the template sheets with their font
   * names (ExcelApi 1.9+; below, fonts are null and `fonts` is false: TCVN3 capitals cannot be told).
   */
  readTextCells(): Promise<{ cells: LegacyCell[]; fonts: boolean; report: OperationReport }>;
  /**
   * "Chuyển mã", step 2 (after the user confirmed the preview), in ONE Excel.run: writes each
   * change's converted text and sets the cell's font to Times New Roman. A cell whose value is no
   * longer the previewed `before` is left alone and listed in `stale` (`Sheet!A1`).
   */
  writeConverted(changes: readonly LegacyChange[]): Promise<OperationReport & { written: number; stale: string[] }>;
  /** Marks the cells of error/warning issues and clears marks of cells no longer listed. */
  markIssues(issues: readonly Issue[]): Promise<OperationReport>;
  /** Activates the sheet and selects the cell (`Tiêu chí`, `H12`). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The cell the user is on (its sheet and A1 address), for a comment pinned to it. */
  activeCell(): Promise<CellRef>;
  /** Rewrites the `Tổng hợp` sheet in place from the report sheet model. */
  writeReport(model: ReportSheetModel): Promise<OperationReport>;
  /** The last submission receipt kept in the document's settings. */
  loadReceipt(): Promise<Receipt | null>;
  saveReceipt(receipt: Receipt): Promise<void>;
}
