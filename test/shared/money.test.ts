import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { average, formatMillion, millionToThousand, percent, roundRatio, thousandToMillion } from "../../shared/money.ts";

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
