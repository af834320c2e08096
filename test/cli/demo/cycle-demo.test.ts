import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { checkSubmission } from "../../../shared/rules/check-submission.ts";
import { submissionSchema } from "../../../shared/schemas/submission.ts";
import { unitSubmissionSchema } from "../../../shared/schemas/unit-submission.ts";
import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { cycleDemo } from "../../../cli/demo/cycle-demo-files.ts";
import { OUTCOMES, buildResults2018, disbursedAmount } from "../../../cli/demo/results-2018.ts";
import { buildPlan2019 } from "../../../cli/demo/plan-2019.ts";
import { targets2018 } from "../../../cli/demo/targets-2018.ts";

/**
 * The yearly cycle's demo data (issue 9, "Demo and e2e"): the 2018 results of the eleven demo
 * plans (some districts over-achieve, some miss, some achieve exactly), and the 2019 plans carried
 * over from them. Every figure below is counted here from the communes, not taken from the generator.
 */
const { results, plans2019 } = cycleDemo();
const setup = builtInSetup(2018)!;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const communes = results.flatMap((r) => r.result.communes);
const criterionCount = (list: readonly { achieved?: number[] }[], k: number) => list.filter((c) => c.achieved?.includes(k)).length;

describe("the 2018 demo results", () => {
  it("are the eleven districts' results of their demo plans: same communes, HT and KH, round result, valid shape", () => {
    const plans = buildPlan2018();
    expect(results.map((r) => r.district)).toEqual(DEFAULT_REFERENCE.districts.map((d) => d.code));
    results.forEach((r, i) => {
      expect(unitSubmissionSchema.safeParse(r.result).success).toBe(true);
      expect(r.plan).toEqual(plans[i]);
      expect(r.result).toMatchObject({ round: "result", unit: r.district, year: 2018, preparedOn: "2019-01-10" });
      expect(r.result.communes.map((c) => [c.code, c.baseline, c.plan])).toEqual(
        plans[i]!.communes.map((c) => [c.code, c.baseline, c.plan]),
      );
    });
    expect(communes).toHaveLength(207);
  });

  it("keep every criterion of HT in TH (no criterion lost)", () => {
    for (const c of communes)
      expect(
        c.baseline.every((k) => c.achieved!.includes(k)),
        c.code,
      ).toBe(true);
  });

  it("over-achieve in 180, 183, 186, 189, miss in 181, 184, 187, 188, achieve exactly in 178, 182, 185", () => {
    const rows = results.map((r) => {
      const kh = sum(r.result.communes.map((c) => c.plan.length));
      const th = sum(r.result.communes.map((c) => c.achieved!.length));
      const ntmPlan = r.result.communes.filter((c) => c.plan.length === 19).length;
      const ntmDone = r.result.communes.filter((c) => c.achieved!.length === 19).length;
      return [r.district, kh, th, ntmPlan, ntmDone];
    });
    expect(rows).toEqual([
      ["178", 45, 45, 2, 2],
      ["180", 186, 192, 3, 3],
      ["181", 178, 173, 3, 2],
      ["182", 194, 194, 4, 4],
      ["183", 258, 266, 7, 8],
      ["184", 202, 195, 4, 4],
      ["185", 175, 175, 4, 4],
      ["186", 277, 281, 8, 8],
      ["187", 197, 194, 5, 5],
      ["188", 258, 249, 5, 4],
      ["189", 99, 101, 3, 3],
    ]);
    // The outcome table says the same: TH − KH = extra (+ Cao Lộc's 15-18 commune completed) − missed.
    for (const r of results) {
      const o = OUTCOMES[r.district]!;
      const diff = sum(r.result.communes.map((c) => c.achieved!.length - c.plan.length));
      const upper = o.completeUpper ? 19 - r.plan.communes.find((c) => c.plan.length >= 15 && c.plan.length <= 18)!.plan.length : 0;
      expect(diff, r.district).toBe(o.extra + upper - o.missed);
    }
  });

  it("add up to the province's TH: 47 NTM communes (48 planned), per criterion and per band", () => {
    expect(communes.filter((c) => c.achieved!.length === 19)).toHaveLength(47);
    expect(Array.from({ length: 19 }, (_, i) => criterionCount(communes, i + 1))).toEqual([
      205, 61, 147, 114, 55, 53, 167, 61, 106, 62, 65, 207, 90, 185, 106, 88, 56, 54, 183,
    ]);
    const band = (n: number) => (n === 19 ? "19" : n >= 15 ? "15-18" : n >= 10 ? "10-14" : n >= 5 ? "5-9" : "<5");
    const bands = new Map<string, number>();
    for (const c of communes) bands.set(band(c.achieved!.length), (bands.get(band(c.achieved!.length)) ?? 0) + 1);
    expect(Object.fromEntries(bands)).toEqual({ "19": 47, "15-18": 3, "10-14": 27, "5-9": 124, "<5": 6 });
    expect(sum(communes.map((c) => c.achieved!.length))).toBe(2065);
    expect(sum(communes.map((c) => c.plan.length))).toBe(2069);
  });

  it("disburse below, at or over plan by district: every leaf = plan × percent, whole million", () => {
    const million = (t: number) => t / 1000;
    expect(
      results.map((r) => [
        r.district,
        OUTCOMES[r.district]!.disbursedPercent,
        million(sum(Object.values(r.result.capital))),
        million(sum(Object.values(r.result.disbursed!))),
      ]),
    ).toEqual([
      ["178", 100, 36_614, 36_614],
      ["180", 97, 268_507, 260_451],
      ["181", 88, 231_894, 204_065],
      ["182", 100, 231_893, 231_893],
      ["183", 104, 268_506, 279_246],
      ["184", 91, 280_711, 255_447],
      ["185", 100, 231_891, 231_891],
      ["186", 102, 292_915.5, 298_774],
      ["187", 95, 231_890.5, 220_296],
      ["188", 85, 329_530, 280_100],
      ["189", 110, 122_048, 134_254],
    ]);
    const bySource = new Map<string, number>();
    for (const r of results) for (const [stt, t] of Object.entries(r.result.disbursed!)) bySource.set(stt, (bySource.get(stt) ?? 0) + t);
    expect(Object.fromEntries([...bySource].map(([k, t]) => [k, million(t)]))).toEqual({
      "1.1": 263_681,
      "1.2": 157_265,
      "2": 220_827,
      "3": 33_705,
      "4": 1_637_174,
      "5": 115_564,
      "6": 4_815,
    });
    expect(million(sum([...bySource.values()]))).toBe(2_433_031);
    // 186 planned 31,745.5 million of source 1.1: 102 % is 32,380.41, whole million 32,380.
    expect(results.find((r) => r.district === "186")!.result.disbursed!["1.1"]).toBe(32_380_000);
  });

  it("disbursedAmount rounds half up to the whole million", () => {
    expect(disbursedAmount(1_000_000, 100)).toBe(1_000_000);
    expect(disbursedAmount(1_500, 100)).toBe(2_000);
    expect(disbursedAmount(1_499, 100)).toBe(1_000);
    expect(disbursedAmount(31_745_500, 102)).toBe(32_380_000);
  });

  it("are deterministic, and an impossible outcome is refused", () => {
    expect(buildResults2018(buildPlan2018())).toEqual(results);
    const plans = buildPlan2018();
    const city = { ...plans[0]!, district: "999" };
    expect(() => buildResults2018([city])).toThrow(/no outcome for district 999/);
  });
});

