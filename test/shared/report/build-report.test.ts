import { describe, expect, it } from "vitest";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { ReportEntry } from "../../../shared/report/build-report.ts";
import type { StatusUnit } from "../../../shared/schemas/api/review.ts";
import { ALL, SETUP_2018, aggregate, commune, range, submission } from "./helpers.ts";

const AT = "2018-03-01T02:00:00.000Z";
const ref = DEFAULT_REFERENCE;
const setup = SETUP_2018;

function entry(district: string, agg: ReportEntry["aggregate"], over: Partial<ReportEntry> = {}): ReportEntry {
  return {
    unit: district,
    aggregate: agg,
    revision: 1,
    submittedAt: "2018-02-28T03:00:00.000Z",
    submittedBy: `token ${district}`,
    preparedBy: `Người ${district}`,
    phone: `0205 ${district}`,
    ...over,
  };
}

describe("buildReport: every section on hand-made submissions", () => {
  const cao = submission(
    "183",
    [
      commune("06199", ALL, ALL, { border: true }),
      commune("06202", range(1, 12), range(1, 16), { ntmTarget: false, border: true }),
      commune("06205", [1, 2], range(1, 7), { districtDifficult: true }),
    ],
    { central: 10_000_500, local: 2_000_000, credit: 7_999_500 },
  );
  const huu = submission(
    "186",
    [commune("06412", range(1, 18), ALL, { ntmTarget: true }), commune("06415", [1, 12, 14], range(1, 10), { pilotDifficult: true })],
    { integrated: 1_000, community: 3_000 },
  );
  const report = buildReport({
    year: 2018,
    generatedAt: AT,
    setup,
    entries: [
      entry("186", aggregateSubmission(huu, ref.criteria), { revision: 2, status: "accepted" }),
      entry("183", aggregateSubmission(cao, ref.criteria)),
    ],
  });

  it("matches the JSON schema of docs/report.md", () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.schemaVersion).toBe(2);
    expect(report.year).toBe(2018);
    expect(report.generatedAt).toBe(AT);
    expect(report.level).toBe("huyện");
    expect(report.criteriaSet).toEqual({ id: "2016-2020", size: 19 });
    expect(report.unlisted).toEqual([]);
  });

  it("1. units: every unit of the setup in setup order, missing ones with zeros and nulls", () => {
    expect(report.units.map((d) => d.code)).toEqual(ref.districts.map((d) => d.code));
    const byCode = new Map(report.units.map((d) => [d.code, d]));
    expect(byCode.get("183")).toEqual({
      code: "183",
      name: "Huyện Cao Lộc",
      level: "huyện",
      templateVersion: "NTM-1",
      listed: true,
      status: "submitted",
      daysLate: null,
      revision: 1,
      submittedAt: "2018-02-28T03:00:00.000Z",
      submittedBy: "token 183",
      preparedBy: "Người 183",
      phone: "0205 183",
      communes: 3,
      ntmPlan: 1,
      avgCriteriaPlan: 14,
      capitalTotal: 20_000,
    });
    expect(byCode.get("186")).toMatchObject({
      status: "accepted",
      revision: 2,
      communes: 2,
      ntmPlan: 1,
      avgCriteriaPlan: 14.5,
      capitalTotal: 4,
    });
    expect(byCode.get("178")).toEqual({
      code: "178",
      name: "Thành phố Lạng Sơn",
      level: "huyện",
      templateVersion: null,
      listed: true,
      status: "missing",
      daysLate: null,
      revision: null,
      submittedAt: null,
      submittedBy: null,
      preparedBy: null,
      phone: null,
      communes: 0,
      ntmPlan: 0,
      avgCriteriaPlan: null,
      capitalTotal: 0,
    });
    expect(report.units.filter((d) => d.status === "missing")).toHaveLength(9);
  });

  it("2. overview: communes of submitting districts, NTM, averages with two decimals", () => {
    // baseline sums 19 + 12 + 2 + 18 + 3 = 54 / 5 = 10.8; plan 19 + 16 + 7 + 19 + 10 = 71 / 5 = 14.2
    expect(report.overview).toEqual({ communes: 5, ntm: { baseline: 1, plan: 2, added: 1 }, avgCriteria: { baseline: 10.8, plan: 14.2 } });
  });

  it("3. bands: five rows in order with the planned percentage", () => {
    expect(report.bands).toEqual([
      { band: "19", label: "Đạt 19 tiêu chí", baseline: 1, plan: 2, planPercent: 40 },
      { band: "15-18", label: "Đạt 15-18 tiêu chí", baseline: 1, plan: 1, planPercent: 20 },
      { band: "10-14", label: "Đạt 10-14 tiêu chí", baseline: 1, plan: 1, planPercent: 20 },
      { band: "5-9", label: "Đạt 5-9 tiêu chí", baseline: 0, plan: 1, planPercent: 20 },
      { band: "<5", label: "Dưới 5 tiêu chí", baseline: 2, plan: 0, planPercent: 0 },
    ]);
  });

  it("4. criteria: 19 rows with names, counts, added and percent", () => {
    expect(report.criteria).toHaveLength(19);
    expect(report.criteria[0]).toEqual({ number: 1, name: "Quy hoạch", baseline: 5, plan: 5, added: 0, planPercent: 100 });
    expect(report.criteria[2]).toEqual({ number: 3, name: "Thủy lợi", baseline: 3, plan: 5, added: 2, planPercent: 100 });
    expect(report.criteria[10]).toEqual({ number: 11, name: "Hộ nghèo", baseline: 3, plan: 3, added: 0, planPercent: 60 });
    expect(report.criteria[16]).toEqual({
      number: 17,
      name: "Môi trường và an toàn thực phẩm",
      baseline: 2,
      plan: 2,
      added: 0,
      planPercent: 40,
    });
    expect(report.criteria[18]).toEqual({ number: 19, name: "Quốc phòng và An ninh", baseline: 1, plan: 2, added: 1, planPercent: 40 });
  });

  it("5. groups: communes and average criteria, null without communes", () => {
    expect(report.groups).toEqual([
      { group: "border", label: "Xã biên giới", communes: 2, avgCriteria: { baseline: 15.5, plan: 17.5 } },
      { group: "pilotDifficult", label: "Xã điểm đặc biệt khó khăn", communes: 1, avgCriteria: { baseline: 3, plan: 10 } },
      { group: "ntmTarget", label: "Xã phấn đấu đạt chuẩn NTM", communes: 1, avgCriteria: { baseline: 18, plan: 19 } },
      { group: "districtDifficult", label: "Xã ĐBKK do huyện chọn", communes: 1, avgCriteria: { baseline: 2, plan: 7 } },
    ]);
  });

  it("6. capital: the setup's nine rows in order (by STT, then total), million VND exact, percent of the total; per submitting unit", () => {
    expect(report.capital.unit).toBe("million VND");
    expect(report.capital.sources).toEqual([
      { key: "1", label: "Vốn đầu tư trực tiếp cho Chương trình", amount: 12_000.5, percent: 60 },
      { key: "1.1", label: "Vốn ngân sách Trung ương", amount: 10_000.5, percent: 50 },
      { key: "1.2", label: "Vốn ngân sách địa phương", amount: 2_000, percent: 10 },
      { key: "2", label: "Vốn lồng ghép từ các Chương trình, dự án khác", amount: 1, percent: 0 },
      { key: "3", label: "Vốn huy động từ doanh nghiệp, HTX và các tổ chức kinh tế", amount: 0, percent: 0 },
      { key: "4", label: "Vốn tín dụng", amount: 7_999.5, percent: 40 },
      { key: "5", label: "Huy động đóng góp của cộng đồng dân cư", amount: 3, percent: 0 },
      { key: "6", label: "Huy động khác", amount: 0, percent: 0 },
      { key: "total", label: "Tổng cộng", amount: 20_004, percent: 100 },
    ]);
    expect(report.capital.byUnit).toEqual([
      {
        code: "183",
        amounts: { "1": 12_000.5, "1.1": 10_000.5, "1.2": 2_000, "2": 0, "3": 0, "4": 7_999.5, "5": 0, "6": 0, total: 20_000 },
      },
      {
        code: "186",
        amounts: { "1": 0, "1.1": 0, "1.2": 0, "2": 1, "3": 0, "4": 0, "5": 3, "6": 0, total: 4 },
      },
    ]);
    expect(Object.keys(report.capital.byUnit[0]!.amounts).sort()).toEqual(["1", "1.1", "1.2", "2", "3", "4", "5", "6", "total"]);
  });
});

