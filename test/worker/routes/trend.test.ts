import { beforeAll, describe, expect, it } from "vitest";
import { trendResponseSchema } from "../../../shared/cycle/trend-schema.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import type { SetupJson } from "../../../shared/setup/schema.ts";
import { api, applySetup, countedCall, createToken, json } from "../helpers.ts";
import { TINY, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * GET /api/v1/reports/trend?from=&to= (docs/report.md "Xu hướng qua các năm"): 2085 is TINY (A, B,
 * C each a unit, 10 criteria); in 2086 A and B merged into M 06160, C kept. 2085: plans A 1-10,
 * B 1-6, C 1-10; results A 1-10, B 1-10. 2086: plans M 1-10, C 1-3; no results.
 */
const [A, B, C] = TINY;
const M = { code: "06160", name: "Xã Hợp Nhất", group: 1, border: false };

let unitToken: { token: string };
const tokens: Record<string, { token: string }> = {};

async function submit(body: UnitSubmission) {
  const res = await api("/submissions", { token: tokens[body.unit]!.token, body });
  if (res.status !== 201) throw new Error(`submit ${res.status}: ${await res.text()}`);
}
const plan = (year: number, c: (typeof TINY)[number] | typeof M, kh: number[]) => unitSubmission(year, c.code, [unitCommune(c, [1], kh)]);
const result = (year: number, c: (typeof TINY)[number], kh: number[], th: number[]) =>
  unitSubmission(year, c.code, [{ ...unitCommune(c, [1], kh), achieved: th }], {}, { round: "result", disbursed: {} });

beforeAll(async () => {
  await applySetup(2085, tinySetup(2085));
  const merged = tinySetup(2086, [M, C]);
  await applySetup(2086, {
    ...merged,
    communes: merged.communes!.map((c) => (c.code === M.code ? { ...c, formerCodes: [A.code, B.code] } : c)),
  } satisfies SetupJson);
  for (const c of [...TINY, M]) tokens[c.code] = await createToken("unit", c.code);
  unitToken = tokens[C.code]!;
  await submit(plan(2085, A, upTo(10)));
  await submit(plan(2085, B, upTo(6)));
  await submit(plan(2085, C, upTo(10)));
  await submit(result(2085, A, upTo(10), upTo(10)));
  await submit(result(2085, B, upTo(6), upTo(10)));
  await submit(plan(2086, M, upTo(10)));
  await submit(plan(2086, C, upTo(3)));
});

describe("GET /reports/trend", () => {
  it("2085 counted on 2086's communes: M planned a criterion only where A and B both did; achieved from the results", async () => {
    const res = await api("/reports/trend?from=2084&to=2088", { token: unitToken.token });
    expect(res.status).toBe(200);
    const t = trendResponseSchema.parse(await json(res));
    expect([t.frameYear, t.years.map((y) => y.year)]).toEqual([2086, [2085, 2086]]);
    const [y85, y86] = t.years as [(typeof t.years)[number], (typeof t.years)[number]];
    expect(y85.ntm).toEqual({ planned: 1, achieved: 1 }); // C planned all 10; M achieved (A, B all 10); C sent no result
    expect(y85.criteria.map((c) => [c.planned, c.achieved])).toEqual(upTo(10).map((k) => [k <= 6 ? 2 : 1, 1]));
    expect(y85.communes).toEqual({ planned: 2, achieved: 1 });
    expect(y85.stored).toEqual({ planned: 3, achieved: 2 });
    expect(y86.ntm).toEqual({ planned: 1, achieved: null });
    expect(y86.criteria.map((c) => c.planned)).toEqual([2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
    expect(y86.criteriaSet.id).toBe("2026-2030");
    expect(y86.criteria[1]).toMatchObject({ number: 2, name: SET_2026_2030.criteria[1]!.name });
  });

  it("bad ranges are 400; no token 401", async () => {
    expect((await api("/reports/trend?from=2086&to=2085", { token: unitToken.token })).status).toBe(400);
    expect((await api("/reports/trend?from=2085", { token: unitToken.token })).status).toBe(400);
    expect((await api("/reports/trend?from=2085&to=2086", { token: null })).status).toBe(401);
  });

  it("D1 budget: the token lookup, then ONE batch of 4 statements, for 1 year as for 5", async () => {
    const one = await countedCall("/reports/trend?from=2086&to=2086", { token: unitToken.token });
    const five = await countedCall("/reports/trend?from=2084&to=2088", { token: unitToken.token });
    expect([one.res.status, five.res.status]).toEqual([200, 200]);
    expect(one.stats).toEqual({ roundTrips: 2, statements: 5, batches: [4] });
    expect(five.stats).toEqual(one.stats);
  });
});
