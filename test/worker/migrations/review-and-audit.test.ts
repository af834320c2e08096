import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { ReportEntry } from "../../../shared/report/build-report.ts";
import { readStoredAggregate } from "../../../shared/schemas/aggregate.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";
import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { hashToken } from "../../../worker/auth/token-crypto.ts";
import { loadReference } from "../../../worker/db/reference.ts";
import { storeReview } from "../../../worker/db/reviews.ts";
import { storeDeadline } from "../../../worker/db/rounds.ts";
import { builtInRecord } from "../../../worker/db/setup-rows.ts";
import { reportForYear } from "../../../worker/reports/report-for-year.ts";
import { legacyStatements } from "./legacy-store.ts";

/**
 * Migration 0006 (review and audit) on a database that already holds history: a second D1 database
 * (MIGRATION_DB) gets migrations 0001-0002, the eleven 2018 district revisions of the demo plan
 * (cli/demo/plan-2018.ts) with a superseded one and a 2019 revision as that code stored them, three
 * tokens (one revoked), then 0003-0005 and, in their shape, a 2019 setup version whose application
 * recomputed the 2019 latest aggregate; then 0006. Every earlier action enters the audit log in time
 * order with its seq, the 2018 report (now through reportForYear) equals the one read from the 0005
 * tables before, figure for figure, and the new histories refuse UPDATE and DELETE.
 */
const db = env.MIGRATION_DB;
const NOW = "2026-12-01T00:00:00.000Z";
const BEFORE_0006 = env.TEST_MIGRATIONS.filter((m) => /^000[1-5]_/.test(m.name));
const plan = buildPlan2018();
const of = (code: string): Submission => plan.find((s) => s.district === code)!;
const at = (i: number) => `2018-02-${String(1 + i).padStart(2, "0")}T08:00:00.000Z`;
/** The 2019 setup version, applied at the same moment as the last 2018 revision (a tie: setups first). */
const SETUP_AT = at(12);
const LAST = plan[plan.length - 1]!.district;

let before: Report;

