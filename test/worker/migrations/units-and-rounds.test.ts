import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { ReportEntry } from "../../../shared/report/build-report.ts";
import { cleanSubmission } from "../../../shared/rules/clean-submission.ts";
import { readStoredAggregate } from "../../../shared/schemas/aggregate.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";
import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { identify } from "../../../worker/auth/middleware.ts";
import { generateToken, hashToken } from "../../../worker/auth/token-crypto.ts";
import { loadReference } from "../../../worker/db/reference.ts";
import { builtInRecord } from "../../../worker/db/setup-rows.ts";
import { loadSetup } from "../../../worker/db/setups.ts";
import { isOwnershipConflict, storeRevision } from "../../../worker/db/submissions.ts";
import { reportForYear } from "../../../worker/reports/report-for-year.ts";
import { legacyLatest, legacyStatements } from "./legacy-store.ts";

/**
 * Migration 0003 (units and rounds), 0004 (setups) and 0005 (NTM-2 commune rows, aggregates of the
 * latest revisions) on a database that already holds the 2018
 * plan as the code of migrations 0001/0002 stored it: a second D1 database (MIGRATION_DB) gets the
 * old migrations, the eleven district revisions of the 2018 demo plan (cli/demo/plan-2018.ts) in
 * the old shape, two superseded revisions, a 2019 revision and three tokens; then the new
 * migrations. The 2018 report after the migration equals the one computed from the old tables
 * before it, figure for figure (and the docs/domain.md figures), and the tokens keep working.
 */
const db = env.MIGRATION_DB;
const NOW = "2026-12-01T00:00:00.000Z";
const OLD_MIGRATIONS = env.TEST_MIGRATIONS.filter((m) => /^000[12]_/.test(m.name));
const TABLES = ["tokens", "submissions", "submission_communes", "latest_submissions", "commune_owners"] as const;

const plan = buildPlan2018();
const of = (code: string): Submission => plan.find((s) => s.district === code)!;
/** An earlier 2018 revision of 183 (one commune fewer, other capital) that revision 2 replaced. */
const superseded183: Submission = { ...of("183"), communes: of("183").communes.slice(1), capital: { ...of("183").capital, other: 7 } };
const plan2019 = { ...of("180"), year: 2019 };

const tokens = { district: generateToken(), office: generateToken(), revoked: generateToken() };

async function counts(): Promise<Record<string, number>> {
  const rows = await db.batch(TABLES.map((t) => db.prepare(`SELECT count(*) AS n FROM ${t}`)));
  return Object.fromEntries(TABLES.map((t, i) => [t, (rows[i]?.results[0] as { n: number } | undefined)?.n ?? -1]));
}

let before: { report: Report; counts: Record<string, number> };

/** The 2018 plan as it stands now, counting each district's latest revision. */
const QUERY_2018 = { year: 2018, round: "plan", asOf: null, accepted: false } as const;

/**
 * A report computed offline (no cut, no days late) as the server states it after migration 0006:
 * its cut is the last backfilled action (13 revisions and 3 tokens created, the last action the
 * revocation of 2018-06-01: seq 17), and with no deadline in 2018 every district is on time.
 */
const asServed = (report: Report): Report => ({
  ...report,
  cut: { asOf: "2018-06-01T00:00:00.000Z", seq: 17, accepted: false },
  units: report.units.map((u) => ({ ...u, daysLate: u.status === "missing" ? null : 0 })),
});