describe("buildReport: rounding and exactness", () => {
  it("rounds percentages half away from zero (1/16 = 6.25 → 6.3, 3/16 = 18.75 → 18.8) and averages (1/8 = 0.125 → 0.13)", () => {
    const r = buildReport({
      year: 2018,
      generatedAt: AT,
      setup,
      entries: [
        entry(
          "178",
          aggregate(16, (a) => {
            a.criteria.plan[0] = 1;
            a.criteria.plan[1] = 3;
            a.criteriaSum.plan = 2;
            a.bands.plan["19"] = 5;
          }),
        ),
        entry(
          "180",
          aggregate(0, (a) => {
            a.groups.border = { communes: 8, criteriaSum: { baseline: 1, plan: 45 } };
          }),
        ),
      ],
    });
    expect(r.criteria[0]!.planPercent).toBe(6.3);
    expect(r.criteria[1]!.planPercent).toBe(18.8);
    expect(r.bands[0]!.planPercent).toBe(31.3); // 5/16 = 31.25
    expect(r.overview.avgCriteria.plan).toBe(0.13);
    expect(r.groups[0]!.avgCriteria).toEqual({ baseline: 0.13, plan: 5.63 }); // 1/8, 45/8 = 5.625
    expect(r.units.find((d) => d.code === "178")!.avgCriteriaPlan).toBe(0.13);
    expect(r.units.find((d) => d.code === "180")!.avgCriteriaPlan).toBeNull();
  });

  it("rounds money percentages over the exact total (120,000 / 2,526,400 = 4.7498% → 4.7, not 4.8)", () => {
    const r = buildReport({
      year: 2018,
      generatedAt: AT,
      setup,
      entries: [
        entry(
          "178",
          aggregate(1, (a) => {
            a.capital["5"] = 120_000_000;
            a.capital["4"] = 2_406_400_000;
          }),
        ),
      ],
    });
    expect(r.capital.sources.find((s) => s.key === "5")!.percent).toBe(4.7);
    expect(r.capital.sources.find((s) => s.key === "4")!.percent).toBe(95.3);
    expect(r.capital.sources.find((s) => s.key === "total")!.amount).toBe(2_526_400);
  });

  it("adds money exactly: 0.1 + 0.2 million is 0.3, 0.001 steps survive", () => {
    const r = buildReport({
      year: 2018,
      generatedAt: AT,
      setup,
      entries: [
        entry(
          "178",
          aggregate(1, (a) => {
            a.capital["1.1"] = 100;
            a.capital["6"] = 1;
          }),
        ),
        entry(
          "180",
          aggregate(1, (a) => {
            a.capital["1.1"] = 200;
            a.capital["1.2"] = 273_800_300;
          }),
        ),
      ],
    });
    const amount = (k: string) => r.capital.sources.find((s) => s.key === k)!.amount;
    expect(amount("1.1")).toBe(0.3);
    expect(amount("1")).toBe(273_800.6);
    expect(amount("total")).toBe(273_800.601);
    expect(r.units.find((d) => d.code === "178")!.capitalTotal).toBe(0.101);
  });

  it("gives null on zero denominators: no submissions → all units missing, no percent, no average", () => {
    const r = buildReport({ year: 2019, generatedAt: AT, setup, entries: [] });
    expect(reportSchema.safeParse(r).success).toBe(true);
    expect(r.units.every((d) => d.status === "missing" && d.communes === 0 && d.capitalTotal === 0)).toBe(true);
    expect(r.units).toHaveLength(11);
    expect(r.overview).toEqual({ communes: 0, ntm: { baseline: 0, plan: 0, added: 0 }, avgCriteria: { baseline: null, plan: null } });
    expect(r.bands.map((b) => b.planPercent)).toEqual([null, null, null, null, null]);
    expect(r.criteria.every((c) => c.planPercent === null && c.plan === 0)).toBe(true);
    expect(r.groups.every((g) => g.avgCriteria.baseline === null && g.avgCriteria.plan === null)).toBe(true);
    expect(r.capital.sources.map((s) => s.percent)).toEqual(Array(9).fill(null));
    expect(r.capital.byUnit).toEqual([]);
    expect(r.unlisted).toEqual([]);
  });

  it("gives a negative `added` when the plan is below the start (net)", () => {
    const r = buildReport({
      year: 2018,
      generatedAt: AT,
      setup,
      entries: [
        entry(
          "178",
          aggregate(2, (a) => {
            a.criteria.baseline[4] = 2;
            a.criteria.plan[4] = 1;
            a.ntm.baseline = 1;
          }),
        ),
      ],
    });
    expect(r.criteria[4]!.added).toBe(-1);
    expect(r.overview.ntm.added).toBe(-1);
  });
});

