import { beforeAll, describe, expect, it } from "vitest";
import { api, applySetup, count, createToken, db, json } from "../helpers.ts";
import { TINY, tinyBodies, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * GET /api/v1/audit (docs/review.md): every action that changes stored data has exactly one row,
 * newest first, paginated by sequence number; office and admin only; the database refuses any
 * change to a row. Actions that store nothing (a deduplicated or refused submission) leave none.
 */

const [A, B] = TINY;
let office: { token: string; label: string; id: string };
let unitA: { token: string; label: string; id: string };

beforeAll(async () => {
  for (const year of [2050, 2051, 2052, 2053]) await applySetup(year, tinySetup(year));
  office = await createToken("office");
  unitA = await createToken("unit", A.code);
});

type Entry = { seq: number; at: string; action: string; unit: string | null; year: number | null; revision: number | null };

async function page(query: string, token = office.token) {
  const res = await api(`/audit${query}`, { token });
  expect(res.status).toBe(200);
  return json<{ entries: Entry[]; next: string | null }>(res);
}

describe("pagination", () => {
  it("limit, next and the year filter; newest first; the pages together are the whole list", async () => {
    const year = 2050;
    const [a, b, c] = tinyBodies(year);
    for (const body of [a, b, c]) expect((await api("/submissions", { body })).status).toBe(201);
    await api(`/rounds/${year}/plan`, { method: "PUT", token: office.token, body: { deadline: "2050-03-31" } });
    // Another year's action is not listed under this one.
    await api("/submissions", { body: tinyBodies(2051)[0] });

    const all = await page(`?year=${year}`);
    expect(all.entries.map((e) => [e.action, e.unit, e.year, e.revision])).toEqual([
      ["deadline", null, year, null],
      ["submit", TINY[2].code, year, 1],
      ["submit", B.code, year, 1],
      ["submit", A.code, year, 1],
      ["setup", null, year, null],
    ]);
    expect(all.next).toBeNull();
    const seqs = all.entries.map((e) => e.seq);
    expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
    const times = all.entries.map((e) => Date.parse(e.at));
    for (let i = 1; i < times.length; i++) expect(times[i - 1]!).toBeGreaterThan(times[i]!);

    const first = await page(`?year=${year}&limit=2`);
    expect(first.entries.map((e) => e.seq)).toEqual(seqs.slice(0, 2));
    expect(first.next).toEqual(expect.any(String));
    const second = await page(`?year=${year}&limit=2&cursor=${first.next}`);
    expect(second.entries.map((e) => e.seq)).toEqual(seqs.slice(2, 4));
    const third = await page(`?year=${year}&limit=2&cursor=${second.next}`);
    expect(third.entries.map((e) => e.seq)).toEqual(seqs.slice(4));
    expect(third.next).toBeNull();

    // A cursor of the year-filtered list is refused for another filter.
    const wrong = await api(`/audit?year=2051&limit=2&cursor=${first.next}`, { token: office.token });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error.code).toBe("request.malformed");
    // Without a year: every action, the latest first (here the 2051 submission is not the last: the deadline came before it).
    const everything = await page("?limit=1");
    expect(everything.entries.map((e) => [e.action, e.year])).toEqual([["submit", 2051]]);
    expect((await api("/audit?limit=0", { token: office.token })).status).toBe(400);
  });
});

describe("access", () => {
  it("office and admin read it; a unit token is refused (403), no token 401", async () => {
    expect((await api("/audit", { token: office.token })).status).toBe(200);
    expect((await api("/audit")).status).toBe(200);
    const unit = await api("/audit", { token: unitA.token });
    expect(unit.status).toBe(403);
    expect((await json(unit)).error.code).toBe("auth.forbidden");
    expect((await api("/audit", { token: null })).status).toBe(401);
  });
});

describe("append-only", () => {
  it("D1 refuses UPDATE and DELETE of audit rows, reviews and deadlines", async () => {
    const before = await count("audit_log");
    expect(before).toBeGreaterThan(0);
    await expect(db.prepare("UPDATE audit_log SET actor = 'x'").run()).rejects.toThrow(/audit_log is append-only/);
    await expect(db.prepare("DELETE FROM audit_log WHERE seq = 1").run()).rejects.toThrow(/audit_log is append-only/);
    await expect(db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = (SELECT MAX(seq) FROM audit_log)").run()).rejects.toThrow(
      /append-only/,
    );
    expect(await count("audit_log")).toBe(before);

    const year = 2052;
    await api("/submissions", { body: tinyBodies(year)[0] });
    await api("/reviews", { body: { unit: A.code, year, action: "accept", revision: 1 } });
    await api(`/rounds/${year}/plan`, { method: "PUT", body: { deadline: "2052-04-30" } });
    await expect(db.prepare("UPDATE reviews SET action = 'return'").run()).rejects.toThrow(/reviews are append-only/);
    await expect(db.prepare("DELETE FROM reviews").run()).rejects.toThrow(/reviews are append-only/);
    await expect(db.prepare("UPDATE round_deadlines SET deadline = '2052-01-01'").run()).rejects.toThrow(/deadlines are append-only/);
    await expect(db.prepare("DELETE FROM round_deadlines").run()).rejects.toThrow(/deadlines are append-only/);
    expect(await count("reviews WHERE year = 2052")).toBe(1);
    expect(await count("round_deadlines WHERE year = 2052")).toBe(1);
  });
});

