import type { MessageKey, Messages } from "./vi.ts";
import { vi } from "./vi.ts";
import { en } from "./en.ts";

export type Lang = "vi" | "en";

export const MESSAGES: Record<Lang, Messages> = { vi, en };

/** The text of `key` in `lang` with `{name}` placeholders filled from `params` (unknown ones kept). */
export function format(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (all, name: string) =>
    (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : all));
}

/** A Vietnamese-style number (`2.526.400`, `437,1`) or English (`2,526,400`). */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 3 }).format(n);
}
