import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_LINE_THOUSAND,
  average,
  formatMillion,
  millionToThousand,
  percent,
  roundRatio,
  thousandToMillion,
} from "../../shared/money.ts";
import { CAPITAL_LEAF_KEYS, CAPITAL_SOURCES } from "../../shared/reference/capital-sources.ts";
import { emptyAggregate } from "../../shared/report/aggregate.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import { buildReport } from "../../shared/report/build-report.ts";
import type { ReportEntry } from "../../shared/report/build-report.ts";

/** Reference: the same rounding on BigInt (tests run on Node; the product avoids BigInt for EdgeHTML). */
function reference(num: number, den: number, decimals: number, scale: number): number | null {
  if (den === 0) return null;
  const p = 10n ** BigInt(decimals);
  let n = BigInt(num) * BigInt(scale) * p;
  let d = BigInt(den);
  if (d < 0n) {
    d = -d;
    n = -n;
  }
  const neg = n < 0n;
  const q = (2n * (neg ? -n : n) + d) / (2n * d);
  return Number(neg ? -q : q) / Number(p);
}

describe("percent and average: exact, half away from zero", () => {
  it("reproduces the plan's figures", () => {
    expect(percent(48, 207)).toBe(23.2);
    expect(percent(2, 207)).toBe(1.0);
    expect(percent(186, 207)).toBe(89.9);
    expect(percent(120_000_000, 2_526_400_000)).toBe(4.7); // 4.7498 %, not 4.8
    expect(percent(1_700_000_000, 2_526_400_000)).toBe(67.3);
    expect(average(187, 20)).toBe(9.35);
  });
  it("rounds halves away from zero, both signs", () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.3); // 6.25
    expect(percent(-1, 16)).toBe(-6.3);
    expect(average(1, 8)).toBe(0.13); // 0.125
    expect(average(-1, 8)).toBe(-0.13);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
  });
  it("is null over zero", () => {
    expect(percent(5, 0)).toBeNull();
    expect(average(0, 0)).toBeNull();
  });
  it("agrees with a BigInt reference on random integers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -1e12, max: 1e12 }).filter((d) => d !== 0),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(1, 100),
        (n, d, dec, scale) => {
          fc.pre(Math.abs(n) <= Math.abs(d) * 1000); // ratios up to 1000: every report figure
          expect(roundRatio(n, d, dec, scale)).toBe(reference(n, d, dec, scale));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("money in thousand VND", () => {
  it("converts and formats exactly", () => {
    expect(millionToThousand(273800.5)).toBe(273800500);
    expect(millionToThousand(0.1) + millionToThousand(0.2)).toBe(300);
    expect(thousandToMillion(2526400000)).toBe(2526400);
    expect(formatMillion(273800500)).toBe("273800.5");
    expect(formatMillion(1)).toBe("0.001");
    expect(formatMillion(-1500)).toBe("-1.5");
    expect(formatMillion(2526400000)).toBe("2526400");
  });
});

describe("the stated maximum of a capital line keeps every report sum exact", () => {
  /** Exact million-VND text of a thousand-VND BigInt, as the report must print it. */
  const millionText = (t: bigint) => {
    const frac = String(t % 1000n)
      .padStart(3, "0")
      .replace(/0+$/, "");
    return String(t / 1000n) + (frac ? "." + frac : "");
  };

  it("is 100.000.000 triệu đồng = 10^11 thousand VND; 10,000 units of 8 such amounts stay below 2^53", () => {
    expect(MAX_LINE_THOUSAND).toBe(1e11);
    expect(formatMillion(MAX_LINE_THOUSAND)).toBe("100000000");
    expect(10_000 * 8 * MAX_LINE_THOUSAND).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it("without it the sum is not exact: 7 lines at 2^53 − 1 add up to the wrong figure", () => {
    const line = 2 ** 53 - 1;
    expect(BigInt(7 * line)).not.toBe(7n * BigInt(line));
  });

  it("roundRatio is exact for denominators up to 2^53 − 1 (× 10 is not a safe integer)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(1, 100),
        (d, n, dec, scale) => {
          fc.pre(n <= d);
          expect(roundRatio(n, d, dec, scale)).toBe(reference(n, d, dec, scale));
        },
      ),
      { numRuns: 2000 },
    );
    expect(percent(8e15 - 1, 8e15)).toBe(100);
    expect(percent(4e15 - 40, 8e15)).toBe(50); // 49.9999995 %
    expect(percent(3_999_999_600_000_001, 8e15)).toBe(50); // 49.999995...: the halfway rounding is exact
  });

  it("10,000 units with every line at or just under the maximum: exact totals, exact JSON, exact percentages", () => {
    const setup = builtInSetup(2018)!;
    /** The report keys a capital row by its STT (`credit` is row 4). */
    const stt = (k: string) => CAPITAL_SOURCES.find((s) => s.key === k)!.stt!;
    const entries: ReportEntry[] = [];
    const exact = Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [k, 0n])) as Record<(typeof CAPITAL_LEAF_KEYS)[number], bigint>;
    for (let i = 0; i < 10_000; i++) {
      const aggregate = emptyAggregate(setup, "NTM-1");
      CAPITAL_LEAF_KEYS.forEach((k, j) => {
        const amount = i % 10 === 0 ? MAX_LINE_THOUSAND : MAX_LINE_THOUSAND - ((i * 7 + j * 131) % 999);
        aggregate.capital[stt(k)] = amount;
        exact[k] += BigInt(amount);
      });
      const district = String(i).padStart(5, "0");
      entries.push({ unit: district, aggregate, revision: 1, submittedAt: null, submittedBy: null, preparedBy: null, phone: null });
    }
    const report = buildReport({ year: 2018, generatedAt: "2018-03-01T00:00:00.000Z", setup, entries });
    const total = CAPITAL_LEAF_KEYS.reduce((sum, k) => sum + exact[k], 0n);
    const amounts = Object.fromEntries(report.capital.sources.map((s) => [s.key, s]));
    expect(total).toBe(6_999_999_968_567_473n); // under 8 × 10^15 < 2^53
    expect(JSON.stringify(amounts.total!.amount)).toBe(millionText(total));
    expect(JSON.stringify(amounts.total!.amount)).toBe("6999999968567.473");
    expect(JSON.stringify(amounts["1"]!.amount)).toBe(millionText(exact.central + exact.local));
    for (const k of CAPITAL_LEAF_KEYS) {
      expect([k, JSON.stringify(amounts[stt(k)]!.amount)]).toEqual([k, millionText(exact[k])]);
      expect([k, amounts[stt(k)]!.percent]).toEqual([k, reference(Number(exact[k]), Number(total), 1, 100)]);
    }
    expect(report.capital.byUnit).toHaveLength(10_000);
    expect(report.capital.byUnit[0]!.amounts.total).toBe(700_000_000);
  });
});
