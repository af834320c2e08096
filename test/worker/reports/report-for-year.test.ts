import { describe, expect, it } from "vitest";
import { aggregateUnit } from "../../../shared/report/aggregate.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { auditOfRow, NEXT_SEQ } from "../../../worker/db/audit.ts";
import { reportForYear } from "../../../worker/reports/report-for-year.ts";
import type { ReportQuery } from "../../../worker/reports/report-for-year.ts";
import { countingDb, db } from "../helpers.ts";

const NOW = new Date("2027-03-01T02:00:00.000Z");
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** The report of a year's round now (latest revisions), under `setup` when the year has none stored. */
const now = (year: number, setup?: Setup, round: ReportQuery["round"] = "plan"): ReportQuery => ({
  year,
  round,
  asOf: null,
  accepted: false,
  ...(setup ? { setup } : {}),
});

type Row = { unit: string; year: number; round: "plan" | "result"; aggregate: string };

/**
 * Stores revisions as the Worker does, many per batch (storeRevision takes one batch each: too slow
 * for 1,000 units): the `submissions` row with the next sequence number, its `submit` audit row
 * (worker/db/audit.ts, as storeRevision writes it) and the `latest_submissions` pointer with the
 * aggregate.
 */
async function store(rows: readonly Row[]): Promise<void> {
  const stmts = rows.flatMap((r, i) => {
    const id = `rfy-${r.year}-${r.round}-${r.unit}-${i}`;
    const at = "2027-02-28T03:00:00.000Z";
    return [
      db
        .prepare(
          "INSERT INTO submissions (id, unit, year, round, revision, content_hash, template_version, header, aggregate, communes, " +
            `prepared_by, phone, submitted_by, token_id, submitted_at, seq) VALUES (?1, ?2, ?3, ?4, 1, ?5, 'NTM-2', '{}', ?6, 1, ?7, NULL, 'test', NULL, ?8, ${NEXT_SEQ})`,
        )
        .bind(id, r.unit, r.year, r.round, `hash-${id}`, r.aggregate, `Người lập ${r.unit}`, at),
      auditOfRow(
        db,
        "submissions",
        id,
        Date.parse(at),
        {
          actor: "test",
          tokenId: null,
          action: "submit",
          unit: r.unit,
          year: r.year,
          round: r.round,
          revision: null,
          detail: { communes: 1 },
        },
        "r.revision",
      ),
      db
        .prepare(
          "INSERT INTO latest_submissions (year, round, unit, submission_id, revision, content_hash, aggregate) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6) " +
            "ON CONFLICT (year, round, unit) DO UPDATE SET submission_id = excluded.submission_id, revision = excluded.revision, " +
            "content_hash = excluded.content_hash, aggregate = excluded.aggregate",
        )
        .bind(r.year, r.round, r.unit, id, `hash-${id}`, r.aggregate),
    ];
  });
  for (let i = 0; i < stmts.length; i += 600) await db.batch(stmts.slice(i, i + 600));
}

/** A setup of `n` communes, each its own unit (level xã), the 10 criteria of 2026-2030. */
function xaSetup(year: number, n: number): Setup {
  const communes = Array.from({ length: n }, (_, i) => ({
    code: String(10_000 + i),
    name: `Xã ${i}`,
    unit: String(10_000 + i),
    group: ((i % 3) + 1) as 1 | 2 | 3,
    attributes: { "Xã biên giới": i % 4 === 0 },
    formerCodes: [],
  }));
  return {
    year,
    criteriaSet: SET_2026_2030,
    level: "xã",
    units: communes.map((c) => ({ code: c.code, name: c.name, attributes: {} })),
    communes,
    planFlags: [],
    capitalRows: [
      { stt: "1", label: "Ngân sách" },
      { stt: "2", label: "Tín dụng" },
    ],
    deadlines: { plan: null, result: null },
    origin: "applied",
  };
}

function xaSubmission(year: number, code: string, met: number, capital: Record<string, number>): UnitSubmission {
  return {
    templateVersion: "NTM-2",
    unit: code,
    unitName: `Xã ${code}`,
    year,
    criteriaSet: "2026-2030",
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes: [{ code, name: `Xã ${code}`, group: null, attributes: {}, flags: {}, baseline: upTo(Math.max(0, met - 2)), plan: upTo(met) }],
    capital,
  };
}

/** `n` xã units of `year`; every one but the last submits: unit i meets i % 11 criteria in KH, i million VND in row 1. */
async function seed(year: number, n: number): Promise<Setup> {
  const setup = xaSetup(year, n);
  const subs = setup.units.slice(0, n - 1).map((u, i) => xaSubmission(year, u.code, i % 11, { "1": i * 1000, "2": 1 }));
  await store(subs.map((s) => ({ unit: s.unit, year, round: "plan", aggregate: JSON.stringify(aggregateUnit(s, setup)) })));
  return setup;
}