describe("the 2019 demo plans carried over from the 2018 results", () => {
  it("take HT from the 2018 TH of the same commune, KH ⊇ HT, and are valid NTM-1 plans of 2019", () => {
    plans2019.forEach((p, i) => {
      expect(submissionSchema.safeParse(p).success).toBe(true);
      expect(p.year).toBe(2019);
      expect(p.district).toBe(results[i]!.district);
      expect(p.communes.map((c) => [c.code, c.baseline])).toEqual(results[i]!.result.communes.map((c) => [c.code, c.achieved]));
      for (const c of p.communes) expect(c.baseline.every((k) => c.plan.includes(k))).toBe(true);
      const issues = checkSubmission(p, DEFAULT_REFERENCE);
      expect(issues.filter((x) => x.severity === "error")).toEqual([]);
    });
  });

  it("plan further: 47 NTM at the start, 50 planned (the three communes at 15-18 become targets), every criterion counted", () => {
    const all = plans2019.flatMap((p) => p.communes);
    expect(all.filter((c) => c.baseline.length === 19)).toHaveLength(47);
    expect(all.filter((c) => c.plan.length === 19)).toHaveLength(50);
    expect(all.filter((c) => c.flags.ntmTarget).map((c) => c.code)).toEqual(["06091", "06415", "06556"]);
    expect(Array.from({ length: 19 }, (_, i) => all.filter((c) => c.plan.includes(i + 1)).length)).toEqual([
      205, 100, 158, 125, 74, 86, 172, 91, 118, 81, 89, 207, 107, 187, 125, 115, 87, 72, 186,
    ]);
    expect(sum(all.map((c) => c.plan.length))).toBe(2385);
    // Every commune not yet NTM plans at least one criterion more.
    for (const c of all) if (c.baseline.length < 19) expect(c.plan.length).toBeGreaterThan(c.baseline.length);
  });

  it("plan 5 % more capital per source, whole million", () => {
    const total = (k: keyof (typeof plans2019)[number]["capital"]) => sum(plans2019.map((p) => p.capital[k])) / 1000;
    expect([
      total("central"),
      total("local"),
      total("integrated"),
      total("enterprise"),
      total("credit"),
      total("community"),
      total("other"),
    ]).toEqual([287_491, 171_463, 240_764, 36_751, 1_785_000, 126_003, 5_252]);
    expect(buildPlan2019(results)).toEqual(plans2019);
  });
});

describe("the 2018 demo targets", () => {
  it("are the seed's stated figures: NTM, the five bands, criteria 2-19 (1 not stated), capital total and sources", () => {
    const t = targets2018();
    expect(t.year).toBe(2018);
    expect(t.units).toEqual({});
    expect(Object.keys(t.province)).toHaveLength(1 + 5 + 18 + 1 + 8);
    expect(t.province).toMatchObject({
      ntm: 48,
      "band:19": 48,
      "band:15-18": 2,
      "band:10-14": 29,
      "band:5-9": 128,
      "band:<5": 0,
      "criterion:2": 58,
      "criterion:8": 61,
      "criterion:19": 186,
      "capital:total": 2_526_400,
      "capital:1": 437_100,
      "capital:4": 1_700_000,
      "capital:6": 5_000,
    });
    expect(t.province["criterion:1"]).toBeUndefined();
    expect(setup.criteriaSet.bands.map((b) => `band:${b.key}`).every((k) => k in t.province)).toBe(true);
  });
});
