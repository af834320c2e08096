import { beforeAll, describe, expect, it } from "vitest";
import { carryOverResponseSchema } from "../../../shared/cycle/carry-over-schema.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import type { SetupJson } from "../../../shared/setup/schema.ts";
import { api, applySetup, countedCall, createToken, json } from "../helpers.ts";
import { TINY, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * GET /api/v1/carry-over/:year?unit= (docs/cycle.md "Carry-over"): 2081 is TINY (A 06148, B 06151,
 * C 06157, each its own unit, set 2026-2030); in 2082 A and B merged into M 06160 (unit 06160), C kept.
 * 2081 data: A a plan (KH 1-8) and a result (TH 1-6), B a plan only (KH 1-3, 9), C nothing.
 */
const [A, B, C] = TINY;
const M = { code: "06160", name: "Xã Hợp Nhất", group: 1, border: false };

function mergedSetup(year: number): SetupJson {
  const base = tinySetup(year, [M, C]);
  return {
    ...base,
    communes: base.communes!.map((c) => (c.code === M.code ? { ...c, formerCodes: [A.code, B.code] } : c)),
  };
}

let office: { token: string };
const tokens: Record<string, { token: string }> = {};

async function submit(body: UnitSubmission) {
  const res = await api("/submissions", { token: tokens[body.unit]!.token, body });
  if (res.status !== 201) throw new Error(`submit ${res.status}: ${await res.text()}`);
}

beforeAll(async () => {
  await applySetup(2081, tinySetup(2081));
  await applySetup(2082, mergedSetup(2082));
  office = await createToken("office");
  for (const c of [...TINY, M]) tokens[c.code] = await createToken("unit", c.code);
  await submit(unitSubmission(2081, A.code, [unitCommune(A, upTo(4), upTo(8))]));
  await submit(unitSubmission(2081, B.code, [unitCommune(B, [1], [1, 2, 3, 9])]));
  await submit(
    unitSubmission(2081, A.code, [{ ...unitCommune(A, upTo(4), upTo(8)), achieved: upTo(6) }], {}, { round: "result", disbursed: {} }),
  );
});

describe("GET /carry-over/:year?unit=", () => {
  it("a merger: M met a criterion where A (result TH) and B (plan KH) both did; the notes say where HT came from", async () => {
    const res = await api(`/carry-over/2082?unit=${M.code}`, { token: tokens[M.code]!.token });
    expect(res.status).toBe(200);
    const body = carryOverResponseSchema.parse(await json(res));
    expect(body.communes).toEqual([
      { code: M.code, name: M.name, baseline: [1, 2, 3], basis: "plan", from: [A.code, B.code], skipped: [] },
    ]);
    expect(body.notes.map((n) => n.messageVi)).toEqual([`HT lấy từ kế hoạch năm 2081 (chưa có kết quả): ${M.name} (${M.code}).`]);
    expect(body.criteriaSet).toEqual({ from: "2026-2030", to: "2026-2030" });
  });

  it("C without 2081 data: no pre-fill, named; office reads any unit", async () => {
    const body = await json(await api(`/carry-over/2082?unit=${C.code}`, { token: office.token }));
    expect(body.communes).toEqual([]);
    expect(body.notes.map((n: { code: string }) => n.code)).toEqual(["carry.no_data"]);
  });

  it("a unit token reads its own unit only (403); a bad or missing unit is 400; a unit not in the setup 403; no setup 404", async () => {
    expect((await api(`/carry-over/2082?unit=${M.code}`, { token: tokens[C.code]!.token })).status).toBe(403);
    expect((await api("/carry-over/2082", { token: office.token })).status).toBe(400);
    expect((await api("/carry-over/2082?unit=12", { token: office.token })).status).toBe(400);
    const notListed = await api(`/carry-over/2082?unit=${A.code}`, { token: office.token });
    expect([notListed.status, (await json(notListed)).error.code]).toEqual([403, "unit.not_in_setup"]);
    expect((await api(`/carry-over/2089?unit=${M.code}`, { token: office.token })).status).toBe(404);
    expect((await api(`/carry-over/2082?unit=${M.code}`, { token: null })).status).toBe(401);
  });

  it("D1 budget: the token lookup, then ONE batch of 8 statements (two setups of 3, result rows, plan rows)", async () => {
    const { res, stats } = await countedCall(`/carry-over/2082?unit=${M.code}`, { token: office.token });
    expect(res.status).toBe(200);
    expect(stats).toEqual({ roundTrips: 2, statements: 9, batches: [8] });
  });
});
