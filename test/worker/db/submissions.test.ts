import { beforeAll, describe, expect, it } from "vitest";
import { chunkCommunes, isOwnershipConflict, isRevisionConflict, storeRevision } from "../../../worker/db/submissions.ts";
import type { CommuneRow } from "../../../worker/db/submissions.ts";
import { api, applySetup, commune, communes, countedCall, counts, createToken, db, json, submission } from "../helpers.ts";

/** The years of these tests (outside 2016-2020) get the 11 districts' setup: without one a submission is 404. */
beforeAll(async () => {
  for (let year = 2060; year <= 2069; year++) await applySetup(year);
});

describe("atomic batch", () => {
  it("a submission whose LAST write fails leaves nothing anywhere (5xx, zero new rows)", async () => {
    await db.exec(
      "CREATE TRIGGER test_fail_latest_insert BEFORE INSERT ON latest_submissions BEGIN SELECT RAISE(ABORT, 'test: last write fails'); END;",
    );
    await db.exec(
      "CREATE TRIGGER test_fail_latest_update BEFORE UPDATE ON latest_submissions BEGIN SELECT RAISE(ABORT, 'test: last write fails'); END;",
    );
    try {
      const before = await counts();
      const res = await api("/submissions", { body: submission("183", 2060, communes("0660", 5)) });
      expect(res.status).toBe(500);
      expect((await json(res)).error.code).toBe("internal");
      expect(await counts()).toEqual(before);
    } finally {
      await db.exec("DROP TRIGGER test_fail_latest_insert");
      await db.exec("DROP TRIGGER test_fail_latest_update");
    }
    // Without the trigger the same submission is stored as revision 1: the failed one used no number.
    const ok = await api("/submissions", { body: submission("183", 2060, communes("0660", 5)) });
    expect((await json(ok)).revision).toBe(1);
  });

  it("the trigger-free control: the same statement sequence does write every table", async () => {
    const before = await counts();
    await api("/submissions", { body: submission("184", 2061, communes("0661", 5)) });
    const after = await counts();
    expect(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]))).toEqual({
      submissions: 1,
      submission_communes: 5,
      latest_submissions: 1,
      commune_owners: 5,
    });
  });
});

