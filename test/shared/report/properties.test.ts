import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Submission } from "../../../shared/schemas/submission.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { formatMillion } from "../../../shared/money.ts";
import type { ReportEntry } from "../../../shared/report/build-report.ts";
import { SETUP_2018, commune, submission } from "./helpers.ts";

const ref = DEFAULT_REFERENCE;
const AT = "2018-03-01T00:00:00.000Z";
const codes = ref.districts.map((d) => d.code);

const criteriaSet = fc.subarray(Array.from({ length: 19 }, (_, i) => i + 1));
const communeArb = fc.record({
  baseline: criteriaSet,
  extra: criteriaSet,
  flags: fc.record({ border: fc.boolean(), pilotDifficult: fc.boolean(), ntmTarget: fc.boolean(), districtDifficult: fc.boolean() }),
});
const money = fc.integer({ min: 0, max: 5_000_000_000 });
const districtArb = fc.record({
  communes: fc.array(communeArb, { maxLength: 12 }),
  capital: fc.record({ central: money, local: money, integrated: money, enterprise: money, credit: money, community: money, other: money }),
});
/** Up to 11 distinct districts, each with communes and capital. */
const provinceArb = fc.uniqueArray(fc.record({ district: fc.constantFrom(...codes), data: districtArb }), {
  selector: (d) => d.district,
  maxLength: 11,
});

type Province = typeof provinceArb extends fc.Arbitrary<infer T> ? T : never;

function toSubmissions(p: Province): Submission[] {
  return p.map(({ district, data }, di) =>
    submission(
      district,
      data.communes.map((c, i) =>
        commune(
          String(10_000 + di * 100 + i).padStart(5, "0"),
          c.baseline,
          [...new Set([...c.baseline, ...c.extra])].sort((a, b) => a - b),
          c.flags,
        ),
      ),
      data.capital,
    ),
  );
}

function entries(subs: readonly Submission[]): ReportEntry[] {
  return subs.map((s) => ({
    unit: s.district,
    aggregate: aggregateSubmission(s, SETUP_2018),
    revision: 1,
    submittedAt: AT,
    submittedBy: "t",
    preparedBy: s.preparedBy,
    phone: s.phone,
  }));
}

const report = (subs: readonly Submission[]) => buildReport({ year: 2018, generatedAt: AT, setup: SETUP_2018, entries: entries(subs) });
const thousand = (million: number) => Math.round(million * 1000);

describe("buildReport properties", () => {
  it("bands sum to the communes, baseline and plan; no criterion count exceeds the communes", () => {
    fc.assert(
      fc.property(provinceArb, (p) => {
        const r = report(toSubmissions(p));
        const n = r.overview.communes;
        expect(r.bands.reduce((s, b) => s + b.baseline, 0)).toBe(n);
        expect(r.bands.reduce((s, b) => s + b.plan, 0)).toBe(n);
        for (const c of r.criteria) {
          expect(c.baseline).toBeLessThanOrEqual(n);
          expect(c.plan).toBeLessThanOrEqual(n);
        }
        expect(r.overview.ntm.plan).toBe(r.bands[0]!.plan);
        expect(r.units.reduce((s, d) => s + d.communes, 0)).toBe(n);
      }),
      { numRuns: 150 },
    );
  });

  it("capital: total = sum of the leaves and (1) = (1.1) + (1.2), exactly, for the province and each unit", () => {
    const leaves = ["1.1", "1.2", "2", "3", "4", "5", "6"];
    fc.assert(
      fc.property(provinceArb, (p) => {
        const r = report(toSubmissions(p));
        const a = Object.fromEntries(r.capital.sources.map((s) => [s.key, thousand(s.amount)]));
        expect(a.total).toBe(leaves.reduce((s, k) => s + a[k]!, 0));
        expect(a["1"]).toBe(a["1.1"]! + a["1.2"]!);
        // ≤ 3 decimals and no drift: each amount is the double nearest to its exact decimal.
        for (const s of r.capital.sources) expect(s.amount).toBe(Number(formatMillion(thousand(s.amount))));
        for (const d of r.capital.byUnit) {
          const t = (k: string) => thousand(d.amounts[k]!);
          expect(t("total")).toBe(leaves.reduce((s, k) => s + t(k), 0));
          expect(t("1")).toBe(t("1.1") + t("1.2"));
        }
        const byUnitTotal = r.capital.byUnit.reduce((s, d) => s + thousand(d.amounts.total!), 0);
        expect(byUnitTotal).toBe(a.total);
      }),
      { numRuns: 150 },
    );
  });

  it("reordering entries, communes and districts changes nothing", () => {
    fc.assert(
      fc.property(provinceArb, fc.integer(), (p, seed) => {
        const subs = toSubmissions(p);
        const shuffled = [...subs].reverse().map((s, i) => ({
          ...s,
          communes: (i + seed) % 2 === 0 ? [...s.communes].reverse() : [...s.communes.slice(1), ...s.communes.slice(0, 1)],
        }));
        expect(report(shuffled)).toEqual(report(subs));
      }),
      { numRuns: 150 },
    );
  });

  it("the reorder check can fail: a different generatedAt is a different report", () => {
    const subs = toSubmissions([]);
    const other = buildReport({ year: 2018, generatedAt: "2018-03-02T00:00:00.000Z", setup: SETUP_2018, entries: entries(subs) });
    expect(other).not.toEqual(report(subs));
  });
});
