import { ENGLISH, formatMillion, VIETNAMESE } from "../../shared/money.ts";
import type { ThousandVnd } from "../../shared/money.ts";
import type { Lang, Params } from "../../shared/text/catalogue.ts";
import { render } from "../../shared/text/catalogue.ts";
import type { MessageKey } from "./messages.ts";
import { MESSAGES } from "./messages.ts";

export type { Lang };

/** The text of `key` in `lang` with `{name}` placeholders filled from `params` (unknown ones kept). */
export function format(lang: Lang, key: MessageKey, params: Params = {}): string {
  return render(MESSAGES, key, lang, params);
}

/** A count the Vietnamese way (`2.526.400`) or the English way (`2,526,400`). */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US").format(n);
}

/** An exact amount (integer thousand VND) in million VND: `2.526.400,5` / `2,526,400.5`. */
export function formatMoney(lang: Lang, thousand: ThousandVnd): string {
  return formatMillion(thousand, lang === "vi" ? VIETNAMESE : ENGLISH);
}