beforeAll(async () => {
  await applyD1Migrations(
    db,
    BEFORE_0006.filter((m) => /^000[12]_/.test(m.name)),
  );
  const reference = await loadReference(db);
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
  await add({ ...of("183"), communes: of("183").communes.slice(1), capital: { ...of("183").capital, other: 7 } }, "old-183-1", 1, false, 0);
  await add({ ...of("180"), year: 2019 }, "old-180-2019", 1, true, 1);
  for (const [i, sub] of plan.entries()) await add(sub, `old-${sub.district}-2018`, sub.district === "183" ? 2 : 1, true, i + 2);
  for (const [id, role, district, revoked] of [
    ["t-district", "district", "183", null],
    ["t-office", "office", null, null],
    ["t-revoked", "district", "189", "2018-06-01T00:00:00.000Z"],
  ] as const) {
    writes.push(
      db
        .prepare("INSERT INTO tokens (id, hash, role, district, label, created_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(id, await hashToken(`secret-${id}`), role, district, `Token ${id}`, "2018-01-01T00:00:00.000Z", revoked),
    );
  }
  await db.batch(writes);
  await applyD1Migrations(db, BEFORE_0006);

  // A 2019 setup version as 0004/0005 stored it, and the 2019 latest aggregate its application recomputed.
  await db.batch([
    db
      .prepare(
        "INSERT INTO setups (id, year, version, criteria_set_id, criteria_set, level, plan_flags, capital_rows, deadline_plan, " +
          "deadline_result, has_communes, units, communes, content_hash, applied_at, applied_by, token_id) " +
          "VALUES ('s-2019', 2019, 1, '2016-2020', '{}', 'huyện', '[]', '[]', NULL, NULL, 0, 0, 0, 'h', ?1, 'Quản trị', NULL)",
      )
      .bind(SETUP_AT),
    db.prepare("UPDATE latest_submissions SET aggregate = json_set(aggregate, '$.communes', 99), setup_id = 's-2019' WHERE year = 2019"),
  ]);

  // The 2018 report as the 0005 code read it: each unit's latest row with its aggregate, under the built-in setup.
  const { results } = await db
    .prepare(
      "SELECT l.unit, s.revision, s.submitted_at, s.submitted_by, s.prepared_by, s.phone, l.aggregate FROM latest_submissions l " +
        "JOIN submissions s ON s.id = l.submission_id WHERE l.year = 2018 AND l.round = 'plan' ORDER BY l.unit",
    )
    .all<{
      unit: string;
      revision: number;
      submitted_at: string;
      submitted_by: string;
      prepared_by: string | null;
      phone: string | null;
      aggregate: string;
    }>();
  const entries: ReportEntry[] = results.map((r) => ({
    unit: r.unit,
    aggregate: readStoredAggregate(r.aggregate),
    revision: r.revision,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    preparedBy: r.prepared_by,
    phone: r.phone,
    status: "submitted",
  }));
  before = buildReport({ year: 2018, generatedAt: NOW, setup: builtInRecord(2018, reference)!.setup, entries });

  await applyD1Migrations(db, env.TEST_MIGRATIONS);
}, 60_000);

const ms = (iso: string) => Date.parse(iso);

describe("migration 0006 on earlier history", () => {
  it("every earlier action has its audit row, in time order (ties: setups, then revisions, then tokens)", async () => {
    const { results } = await db
      .prepare("SELECT seq, at_ms, actor, token_id, action, unit, year, round, revision, detail FROM audit_log ORDER BY seq")
      .all();
    const token = (seq: number, id: string, action: string, when: string) => ({
      seq,
      at_ms: ms(when),
      actor: `Token ${id}`,
      token_id: id,
      action,
      unit: id === "t-office" ? null : id === "t-district" ? "183" : "189",
      year: null,
      round: null,
      revision: null,
      detail: JSON.stringify({ role: id === "t-office" ? "office" : "unit", label: `Token ${id}` }),
    });
    const submit = (seq: number, sub: Submission, year: number, revision: number, when: string) => ({
      seq,
      at_ms: ms(when),
      actor: `Cán bộ ${sub.district}`,
      token_id: null,
      action: "submit",
      unit: sub.district,
      year,
      round: "plan",
      revision,
      detail: JSON.stringify({ communes: sub.communes.length, templateVersion: "NTM-1" }),
    });
    const first = plan.slice(0, -1).map((sub, i) => submit(6 + i, sub, 2018, sub.district === "183" ? 2 : 1, at(i + 2)));
    expect(results).toEqual([
      token(1, "t-district", "token.create", "2018-01-01T00:00:00.000Z"),
      token(2, "t-office", "token.create", "2018-01-01T00:00:00.000Z"),
      token(3, "t-revoked", "token.create", "2018-01-01T00:00:00.000Z"),
      submit(4, { ...of("183"), communes: of("183").communes.slice(1) }, 2018, 1, at(0)),
      submit(5, of("180"), 2019, 1, at(1)),
      ...first,
      {
        seq: 16,
        at_ms: ms(SETUP_AT),
        actor: "Quản trị",
        token_id: null,
        action: "setup",
        unit: null,
        year: 2019,
        round: null,
        revision: null,
        detail: JSON.stringify({ version: 1, criteriaSet: "2016-2020", units: 0, communes: 0 }),
      },
      submit(17, of(LAST), 2018, 1, at(12)),
      token(18, "t-revoked", "token.revoke", "2018-06-01T00:00:00.000Z"),
    ]);
  });

  it("every revision and setup version carries the seq of its audit row; the recomputed 2019 aggregate is kept under its setup version", async () => {
    const revisions = await db
      .prepare(
        "SELECT count(*) AS n, count(a.seq) AS audited FROM submissions s LEFT JOIN audit_log a ON a.seq = s.seq AND a.action = 'submit' " +
          "AND a.unit = s.unit AND a.year = s.year AND a.round = s.round AND a.revision = s.revision",
      )
      .first();
    expect(revisions).toEqual({ n: 13, audited: 13 });
    expect(
      await db
        .prepare("SELECT id, seq FROM setups")
        .all()
        .then((r) => r.results),
    ).toEqual([{ id: "s-2019", seq: 16 }]);
    expect(await db.prepare("SELECT seq FROM submissions WHERE id = ?1").bind(`old-${LAST}-2018`).first()).toEqual({ seq: 17 });
    const kept = await db
      .prepare("SELECT submission_id, setup_id, json_extract(aggregate, '$.communes') AS communes FROM revision_aggregates")
      .all();
    expect(kept.results).toEqual([{ submission_id: "old-180-2019", setup_id: "s-2019", communes: 99 }]);
    expect((await db.prepare("SELECT name FROM sqlite_master WHERE name = 'audit_backfill'").all()).results).toEqual([]);
  });

  it("the 2018 report through reportForYear equals the one read before 0006, figure for figure; it states its cut", async () => {
    const after = await reportForYear(db, { year: 2018, round: "plan", asOf: null, accepted: false }, new Date(NOW));
    expect(after).toEqual({
      ...before,
      // After the last action (the revocation), no deadline in 2018: every district on time.
      cut: { asOf: "2018-06-01T00:00:00.000Z", seq: 18, accepted: false },
      units: before.units.map((u) => ({ ...u, daysLate: 0 })),
    });
  });

  it("the 2018 report as of a moment between backfilled actions counts the revisions stored by then", async () => {
    const mid = await reportForYear(db, { year: 2018, round: "plan", asOf: "2018-02-05T00:00:00.000Z", accepted: false }, new Date(NOW));
    expect(mid.cut).toEqual({ asOf: at(3), seq: 7, accepted: false });
    // 183's first revision (seq 4) and the first two districts of the plan (seq 6, 7).
    const submitted = mid.units.filter((u) => u.status !== "missing").map((u) => [u.code, u.revision]);
    expect(submitted).toEqual(
      [
        ["183", 1],
        [plan[0]!.district, 1],
        [plan[1]!.district, 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it("a cut at a moment several backfilled actions share is after the last of them", async () => {
    const tokensOnly = await reportForYear(
      db,
      { year: 2018, round: "plan", asOf: "2018-01-01T00:00:00.000Z", accepted: false },
      new Date(NOW),
    );
    expect(tokensOnly.cut).toEqual({ asOf: "2018-01-01T00:00:00.000Z", seq: 3, accepted: false });
    expect(tokensOnly.units.every((u) => u.status === "missing")).toBe(true);
  });

  it("audit_log, reviews and round_deadlines refuse UPDATE and DELETE (triggers); the log goes on after the backfill", async () => {
    const review = await storeReview(db, {
      id: "r-1",
      year: 2018,
      round: "plan",
      unit: "183",
      action: "accept",
      revision: 2,
      comment: null,
      cells: [],
      at: NOW,
      actor: "Văn phòng",
      tokenId: null,
    });
    expect(review).toMatchObject({ stored: true, seq: 19 });
    expect(
      await storeDeadline(db, { id: "d-1", year: 2018, round: "plan", deadline: "2018-03-31", at: NOW, actor: "Văn phòng", tokenId: null }),
    ).toBe(20);
    const refused = async (sql: string) =>
      String(
        await db
          .prepare(sql)
          .run()
          .then(
            () => "ok",
            (e: unknown) => e,
          ),
      );
    for (const [table, message] of [
      ["audit_log", "audit_log is append-only"],
      ["reviews", "reviews are append-only"],
      ["round_deadlines", "deadlines are append-only"],
    ] as const) {
      expect(await refused(`UPDATE ${table} SET actor = 'x'`), table).toContain(message);
      expect(await refused(`DELETE FROM ${table}`), table).toContain(message);
    }
    expect(await db.prepare("SELECT count(*) AS n, max(seq) AS last FROM audit_log").first()).toEqual({ n: 20, last: 20 });
    expect(await db.prepare("SELECT count(*) AS n FROM reviews").first()).toEqual({ n: 1 });
    expect(await db.prepare("SELECT count(*) AS n FROM round_deadlines").first()).toEqual({ n: 1 });
  });
});
