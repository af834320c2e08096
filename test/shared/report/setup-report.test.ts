import { describe, expect, it } from "vitest";
import { aggregateSchema } from "../../../shared/schemas/aggregate.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { aggregateSubmission, aggregateUnit } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { ReportEntry } from "../../../shared/report/build-report.ts";
import { consolidateSubmissions } from "../../../shared/report/consolidate.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { ADVANCED, BORDER, SUBMISSIONS_2027, TINY_2027, unitCommune, unitSubmission, upTo } from "./tiny-2027.ts";
import { SETUP_2018, commune, submission } from "./helpers.ts";

const AT = "2027-03-01T02:00:00.000Z";
const setup = TINY_2027;

const entries = (subs = SUBMISSIONS_2027): ReportEntry[] =>
  subs.map((s, i) => ({
    unit: s.unit,
    aggregate: aggregateUnit(s, setup),
    revision: i + 1,
    submittedAt: "2027-02-28T03:00:00.000Z",
    submittedBy: `token ${s.unit}`,
    preparedBy: s.preparedBy,
    phone: s.phone,
  }));
const report = buildReport({ year: 2027, generatedAt: AT, setup, entries: entries() });

describe("aggregateUnit under a 10-criteria, xã-level setup", () => {
  it("counts the commune by the setup's bands and groups; the setup's group and attributes win over the typed ones", () => {
    const a = aggregateUnit(SUBMISSIONS_2027[1]!, setup); // 06004: typed group 1 and border; the setup says group 2, not border
    expect(aggregateSchema.safeParse(a).success).toBe(true);
    expect(a).toEqual({
      schemaVersion: 2,
      templateVersion: "NTM-2",
      criteriaSet: { id: "2026-2030", size: 10 },
      communes: 1,
      ntm: { baseline: 1, plan: 1 },
      criteriaSum: { baseline: 10, plan: 10 },
      criteria: { baseline: Array(10).fill(1), plan: Array(10).fill(1) },
      bands: { baseline: { "10": 1, "8-9": 0, "5-7": 0, "<5": 0 }, plan: { "10": 1, "8-9": 0, "5-7": 0, "<5": 0 } },
      groups: {
        group1: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        group2: { communes: 1, criteriaSum: { baseline: 10, plan: 10 } },
        group3: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        "attr:Xã biên giới": { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        "flag:Phấn đấu đạt chuẩn NTM": { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        "flag:NTM nâng cao": { communes: 1, criteriaSum: { baseline: 10, plan: 10 } },
      },
      capital: { "1.1": 1_000_000, "1.2": 0, "2": 0, "3": 0, "4": 1 },
      unlisted: [],
    });
  });

  it("an unregistered commune counts as typed and is listed as unlisted", () => {
    const a = aggregateUnit(SUBMISSIONS_2027[3]!, setup); // 06013, typed group 2 and border
    expect(a.unlisted).toEqual([{ code: "06013", name: "Xã Cũ" }]);
    expect(a.groups.group2).toEqual({ communes: 1, criteriaSum: { baseline: 4, plan: 9 } });
    expect(a.groups[`attr:${BORDER}`]).toEqual({ communes: 1, criteriaSum: { baseline: 4, plan: 9 } });
    expect(a.bands.plan).toEqual({ "10": 0, "8-9": 1, "5-7": 0, "<5": 0 });
  });

  it("a registered commune whose setup entry lacks an attribute takes it as typed", () => {
    const bare: Setup = { ...setup, communes: setup.communes!.map((c) => (c.code === "06007" ? { ...c, attributes: {} } : c)) };
    const typedBorder = unitSubmission("06007", [unitCommune("06007", "Xã Tân Tiến", [1], [1], { attributes: { [BORDER]: true } })]);
    expect(aggregateUnit(typedBorder, bare).groups[`attr:${BORDER}`]!.communes).toBe(1);
    expect(aggregateUnit(typedBorder, setup).groups[`attr:${BORDER}`]!.communes).toBe(0); // the setup says false
  });

  it("matches typed labels as the template does (NFC, case, spaces); an unknown label counts in no group", () => {
    const nfd = "Xã biên giới".normalize("NFD").toUpperCase();
    const sub = unitSubmission("06013", [
      unitCommune("06013", "Xã Cũ", [], [1], { attributes: { [nfd]: true }, flags: { "  ntm   NÂNG cao ": true, "Cờ lạ": true } }),
    ]);
    const a = aggregateUnit(sub, setup);
    expect(a.groups[`attr:${BORDER}`]!.communes).toBe(1);
    expect(a.groups[`flag:${ADVANCED}`]!.communes).toBe(1);
    expect(Object.keys(a.groups)).toHaveLength(6);
    expect(Object.values(a.groups).reduce((s, g) => s + g.communes, 0)).toBe(2);
  });

  it("NTM-standard means every criterion of the set: 10 here, and 11 or a repeated number does not count", () => {
    const sub = unitSubmission("06001", [
      unitCommune("06001", "A", [...upTo(9), 11, 9], [...upTo(9), 11]),
      unitCommune("06002", "B", upTo(10), [...upTo(10), 10]),
    ]);
    const a = aggregateUnit(sub, setup);
    expect(a.ntm).toEqual({ baseline: 1, plan: 1 });
    expect(a.criteriaSum).toEqual({ baseline: 19, plan: 19 });
    expect(a.bands.baseline).toEqual({ "10": 1, "8-9": 1, "5-7": 0, "<5": 0 });
  });

  it("keeps the capital leaves of the setup only (a subtotal or an unknown STT typed is ignored)", () => {
    const sub = unitSubmission("06001", [], { "1": 999, "1.1": 5, "7": 3 });
    expect(aggregateUnit(sub, setup).capital).toEqual({ "1.1": 5, "1.2": 0, "2": 0, "3": 0, "4": 0 });
  });

  it("aggregates 10,000 communes in a few milliseconds (dense lookups, the setup compiled once)", () => {
    const communes = Array.from({ length: 10_000 }, (_, i) =>
      unitCommune(String(10_000 + i), `Xã ${i}`, upTo(i % 11), upTo((i + 3) % 11), {
        group: ((i % 3) + 1) as 1 | 2 | 3,
        attributes: { [BORDER]: i % 2 === 0 },
        flags: { [ADVANCED]: i % 5 === 0 },
      }),
    );
    const big = unitSubmission("06001", communes);
    let fastest = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 8; run++) {
      const t = performance.now();
      const a = aggregateUnit(big, setup);
      fastest = Math.min(fastest, performance.now() - t);
      expect(a.communes).toBe(10_000);
      expect(a.unlisted).toHaveLength(10_000);
    }
    // About 3 ms on an idle developer machine (npm run bench); the bound leaves room for a runner busy
    // with other test files, and still catches a per-commune scan of the setup (10,000 × 10,000: seconds).
    expect(fastest).toBeLessThan(250);
  });
});

describe("buildReport of a tiny 2027 plan (xã level, 10 criteria, groups, an attribute, a plan flag, own capital rows)", () => {
  it("is a report of the versioned schema with the setup's set, level and units", () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.schemaVersion).toBe(2);
    expect(report.level).toBe("xã");
    expect(report.criteriaSet).toEqual({ id: "2026-2030", size: 10 });
    expect(report.units.map((u) => [u.code, u.status, u.listed])).toEqual([
      ["06001", "submitted", true],
      ["06004", "submitted", true],
      ["06007", "submitted", true],
      ["06010", "missing", true],
      ["06013", "submitted", false],
    ]);
    expect(report.units[0]).toEqual({
      code: "06001",
      name: "Xã Thất Khê",
      level: "xã",
      templateVersion: "NTM-2",
      listed: true,
      status: "submitted",
      daysLate: null,
      revision: 1,
      submittedAt: "2027-02-28T03:00:00.000Z",
      submittedBy: "token 06001",
      preparedBy: "Người lập 06001",
      phone: "0205 06001",
      communes: 1,
      ntmPlan: 1,
      avgCriteriaPlan: 10,
      capitalTotal: 1000,
    });
    expect(report.units[1]).toMatchObject({ ntmPlan: 1, avgCriteriaPlan: 10, capitalTotal: 1000.001 });
    expect(report.units[2]).toMatchObject({ ntmPlan: 0, avgCriteriaPlan: 6, capitalTotal: 2000 });
    expect(report.units[3]).toMatchObject({ name: "Xã Tràng Định", level: "xã", templateVersion: null, communes: 0, capitalTotal: 0 });
    expect(report.units[4]).toMatchObject({
      name: "Mã xã 06013 (ngoài danh mục)",
      level: "xã",
      templateVersion: "NTM-2",
      communes: 1,
      ntmPlan: 0,
      avgCriteriaPlan: 9,
      capitalTotal: 10,
    });
  });

  it("overview: 4 communes, NTM 1 → 2, averages 25/4 = 6.25 and 35/4 = 8.75", () => {
    expect(report.overview).toEqual({ communes: 4, ntm: { baseline: 1, plan: 2, added: 1 }, avgCriteria: { baseline: 6.25, plan: 8.75 } });
  });

  it("bands 10 / 8-9 / 5-7 / <5: HT 8, 10, 3, 4 and KH 10, 10, 6, 9", () => {
    expect(report.bands).toEqual([
      { band: "10", label: "Đạt 10 tiêu chí", baseline: 1, plan: 2, planPercent: 50 },
      { band: "8-9", label: "Đạt 8-9 tiêu chí", baseline: 1, plan: 1, planPercent: 25 },
      { band: "5-7", label: "Đạt 5-7 tiêu chí", baseline: 0, plan: 1, planPercent: 25 },
      { band: "<5", label: "Dưới 5 tiêu chí", baseline: 2, plan: 0, planPercent: 0 },
    ]);
  });

  it("criteria: the 10 of 2026-2030 with their names", () => {
    // HT: 1..8, 1..10, 1..3, 1..4; KH: 1..10, 1..10, 1..6, 1..9
    expect(report.criteria.map((c) => [c.number, c.baseline, c.plan, c.added, c.planPercent])).toEqual([
      [1, 4, 4, 0, 100],
      [2, 4, 4, 0, 100],
      [3, 4, 4, 0, 100],
      [4, 3, 4, 1, 100],
      [5, 2, 4, 2, 100],
      [6, 2, 4, 2, 100],
      [7, 2, 3, 1, 75],
      [8, 2, 3, 1, 75],
      [9, 1, 3, 2, 75],
      [10, 1, 2, 1, 50],
    ]);
    expect(report.criteria[0]!.name).toBe("Quy hoạch");
    expect(report.criteria[9]!.name).toBe("Tiếp cận pháp luật và an ninh, quốc phòng");
  });

  it("groups: nhóm 1/2/3 (the setup's group wins), the attribute, the NTM flag and the plan flag", () => {
    expect(report.groups).toEqual([
      { group: "group1", label: "Xã nhóm 1", communes: 1, avgCriteria: { baseline: 3, plan: 6 } },
      { group: "group2", label: "Xã nhóm 2", communes: 2, avgCriteria: { baseline: 7, plan: 9.5 } },
      { group: "group3", label: "Xã nhóm 3", communes: 1, avgCriteria: { baseline: 8, plan: 10 } },
      { group: "attr:Xã biên giới", label: "Xã biên giới", communes: 2, avgCriteria: { baseline: 6, plan: 9.5 } },
      { group: "flag:Phấn đấu đạt chuẩn NTM", label: "Phấn đấu đạt chuẩn NTM", communes: 1, avgCriteria: { baseline: 8, plan: 10 } },
      { group: "flag:NTM nâng cao", label: "NTM nâng cao", communes: 1, avgCriteria: { baseline: 10, plan: 10 } },
    ]);
  });

  it("capital: the setup's rows, (1) = (1.1) + (1.2), total = the leaves, percent of the exact total 4,010,001 thousand", () => {
    expect(report.capital.sources).toEqual([
      { key: "1", label: "Ngân sách nhà nước", amount: 1620.5, percent: 40.4 },
      { key: "1.1", label: "Ngân sách Trung ương", amount: 1500, percent: 37.4 },
      { key: "1.2", label: "Ngân sách tỉnh", amount: 120.5, percent: 3 },
      { key: "2", label: "Vốn lồng ghép Chương trình giảm nghèo bền vững", amount: 310, percent: 7.7 },
      { key: "3", label: "Vốn tín dụng", amount: 2000, percent: 49.9 },
      { key: "4", label: "Nhân dân đóng góp", amount: 79.501, percent: 2 },
      { key: "total", label: "Tổng cộng", amount: 4010.001, percent: 100 },
    ]);
    expect(report.capital.byUnit).toEqual([
      { code: "06001", amounts: { "1": 620.5, "1.1": 500, "1.2": 120.5, "2": 300, "3": 0, "4": 79.5, total: 1000 } },
      { code: "06004", amounts: { "1": 1000, "1.1": 1000, "1.2": 0, "2": 0, "3": 0, "4": 0.001, total: 1000.001 } },
      { code: "06007", amounts: { "1": 0, "1.1": 0, "1.2": 0, "2": 0, "3": 2000, "4": 0, total: 2000 } },
      { code: "06013", amounts: { "1": 0, "1.1": 0, "1.2": 0, "2": 10, "3": 0, "4": 0, total: 10 } },
    ]);
  });

  it("unlisted: the stored commune the setup no longer has, with its unit", () => {
    expect(report.unlisted).toEqual([{ code: "06013", name: "Xã Cũ", unit: "06013" }]);
  });
});

