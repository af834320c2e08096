import { describe, expect, it } from "vitest";
import { aggregateUnit } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { ReportEntry } from "../../../shared/report/build-report.ts";
import { DATA_TABLES, buildReportSheet, captionLines } from "../../../shared/report/report-sheet.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { ADVANCED, BORDER, SUBMISSIONS_2027, TINY_2027, unitCommune, unitSubmission, upTo } from "./tiny-2027.ts";

/** A result of a plan: its communes with TH `achieved[i]`, capital disbursed. */
function resultOf(plan: UnitSubmission, achieved: number[][], disbursed: Record<string, number>): UnitSubmission {
  return { ...plan, round: "result", communes: plan.communes.map((c, i) => ({ ...c, achieved: achieved[i]! })), disbursed };
}

const entry = (sub: UnitSubmission, revision: number): ReportEntry => ({
  unit: sub.unit,
  aggregate: aggregateUnit(sub, TINY_2027),
  revision,
  submittedAt: `2027-12-2${revision}T03:00:00.000Z`,
  submittedBy: `Đơn vị ${sub.unit}`,
  preparedBy: sub.preparedBy,
  phone: sub.phone,
});

describe("aggregateUnit, result round", () => {
  // 06001 (group 3, border) TH 10; 06004 (the setup: group 2, not border; NTM nâng cao) TH 9; 06007
  // (group 1) TH 1-7 typed with a repeat and a number outside the set (both ignored).
  const plan = unitSubmission(
    "06001",
    [
      unitCommune("06001", "Xã Thất Khê", upTo(8), upTo(10), { flags: { "Phấn đấu đạt chuẩn NTM": true } }),
      unitCommune("06004", "Xã Đoàn Kết", upTo(10), upTo(10), { group: 1, attributes: { [BORDER]: true }, flags: { [ADVANCED]: true } }),
      unitCommune("06007", "Xã Tân Tiến", [1, 2, 3], upTo(6)),
    ],
    { "1.1": 500_000, "2": 7 },
  );
  const result = resultOf(plan, [upTo(10), upTo(9), [1, 1, 2, 3, 4, 5, 6, 7, 99]], { "1.1": 400_000, "2": 1, "9": 5 });

  it("counts TH as KH is counted: criteria, NTM (all 10), bands, groups' sums; disbursed by leaf STT", () => {
    expect(aggregateUnit(result, TINY_2027).result).toEqual({
      ntm: 1,
      criteriaSum: 10 + 9 + 7,
      criteria: [3, 3, 3, 3, 3, 3, 3, 2, 2, 1],
      bands: { "10": 1, "8-9": 1, "5-7": 1, "<5": 0 },
      groups: {
        group1: 7,
        group2: 9,
        group3: 10,
        [`attr:${BORDER}`]: 10,
        "flag:Phấn đấu đạt chuẩn NTM": 10,
        [`flag:${ADVANCED}`]: 9,
      },
      disbursed: { "1.1": 400_000, "1.2": 0, "2": 1, "3": 0, "4": 0 },
    });
  });

  it("the rest of a result's aggregate is its plan's; a plan's aggregate has no `result` (byte-identical JSON)", () => {
    const { result: _r, ...rest } = aggregateUnit(result, TINY_2027);
    expect(JSON.stringify(rest)).toBe(JSON.stringify(aggregateUnit(plan, TINY_2027)));
    expect("result" in aggregateUnit(plan, TINY_2027)).toBe(false);
    expect("result" in aggregateUnit({ ...plan, round: "plan" }, TINY_2027)).toBe(false);
    // A result without TH or disbursed: zeros, not absent.
    const empty = aggregateUnit({ ...plan, round: "result" }, TINY_2027).result!;
    expect([empty.ntm, empty.criteriaSum, empty.criteria, empty.disbursed["1.1"]]).toEqual([0, 0, Array(10).fill(0), 0]);
  });
});

