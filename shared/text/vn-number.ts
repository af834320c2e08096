import { ENGLISH, VIETNAMESE, formatMillion } from "../money.ts";

/**
 * Amounts as districts type them (docs/template.md "Amounts"), read exactly.
 *
 * The result is an integer number of thousandths of the typed unit ("milli"): 437,1 → 437100.
 * For amounts in million VND that is directly integer thousand VND; for billions multiply by
 * 1,000. No float is ever summed: a number cell is rounded once to 3 decimals, a text cell is
 * read digit by digit.
 */

export type AmountFailure =
  /** Not a number at all (text in another format, boolean, object, NaN, infinity). */
  | "invalid"
  | "negative"
  /** Above MAX_MILLI (a number; the caller states the maximum of its own unit). */
  | "too_large"
  /** More than 3 decimals. */
  | "too_precise"
  /** `d,ddd` / `dd,ddd` / `ddd,ddd` text: Vietnamese decimal or English thousands? */
  | "ambiguous";

export type AmountReading = { ok: true; milli: number; empty: boolean } | { ok: false; kind: AmountFailure };

/**
 * Largest milli value read: 10^15 (10^12 units), far above any stated maximum (shared/money.ts
 * MAX_LINE_THOUSAND is 10^11 thousand VND), so reading stays exact; callers check their maximum.
 */
export const MAX_MILLI = 1e15;

/** Noise tolerance of number cells: 273800.30000000002 is 273800.3. */
const NOISE = 1e-6;

/** `0,125` is not ambiguous: an English thousands group never starts with 0. */
const AMBIGUOUS = /^[1-9]\d{0,2},\d{3}$/;
/** Integer part: plain digits, or 1-3 digits then groups of 3 separated by `.` or a space. */
const VN_NUMBER = /^(\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(\d+))?$/;
const EMPTY: AmountReading = { ok: true, milli: 0, empty: true };

/** Reads one amount cell: number (≤ 3 decimals), Vietnamese-format text, or empty. */
export function readAmount(value: unknown): AmountReading {
  if (value === "" || value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return readNumber(value);
  if (typeof value === "string") return readText(value);
  return { ok: false, kind: "invalid" };
}

function readNumber(value: number): AmountReading {
  if (!Number.isFinite(value)) return { ok: false, kind: "invalid" };
  if (value < 0) return { ok: false, kind: "negative" };
  const milli = Math.round(value * 1000);
  if (milli > MAX_MILLI) return { ok: false, kind: "too_large" };
  if (Math.abs(value - milli / 1000) > NOISE) return { ok: false, kind: "too_precise" };
  return { ok: true, milli, empty: false };
}

function readText(raw: string): AmountReading {
  // JS white space includes NBSP, figure and narrow no-break spaces; zero-width ones are dropped.
  let text = raw
    .normalize("NFC")
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return EMPTY;
  let negative = false;
  if (text.startsWith("-") || text.startsWith("\u2212")) {
    negative = true;
    text = text.slice(1).trimStart();
  }
  if (AMBIGUOUS.test(text)) return { ok: false, kind: "ambiguous" };
  const m = VN_NUMBER.exec(text);
  if (!m) return { ok: false, kind: "invalid" };
  const group = m[1]!;
  // One grouping style per number: `1.700 000` is a typo, not a number.
  if (group.includes(" ") && group.includes(".")) return { ok: false, kind: "invalid" };
  const frac = m[2] ?? "";
  if (frac.length > 3 && /[1-9]/.test(frac.slice(3))) return { ok: false, kind: "too_precise" };
  const intPart = group.replace(/[. ]/g, "").replace(/^0+(?=\d)/, "");
  if (negative && /[1-9]/.test(intPart + frac)) return { ok: false, kind: "negative" };
  if (intPart.length > 13) return { ok: false, kind: "too_large" };
  const milli = Number(intPart) * 1000 + Number((frac + "000").slice(0, 3));
  if (milli > MAX_MILLI) return { ok: false, kind: "too_large" };
  if (negative && milli !== 0) return { ok: false, kind: "negative" };
  return { ok: true, milli, empty: false };
}

/**
 * Vietnamese display of an integer thousand-VND amount in million VND: 273800500 → `273.800,5`.
 * Used in messages so users see the figure as they typed it.
 */
export function formatVnMillion(thousand: number): string {
  return formatMillion(thousand, VIETNAMESE);
}

/** English display of the same amount: 273800500 → `273,800.5`. */
export function formatEnMillion(thousand: number): string {
  return formatMillion(thousand, ENGLISH);
}
