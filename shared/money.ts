/**
 * Exact money. Amounts are kept as integers of thousand VND (1 million VND = 1,000), so sums never
 * drift; the report shows million VND with at most 3 decimals. Ratios use BigInt.
 */
export type ThousandVnd = number;

/** million VND (≤ 3 decimals, already validated) → integer thousand VND. */
export function millionToThousand(million: number): ThousandVnd {
  return Math.round(million * 1000);
}

/** integer thousand VND → million VND as the nearest double (e.g. 273800500 → 273800.5). */
export function thousandToMillion(thousand: ThousandVnd): number {
  return thousand / 1000;
}

/** Exact decimal string of an integer thousand-VND amount in million VND ("273800.5"). */
export function formatMillion(thousand: ThousandVnd): string {
  const neg = thousand < 0;
  const abs = BigInt(Math.abs(thousand));
  const whole = abs / 1000n;
  const frac = (abs % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
  return (neg ? "-" : "") + whole.toString() + (frac ? "." + frac : "");
}

/**
 * num / den rounded half away from zero to `decimals` places, computed exactly on integers.
 * `scale` multiplies the ratio first (100 for a percentage). null when den is 0.
 */
export function roundRatio(num: number, den: number, decimals: number, scale = 1): number | null {
  if (den === 0) return null;
  const p = 10n ** BigInt(decimals);
  let n = BigInt(num) * BigInt(scale) * p;
  let d = BigInt(den);
  if (d < 0n) { d = -d; n = -n; }
  const neg = n < 0n;
  const absN = neg ? -n : n;
  const q = (2n * absN + d) / (2n * d); // half away from zero
  const signed = neg ? -q : q;
  return Number(signed) / Number(p);
}

/** Percentage, one decimal, half away from zero; null over zero. */
export function percent(num: number, den: number): number | null {
  return roundRatio(num, den, 1, 100);
}

/** Average, two decimals, half away from zero; null over zero. */
export function average(sum: number, count: number): number | null {
  return roundRatio(sum, count, 2);
}
