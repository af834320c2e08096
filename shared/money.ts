/**
 * Exact money. Amounts are kept as integers of thousand VND (1 million VND = 1,000), so sums never
 * drift; the report shows million VND with at most 3 decimals. Ratios use exact long division.
 */
export type ThousandVnd = number;

/**
 * The stated maximum of one capital line (one funding source of one unit): 100,000,000 million
 * VND (10^8 triệu đồng = 100 nghìn tỷ đồng; Lạng Sơn's whole 2018 plan is 2,526,400 million), i.e.
 * 10^11 thousand VND, the stored unit. A unit's 7 lines and its derived subtotal and total stay
 * ≤ 8 × 10^11, and a report over up to 10,000 units ≤ 8 × 10^15 < 2^53 thousand VND (and
 * < 2^43 million VND, where a double still tells apart every 3-decimal figure): every sum is an
 * exact integer of thousand VND and prints exactly, with at most 3 decimals, in million VND.
 */
export const MAX_LINE_THOUSAND: ThousandVnd = 100_000_000_000;

/** million VND (≤ 3 decimals, already validated) → integer thousand VND. */
export function millionToThousand(million: number): ThousandVnd {
  return Math.round(million * 1000);
}

/** integer thousand VND → million VND as the nearest double (e.g. 273800500 → 273800.5). */
export function thousandToMillion(thousand: ThousandVnd): number {
  return thousand / 1000;
}

/** How a number is written: thousands separator and decimal mark. */
export type NumberStyle = { group: string; decimal: string };
/** `273800.5`: JSON-like, no grouping. */
export const PLAIN: NumberStyle = { group: "", decimal: "." };
/** `273.800,5`: as Vietnamese users type and read it. */
export const VIETNAMESE: NumberStyle = { group: ".", decimal: "," };
/** `273,800.5` */
export const ENGLISH: NumberStyle = { group: ",", decimal: "." };

/** Exact decimal text of an integer thousand-VND amount in million VND (273800500 → "273800.5"). */
export function formatMillion(thousand: ThousandVnd, style: NumberStyle = PLAIN): string {
  const neg = thousand < 0;
  const abs = Math.abs(Math.trunc(thousand));
  const whole = Math.floor(abs / 1000);
  const frac = String(abs - whole * 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  const grouped = style.group ? String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, style.group) : String(whole);
  return (neg ? "-" : "") + grouped + (frac ? style.decimal + frac : "");
}

/** (10 × rest) divided by d, for safe integers 0 ≤ rest < d: [digit, remainder], exact even when 10 × rest is not safe. */
function nextDigit(rest: number, d: number): [number, number] {
  let digit = 0;
  let acc = 0; // 0 ≤ acc < d throughout: every value below is a safe integer
  for (let i = 0; i < 10; i++) {
    if (acc >= d - rest) {
      acc -= d - rest;
      digit++;
    } else acc += rest;
  }
  return [digit, acc];
}

/**
 * num / den × scale rounded half away from zero to `decimals` places, computed exactly by long
 * division on safe integers (no floats, and no BigInt, which Office 2019's EdgeHTML cannot parse).
 * `scale` is a power of ten (100 for a percentage). null when den is 0. Exact for any safe
 * integers num and den (a capital total of 8 × 10^15 thousand VND included), as long as the
 * result stays below 2^53 / 10^(decimals + log10 scale), true of every percentage and average of
 * the report.
 */
export function roundRatio(num: number, den: number, decimals: number, scale = 1): number | null {
  if (den === 0) return null;
  const neg = num < 0 !== den < 0 && num !== 0;
  const n = Math.abs(num);
  const d = Math.abs(den);
  const places = decimals + Math.round(Math.log10(scale));
  const units = Math.floor(n / d); // integer part of the ratio
  let rest = n - units * d;
  let digits = 0; // the next `places` digits of the ratio, as an integer
  for (let i = 0; i < places; i++) {
    const [digit, remainder] = nextDigit(rest, d);
    rest = remainder;
    digits = digits * 10 + digit;
  }
  if (rest >= d - rest) digits += 1; // half away from zero (on the magnitude); 2 × rest may not be safe
  // units × 10^places + digits is the scaled ratio × 10^decimals; an integer over a power of ten is
  // the double nearest that decimal (as Number("23.2") is).
  const rounded = (units * 10 ** places + digits) / 10 ** decimals;
  return neg && rounded !== 0 ? -rounded : rounded;
}

/** Percentage, one decimal, half away from zero; null over zero. */
export function percent(num: number, den: number): number | null {
  return roundRatio(num, den, 1, 100);
}

/** Average, two decimals, half away from zero; null over zero. */
export function average(sum: number, count: number): number | null {
  return roundRatio(sum, count, 2);
}