describe("buildReport: units outside the setup and duplicates", () => {
  it("counts entries of unknown units and lists them after the setup's, by code, not listed", () => {
    const r = buildReport({
      year: 2018,
      generatedAt: AT,
      setup,
      entries: [entry("1000", aggregate(3)), entry("999", aggregate(2)), entry("183", aggregate(1))],
    });
    expect(r.units.map((d) => d.code).slice(11)).toEqual(["999", "1000"]);
    expect(r.units[11]).toMatchObject({
      status: "submitted",
      communes: 2,
      name: "Mã huyện 999 (ngoài danh mục)",
      listed: false,
      level: "huyện",
    });
    expect(r.units[12]).toMatchObject({ name: "Mã huyện 1000 (ngoài danh mục)", listed: false, level: "huyện" });
    expect(r.units[0]!.listed).toBe(true);
    expect(r.overview.communes).toBe(6);
    expect(r.capital.byUnit.map((b) => b.code)).toEqual(["183", "999", "1000"]);
  });

  it("uses the newest entry of a district whatever the order (revision 3 over 2)", () => {
    const older = entry("183", aggregate(5), { revision: 2 });
    const newer = entry("183", aggregate(7), { revision: 3 });
    for (const entries of [
      [older, newer],
      [newer, older],
    ]) {
      const r = buildReport({ year: 2018, generatedAt: AT, setup, entries });
      expect(r.overview.communes).toBe(7);
      expect(r.units.find((d) => d.code === "183")!.revision).toBe(3);
    }
  });
});

