import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../../worker/env.ts";
import { submitRevision } from "../../../worker/submissions/submit.ts";
import { statusUnit } from "../../shared/review/status-unit.ts";
import { api, applySetup, createToken, db, json } from "../helpers.ts";
import { TINY, tinyBodies, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * GET /api/v1/status/:year and GET/PUT /api/v1/rounds/:year (docs/review.md): each unit's status
 * (missing, submitted, late, returned, accepted), the completeness, the deadline in Vietnam time
 * (UTC+7) and where it comes from. Revisions are stored through the submit path with an explicit
 * time (worker/submissions/submit.ts) so that the boundary is exact.
 */

const [A, B, C] = TINY;
const ADMIN: Principal = { role: "admin", unit: null, label: "ADMIN_TOKEN", tokenId: null };
const withDeadline = (year: number, plan: string | null) => ({ ...tinySetup(year), deadlines: { plan, result: null } });

let office: { token: string; label: string };
const unitTokens: Record<string, string> = {};

beforeAll(async () => {
  await applySetup(2027, withDeadline(2027, "2027-03-31"));
  await applySetup(2028, withDeadline(2028, "2028-03-31"));
  await applySetup(2029, withDeadline(2029, null));
  office = await createToken("office");
  for (const c of TINY) unitTokens[c.code] = (await createToken("unit", c.code)).token;
});

async function storeAt(body: ReturnType<typeof tinyBodies>[number], at: string): Promise<number> {
  const r = await submitRevision(db, ADMIN, body, new Date(at));
  expect(r.status).toBe(201);
  return r.body.revision;
}

async function status(year: number, query = "", token = office.token) {
  const res = await api(`/status/${year}${query}`, { token });
  expect(res.status).toBe(200);
  return json(res);
}

const brief = (units: { code: string; status: string; revision: number | null; daysLate: number | null }[]) =>
  units.map((u) => [u.code, u.status, u.revision, u.daysLate]);

describe("statuses and completeness, the deadline 2027-03-31 in Vietnam time", () => {
  it("23:59:59.999 +07 is on time (daysLate 0), 00:00 +07 the next day is late (daysLate 1); a revision after the deadline stays on time", async () => {
    const year = 2027;
    const [a, b] = tinyBodies(year);
    const empty = await status(year);
    expect(empty).toMatchObject({ year, round: "plan", deadline: "2027-03-31" });
    expect(brief(empty.units)).toEqual([
      [A.code, "missing", null, null],
      [B.code, "missing", null, null],
      [C.code, "missing", null, null],
    ]);
    expect(empty.units[0]).toEqual(statusUnit(A.code, A.name));
    expect(empty.completeness).toEqual({ expected: 3, submitted: 0, onTime: 0, accepted: 0 });

    await storeAt(a!, "2027-03-31T16:59:59.999Z");
    await storeAt(b!, "2027-03-31T17:00:00.000Z");
    const s = await status(year);
    expect(brief(s.units)).toEqual([
      [A.code, "submitted", 1, 0],
      [B.code, "late", 1, 1],
      [C.code, "missing", null, null],
    ]);
    expect(s.units[1]).toMatchObject({ submittedAt: "2027-03-31T17:00:00.000Z", firstSubmittedAt: "2027-03-31T17:00:00.000Z" });
    expect(s.completeness).toEqual({ expected: 3, submitted: 2, onTime: 1, accepted: 0 });
    expect(s.cut).toEqual({ asOf: "2027-03-31T17:00:00.000Z", seq: expect.any(Number), accepted: false });

    // As of the last on-time millisecond, only A had submitted.
    const before = await status(year, "?asOf=2027-03-31T16:59:59.999Z");
    expect(brief(before.units)).toEqual([
      [A.code, "submitted", 1, 0],
      [B.code, "missing", null, null],
      [C.code, "missing", null, null],
    ]);
    expect(before.completeness).toEqual({ expected: 3, submitted: 1, onTime: 1, accepted: 0 });
    expect(before.cut).toEqual({ asOf: "2027-03-31T16:59:59.999Z", seq: s.cut.seq - 1, accepted: false });

    // A revises ten days late: still on time (its first revision was); B revises: still 1 day late.
    await storeAt(unitSubmission(year, A.code, [unitCommune(A, upTo(9), upTo(10))]), "2027-04-10T03:00:00.000Z");
    await storeAt(unitSubmission(year, B.code, [unitCommune(B, upTo(7), upTo(10))]), "2027-04-10T04:00:00.000Z");
    const revised = await status(year);
    expect(brief(revised.units)).toEqual([
      [A.code, "submitted", 2, 0],
      [B.code, "late", 2, 1],
      [C.code, "missing", null, null],
    ]);
    expect(revised.units[0]).toMatchObject({ submittedAt: "2027-04-10T03:00:00.000Z", firstSubmittedAt: "2027-03-31T16:59:59.999Z" });
    expect(revised.completeness).toEqual({ expected: 3, submitted: 2, onTime: 1, accepted: 0 });

    // C, two Vietnam days after the deadline (2027-04-02 06:59 +07 is still 2 days).
    await storeAt(tinyBodies(year)[2]!, "2027-04-01T23:59:00.000Z");
    // B returned, A accepted.
    const ret = await api("/reviews", {
      token: office.token,
      body: { unit: B.code, year, action: "return", revision: 2, comment: "Thiếu" },
    });
    expect(ret.status).toBe(201);
    const acc = await api("/reviews", { token: office.token, body: { unit: A.code, year, action: "accept", revision: 2 } });
    expect(acc.status).toBe(201);
    const reviewed = await status(year);
    expect(brief(reviewed.units)).toEqual([
      [A.code, "accepted", 2, 0],
      [B.code, "returned", 2, 1],
      [C.code, "late", 1, 2],
    ]);
    expect(reviewed.units[0]).toMatchObject({ acceptedRevision: 2, reviewedBy: office.label });
    expect(reviewed.units[1]).toMatchObject({ acceptedRevision: null, comment: "Thiếu", reviewedBy: office.label });
    expect(reviewed.completeness).toEqual({ expected: 3, submitted: 3, onTime: 1, accepted: 1 });

    // The result round has nothing and no deadline.
    const result = await status(year, "?round=result");
    expect(result.deadline).toBeNull();
    expect(brief(result.units)).toEqual([
      [A.code, "missing", null, null],
      [B.code, "missing", null, null],
      [C.code, "missing", null, null],
    ]);
    expect(result.completeness).toEqual({ expected: 3, submitted: 0, onTime: 0, accepted: 0 });

    // A unit token sees its own row only; the completeness stays the province's.
    const own = await status(year, "", unitTokens[B.code]);
    expect(brief(own.units)).toEqual([[B.code, "returned", 2, 1]]);
    expect(own.completeness).toEqual({ expected: 3, submitted: 3, onTime: 1, accepted: 1 });
  });

  it("without a deadline every submitted unit is on time", async () => {
    const year = 2029;
    await storeAt(tinyBodies(year)[0]!, "2029-12-31T23:00:00.000Z");
    const s = await status(year);
    expect(s.deadline).toBeNull();
    expect(brief(s.units)).toEqual([
      [A.code, "submitted", 1, 0],
      [B.code, "missing", null, null],
      [C.code, "missing", null, null],
    ]);
    expect(s.completeness).toEqual({ expected: 3, submitted: 1, onTime: 1, accepted: 0 });
  });
});

describe("the office's deadline wins over the setup's", () => {
  it("GET /rounds states the source; PUT moves the deadline and the statuses follow", async () => {
    const year = 2028;
    const [a, b] = tinyBodies(year);
    await storeAt(a!, "2028-03-31T12:00:00.000Z");
    await storeAt(b!, "2028-04-01T12:00:00.000Z");

    const rounds = await json(await api(`/rounds/${year}`, { token: unitTokens[A.code] }));
    expect(rounds).toEqual({
      year,
      rounds: [
        { round: "plan", deadline: "2028-03-31", source: "setup", setAt: null, setBy: null },
        { round: "result", deadline: null, source: "none", setAt: null, setBy: null },
      ],
    });
    expect(brief((await status(year)).units)).toEqual([
      [A.code, "submitted", 1, 0],
      [B.code, "late", 1, 1],
      [C.code, "missing", null, null],
    ]);

    // The office moves it one day later, then sets the result round's.
    const put = await api(`/rounds/${year}/plan`, { method: "PUT", token: office.token, body: { deadline: "2028-04-01" } });
    expect(put.status).toBe(200);
    const answer = await json(put);
    expect(answer.rounds[0]).toEqual({
      round: "plan",
      deadline: "2028-04-01",
      source: "office",
      setAt: expect.any(String),
      setBy: office.label,
    });
    const putResult = await api(`/rounds/${year}/result`, { method: "PUT", token: office.token, body: { deadline: "2028-12-15" } });
    expect((await json(putResult)).rounds.map((r: { source: string; deadline: string }) => [r.source, r.deadline])).toEqual([
      ["office", "2028-04-01"],
      ["office", "2028-12-15"],
    ]);
    const s = await status(year);
    expect(s.deadline).toBe("2028-04-01");
    expect(brief(s.units)).toEqual([
      [A.code, "submitted", 1, 0],
      [B.code, "submitted", 1, 0],
      [C.code, "missing", null, null],
    ]);
    expect(s.completeness).toEqual({ expected: 3, submitted: 2, onTime: 2, accepted: 0 });

    // Re-applying the setup (its deadline unchanged) does not undo the office's.
    await applySetup(year, { ...withDeadline(year, "2028-03-31"), planFlags: [] });
    expect((await json(await api(`/rounds/${year}`))).rounds[0]).toMatchObject({ deadline: "2028-04-01", source: "office" });
    // The office's latest wins: earlier again.
    await api(`/rounds/${year}/plan`, { method: "PUT", token: office.token, body: { deadline: "2028-03-30" } });
    expect(brief((await status(year)).units)).toEqual([
      [A.code, "late", 1, 1],
      [B.code, "late", 1, 2],
      [C.code, "missing", null, null],
    ]);
  });

  it("PUT: 400 for a date that does not exist, 403 for a unit token; nothing stored", async () => {
    const before = (await db.prepare("SELECT count(*) AS n FROM round_deadlines").first<{ n: number }>())?.n;
    const bad = await api("/rounds/2029/plan", { method: "PUT", token: office.token, body: { deadline: "2029-02-30" } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe("request.malformed");
    const unit = await api("/rounds/2029/plan", { method: "PUT", token: unitTokens[A.code], body: { deadline: "2029-03-01" } });
    expect(unit.status).toBe(403);
    const noSetup = await api("/rounds/2099/plan", { method: "PUT", token: office.token, body: { deadline: "2099-03-01" } });
    expect(noSetup.status).toBe(404);
    expect((await json(noSetup)).error.code).toBe("setup.missing");
    expect((await db.prepare("SELECT count(*) AS n FROM round_deadlines").first<{ n: number }>())?.n).toBe(before);
  });
});