describe("buildReport, result report", () => {
  // Plans: 06001 (KH 10), 06004 (KH 10), 06007 (KH 6); 06010 sends nothing. Results: 06001 TH 10
  // (more capital on 1.1 than planned), 06007 TH 8 (over its plan of 6); 06004 no result.
  const [p1, p4, p7] = SUBMISSIONS_2027 as [UnitSubmission, UnitSubmission, UnitSubmission];
  const plans = [entry(p1, 3), entry(p4, 1), entry(p7, 2)];
  const results = [
    entry(resultOf(p1, [upTo(10)], { "1.1": 550_000, "1.2": 120_500, "2": 150_000, "4": 79_500 }), 1),
    entry(resultOf(p7, [upTo(8)], { "3": 1_000_000 }), 1),
  ];
  const input = { year: 2027, generatedAt: "2027-12-31T01:00:00.000Z", setup: TINY_2027 };
  const r = buildReport({ ...input, entries: plans, results });
  const p = buildReport({ ...input, entries: plans });
  const pct = (num: number, den: number) => (den === 0 ? null : Math.round((num * 1000) / den) / 10);

  it("is a valid report whose plan figures are the plan report's", () => {
    expect(reportSchema.safeParse(r).success).toBe(true);
    expect([r.round, p.round]).toEqual(["result", "plan"]);
    const strip = (x: object) =>
      JSON.parse(JSON.stringify(x, (k, v) => (/^(achieved|achievedPercent|disbursed|disbursedPercent)$/.test(k) ? undefined : v)));
    expect(strip([r.overview, r.bands, r.criteria, r.groups, r.capital])).toEqual(
      strip([p.overview, p.bands, p.criteria, p.groups, p.capital]),
    );
  });

  it("achieved and achieved ÷ planned per criterion, band and NTM", () => {
    const planned = [3, 3, 3, 3, 3, 3, 2, 2, 2, 2];
    const achieved = [2, 2, 2, 2, 2, 2, 2, 2, 1, 1];
    expect(r.criteria.map((c) => [c.plan, c.achieved, c.achievedPercent])).toEqual(
      planned.map((n, i) => [n, achieved[i], pct(achieved[i]!, n)]),
    );
    expect(r.criteria.map((c) => c.achievedPercent)).toEqual([66.7, 66.7, 66.7, 66.7, 66.7, 66.7, 100, 100, 50, 50]);
    expect(r.overview.ntm).toEqual({ baseline: 1, plan: 2, added: 1, achieved: 1, achievedPercent: 50 });
    expect(r.bands.map((b) => [b.band, b.plan, b.achieved, b.achievedPercent])).toEqual([
      ["10", 2, 1, 50],
      ["8-9", 0, 1, null],
      ["5-7", 1, 0, 0],
      ["<5", 0, 0, null],
    ]);
    expect(r.groups.map((g) => [g.group, g.avgCriteria.achieved])).toEqual([
      ["group1", 8],
      ["group2", null],
      ["group3", 10],
      [`attr:${BORDER}`, 10],
      ["flag:Phấn đấu đạt chuẩn NTM", 10],
      [`flag:${ADVANCED}`, null],
    ]);
  });

  it("capital disbursed in million VND and disbursed ÷ planned per row", () => {
    expect(r.capital.sources.map((s) => [s.key, s.amount, s.disbursed, s.disbursedPercent])).toEqual([
      ["1", 1620.5, 670.5, pct(670_500, 1_620_500)],
      ["1.1", 1500, 550, 36.7],
      ["1.2", 120.5, 120.5, 100],
      ["2", 300, 150, 50],
      ["3", 2000, 1000, 50],
      ["4", 79.501, 79.5, 100],
      ["total", 4000.001, 1900, 47.5],
    ]);
    expect(pct(670_500, 1_620_500)).toBe(41.4);
  });

  it("units: the result's revision and status, the plan's figures; no result: nulls; completeness of the results", () => {
    expect(
      r.units.map((u) => [u.code, u.status, u.revision, u.submittedAt, u.ntmPlan, u.ntmAchieved, u.capitalTotal, u.capitalDisbursed]),
    ).toEqual([
      ["06001", "submitted", 1, "2027-12-21T03:00:00.000Z", 1, 1, 1000, 900],
      ["06004", "missing", null, null, 1, null, 1000.001, null],
      ["06007", "submitted", 1, "2027-12-21T03:00:00.000Z", 0, 0, 2000, 1000],
      ["06010", "missing", null, null, 0, null, 0, null],
    ]);
    expect(r.completeness).toEqual({ expected: 4, submitted: 2, onTime: 2, accepted: 0 });
    expect(p.units.map((u) => u.revision)).toEqual([3, 1, 2, null]);
    expect("ntmAchieved" in p.units[0]!).toBe(false);
    expect("achieved" in p.overview.ntm).toBe(false);
  });

  it("NTM_Results: after the other tables, one caption, per criterion, NTM, bands and capital: plan, achieved, %", () => {
    const m = buildReportSheet(r);
    const t = m.tables.find((x) => x.name === "NTM_Results")!;
    expect(m.tables.at(-1)!.name).toBe("NTM_Results");
    expect(DATA_TABLES.NTM_Results).toBe(1);
    expect(t.captions).toEqual([{ text: "Kết quả thực hiện so với kế hoạch năm 2027", style: "subtitle" }]);
    expect(captionLines("ntm_results")).toBe(1);
    expect(t.headers).toEqual(["Mục", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ thực hiện (%)"]);
    expect(t.rows).toHaveLength(10 + 1 + 4 + 7);
    expect(t.rows[0]).toEqual(["TC1", r.criteria[0]!.name, "xã", 3, 2, 66.7]);
    expect(t.rows[10]).toEqual(["NTM", "Xã đạt chuẩn NTM", "xã", 2, 1, 50]);
    expect(t.rows[12]).toEqual([null, r.bands[1]!.label, "xã", 0, 1, null]);
    expect(t.rows[16]).toEqual(["1.1", "Ngân sách Trung ương", "triệu đồng", 1500, 550, 36.7]);
    expect(t.rows.at(-1)).toEqual([null, r.capital.sources.at(-1)!.label, "triệu đồng", 4000.001, 1900, 47.5]);
    // Placed two empty rows and its caption below the table before it.
    const before = m.tables.at(-2)!;
    expect(t.topRow).toBe(before.topRow + 1 + before.rows.length + (before.totalsRow ? 1 : 0) + 2 + 1);
    // A plan report has no NTM_Results.
    expect(buildReportSheet(p).tables.some((x) => x.name === "NTM_Results")).toBe(false);
  });
});