describe("concurrency", () => {
  it("20 concurrent submissions of one district get revisions exactly 1..20, none lost", async () => {
    const t = await createToken("unit", "185");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api("/submissions", { token: t.token, body: submission("185", 2062, communes("0662", 3), { other: i + 1 }) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const revisions = (await Promise.all(results.map((r) => json(r)))).map((b) => b.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const latest = await db
      .prepare("SELECT revision FROM latest_submissions WHERE unit = '185' AND year = 2062 AND round = 'plan'")
      .first();
    expect(latest).toEqual({ revision: 20 });
  });

  it("20 concurrent submissions of the SAME content: one revision, 19 deduplicated", async () => {
    const body = submission("186", 2063, communes("0663", 3));
    const results = await Promise.all(Array.from({ length: 20 }, () => api("/submissions", { body })));
    const bodies = await Promise.all(results.map((r) => json(r)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies.every((b) => b.revision === 1)).toBe(true);
  });
});

describe("ownership race", () => {
  it("10 districts claiming the same new commune code at once: exactly one owner, nine 409s, no orphan rows", async () => {
    const districts = ["178", "180", "181", "182", "183", "184", "185", "186", "187", "188"];
    const before = await counts();
    const results = await Promise.all(
      districts.map((d) => api("/submissions", { body: submission(d, 2069, [commune("09999", "Xã Tranh Chấp", [1], [1, 2, 3, 4, 5])]) })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const owners = await db.prepare("SELECT count(*) AS n FROM commune_owners WHERE year = 2069 AND code = '09999'").first();
    expect(owners).toEqual({ n: 1 });
    const after = await counts();
    expect((after.submissions ?? 0) - (before.submissions ?? 0)).toBe(1);
    expect((after.submission_communes ?? 0) - (before.submission_communes ?? 0)).toBe(1);
  });
});

describe("storeRevision (db layer)", () => {
  const revision = (district: string, code: string, hash: string) => ({
    id: crypto.randomUUID(),
    district,
    year: 2072,
    contentHash: hash,
    templateVersion: "NTM-1",
    header: "{}",
    aggregate: "{}",
    setupId: null,
    communes: [[code, "Xã X", 0, 1, 31, 6]] as CommuneRow[],
    preparedBy: null,
    phone: null,
    submittedBy: "test",
    tokenId: null,
    submittedAt: "2072-01-01T00:00:00.000Z",
  });

  it("the ownership key itself refuses a code another district owns, even when no check ran before (whole batch rolled back)", async () => {
    expect(await storeRevision(db, revision("178", "07000", "h1"))).toMatchObject({ revision: 1, created: true });
    const before = await counts();
    const err = await storeRevision(db, revision("180", "07000", "h2")).catch((e: unknown) => e);
    expect(isOwnershipConflict(err)).toBe(true);
    expect(isRevisionConflict(err)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("rounds are apart: numbering, dedupe, latest pointer and commune ownership per (unit, year, round)", async () => {
    const plan = await storeRevision(db, revision("182", "07002", "P"));
    const result = await storeRevision(db, { ...revision("182", "07002", "P"), round: "result" });
    const other = await storeRevision(db, { ...revision("183", "07002", "Q"), round: "result" }).catch((e: unknown) => e);
    expect([plan.revision, plan.created, result.revision, result.created]).toEqual([1, true, 1, true]);
    expect(isOwnershipConflict(other)).toBe(true); // 07002 is 182's in the result round too
    const rows = await db
      .prepare("SELECT round, unit, revision FROM latest_submissions WHERE year = 2072 AND unit = '182' ORDER BY round")
      .all();
    expect(rows.results).toEqual([
      { round: "plan", unit: "182", revision: 1 },
      { round: "result", unit: "182", revision: 1 },
    ]);
    const owners = await db.prepare("SELECT round, unit FROM commune_owners WHERE year = 2072 AND code = '07002' ORDER BY round").all();
    expect(owners.results).toEqual([
      { round: "plan", unit: "182" },
      { round: "result", unit: "182" },
    ]);
  });

  it("numbers revisions max + 1 and deduplicates against the latest hash only", async () => {
    const a1 = await storeRevision(db, revision("181", "07001", "A"));
    const a2 = await storeRevision(db, revision("181", "07001", "A"));
    const b = await storeRevision(db, revision("181", "07001", "B"));
    const a3 = await storeRevision(db, revision("181", "07001", "A"));
    expect([a1, a2, b, a3].map((r) => [r.revision, r.created])).toEqual([
      [1, true],
      [1, false],
      [2, true],
      [3, true],
    ]);
    expect(a2.id).toBe(a1.id);
    // Each stored revision has its `submit` entry under its own seq; the deduplicated one has none.
    const audit = await db
      .prepare(
        "SELECT a.action, a.revision, s.id FROM audit_log a JOIN submissions s ON s.seq = a.seq " +
          "WHERE a.unit = '181' AND a.year = 2072 ORDER BY a.seq",
      )
      .all();
    expect(audit.results).toEqual([
      { action: "submit", revision: 1, id: a1.id },
      { action: "submit", revision: 2, id: b.id },
      { action: "submit", revision: 3, id: a3.id },
    ]);
  });
});

describe("D1 budget", () => {
  it("a unit token's submission: 3 round trips, 13 statements (auth 1 + read batch 5: setup 3, locked 1, owners 1 + write batch 7 with its audit row)", async () => {
    const t = await createToken("unit", "187");
    const { res, stats } = await countedCall("/submissions", { token: t.token, body: submission("187", 2064, communes("0664", 30)) });
    expect(res.status).toBe(201);
    expect(stats).toEqual({ roundTrips: 3, statements: 13, batches: [5, 7] });
  });

  it("a 10,000-commune submission costs the same statements: communes travel as one JSON parameter", async () => {
    const big = submission(
      "188",
      2065,
      communes("1", 10_000).map((c, i) => ({ ...c, code: String(10000 + i) })),
    );
    const { res, stats } = await countedCall("/submissions", { body: big });
    expect(res.status).toBe(201);
    expect(stats).toEqual({ roundTrips: 2, statements: 12, batches: [5, 7] });
    const stored = await db
      .prepare("SELECT count(*) AS n FROM submission_communes c JOIN submissions s ON s.id = c.submission_id WHERE s.year = 2065")
      .first();
    expect(stored).toEqual({ n: 10_000 });
  }, 60_000);

  it("a deduplicated submission uses the same batch (the dedupe decision is inside it)", async () => {
    const body = submission("189", 2066, communes("0666", 4));
    await api("/submissions", { body });
    const { res, stats } = await countedCall("/submissions", { body });
    expect(res.status).toBe(200);
    expect(stats.batches).toEqual([5, 7]);
  });

  it("a report: 2 round trips, 9 statements (auth 1 + one batch of 8: cut, setup 3, deadlines, latest revisions, reviews, targets), whatever the number of units and communes", async () => {
    const t = await createToken("office");
    await applySetup(2067);
    const empty = await countedCall("/reports/2067", { token: t.token });
    await api("/submissions", { body: submission("178", 2067, communes("0667", 40)) });
    await api("/submissions", { body: submission("180", 2067, communes("0668", 3)) });
    await api("/submissions", { body: submission("180", 2067, communes("0668", 3, 2)) });
    const full = await countedCall("/reports/2067", { token: t.token });
    expect(full.res.status).toBe(200);
    expect(empty.stats).toEqual({ roundTrips: 2, statements: 9, batches: [8] });
    expect(full.stats).toEqual(empty.stats);
    // The result report reads each unit's plan too (accepted, else latest): one statement more.
    const result = await countedCall("/reports/2067?round=result", { token: t.token });
    expect(result.stats).toEqual({ roundTrips: 2, statements: 10, batches: [9] });
  });
});

describe("chunkCommunes", () => {
  const rows: CommuneRow[] = Array.from({ length: 100 }, (_, i) => [String(10000 + i), `Xã ${i}`, 0, 7, 15, i + 6]);

  it("keeps every row, in order, in JSON chunks under the byte limit", () => {
    const chunks = chunkCommunes(rows, 500);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(new TextEncoder().encode(c).byteLength).toBeLessThanOrEqual(500);
    expect(chunks.flatMap((c) => JSON.parse(c))).toEqual(rows);
  });

  it("one chunk when everything fits; none for no rows", () => {
    expect(chunkCommunes(rows)).toHaveLength(1);
    expect(chunkCommunes([])).toEqual([]);
  });

  it("stores several chunks in the same batch when a submission is very large", async () => {
    // Use commune names near the 200-character limit so that 10,000 communes exceed one 1 MB chunk.
    const long = "Xã " + "Đ".repeat(120);
    const big = submission(
      "181",
      2068,
      Array.from({ length: 6_000 }, (_, i) => commune(String(20000 + i), `${long} ${i}`, [1], [1, 2, 3, 4, 5])),
    );
    const { res, stats } = await countedCall("/submissions", { body: big });
    expect(res.status).toBe(201);
    expect(stats.batches).toEqual([5, 8]);
    const n = await db.prepare("SELECT communes FROM submissions WHERE unit = '181' AND year = 2068").first();
    expect(n).toEqual({ communes: 6_000 });
  }, 60_000);
});