describe("reportForYear", () => {
  it("reads ONE batch of 8 statements (cut, setup 3, deadlines, latest revisions, reviews, targets), for 3 units as for 1,000 (xã level, 10 criteria)", async () => {
    for (const [year, n] of [
      [2091, 3],
      [2092, 1000],
    ] as const) {
      const setup = await seed(year, n);
      const { db: counted, stats } = countingDb(db);
      const report = await reportForYear(counted, now(year, setup), NOW);
      expect(stats, `${n} units`).toEqual({ roundTrips: 1, statements: 8, batches: [8] });
      expect(reportSchema.safeParse(report).success).toBe(true);
      // Its cut: after the last action (the last revision stored), counting latest revisions.
      const last = await db.prepare("SELECT seq, at_ms FROM audit_log ORDER BY seq DESC LIMIT 1").first<{ seq: number; at_ms: number }>();
      expect(report.cut).toEqual({ asOf: new Date(last!.at_ms).toISOString(), seq: last!.seq, accepted: false });
      expect(report.units).toHaveLength(n);
      expect(report.units.filter((u) => u.status === "missing").map((u) => u.code)).toEqual([setup.units[n - 1]!.code]);
      expect(report.overview.communes).toBe(n - 1);
      const m = n - 1;
      expect(report.capital.sources.find((s) => s.key === "total")!.amount).toBe((((m * (m - 1)) / 2) * 1000 + m) / 1000);
    }
  });

  it("1,000 units: every figure from the stored aggregates (bands, groups, NTM)", async () => {
    const setup = await seed(2094, 1000);
    const report = await reportForYear(db, now(2094, setup), NOW);
    // 999 communes, KH i % 11 for i = 0..998: 90 full cycles of 0..10 and 0..8 → each of 0..8 met 91 times, 9 and 10 90 times.
    expect(report.overview.ntm.plan).toBe(90);
    expect(report.bands.map((b) => [b.band, b.plan])).toEqual([
      ["10", 90],
      ["8-9", 91 + 90],
      ["5-7", 3 * 91],
      ["<5", 5 * 91],
    ]);
    // Group 1 = i % 3 === 0: 333 of the 999; border = i % 4 === 0: 250.
    expect(report.groups.map((g) => [g.group, g.communes])).toEqual([
      ["group1", 333],
      ["group2", 333],
      ["group3", 333],
      ["attr:Xã biên giới", 250],
      ["flag:Phấn đấu đạt chuẩn NTM", 0],
    ]);
    expect(report.units[0]).toMatchObject({ code: "10000", level: "xã", templateVersion: "NTM-2", status: "submitted", revision: 1 });
    expect(report.unlisted).toEqual([]);
  });

  it("reads aggregates stored before setups (schema 1) as the 2018 figures they are", async () => {
    const legacy = {
      communes: 2,
      ntm: { baseline: 0, plan: 1 },
      criteriaSum: { baseline: 10, plan: 25 },
      criteria: { baseline: [...Array(10).fill(1), ...Array(9).fill(0)], plan: [...Array(6).fill(2), ...Array(13).fill(1)] },
      bands: { baseline: [0, 0, 1, 0, 1], plan: [1, 0, 0, 1, 0] },
      groups: {
        border: { communes: 1, criteriaSum: { baseline: 10, plan: 19 } },
        pilotDifficult: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        ntmTarget: { communes: 1, criteriaSum: { baseline: 10, plan: 19 } },
        districtDifficult: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
      },
      capital: { central: 1_000, local: 500, integrated: 0, enterprise: 0, credit: 2_500_500, community: 0, other: 0 },
    };
    await store([{ unit: "183", year: 2019, round: "plan", aggregate: JSON.stringify(legacy) }]);
    const report = await reportForYear(db, now(2019, builtInSetup(2019)!), NOW);
    expect(report.units.find((u) => u.code === "183")).toMatchObject({
      name: "Huyện Cao Lộc",
      templateVersion: "NTM-1",
      communes: 2,
      ntmPlan: 1,
      avgCriteriaPlan: 12.5,
      capitalTotal: 2502,
    });
    expect(report.bands.map((b) => [b.band, b.baseline, b.plan])).toEqual([
      ["19", 0, 1],
      ["15-18", 0, 0],
      ["10-14", 1, 0],
      ["5-9", 0, 1],
      ["<5", 1, 0],
    ]);
    expect(report.groups.find((g) => g.group === "border")).toMatchObject({ communes: 1, avgCriteria: { baseline: 10, plan: 19 } });
    expect(report.capital.sources.map((s) => [s.key, s.amount])).toEqual([
      ["1", 1.5],
      ["1.1", 1],
      ["1.2", 0.5],
      ["2", 0],
      ["3", 0],
      ["4", 2500.5],
      ["5", 0],
      ["6", 0],
      ["total", 2502],
    ]);
  });

  it("reads the round asked for: the result round's revisions do not count in the plan; a result report's plan figures are the plan round's", async () => {
    const setup = xaSetup(2093, 2);
    const [a, b] = setup.units.map((u, i) => xaSubmission(2093, u.code, 10 - i, {}));
    await store([
      { unit: a!.unit, year: 2093, round: "plan", aggregate: JSON.stringify(aggregateUnit(a!, setup)) },
      { unit: b!.unit, year: 2093, round: "result", aggregate: JSON.stringify(aggregateUnit(b!, setup)) },
    ]);
    const plan = await reportForYear(db, now(2093, setup), NOW);
    const { db: counted, stats } = countingDb(db);
    const result = await reportForYear(counted, now(2093, setup, "result"), NOW);
    // A result report: the plan report's one batch and one statement more (each unit's accepted, else latest, plan).
    expect(stats).toEqual({ roundTrips: 1, statements: 9, batches: [9] });
    expect(plan.units.map((u) => u.status)).toEqual(["submitted", "missing"]);
    expect(result.units.map((u) => u.status)).toEqual(["missing", "submitted"]);
    expect(plan.overview.ntm.plan).toBe(1);
    // The result report's plan figures are the plan round's (a's plan); b's stored aggregate has no TH part.
    expect(result.overview.ntm).toEqual({ baseline: 0, plan: 1, added: 1, achieved: 0, achievedPercent: 0 });
    expect(result.units.map((u) => [u.ntmPlan, u.ntmAchieved])).toEqual([
      [1, null],
      [0, null],
    ]);
  });
});
