import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { submissionSchema } from "../../../shared/schemas/submission.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { checkSubmission } from "../../../shared/rules/check-submission.ts";
import { buildPlan2018, seededRandom } from "../../../cli/demo/plan-2018.ts";
import { expectDomain2018 } from "./domain-2018.ts";

const ref = DEFAULT_REFERENCE;
const subs = buildPlan2018(ref);
const report = () =>
  buildReport({
    year: 2018,
    generatedAt: "2018-02-28T01:00:00.000Z",
    setup: builtInSetup(2018)!,
    entries: subs.map((s) => ({
      unit: s.district,
      aggregate: aggregateSubmission(s, ref.criteria),
      revision: 1,
      submittedAt: null,
      submittedBy: null,
      preparedBy: s.preparedBy,
      phone: s.phone,
    })),
  });

describe("the 2018 demo data (plan-2018)", () => {
  it("aggregated through buildReport reproduces every figure of docs/domain.md", () => {
    expectDomain2018(report());
  });

  it("the figure check can fail: one commune less planned on criterion 2 is caught", () => {
    const r = report();
    r.criteria[1] = { ...r.criteria[1]!, plan: 57 };
    expect(() => expectDomain2018(r)).toThrow();
  });

  it("has 207 communes in the 11 districts, plausible sizes, unique 5-digit codes starting with 0 and unique names", () => {
    expect(subs.map((s) => s.district)).toEqual(ref.districts.map((d) => d.code));
    const communes = subs.flatMap((s) => s.communes);
    expect(communes).toHaveLength(207);
    expect(new Set(communes.map((c) => c.code)).size).toBe(207);
    expect(communes.every((c) => /^0\d{4}$/.test(c.code))).toBe(true);
    expect(new Set(communes.map((c) => c.name)).size).toBe(207);
    const size = (code: string) => subs.find((s) => s.district === code)!.communes.length;
    expect(size("178")).toBeLessThan(5);
    expect(size("188")).toBeGreaterThan(size("182"));
    expect(size("186")).toBeGreaterThan(size("181"));
  });

  it("keeps HT ⊆ KH, border communes in border districts only, one district-chosen commune per district, targets not NTM at the start", () => {
    for (const s of subs) {
      expect(submissionSchema.safeParse(s).success).toBe(true);
      const border = ref.districts.find((d) => d.code === s.district)!.border;
      for (const c of s.communes) {
        expect(c.baseline.every((n) => c.plan.includes(n))).toBe(true);
        if (c.flags.border) expect(border).toBe(true);
        if (c.flags.ntmTarget) {
          expect(c.plan).toHaveLength(19);
          expect(c.baseline.length).toBeLessThan(19);
        }
      }
      expect(s.communes.filter((c) => c.flags.districtDifficult)).toHaveLength(1);
      expect(s.year).toBe(2018);
    }
  });

  it("has no error-level issue in any district (warnings only: district-chosen communes lack 10/11/18 before 2020)", () => {
    for (const s of subs) {
      const issues = checkSubmission(s, ref);
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
      expect([...new Set(issues.map((i) => i.code))].every((c) => c === "plan.district_difficult_missing")).toBe(true);
    }
  });

  it("splits the capital exactly to the million, one district typing a half million", () => {
    const all = subs.flatMap((s) => Object.values(s.capital));
    expect(all.every((t) => Number.isInteger(t) && t >= 0)).toBe(true);
    expect(subs.find((s) => s.district === "186")!.capital.central % 1000).toBe(500);
    expect(subs.filter((s) => Object.values(s.capital).some((t) => t % 1000 !== 0)).map((s) => s.district)).toEqual(["186", "187"]);
  });

  it("is deterministic: the same seed gives the same data, another seed other communes with the same totals", () => {
    expect(buildPlan2018(ref)).toEqual(subs);
    const other = buildPlan2018(ref, 7);
    expect(other).not.toEqual(subs);
    expect(other.flatMap((s) => s.communes)).toHaveLength(207);
  });

  it("seededRandom is a reproducible stream in [0, 1)", () => {
    const a = seededRandom(1),
      b = seededRandom(1);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