describe("unlisted at level huyện with a registered commune list", () => {
  const registered: Setup = {
    ...SETUP_2018,
    communes: [
      { code: "06199", name: "Xã A", unit: "183", group: null, attributes: { [BORDER]: true }, formerCodes: [] },
      { code: "06412", name: "Xã C", unit: "186", group: null, attributes: {}, formerCodes: ["06413", "06414"] },
    ],
  };
  const cao = submission("183", [commune("06202", [1], [1]), commune("06199", [1], [1]), commune("06200", [], [])]);
  const huu = submission("186", [commune("06412", [1], [1, 2])]);
  const build = (s: Setup) =>
    buildReport({
      year: 2018,
      generatedAt: AT,
      setup: s,
      entries: [huu, cao].map((x) => ({
        unit: x.district,
        aggregate: aggregateSubmission(x, s),
        revision: 1,
        submittedAt: null,
        submittedBy: null,
        preparedBy: null,
        phone: null,
      })),
    });

  it("lists every stored commune the setup's list does not have, by unit in report order then code; they still count", () => {
    const r = build(registered);
    expect(r.unlisted).toEqual([
      { code: "06200", name: "Xã 06200", unit: "183" },
      { code: "06202", name: "Xã 06202", unit: "183" },
    ]);
    expect(r.overview.communes).toBe(4);
    // The setup's attribute wins: 06199 is a border commune though typed as not.
    expect(r.groups.find((g) => g.group === "border")!.communes).toBe(1);
  });

  it("lists nothing without a commune list (the 2018 behaviour)", () => {
    expect(build(SETUP_2018).unlisted).toEqual([]);
    expect(build(SETUP_2018).groups.find((g) => g.group === "border")!.communes).toBe(0);
  });
});