beforeAll(async () => {
  await applyD1Migrations(db, OLD_MIGRATIONS);
  const reference = await loadReference(db);
  const at = (i: number) => `2018-02-${String(1 + i).padStart(2, "0")}T08:00:00.000Z`;
  const writes: D1PreparedStatement[] = [];
  const add = async (sub: Submission, id: string, revision: number, latest: boolean, i: number) =>
    writes.push(
      ...(await legacyStatements(db, sub, reference.criteria, {
        id,
        revision,
        latest,
        submittedAt: at(i),
        submittedBy: `Cán bộ ${sub.district}`,
      })),
    );
  await add(superseded183, "old-183-1", 1, false, 0);
  await add(plan2019, "old-180-2019", 1, true, 1);
  for (const [i, sub] of plan.entries()) await add(sub, `old-${sub.district}-2018`, sub.district === "183" ? 2 : 1, true, i + 2);
  const token = async (id: string, t: string, role: string, district: string | null, revoked: string | null) =>
    db
      .prepare("INSERT INTO tokens (id, hash, role, district, label, created_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bind(id, await hashToken(t), role, district, `Token ${id}`, "2018-01-01T00:00:00.000Z", revoked);
  writes.push(
    await token("t-district", tokens.district, "district", "183", null),
    await token("t-office", tokens.office, "office", null, null),
    await token("t-revoked", tokens.revoked, "district", "189", "2018-06-01T00:00:00.000Z"),
  );
  await db.batch(writes);

  // The 2018 report from the OLD tables (the old report query), under the built-in 2016-2020 setup.
  const entries: ReportEntry[] = (await legacyLatest(db, 2018)).map((r) => ({
    unit: r.district,
    aggregate: readStoredAggregate(r.aggregate),
    revision: r.revision,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    preparedBy: r.prepared_by,
    phone: r.phone,
    status: "submitted",
  }));
  const setup = builtInRecord(2018, reference)!.setup;
  before = { report: buildReport({ year: 2018, generatedAt: NOW, setup, entries }), counts: await counts() };

  await applyD1Migrations(db, env.TEST_MIGRATIONS);
}, 60_000);

describe("migrations 0003, 0004 and 0005 on the 2018 data of the old shape", () => {
  it("keeps every row: the same counts, every revision round plan under its district's code as unit", async () => {
    const n = (code: string) => of(code).communes.length;
    expect(before.counts).toEqual({
      tokens: 3,
      submissions: 13,
      submission_communes: 207 + (n("183") - 1) + n("180"),
      latest_submissions: 12,
      commune_owners: 207 + n("180"),
    });
    expect(await counts()).toEqual(before.counts);
    const revisions = await db.prepare("SELECT id, unit, year, round, revision FROM submissions ORDER BY id").all();
    expect(revisions.results.filter((r) => r.round !== "plan")).toEqual([]);
    expect(revisions.results.find((r) => r.id === "old-183-2018")).toEqual({
      id: "old-183-2018",
      unit: "183",
      year: 2018,
      round: "plan",
      revision: 2,
    });
    expect(revisions.results.find((r) => r.id === "old-183-1")).toMatchObject({ unit: "183", revision: 1 });
    const latest = await db.prepare("SELECT year, round, unit, revision FROM latest_submissions WHERE unit = '183'").all();
    expect(latest.results).toEqual([{ year: 2018, round: "plan", unit: "183", revision: 2 }]);
    expect((await db.prepare("PRAGMA foreign_key_check").all()).results).toEqual([]);
  });

  it("0005: each latest row carries its revision's aggregate (setup_id NULL); NTM-1 commune rows have no group, marks or label list", async () => {
    const latest = await db
      .prepare(
        "SELECT l.aggregate = s.aggregate AS same, l.setup_id, s.commune_labels FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id",
      )
      .all();
    expect(latest.results).toHaveLength(12);
    expect(new Set(latest.results.map((r) => JSON.stringify(r)))).toEqual(new Set(['{"same":1,"setup_id":null,"commune_labels":null}']));
    const rows = await db.prepare("SELECT count(*) AS n, count(grp) AS grp, count(marks) AS marks FROM submission_communes").first();
    expect(rows).toEqual({ n: before.counts.submission_communes, grp: 0, marks: 0 });
  });

  it("the 2018 report after the migration equals the report before it, figure for figure", async () => {
    const setup = await loadSetup(db, 2018);
    expect(setup?.origin).toBe("builtin");
    const after = await reportForYear(db, QUERY_2018, new Date(NOW));
    expect(after).toEqual(asServed(before.report));
  });

  it("… and its figures are docs/domain.md's, the same as aggregating the demo plan afresh", async () => {
    const setup = (await loadSetup(db, 2018))!;
    const after = await reportForYear(db, QUERY_2018, new Date(NOW));
    expect(after.overview.communes).toBe(207);
    expect(after.overview.ntm).toEqual({ baseline: 36, plan: 48, added: 12 });
    expect(after.bands.map((b) => [b.band, b.plan, b.planPercent])).toEqual([
      ["19", 48, 23.2],
      ["15-18", 2, 1.0],
      ["10-14", 29, 14.0],
      ["5-9", 128, 61.8],
      ["<5", 0, 0.0],
    ]);
    expect(after.criteria[1]).toMatchObject({ number: 2, name: "Giao thông", baseline: 47, plan: 58, added: 11, planPercent: 28.0 });
    expect(after.capital.sources.find((s) => s.key === "total")?.amount).toBe(2_526_400);
    expect(after.units.map((u) => [u.code, u.status, u.revision])).toEqual(
      plan.map((s) => [s.district, "submitted", s.district === "183" ? 2 : 1]),
    );
    const reference = await loadReference(db);
    const fresh = buildReport({
      year: 2018,
      generatedAt: NOW,
      setup,
      entries: after.units.map((u) => ({
        ...u,
        unit: u.code,
        aggregate: aggregateSubmission(cleanSubmission(of(u.code)), reference.criteria),
        status: "submitted" as const,
      })),
    });
    expect(after).toEqual(asServed(fresh));
  });

  it("tokens keep working: the district token authenticates as unit 183, office as office, the revoked one not at all", async () => {
    const e = { ...env, DB: db };
    expect(await identify(e, `Bearer ${tokens.district}`)).toEqual({
      role: "unit",
      unit: "183",
      label: "Token t-district",
      tokenId: "t-district",
    });
    expect(await identify(e, `Bearer ${tokens.office}`)).toEqual({
      role: "office",
      unit: null,
      label: "Token t-office",
      tokenId: "t-office",
    });
    expect(await identify(e, `Bearer ${tokens.revoked}`)).toBeNull();
    expect(await db.prepare("SELECT role, unit FROM tokens WHERE id = 't-revoked'").first()).toEqual({ role: "unit", unit: "189" });
  });

  it("the migrated store goes on: 183's next revision is 3, and the migrated owners still refuse 183's codes to 180", async () => {
    const row = (sub: Submission, id: string) => ({
      id,
      district: sub.district,
      year: 2018,
      contentHash: `hash-${id}`,
      templateVersion: "NTM-1",
      header: "{}",
      aggregate: "{}",
      setupId: null,
      communes: sub.communes.slice(0, 1).map((c) => [c.code, c.name, 0, 1, 1, null] as [string, string, number, number, number, null]),
      preparedBy: null,
      phone: null,
      submittedBy: "test",
      tokenId: null,
      submittedAt: NOW,
    });
    expect(await storeRevision(db, row(of("183"), "new-183"))).toMatchObject({ revision: 3, created: true });
    const taken = await storeRevision(db, row({ ...of("180"), communes: of("183").communes }, "new-180")).catch((e: unknown) => e);
    expect(isOwnershipConflict(taken)).toBe(true);
  });
});
