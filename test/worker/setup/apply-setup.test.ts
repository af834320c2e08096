import { describe, expect, it } from "vitest";
import type { Aggregate } from "../../../shared/schemas/aggregate.ts";
import { readStoredAggregate } from "../../../shared/schemas/aggregate.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import type { SetupJson } from "../../../shared/setup/schema.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { storeRevision } from "../../../worker/db/submissions.ts";
import type { Principal } from "../../../worker/env.ts";
import { applySetup as applyTo } from "../../../worker/setup/apply-setup.ts";
import { contentHash, headerJson } from "../../../worker/submissions/canonical.ts";
import { submitRevision } from "../../../worker/submissions/submit.ts";
import { communeLabels, toUnitCommuneRows } from "../../../worker/submissions/unit-commune-bits.ts";
import { api, applySetup, commune, countedCall, db, districtSetup, json, largeCommuneSetup, submission } from "../helpers.ts";
import { BORDER, TINY, tinyBodies, tinySetup } from "../unit-fixtures.ts";

/**
 * Applying a setup to a year that already has revisions (docs/setup.md): the commune rows stay as
 * stored; the aggregates the report reads are recomputed under the new setup in the same batch, so
 * the report follows it (groups move, dropped communes are listed as `unlisted`).
 */

const checked = (json: SetupJson): Setup => {
  const r = checkSetup(json, json.year);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

/** Every stored revision row and commune row of a year, as D1 holds them. */
async function revisionRows(year: number): Promise<unknown[]> {
  const [s, c] = await db.batch([
    db.prepare("SELECT * FROM submissions WHERE year = ?1 ORDER BY id").bind(year),
    db
      .prepare(
        "SELECT c.* FROM submission_communes c JOIN submissions s ON s.id = c.submission_id WHERE s.year = ?1 ORDER BY c.submission_id, c.code",
      )
      .bind(year),
  ]);
  return [s?.results, c?.results];
}

type Latest = { unit: string; round: string; aggregate: Aggregate; setupId: string | null };
async function latest(year: number): Promise<Latest[]> {
  const { results } = await db
    .prepare("SELECT unit, round, aggregate, setup_id FROM latest_submissions WHERE year = ?1 ORDER BY round, unit")
    .bind(year)
    .all<{ unit: string; round: string; aggregate: string; setup_id: string | null }>();
  return results.map((r) => ({ unit: r.unit, round: r.round, aggregate: readStoredAggregate(r.aggregate), setupId: r.setup_id }));
}

const versionId = async (year: number, version: number) =>
  (await db.prepare("SELECT id FROM setups WHERE year = ?1 AND version = ?2").bind(year, version).first<{ id: string }>())?.id;

const groupsOf = (report: { groups: { group: string; communes: number }[] }) => report.groups.map((g) => [g.group, g.communes]);

/** A D1 binding that runs `between` once, right after its first batch (the read) answered. */
function afterFirstBatch(real: D1Database, between: () => Promise<void>): D1Database {
  let fired = false;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === "batch") {
        return async (stmts: D1PreparedStatement[]) => {
          const results = await target.batch(stmts);
          if (!fired) {
            fired = true;
            await between();
          }
          return results;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("PUT /setup/:year over stored revisions", () => {
  it("a commune regrouped: the report's group counts move; revisions and commune rows are untouched; every round is recomputed", async () => {
    await applySetup(2040, tinySetup(2040));
    for (const body of tinyBodies(2040)) expect((await api("/submissions", { body })).status).toBe(201);
    // A result-round revision of 06157 (stored as the Worker stores one).
    const result = tinyBodies(2040)[2]!;
    const labels = communeLabels(result);
    await storeRevision(db, {
      id: "result-06157",
      district: "06157",
      year: 2040,
      round: "result",
      contentHash: await contentHash(result),
      templateVersion: "NTM-2",
      header: headerJson(result),
      communeLabels: JSON.stringify(labels),
      aggregate: "{}",
      setupId: (await versionId(2040, 1)) ?? null,
      communes: toUnitCommuneRows(result, labels),
      preparedBy: null,
      phone: null,
      submittedBy: "test",
      tokenId: null,
      submittedAt: "2040-06-01T00:00:00.000Z",
    });
    const before = await json(await api("/reports/2040"));
    expect(groupsOf(before)).toEqual([
      ["group1", 1],
      ["group2", 1],
      ["group3", 1],
      [`attr:${BORDER}`, 2],
      ["flag:Phấn đấu đạt chuẩn NTM", 1],
      ["flag:Xã NTM nâng cao", 1],
    ]);
    const rows = await revisionRows(2040);

    // 06151 moves from group 2 to group 1 and becomes a border commune.
    const regrouped = TINY.map((c) => (c.code === "06151" ? { ...c, group: 1, border: true } : c));
    const put = await api("/setup/2040", { method: "PUT", body: tinySetup(2040, regrouped) });
    expect([put.status, (await json(put)).version]).toEqual([201, 2]);

    const after = await json(await api("/reports/2040"));
    expect(groupsOf(after)).toEqual([
      ["group1", 2],
      ["group2", 0],
      ["group3", 1],
      [`attr:${BORDER}`, 3],
      ["flag:Phấn đấu đạt chuẩn NTM", 1],
      ["flag:Xã NTM nâng cao", 1],
    ]);
    expect(after.groups[0].avgCriteria).toEqual({ baseline: 8.5, plan: 9.5 });
    expect(after.overview).toEqual(before.overview);
    expect(await revisionRows(2040)).toEqual(rows);

    const v2 = await versionId(2040, 2);
    const now = await latest(2040);
    expect(now.map((l) => [l.round, l.unit, l.setupId === v2])).toEqual([
      ["plan", "06148", true],
      ["plan", "06151", true],
      ["plan", "06157", true],
      ["result", "06157", true],
    ]);
    expect(now[1]!.aggregate.groups).toMatchObject({
      group1: { communes: 1, criteriaSum: { baseline: 7, plan: 9 } },
      group2: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
      [`attr:${BORDER}`]: { communes: 1, criteriaSum: { baseline: 7, plan: 9 } },
    });
    // The result round's aggregate ("{}" as stored above) is now the revision's under version 2: the
    // same plan part as the plan revision's, and a result part (its rows hold no TH: nothing achieved).
    const { result: achieved, ...planPart } = now[3]!.aggregate;
    expect(planPart).toEqual(now[2]!.aggregate);
    expect(achieved).toMatchObject({ ntm: 0, criteriaSum: 0, disbursed: {} });
  });

  it("a commune the new setup drops is listed in the report as unlisted, with its unit; its unit is no longer listed", async () => {
    await applySetup(2041, tinySetup(2041));
    for (const body of tinyBodies(2041)) await api("/submissions", { body });
    await applySetup(2041, tinySetup(2041, TINY.slice(0, 2)));
    const report = await json(await api("/reports/2041"));
    expect(report.unlisted).toEqual([{ code: "06157", name: "Xã Tân Tiến", unit: "06157" }]);
    expect(report.units.map((u: { code: string; listed: boolean; communes: number }) => [u.code, u.listed, u.communes])).toEqual([
      ["06148", true, 1],
      ["06151", true, 1],
      ["06157", false, 1],
    ]);
  });

  it("the same rules again (a new deadline only): the recomputed aggregates equal those computed at submit time", async () => {
    await applySetup(2042, tinySetup(2042));
    for (const body of tinyBodies(2042)) await api("/submissions", { body });
    await applySetup(2042, { ...tinySetup(2042), deadlines: { plan: "2042-03-31", result: null } });
    const { results } = await db
      .prepare(
        "SELECT l.aggregate AS latest, s.aggregate AS stored FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id WHERE l.year = 2042",
      )
      .all<{ latest: string; stored: string }>();
    expect(results).toHaveLength(3);
    for (const r of results) expect(readStoredAggregate(r.latest)).toEqual(readStoredAggregate(r.stored));
  });

  it("an identical re-apply: 200 deduplicated, the aggregates keep their version", async () => {
    await applySetup(2043, tinySetup(2043));
    await api("/submissions", { body: tinyBodies(2043)[0] });
    const before = await latest(2043);
    const again = await api("/setup/2043", { method: "PUT", body: tinySetup(2043) });
    expect([again.status, (await json(again)).deduplicated]).toEqual([200, true]);
    expect(await latest(2043)).toEqual(before);
  });

  it("NTM-1 revisions of a built-in year follow an applied setup too: registered border communes count as border", async () => {
    for (const [d, code] of [
      ["183", "06121"],
      ["181", "06400"],
    ] as const) {
      expect(
        (await api("/submissions", { body: submission(d, 2019, [commune(code, `Xã ${code}`, [1, 2], [1, 2, 3, 4, 5])]) })).status,
      ).toBe(201);
    }
    const border = (r: { groups: { group: string; communes: number }[] }) => r.groups.find((g) => g.group === "border")?.communes;
    expect(border(await json(await api("/reports/2019")))).toBe(0);
    const setup = districtSetup(2019, {
      communes: [
        { code: "06121", name: "Xã 06121", unit: "183", group: null, attributes: { [BORDER]: true }, formerCodes: [] },
        { code: "06400", name: "Xã 06400", unit: "181", group: null, attributes: { [BORDER]: false }, formerCodes: [] },
      ],
    });
    expect((await api("/setup/2019", { method: "PUT", body: setup })).status).toBe(201);
    const report = await json(await api("/reports/2019"));
    expect(border(report)).toBe(1);
    expect(report.units.filter((u: { templateVersion: string | null }) => u.templateVersion === "NTM-1")).toHaveLength(2);
  });

  it("D1 work: a read batch of 3 and ONE write batch (the setup's statements with its audit row + two upserts of the aggregates + a SELECT)", async () => {
    await applySetup(2044, tinySetup(2044));
    for (const body of tinyBodies(2044)) await api("/submissions", { body });
    const { res, stats } = await countedCall("/setup/2044", { method: "PUT", body: { ...tinySetup(2044), planFlags: [] } });
    expect(res.status).toBe(201);
    // Head, its audit row, units, communes, aggregates (3 units: one chunk, kept per version and in the
    // latest pointer), the version read back.
    expect(stats).toEqual({ roundTrips: 2, statements: 10, batches: [3, 7] });
    expect((await latest(2044)).map((l) => Object.keys(l.aggregate.groups))).toEqual(
      Array(3).fill(["group1", "group2", "group3", `attr:${BORDER}`, "flag:Phấn đấu đạt chuẩn NTM"]),
    );
  });
});

describe("a setup over 10,000 latest revisions", () => {
  it("one read batch of 3, one write batch: the setup's 6 statements and two upserts per MB of aggregates; every unit recomputed", async () => {
    const year = 2047;
    const n = 10_000;
    const code = (i: number) => String(10000 + i);
    await applySetup(year, largeCommuneSetup(year, n));
    // 10,000 NTM-2 revisions (one commune each, its own unit), seeded in one batch as the Worker stores them:
    // each with the next sequence number and its `submit` audit row (times strictly increasing).
    const seed = Array.from({ length: n }, (_, i) => [code(i), i % 3 === 0 ? 1 : 0, 2 ** ((i % 10) + 1) - 1]);
    await db.batch([
      db
        .prepare(
          "INSERT INTO submissions (id, unit, year, round, revision, content_hash, template_version, header, aggregate, communes, " +
            "submitted_by, submitted_at, commune_labels, seq) SELECT 'big-' || json_extract(value, '$[0]'), json_extract(value, '$[0]'), ?2, " +
            "'plan', 1, 'h', 'NTM-2', '{\"capital\":{\"1.1\":1000}}', '{}', 1, 'seed', 't', " +
            '\'{"attributes":["Xã biên giới"],"flags":[]}\', (SELECT COALESCE(MAX(seq), 0) FROM audit_log) + 1 + key FROM json_each(?1)',
        )
        .bind(JSON.stringify(seed), year),
      db
        .prepare(
          "INSERT INTO audit_log (seq, at_ms, actor, token_id, action, unit, year, round, revision, detail) " +
            "SELECT s.seq, (SELECT MAX(at_ms) FROM audit_log) + s.seq - (SELECT MAX(seq) FROM audit_log), 'seed', NULL, 'submit', " +
            "s.unit, s.year, s.round, s.revision, '{}' FROM submissions s WHERE s.year = ?1 AND s.seq > (SELECT MAX(seq) FROM audit_log)",
        )
        .bind(year),
      db
        .prepare(
          "INSERT INTO submission_communes (submission_id, code, name, flags, ht, kh, grp, marks) SELECT 'big-' || json_extract(value, '$[0]'), " +
            "json_extract(value, '$[0]'), 'Xã', json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[2]'), 2, 1 " +
            "FROM json_each(?1)",
        )
        .bind(JSON.stringify(seed)),
      db
        .prepare(
          "INSERT INTO latest_submissions (year, round, unit, submission_id, revision, content_hash, aggregate) " +
            "SELECT year, round, unit, id, revision, content_hash, aggregate FROM submissions WHERE year = ?1",
        )
        .bind(year),
    ]);
    expect(
      await db
        .prepare(
          "SELECT count(*) AS n, count(DISTINCT a.at_ms) AS times FROM audit_log a JOIN submissions s ON s.seq = a.seq WHERE s.year = ?1",
        )
        .bind(year)
        .first(),
    ).toEqual({ n, times: n });
    const started = Date.now();
    const { res, stats } = await countedCall(`/setup/${year}`, {
      method: "PUT",
      body: { ...largeCommuneSetup(year, n), deadlines: { plan: "2047-03-31", result: null } },
    });
    expect(res.status).toBe(201);
    const [read, write] = stats.batches;
    expect([stats.roundTrips, read]).toEqual([2, 3]);
    // The setup's 6 (head, its audit row, units, communes ×2, SELECT) and per chunk of aggregates (≤ 1 MB,
    // about 1 KB a unit) two upserts: the latest pointer and the aggregate kept per setup version.
    const aggregates = write! - 6;
    expect(aggregates % 2).toBe(0);
    expect(aggregates).toBeGreaterThanOrEqual(2);
    expect(aggregates).toBeLessThanOrEqual((2 * n) / 1000);
    expect(Date.now() - started).toBeLessThan(30_000);

    const v2 = await versionId(year, 2);
    const rows = await latest(year);
    expect(rows).toHaveLength(n);
    expect(rows.every((r) => r.setupId === v2)).toBe(true);
    // Unit 10007: its setup group is 2 (7 mod 3 = 1 → group 2), a border commune (7 mod 7 = 0), 8 criteria met.
    expect(rows[7]!.aggregate).toMatchObject({
      communes: 1,
      criteriaSum: { baseline: 8, plan: 8 },
      groups: { group2: { communes: 1 }, [`attr:${BORDER}`]: { communes: 1 } },
      capital: { "1.1": 1000, "1.2": 0, "2": 0 },
    });
  }, 120_000);
});

describe("races between a setup and a submission", () => {
  const admin: Principal = { role: "admin", unit: null, label: "QT", tokenId: null };

  it("a revision stored between the setup's read and write: the write stores nothing, runs again, and counts it", async () => {
    await applySetup(2045, tinySetup(2045));
    await api("/submissions", { body: tinyBodies(2045)[0] });
    const regrouped = checked(
      tinySetup(
        2045,
        TINY.map((c) => ({ ...c, group: 3 })),
      ),
    );
    const racing = afterFirstBatch(db, async () => {
      expect((await api("/submissions", { body: tinyBodies(2045)[1] })).status).toBe(201);
    });
    const stored = await applyTo(racing, regrouped, { label: "QT", tokenId: null }, new Date("2045-02-01T00:00:00.000Z"));
    expect([stored.version, stored.created]).toEqual([2, true]);
    expect(await db.prepare("SELECT count(*) AS n FROM setups WHERE year = 2045").first()).toEqual({ n: 2 });
    const v2 = await versionId(2045, 2);
    const now = await latest(2045);
    expect(now.map((l) => [l.unit, l.setupId === v2, l.aggregate.groups.group3?.communes])).toEqual([
      ["06148", true, 1],
      ["06151", true, 1],
    ]);
  });

  it("a setup applied between a submission's read and write: nothing stored under the old one; it is checked and aggregated under the new", async () => {
    await applySetup(2046, tinySetup(2046));
    const racing = afterFirstBatch(db, async () => {
      const put = await api("/setup/2046", {
        method: "PUT",
        body: tinySetup(
          2046,
          TINY.map((c) => ({ ...c, group: 3 })),
        ),
      });
      expect(put.status).toBe(201);
    });
    const answer = await submitRevision(racing, admin, tinyBodies(2046)[1]!, new Date("2046-02-01T00:00:00.000Z"));
    expect([answer.status, answer.body.revision]).toEqual([201, 1]);
    const v2 = await versionId(2046, 2);
    const [row] = await latest(2046);
    expect([row!.setupId === v2, row!.aggregate.groups.group2?.communes, row!.aggregate.groups.group3?.communes]).toEqual([true, 0, 1]);
    expect(await db.prepare("SELECT count(*) AS n FROM submissions WHERE year = 2046").first()).toEqual({ n: 1 });
  });
});