describe("what is recorded", () => {
  it("token create and revoke, setup apply and deadline: one row each, with the actor and the detail", async () => {
    const t = await createToken("unit", B.code);
    const created = (await page("?limit=1")).entries[0];
    expect(created).toEqual({
      seq: expect.any(Number),
      at: expect.any(String),
      actor: { label: "ADMIN_TOKEN", tokenId: null },
      action: "token.create",
      unit: B.code,
      year: null,
      round: null,
      revision: null,
      detail: { id: t.id, role: "unit", label: t.label },
    });
    const revoke = await api(`/tokens/${t.id}`, { method: "DELETE" });
    expect(revoke.status).toBe(200);
    const revoked = (await page("?limit=1")).entries[0];
    expect(revoked).toMatchObject({
      seq: created!.seq + 1,
      action: "token.revoke",
      actor: { label: "ADMIN_TOKEN", tokenId: null },
      detail: { id: t.id },
    });
    // Revoking again changes nothing and writes nothing.
    expect((await api(`/tokens/${t.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await page("?limit=1")).entries[0]!.seq).toBe(revoked!.seq);

    const version = await applySetup(2053, { ...tinySetup(2053), planFlags: [] });
    expect(version).toBe(2);
    const setup = (await page("?year=2053&limit=1")).entries[0];
    expect(setup).toEqual({
      seq: revoked!.seq + 1,
      at: expect.any(String),
      actor: { label: "ADMIN_TOKEN", tokenId: null },
      action: "setup",
      unit: null,
      year: 2053,
      round: null,
      revision: null,
      detail: { criteriaSet: "2026-2030", level: "xã", units: 3, communes: 3, version: 2 },
    });

    const put = await api("/rounds/2053/result", { method: "PUT", token: office.token, body: { deadline: "2053-12-20" } });
    expect(put.status).toBe(200);
    const deadline = (await page("?year=2053&limit=1")).entries[0];
    expect(deadline).toEqual({
      seq: setup!.seq + 1,
      at: expect.any(String),
      actor: { label: office.label, tokenId: office.id },
      action: "deadline",
      unit: null,
      year: 2053,
      round: "result",
      revision: null,
      detail: { deadline: "2053-12-20" },
    });
  });

  it("a deduplicated submission and a refused one (422, 409 round.locked) write no entry", async () => {
    const year = 2053;
    const body = unitSubmission(year, A.code, [unitCommune(A, upTo(4), upTo(6))]);
    const first = await api("/submissions", { token: unitA.token, body });
    expect(first.status).toBe(201);
    const seq = (await page("?limit=1")).entries[0]!.seq;
    const audit = await count("audit_log");

    const dedup = await api("/submissions", { token: unitA.token, body });
    expect(dedup.status).toBe(200);
    expect((await json(dedup)).deduplicated).toBe(true);

    // 422: A's body lists B's commune (commune.unknown for A); B's own first revision is an entry.
    expect((await api("/submissions", { body: tinyBodies(year)[1] })).status).toBe(201);
    const afterB = await count("audit_log");
    expect(afterB).toBe(audit + 1);
    const invalid = await api("/submissions", {
      token: unitA.token,
      body: unitSubmission(year, A.code, [unitCommune(A, upTo(4), upTo(6)), unitCommune(B, upTo(7), upTo(9), {}, 7)]),
    });
    expect(invalid.status).toBe(422);
    expect((await json(invalid)).error.details.issues.map((i: { code: string }) => i.code)).toContain("commune.unknown");
    expect(await count("audit_log")).toBe(afterB);

    // 409 round.locked.
    await api("/reviews", { body: { unit: A.code, year, action: "accept", revision: 1 } });
    const locked = await api("/submissions", {
      token: unitA.token,
      body: unitSubmission(year, A.code, [unitCommune(A, upTo(4), upTo(7))]),
    });
    expect(locked.status).toBe(409);
    expect((await json(locked)).error.code).toBe("round.locked");

    expect(await count("audit_log")).toBe(afterB + 1);
    const latest = await page(`?year=${year}&limit=3`);
    expect(latest.entries.map((e) => [e.action, e.unit, e.revision])).toEqual([
      ["accept", A.code, 1],
      ["submit", B.code, 1],
      ["submit", A.code, 1],
    ]);
    expect(latest.entries[2]!.seq).toBe(seq);
  });
});
