import { beforeAll, describe, expect, it } from "vitest";
import { api, applySetup, count, countedCall, createToken, db, json } from "../helpers.ts";
import { TINY, tinyBodies, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * POST /api/v1/reviews (docs/review.md): return, accept, reopen; the refusals (409 review.stale,
 * review.invalid_state, 400) that store nothing; the audit rows each action writes; the D1 budget.
 * Each test uses its own plan year with the tiny commune-level setup (three communes, each its own
 * unit).
 */

const [A, B] = TINY;
const tokens: Record<string, { token: string; label: string; id: string }> = {};
let office: { token: string; label: string; id: string };

beforeAll(async () => {
  for (let year = 2031; year <= 2046; year++) await applySetup(year, tinySetup(year));
  office = await createToken("office");
  for (const c of TINY) tokens[c.code] = await createToken("unit", c.code);
});

/** Unit A's body of `year`, its plan varied by `k` (1..10 criteria planned) so that each k is new content. */
const bodyA = (year: number, k = 10) => unitSubmission(year, A.code, [unitCommune(A, upTo(3), upTo(k))], { "1": 1000 });

async function submit(year: number, body = bodyA(year), token = tokens[A.code]!.token) {
  const res = await api("/submissions", { token, body });
  return { status: res.status, body: await json(res) };
}

async function review(body: Record<string, unknown>, token = office.token) {
  const res = await api("/reviews", { token, body });
  return { status: res.status, body: await json(res) };
}

async function statusRow(year: number, unit = A.code, token = office.token) {
  const s = await json(await api(`/status/${year}`, { token }));
  return s.units.find((u: { code: string }) => u.code === unit);
}

/** What a refusal must leave unchanged. */
async function stored() {
  return { reviews: await count("reviews"), audit: await count("audit_log"), submissions: await count("submissions") };
}

describe("return", () => {
  it("400 without a comment, nothing stored", async () => {
    const year = 2031;
    await submit(year);
    const before = await stored();
    const r = await review({ unit: A.code, year, action: "return", revision: 1 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("request.malformed");
    expect(r.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(["comment"]);
    const blank = await review({ unit: A.code, year, action: "return", revision: 1, comment: "   " });
    expect(blank.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it("201; the cells are stored and shown to the unit by GET /status; the unit's next submission clears `returned`", async () => {
    const year = 2032;
    await submit(year);
    const r = await review({
      unit: A.code,
      year,
      action: "return",
      revision: 1,
      comment: "  Thiếu số liệu vốn.  ",
      cells: [
        { sheet: "Tiêu chí", cell: " h6 ", commune: A.code, text: "HT tiêu chí 1 chưa đúng" },
        { sheet: "Vốn", cell: "C7", text: "Thiếu vốn địa phương" },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      unit: A.code,
      year,
      round: "plan",
      action: "return",
      revision: 1,
      seq: expect.any(Number),
      at: expect.any(String),
    });

    const row = await db.prepare("SELECT action, revision, comment, cells, actor FROM reviews WHERE year = ?1").bind(year).first();
    expect(row).toEqual({
      action: "return",
      revision: 1,
      comment: "Thiếu số liệu vốn.",
      cells: JSON.stringify([
        { sheet: "Tiêu chí", cell: "H6", commune: A.code, text: "HT tiêu chí 1 chưa đúng" },
        { sheet: "Vốn", cell: "C7", commune: null, text: "Thiếu vốn địa phương" },
      ]),
      actor: office.label,
    });

    // The unit sees its own row only, returned with the comment and the cells.
    const seen = await json(await api(`/status/${year}`, { token: tokens[A.code]!.token }));
    expect(seen.units).toHaveLength(1);
    expect(seen.units[0]).toMatchObject({
      code: A.code,
      status: "returned",
      revision: 1,
      comment: "Thiếu số liệu vốn.",
      cells: [
        { sheet: "Tiêu chí", cell: "H6", commune: A.code, text: "HT tiêu chí 1 chưa đúng" },
        { sheet: "Vốn", cell: "C7", commune: null, text: "Thiếu vốn địa phương" },
      ],
      reviewedAt: r.body.at,
      reviewedBy: office.label,
      acceptedRevision: null,
    });
    expect(seen.completeness).toEqual({ expected: 3, submitted: 1, onTime: 1, accepted: 0 });

    const again = await submit(year, bodyA(year, 9));
    expect(again.status).toBe(201);
    expect(again.body.revision).toBe(2);
    expect(await statusRow(year)).toMatchObject({ status: "submitted", revision: 2, comment: null, cells: [], reviewedAt: r.body.at });
  });
});

describe("accept", () => {
  it("locks the round: the unit's next POST /submissions is 409 round.locked and stores nothing, even the identical content", async () => {
    const year = 2033;
    await submit(year);
    const r = await review({ unit: A.code, year, action: "accept", revision: 1 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ action: "accept", revision: 1 });
    expect(await statusRow(year)).toMatchObject({ status: "accepted", revision: 1, acceptedRevision: 1, comment: null, cells: [] });

    const before = await stored();
    for (const body of [bodyA(year, 8), bodyA(year)]) {
      const res = await submit(year, body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("round.locked");
    }
    // The admin is refused too.
    const admin = await api("/submissions", { body: bodyA(year, 7) });
    expect(admin.status).toBe(409);
    expect((await json(admin)).error.code).toBe("round.locked");
    expect(await stored()).toEqual(before);
    expect(await count("submissions WHERE year = 2033")).toBe(1);
  });

  it("201 with the setup's other units untouched: only the accepted unit counts as accepted", async () => {
    const year = 2034;
    const [a, b] = tinyBodies(year);
    await submit(year, a, tokens[A.code]!.token);
    await submit(year, b, tokens[B.code]!.token);
    await review({ unit: B.code, year, action: "accept", revision: 1 });
    const s = await json(await api(`/status/${year}`, { token: office.token }));
    expect(s.units.map((u: { code: string; status: string }) => [u.code, u.status])).toEqual([
      [A.code, "submitted"],
      [B.code, "accepted"],
      [TINY[2].code, "missing"],
    ]);
    expect(s.completeness).toEqual({ expected: 3, submitted: 2, onTime: 2, accepted: 1 });
    expect((await submit(year, bodyA(year, 9))).status).toBe(201);
  });
});

describe("reopen", () => {
  it("400 without a reason; with one: back to submitted, the reason shown, a submission taken again", async () => {
    const year = 2035;
    await submit(year);
    await review({ unit: A.code, year, action: "accept", revision: 1 });
    const before = await stored();
    const bare = await review({ unit: A.code, year, action: "reopen" });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(["comment"]);
    expect(await stored()).toEqual(before);

    const r = await review({ unit: A.code, year, action: "reopen", comment: "Đơn vị xin sửa vốn." });
    expect(r.status).toBe(201);
    // The reopen records the accepted revision.
    expect(r.body).toMatchObject({ action: "reopen", revision: 1 });
    expect(await statusRow(year)).toMatchObject({ status: "submitted", acceptedRevision: null, comment: "Đơn vị xin sửa vốn.", cells: [] });
    const again = await submit(year, bodyA(year, 6));
    expect(again.status).toBe(201);
    expect(again.body.revision).toBe(2);
    expect(await statusRow(year)).toMatchObject({ status: "submitted", revision: 2 });
  });

  it("a unit whose first revision came after the deadline is late again after the reopen", async () => {
    const year = 2036;
    const put = await api(`/rounds/${year}/plan`, { method: "PUT", token: office.token, body: { deadline: "2026-01-31" } });
    expect(put.status).toBe(200);
    await submit(year);
    expect(await statusRow(year)).toMatchObject({ status: "late" });
    await review({ unit: A.code, year, action: "accept", revision: 1 });
    expect(await statusRow(year)).toMatchObject({ status: "accepted" });
    await review({ unit: A.code, year, action: "reopen", comment: "Mở lại" });
    const row = await statusRow(year);
    expect(row.status).toBe("late");
    // Days from 31 January to the Vietnam date of the first revision.
    const vietnamDay = new Date(Date.parse(row.firstSubmittedAt) + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(row.daysLate).toBe((Date.parse(vietnamDay) - Date.parse("2026-01-31")) / 86_400_000);
    expect(row.comment).toBe("Mở lại");
  });
});

describe("409 review.stale", () => {
  it("a return or accept naming a revision older than the latest: nothing stored (reviews and audit unchanged)", async () => {
    const year = 2037;
    await submit(year);
    await submit(year, bodyA(year, 9));
    const before = await stored();
    for (const action of ["accept", "return"] as const) {
      const r = await review({ unit: A.code, year, action, revision: 1, ...(action === "return" ? { comment: "Sai" } : {}) });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("review.stale");
      expect(r.body.error.details).toEqual({ latestRevision: 2 });
    }
    // A revision that does not exist yet is stale too.
    const ahead = await review({ unit: A.code, year, action: "accept", revision: 3 });
    expect(ahead.status).toBe(409);
    expect(ahead.body.error.code).toBe("review.stale");
    expect(await stored()).toEqual(before);
    expect(await statusRow(year)).toMatchObject({ status: "submitted", revision: 2, reviewedAt: null });
  });
});

describe("409 review.invalid_state", () => {
  it("nothing submitted; accept twice; return an accepted round; reopen a round not accepted: nothing stored", async () => {
    const year = 2038;
    const missing = await review({ unit: A.code, year, action: "accept", revision: 1 });
    expect(missing.status).toBe(409);
    expect(missing.body.error).toMatchObject({ code: "review.invalid_state", details: { action: "accept", status: "missing" } });
    const returnMissing = await review({ unit: A.code, year, action: "return", revision: 1, comment: "x" });
    expect(returnMissing.body.error).toMatchObject({ code: "review.invalid_state", details: { action: "return", status: "missing" } });
    const reopenMissing = await review({ unit: A.code, year, action: "reopen", comment: "x" });
    expect(reopenMissing.body.error).toMatchObject({ code: "review.invalid_state", details: { action: "reopen", status: "not_accepted" } });

    await submit(year);
    const notAccepted = await review({ unit: A.code, year, action: "reopen", comment: "x" });
    expect(notAccepted.status).toBe(409);
    expect(notAccepted.body.error).toMatchObject({ code: "review.invalid_state", details: { action: "reopen", status: "not_accepted" } });

    expect((await review({ unit: A.code, year, action: "accept", revision: 1 })).status).toBe(201);
    const before = await stored();
    const twice = await review({ unit: A.code, year, action: "accept", revision: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: "review.invalid_state", details: { action: "accept", status: "accepted" } });
    const ret = await review({ unit: A.code, year, action: "return", revision: 1, comment: "Sai" });
    expect(ret.status).toBe(409);
    expect(ret.body.error).toMatchObject({ code: "review.invalid_state", details: { action: "return", status: "accepted" } });
    expect(await stored()).toEqual(before);

    // Reopened once, a second reopen is refused.
    expect((await review({ unit: A.code, year, action: "reopen", comment: "Mở" })).status).toBe(201);
    const again = await review({ unit: A.code, year, action: "reopen", comment: "Mở" });
    expect(again.body.error).toMatchObject({ code: "review.invalid_state", details: { action: "reopen", status: "not_accepted" } });
  });
});

describe("400 and 403", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["an unknown action", { action: "approve", revision: 1 }, "action"],
    ["accept without a revision", { action: "accept" }, "revision"],
    ["return without a revision", { action: "return", comment: "x" }, "revision"],
    ["cells on accept", { action: "accept", revision: 1, cells: [{ sheet: "Tiêu chí", cell: "H6", text: "x" }] }, "cells"],
    ["cell A0", { action: "return", revision: 1, comment: "x", cells: [{ sheet: "Tiêu chí", cell: "A0", text: "x" }] }, "cells.0.cell"],
    ["cell 1A", { action: "return", revision: 1, comment: "x", cells: [{ sheet: "Tiêu chí", cell: "1A", text: "x" }] }, "cells.0.cell"],
    [
      "a commune code of 4 digits",
      { action: "return", revision: 1, comment: "x", cells: [{ sheet: "S", cell: "A1", commune: "0614", text: "x" }] },
      "cells.0.commune",
    ],
    ["a year as text", { action: "accept", revision: 1, year: "2039" }, "year"],
    ["revision 0", { action: "accept", revision: 0 }, "revision"],
  ];
  for (const [what, patch, path] of cases) {
    it(`400 request.malformed for ${what} (issue at ${path}); nothing stored`, async () => {
      const year = 2039;
      if ((await count("submissions WHERE year = 2039")) === 0) await submit(year);
      const before = await stored();
      const r = await review({ unit: A.code, year, ...patch });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("request.malformed");
      expect(r.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([path]);
      expect(await stored()).toEqual(before);
    });
  }

  it("403 for a unit token, 401 without one; nothing stored", async () => {
    const year = 2040;
    await submit(year);
    const before = await stored();
    const unit = await review({ unit: A.code, year, action: "accept", revision: 1 }, tokens[A.code]!.token);
    expect(unit.status).toBe(403);
    expect(unit.body.error.code).toBe("auth.forbidden");
    expect((await api("/reviews", { token: null, body: { unit: A.code, year, action: "accept", revision: 1 } })).status).toBe(401);
    expect(await stored()).toEqual(before);
  });
});

describe("audit rows", () => {
  it("each action writes one row: GET /audit shows them newest first with the actor's label, the revision and the detail", async () => {
    const year = 2041;
    await submit(year);
    const ret = await review({
      unit: A.code,
      year,
      action: "return",
      revision: 1,
      comment: "Sửa ô H6",
      cells: [{ sheet: "Tiêu chí", cell: "H6", text: "x" }],
    });
    await submit(year, bodyA(year, 9));
    const acc = await review({ unit: A.code, year, action: "accept", revision: 2 });
    const admin = await api("/reviews", { body: { unit: A.code, year, action: "reopen", comment: "Mở lại để sửa" } });
    expect(admin.status).toBe(201);
    const reopen = await json(admin);

    const page = await json(await api(`/audit?year=${year}`, { token: office.token }));
    const entries = page.entries.map((e: Record<string, unknown>) => ({ ...e, at: undefined }));
    expect(entries).toEqual([
      {
        seq: reopen.seq,
        at: undefined,
        actor: { label: "ADMIN_TOKEN", tokenId: null },
        action: "reopen",
        unit: A.code,
        year,
        round: "plan",
        revision: 2,
        detail: { comment: "Mở lại để sửa", cells: 0 },
      },
      {
        seq: acc.body.seq,
        at: undefined,
        actor: { label: office.label, tokenId: office.id },
        action: "accept",
        unit: A.code,
        year,
        round: "plan",
        revision: 2,
        detail: {},
      },
      {
        seq: acc.body.seq - 1,
        at: undefined,
        actor: { label: tokens[A.code]!.label, tokenId: tokens[A.code]!.id },
        action: "submit",
        unit: A.code,
        year,
        round: "plan",
        revision: 2,
        detail: { communes: 1, templateVersion: "NTM-2" },
      },
      {
        seq: ret.body.seq,
        at: undefined,
        actor: { label: office.label, tokenId: office.id },
        action: "return",
        unit: A.code,
        year,
        round: "plan",
        revision: 1,
        detail: { comment: "Sửa ô H6", cells: 1 },
      },
      {
        seq: ret.body.seq - 1,
        at: undefined,
        actor: { label: tokens[A.code]!.label, tokenId: tokens[A.code]!.id },
        action: "submit",
        unit: A.code,
        year,
        round: "plan",
        revision: 1,
        detail: { communes: 1, templateVersion: "NTM-2" },
      },
      expect.objectContaining({ action: "setup", year, unit: null, revision: null }),
    ]);
    expect(page.next).toBeNull();
    // The times the answers stated are the audit rows' times.
    expect(page.entries[0].at).toBe(reopen.at);
    expect(page.entries[1].at).toBe(acc.body.at);
    expect(page.entries[3].at).toBe(ret.body.at);
  });
});

describe("D1 budget", () => {
  it("a review: one batch of 3 statements (check + write + outcome), plus the token lookup", async () => {
    const year = 2042;
    await submit(year);
    const asOffice = await countedCall("/reviews", { token: office.token, body: { unit: A.code, year, action: "accept", revision: 1 } });
    expect(asOffice.res.status).toBe(201);
    expect(asOffice.stats).toEqual({ roundTrips: 2, statements: 4, batches: [3] });
    // A refusal costs the same: the check is inside the batch.
    const refused = await countedCall("/reviews", { body: { unit: A.code, year, action: "accept", revision: 1 } });
    expect(refused.res.status).toBe(409);
    expect(refused.stats).toEqual({ roundTrips: 1, statements: 3, batches: [3] });
    // A malformed body never reaches D1 (the bootstrap admin costs no query).
    const bad = await countedCall("/reviews", { body: { unit: A.code, year, action: "accept" } });
    expect(bad.res.status).toBe(400);
    expect(bad.stats).toEqual({ roundTrips: 0, statements: 0, batches: [] });
  });
});
