import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../shared/schemas/report.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { api, applySetup, countedCall, createToken, json } from "../helpers.ts";
import { TINY, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * GET /api/v1/reports/:year?round=result (docs/cycle.md "Reports over time"): plan figures from each
 * unit's accepted (else latest) plan, exactly the plan report's; achieved from each unit's latest
 * (accepted-only: accepted) result revision at the cut; statuses and completeness of the result
 * round. Years 2073-2076, the tiny commune-level setup: A (group 1, border), B (group 2), C (group 3,
 * border), capital rows 1 and 2.
 */

const [A, B, C] = TINY;
const tokens: Record<string, { token: string }> = {};
let office: { token: string };

beforeAll(async () => {
  for (let year = 2073; year <= 2076; year++) await applySetup(year, tinySetup(year));
  office = await createToken("office");
  for (const c of TINY) tokens[c.code] = await createToken("unit", c.code);
});

type Commune = (typeof TINY)[number];
const plan = (year: number, c: Commune, ht: number[], kh: number[], capital: Record<string, number>): UnitSubmission =>
  unitSubmission(year, c.code, [unitCommune(c, ht, kh)], capital);
const result = (
  year: number,
  c: Commune,
  ht: number[],
  kh: number[],
  th: number[],
  capital: Record<string, number>,
  disbursed: Record<string, number>,
): UnitSubmission => unitSubmission(year, c.code, [{ ...unitCommune(c, ht, kh), achieved: th }], capital, { round: "result", disbursed });

async function submit(body: UnitSubmission) {
  const res = await api("/submissions", { token: tokens[body.unit]!.token, body });
  if (res.status !== 201) throw new Error(`submit ${res.status}: ${await res.text()}`);
  return json(res);
}

async function report(year: number, query = "round=result"): Promise<Report> {
  const res = await api(`/reports/${year}?${query}`, { token: office.token });
  expect(res.status).toBe(200);
  return reportSchema.parse(await json(res));
}

/** ratio × 100, one decimal, half away from zero (independent of shared/money.ts: small figures only). */
const pct = (num: number, den: number) => (den === 0 ? null : Math.round((num * 1000) / den) / 10);

/** A report without the result fields and the units' round fields: the plan report's figures. */
function planFigures(r: Report) {
  const strip = <T extends object>(o: T, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  const done = ["achieved", "achievedPercent"];
  return {
    overview: { ...r.overview, ntm: strip(r.overview.ntm, done) },
    bands: r.bands.map((b) => strip(b, done)),
    criteria: r.criteria.map((c) => strip(c, done)),
    groups: r.groups.map((g) => ({ ...g, avgCriteria: strip(g.avgCriteria, ["achieved"]) })),
    capital: { ...r.capital, sources: r.capital.sources.map((s) => strip(s, ["disbursed", "disbursedPercent"])) },
    units: r.units.map((u) => [u.code, u.communes, u.ntmPlan, u.avgCriteriaPlan, u.capitalTotal]),
    unlisted: r.unlisted,
  };
}

describe("GET /reports/:year?round=result", () => {
  it("plan figures of the plan round, achieved of the result round: A over-achieves, B sent no result, C nothing", async () => {
    const year = 2073;
    await submit(plan(year, A, upTo(8), upTo(7), { "1": 900_000 }));
    await submit(plan(year, A, upTo(8), upTo(9), { "1": 1_000_000, "2": 200_000 })); // A's latest plan: revision 2
    await submit(plan(year, B, upTo(5), upTo(8), { "1": 500_000 }));
    await submit(result(year, A, upTo(8), upTo(9), upTo(10), { "1": 1_000_000, "2": 200_000 }, { "1": 1_100_000, "2": 100_000 }));

    const r = await report(year);
    const p = await report(year, "round=plan");
    expect(r.round).toBe("result");
    // The plan figures are exactly the plan report's.
    expect(planFigures(r)).toEqual(planFigures(p));

    // Communes planned: A KH 1-9, B KH 1-8; achieved: A TH 1-10.
    const planned = (k: number) => (k <= 8 ? 2 : k === 9 ? 1 : 0);
    const achieved = 1; // every criterion: A only
    expect(r.criteria.map((c) => [c.number, c.plan, c.achieved, c.achievedPercent])).toEqual(
      upTo(10).map((k) => [k, planned(k), achieved, pct(achieved, planned(k))]),
    );
    expect(r.criteria[0]!.achievedPercent).toBe(50);
    expect(r.criteria[9]!.achievedPercent).toBeNull();
    // NTM: none planned (9 and 8 of 10), one achieved.
    expect(r.overview.ntm).toEqual({ baseline: 0, plan: 0, added: 0, achieved: 1, achievedPercent: null });
    expect(r.bands.map((b) => [b.band, b.plan, b.achieved, b.achievedPercent])).toEqual([
      ["10", 0, 1, null],
      ["8-9", 2, 0, 0],
      ["5-7", 0, 0, null],
      ["<5", 0, 0, null],
    ]);
    // Group averages of criteria achieved, over the communes that sent a result.
    expect(r.groups.map((g) => [g.group, g.communes, g.avgCriteria.plan, g.avgCriteria.achieved])).toEqual([
      ["group1", 1, 9, 10],
      ["group2", 1, 8, null],
      ["group3", 0, null, null],
      ["attr:Xã biên giới", 1, 9, 10],
      ["flag:Phấn đấu đạt chuẩn NTM", 0, null, null],
      ["flag:Xã NTM nâng cao", 0, null, null],
    ]);
    // Capital in million VND: planned 1,500 + 200, disbursed 1,100 + 100.
    expect(r.capital.sources.map((s) => [s.key, s.amount, s.disbursed, s.disbursedPercent])).toEqual([
      ["1", 1500, 1100, pct(1100, 1500)],
      ["2", 200, 100, 50],
      ["total", 1700, 1200, pct(1200, 1700)],
    ]);
    expect(pct(1100, 1500)).toBe(73.3);
    expect(pct(1200, 1700)).toBe(70.6);
    // Units: the result round's status and revision; plan figures of the plan; B and C without a result: null.
    expect(
      r.units.map((u) => [u.code, u.status, u.revision, u.communes, u.ntmPlan, u.ntmAchieved, u.capitalTotal, u.capitalDisbursed]),
    ).toEqual([
      [A.code, "submitted", 1, 1, 0, 1, 1200, 1200],
      [B.code, "missing", null, 1, 0, null, 500, null],
      [C.code, "missing", null, 0, 0, null, 0, null],
    ]);
    expect(r.completeness).toEqual({ expected: 3, submitted: 1, onTime: 1, accepted: 0 });
    // The plan report knows nothing of the result.
    expect(p.overview.ntm.achieved).toBeUndefined();
    expect(p.units[0]!.ntmAchieved).toBeUndefined();
    expect(p.units.map((u) => [u.code, u.revision])).toEqual([
      [A.code, 2],
      [B.code, 1],
      [C.code, null],
    ]);
  });

  it("accepted-only: achieved from accepted result revisions only; the plan figures stay the plan round's", async () => {
    const year = 2074;
    await submit(plan(year, A, upTo(5), upTo(9), { "1": 100_000 }));
    await submit(plan(year, B, upTo(5), upTo(8), { "1": 300_000 }));
    const a = await submit(result(year, A, upTo(5), upTo(9), upTo(10), { "1": 100_000 }, { "1": 100_000 }));
    await submit(result(year, B, upTo(5), upTo(8), upTo(8), { "1": 300_000 }, { "1": 150_000 }));
    const accept = await api("/reviews", {
      token: office.token,
      body: { unit: A.code, year, round: "result", action: "accept", revision: a.revision },
    });
    expect(accept.status).toBe(201);

    const all = await report(year);
    const accepted = await report(year, "round=result&accepted=true");
    expect(accepted.cut!.accepted).toBe(true);
    expect(planFigures(accepted)).toEqual(planFigures(all));
    expect([all.overview.ntm.achieved, accepted.overview.ntm.achieved]).toEqual([1, 1]);
    expect(all.criteria.map((c) => c.achieved)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 1, 1]);
    expect(accepted.criteria.map((c) => c.achieved)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(accepted.capital.sources.map((s) => [s.key, s.amount, s.disbursed, s.disbursedPercent])).toEqual([
      ["1", 400, 100, 25],
      ["2", 0, 0, null],
      ["total", 400, 100, 25],
    ]);
    expect(all.capital.sources.at(-1)).toMatchObject({ amount: 400, disbursed: 250, disbursedPercent: pct(250, 400) });
    expect(accepted.units.map((u) => [u.code, u.status, u.revision, u.ntmAchieved, u.capitalDisbursed])).toEqual([
      [A.code, "accepted", 1, 1, 100],
      [B.code, "submitted", null, null, null],
      [C.code, "missing", null, null, null],
    ]);
    expect(accepted.completeness).toEqual({ expected: 3, submitted: 2, onTime: 2, accepted: 1 });
  });

  it("as of a cut: the result and the plan as they stood then, whatever came after", async () => {
    const year = 2075;
    await submit(plan(year, A, upTo(5), upTo(9), { "1": 100_000 }));
    await submit(result(year, A, upTo(5), upTo(9), upTo(9), { "1": 100_000 }, { "1": 50_000 }));
    const then = await report(year);
    // After the cut: a new result and a new plan.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submit(result(year, A, upTo(5), upTo(9), upTo(10), { "1": 100_000 }, { "1": 100_000 }));
    await submit(plan(year, A, upTo(5), upTo(10), { "1": 200_000 }));
    const now = await report(year);
    expect([now.overview.ntm.plan, now.overview.ntm.achieved, now.capital.sources.at(-1)!.disbursedPercent]).toEqual([1, 1, 50]);

    const asOf = await report(year, `round=result&asOf=${then.cut!.asOf}`);
    const { generatedAt: _a, ...kept } = then;
    const { generatedAt: _b, ...again } = asOf;
    expect(again).toEqual(kept);
    expect([asOf.overview.ntm.plan, asOf.overview.ntm.achieved, asOf.capital.sources.at(-1)!.disbursedPercent]).toEqual([0, 0, 50]);
    expect(asOf.units[0]).toMatchObject({ revision: 1, ntmPlan: 0, ntmAchieved: 0, capitalTotal: 100, capitalDisbursed: 50 });
  });

  it("D1 budget: a result report is ONE batch of 9 statements (the plan report's 8 and the plans), 10 accepted-only, whatever the units", async () => {
    const year = 2076;
    const empty = await countedCall(`/reports/${year}?round=result`, { token: office.token });
    await submit(plan(year, A, upTo(5), upTo(9), { "1": 100_000 }));
    await submit(plan(year, B, upTo(5), upTo(9), { "1": 100_000 }));
    await submit(result(year, A, upTo(5), upTo(9), upTo(9), { "1": 100_000 }, { "1": 50_000 }));
    const full = await countedCall(`/reports/${year}?round=result`, { token: office.token });
    const accepted = await countedCall(`/reports/${year}?round=result&accepted=true`, { token: office.token });
    const planReport = await countedCall(`/reports/${year}`, { token: office.token });
    expect(full.res.status).toBe(200);
    expect(empty.stats).toEqual({ roundTrips: 2, statements: 10, batches: [9] });
    expect(full.stats).toEqual(empty.stats);
    expect(accepted.stats).toEqual({ roundTrips: 2, statements: 11, batches: [10] });
    expect(planReport.stats).toEqual({ roundTrips: 2, statements: 9, batches: [8] });
  });
});