describe("consolidateSubmissions of NTM-2 files under a setup", () => {
  it("consolidates the four 2027 files to the same report as the server's, units by their code", () => {
    const files = SUBMISSIONS_2027.map((s) => ({ file: `${s.unit}.xlsx`, submission: s }));
    const r = consolidateSubmissions(files, setup, AT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    const { units, ...rest } = r.value;
    const { units: serverUnits, ...serverRest } = report;
    expect(rest).toEqual(serverRest);
    expect(units.map((u) => [u.code, u.status, u.revision, u.preparedBy])).toEqual(
      serverUnits.map((u) => [u.code, u.status, null, u.preparedBy]),
    );
  });

  it("names the unit of a duplicate NTM-2 file and of a commune in two units' files", () => {
    const twice = consolidateSubmissions(
      [
        { file: "a.xlsx", submission: SUBMISSIONS_2027[0]! },
        { file: "b.xlsx", submission: SUBMISSIONS_2027[0]! },
      ],
      setup,
      AT,
    );
    expect(twice.ok && twice.warnings.map((w) => [w.code, w.message])).toEqual([
      ["consolidate.district_duplicate", "Hai tệp của cùng đơn vị 06001: a.xlsx và b.xlsx. Dùng tệp sau (b.xlsx), bỏ qua a.xlsx."],
    ]);
    const clash = unitSubmission("06004", [unitCommune("06001", "Xã Thất Khê", [], [])]);
    const r = consolidateSubmissions(
      [
        { file: "a.xlsx", submission: SUBMISSIONS_2027[0]! },
        { file: "b.xlsx", submission: clash },
      ],
      setup,
      AT,
    );
    expect(!r.ok && r.issues.map((i) => [i.code, i.commune])).toEqual([["consolidate.commune_in_two_districts", "06001"]]);
  });
});

describe("the four groups of 2016-2020 when the setup's commune list makes a flag a fixed attribute", () => {
  it("`Xã điểm ĐBKK` as an attribute of the list counts in pilotDifficult (the setup wins over the typed one)", () => {
    const withPilot: Setup = {
      ...SETUP_2018,
      communes: [
        { code: "06199", name: "Xã A", unit: "183", group: null, attributes: { "Xã điểm ĐBKK": true }, formerCodes: [] },
        { code: "06202", name: "Xã B", unit: "183", group: null, attributes: { "Xã điểm ĐBKK": false }, formerCodes: [] },
      ],
    };
    const sub = unitSubmission(
      "183",
      [
        unitCommune("06199", "Xã A", [1], [1, 2]),
        unitCommune("06202", "Xã B", [1], [1], { attributes: { "Xã điểm đặc biệt khó khăn": true } }),
        unitCommune("06205", "Xã C", [], [1], { flags: { "Xã điểm ĐBKK": true } }),
      ],
      {},
      2018,
    );
    const a = aggregateUnit(sub, withPilot);
    // 06199 by the setup, 06205 by its typed flag (not registered: unlisted); 06202 is not (the setup says no).
    expect(a.groups.pilotDifficult).toEqual({ communes: 2, criteriaSum: { baseline: 1, plan: 3 } });
    expect(a.unlisted).toEqual([{ code: "06205", name: "Xã C" }]);
    expect(Object.keys(a.groups)).toEqual(["border", "pilotDifficult", "ntmTarget", "districtDifficult"]);
  });
});
