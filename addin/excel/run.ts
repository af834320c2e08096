import type { OperationReport } from "./port.ts";
import type { Feature } from "./features.ts";
import { skipNote } from "./features.ts";
import { EXCEL_MESSAGES } from "../i18n/excel-messages.ts";
import type { ExcelMessageKey } from "../i18n/excel-messages.ts";

/**
 * One `Excel.run` per action: retries while the user is editing a cell (bounded, with backoff),
 * counts syncs, collects skipped features, and turns every failure into an ExcelOperationError
 * with a Vietnamese and an English message and the host's error code. Nothing is swallowed.
 */
export class ExcelOperationError extends Error {
  readonly code: string;
  readonly operation: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly detail: string | null;

  constructor(code: string, operation: string, messageVi: string, messageEn: string, detail: string | null, cause?: unknown) {
    super(`${messageVi} (${messageEn})`, cause === undefined ? undefined : { cause });
    this.name = "ExcelOperationError";
    this.code = code;
    this.operation = operation;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.detail = detail;
  }
}

export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/** Maps anything thrown by Office.js (or the adapter) to an ExcelOperationError. */
export function toExcelError(error: unknown, operation: string): ExcelOperationError {
  if (error instanceof ExcelOperationError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === "string" && e.code !== "" ? e.code : "Unknown";
  const detail = typeof e.message === "string" ? e.message : error === undefined ? null : String(error);
  const known = Object.prototype.hasOwnProperty.call(EXCEL_MESSAGES, code) ? EXCEL_MESSAGES[code as ExcelMessageKey] : null;
  const vi = known ? known.vi : `Excel báo lỗi (${code}) khi ${operation}.`;
  const en = known ? known.en : `Excel reported an error (${code}) during ${operation}.`;
  return new ExcelOperationError(code, operation, vi, en, detail, error);
}

export function excelError(code: string, operation: string, detail: string | null = null): ExcelOperationError {
  return toExcelError({ code, message: detail ?? undefined }, operation);
}

/** What an action body gets: the request context, a counted sync, and the skipped-feature list. */
export type RunContext = {
  context: Excel.RequestContext;
  sync(): Promise<void>;
  readonly syncs: number;
  skipped: string[];
  skip(feature: Feature): void;
};

export type RunOptions = {
  /** Retries after InvalidOperationInCellEditMode (default 4). */
  retries?: number;
  /** First backoff delay in ms (doubled each retry; default 500). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `body` inside one `Excel.run`, with bounded retries while Excel is in cell-edit mode. */
export async function runExcel<T>(
  operation: string,
  body: (rc: RunContext) => Promise<T>,
  options: RunOptions = {},
): Promise<{ value: T; report: OperationReport }> {
  const retries = options.retries ?? 4;
  const backoff = options.backoffMs ?? 500;
  const sleep = options.sleep ?? defaultSleep;
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw excelError("NoExcel", operation);
  for (let attempt = 0; ; attempt++) {
    let syncs = 0;
    const skipped: string[] = [];
    try {
      const value = await Excel.run(async (context) => {
        const rc: RunContext = {
          context,
          async sync() {
            syncs++;
            await context.sync();
          },
          get syncs() {
            return syncs;
          },
          skipped,
          skip(feature) {
            const n = skipNote(feature);
            if (!skipped.includes(n)) skipped.push(n);
          },
        };
        return body(rc);
      });
      return { value, report: { syncs, skipped } };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === CELL_EDIT_MODE && attempt < retries) {
        await sleep(backoff * 2 ** attempt);
        continue;
      }
      throw toExcelError(error, operation);
    }
  }
}