describe("buildReport: the round, the cut and the review statuses", () => {
  const cao = submission("183", [commune("06199", ALL, ALL)], { central: 1_000 });
  const huu = submission("186", [commune("06412", range(1, 18), ALL)], { local: 2_000 });
  const entries = [entry("183", aggregateSubmission(cao, ref.criteria)), entry("186", aggregateSubmission(huu, ref.criteria))];
  const status = (code: string, s: StatusUnit["status"], daysLate: number | null): StatusUnit => ({
    code,
    name: code,
    status: s,
    revision: s === "missing" ? null : 1,
    submittedAt: null,
    firstSubmittedAt: null,
    daysLate,
    acceptedRevision: s === "accepted" ? 1 : null,
    comment: null,
    cells: [],
    reviewedAt: null,
    reviewedBy: null,
  });

  it("offline (no review): round plan, no cut, every entry submitted on time, none accepted", () => {
    const r = buildReport({ year: 2018, generatedAt: AT, setup, entries });
    expect([r.round, r.cut, r.deadline]).toEqual(["plan", null, null]);
    expect(r.completeness).toEqual({ expected: 11, submitted: 2, onTime: 2, accepted: 0 });
    expect(r.units.filter((u) => u.status !== "missing").map((u) => [u.code, u.status, u.daysLate])).toEqual([
      ["183", "submitted", null],
      ["186", "submitted", null],
    ]);
  });

  it("from the server: each unit's status and days late, the completeness of the setup's units, the cut as given", () => {
    const statuses = new Map([
      ["183", status("183", "late", 3)],
      ["186", status("186", "accepted", 0)],
      ["178", status("178", "missing", null)],
    ]);
    const cut = { asOf: "2018-04-01T01:02:03.004Z", seq: 42, accepted: false };
    const r = buildReport({
      year: 2018,
      generatedAt: AT,
      setup,
      entries,
      review: { round: "result", cut, deadline: "2018-03-31", statuses },
    });
    expect(reportSchema.safeParse(r).success).toBe(true);
    expect([r.round, r.cut, r.deadline]).toEqual(["result", cut, "2018-03-31"]);
    expect(r.completeness).toEqual({ expected: 3, submitted: 2, onTime: 1, accepted: 1 });
    expect(r.units.filter((u) => u.code === "183" || u.code === "186").map((u) => [u.code, u.status, u.daysLate])).toEqual([
      ["183", "late", 3],
      ["186", "accepted", 0],
    ]);
  });

  it("accepted-only: a unit whose revision is not counted keeps its status, with nothing counted", () => {
    const statuses = new Map([
      ["183", status("183", "submitted", 0)],
      ["186", status("186", "accepted", 0)],
    ]);
    const cut = { asOf: null, seq: 0, accepted: true };
    const r = buildReport({
      year: 2018,
      generatedAt: AT,
      setup,
      entries: [entries[1]!],
      review: { round: "plan", cut, deadline: null, statuses },
    });
    const row = r.units.find((u) => u.code === "183")!;
    expect([row.status, row.revision, row.communes, row.capitalTotal]).toEqual(["submitted", null, 0, 0]);
    expect(r.overview.communes).toBe(1);
  });
});
