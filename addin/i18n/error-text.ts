import { apiMessageKey, API_MESSAGES } from "../../shared/api/messages.ts";
import type { Lang } from "../../shared/text/catalogue.ts";
import { render } from "../../shared/text/catalogue.ts";
import type { UiError } from "../model/ui-error.ts";
import type { ExcelMessageKey } from "./excel-messages.ts";
import { EXCEL_MESSAGES } from "./excel-messages.ts";
import { format } from "./format.ts";
import type { MessageKey } from "./messages.ts";
import { MESSAGES } from "./messages.ts";

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The text of a failure in `lang`, resolved from the catalogue of its source. */
export function errorText(lang: Lang, e: UiError): string {
  if (e.source === "api") {
    // A 409 the client's catalogue does not know (`round.locked`, `review.stale`, `review.invalid_state`): the
    // generic 409 text is about commune codes, so the server's own words say it.
    if (e.status === 409 && !has(API_MESSAGES, e.code) && e.detail !== null)
      return typeof e.detail === "string" ? e.detail : e.detail[lang];
    return render(API_MESSAGES, apiMessageKey(e.code, e.status), lang, { status: e.status ?? "-", ...e.params });
  }
  if (e.source === "excel") {
    return has(EXCEL_MESSAGES, e.code) ? render(EXCEL_MESSAGES, e.code as ExcelMessageKey, lang) : format(lang, "errorExcel", e.params);
  }
  return has(MESSAGES, e.code) ? format(lang, e.code as MessageKey, e.params) : format(lang, "errorUnexpected", { text: e.code });
}

/** What to add under the text: a hint to the settings for access failures, and the source's own words. */
export function errorDetails(lang: Lang, e: UiError): string[] {
  const out: string[] = [];
  const key = e.source === "api" ? apiMessageKey(e.code, e.status) : null;
  if (key === "network.unreachable" || key === "http.401" || key === "http.404") out.push(format(lang, "checkSettings"));
  const detail = e.detail === null ? null : typeof e.detail === "string" ? e.detail : e.detail[lang];
  if (detail && detail !== errorText(lang, e)) out.push(detail);
  return out;
}
