import type { Issue } from "../../shared/result.ts";
import type { Params, Texts } from "../../shared/text/catalogue.ts";
import type { ApiFailure } from "../../shared/api/client.ts";

/**
 * A failure as data: a code and its parameters, resolved into text by addin/i18n (errorText) only
 * where it is shown, in the pane's language. `source` says which catalogue holds the code: the
 * pane's own (addin/i18n/messages.ts), Office.js error codes (addin/i18n/excel-messages.ts), or the
 * API client's (shared/api/messages.ts). The issues (422/409) keep the texts they carry.
 */
export type UiError = {
  source: "addin" | "excel" | "api";
  code: string;
  params: Params;
  /** HTTP status of an API failure (null: the server was not reached). */
  status: number | null;
  issues: readonly Issue[];
  /** The server's or Excel's own words, shown under the text. */
  detail: string | Texts | null;
};

export type AddinErrorCode = "errorNoExcel" | "errorUnexpected";

export function addinError(code: AddinErrorCode, params: Params = {}): UiError {
  return { source: "addin", code, params, status: null, issues: [], detail: null };
}

export const NO_EXCEL: UiError = addinError("errorNoExcel");

/** A failure of the API client → UiError: its code, status and parameters, the server's words, its issues as sent. */
export function fromApiFailure(f: ApiFailure): UiError {
  return { source: "api", code: f.code, params: f.params, status: f.status, issues: f.issues, detail: f.serverMessage };
}

/**
 * Any thrown value → UiError: an ExcelOperationError of the adapter (recognised by shape, so this
 * module does not pull addin/excel into the first screen) by its Office.js code, anything else as
 * an unexpected error with its message.
 */
export function fromThrown(e: unknown): UiError {
  if (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ExcelOperationError") {
    const x = e as { code: string; operation?: string; detail?: string | null };
    return {
      source: "excel",
      code: x.code,
      params: { code: x.code, operation: x.operation ?? "" },
      status: null,
      issues: [],
      detail: x.detail ?? null,
    };
  }
  return addinError("errorUnexpected", { text: e instanceof Error ? e.message : String(e) });
}
