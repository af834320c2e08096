import type { Round } from "../../shared/schemas/api/common.ts";
import { auditOfRow, NEXT_SEQ } from "./audit.ts";
import { chunkJson, MAX_CHUNK_BYTES } from "./json-chunks.ts";
import { readSetup, setupStatements } from "./setups.ts";
import type { SetupRecord } from "./setups.ts";
import type { Db, Stmt } from "./types.ts";

/**
 * A commune as stored (worker/migrations/0005_unit_submissions.sql): [code, name, flags bitmask, HT
 * bitmask, KH bitmask, source row, commune group, marks bitmask, TH bitmask]. NTM-1 rows leave the
 * last three out (NULL): their flags are the four fixed ones. NTM-2 rows' flags and marks are bits of
 * the revision's label list (`NewRevision.communeLabels`); TH (0007_targets_and_results.sql) is set
 * on result-round rows only.
 */
export type CommuneRow = [
  code: string,
  name: string,
  flags: number,
  ht: number,
  kh: number,
  row: number | null,
  group?: number | null,
  marks?: number | null,
  th?: number | null,
];

/**
 * A revision to store. `district` is the reporting unit's code (a district's 3 digits or a commune's
 * 5), as the NTM-1 body names it. `round` defaults to `plan`.
 */
export type NewRevision = {
  id: string;
  district: string;
  year: number;
  round?: Round;
  contentHash: string;
  templateVersion: string;
  /** Canonical submission JSON without its communes. */
  header: string;
  /** The label list of NTM-2 commune rows (JSON), null for NTM-1. */
  communeLabels?: string | null;
  /** Aggregate JSON (shared/schemas/aggregate.ts) under the setup version `setupId`. */
  aggregate: string;
  /**
   * The id of the year's setup version the revision was checked and aggregated under (null: the
   * built-in defaults). Nothing is stored when another version has become current meanwhile
   * (`StoredRevision.stale`): the caller reads the new setup and tries again.
   */
  setupId: string | null;
  communes: readonly CommuneRow[];
  preparedBy: string | null;
  phone: string | null;
  submittedBy: string;
  tokenId: string | null;
  submittedAt: string;
};

/** What the batch stored, or (deduplicated) the unit's latest revision it matched. */
export type StoredRevision = { id: string; revision: number; created: boolean; submittedAt: string };

/** Thrown by `storeRevision` when it stored nothing because the year's setup is no longer `setupId`. */
export class StaleSetupError extends Error {
  constructor(year: number) {
    super(`storeRevision: the setup of ${year} changed after it was read`);
    this.name = "StaleSetupError";
  }
}

/** Thrown by `storeRevision` when it stored nothing because the office accepted the unit's round (locked). */
export class RoundLockedError extends Error {
  readonly unit: string;
  readonly year: number;
  readonly round: Round;
  constructor(unit: string, year: number, round: Round) {
    super(`storeRevision: the ${round} round of ${year} is locked for unit ${unit}`);
    this.name = "RoundLockedError";
    this.unit = unit;
    this.year = year;
    this.round = round;
  }
}

/** SQL: whether the unit's round is accepted (its latest review action is `accept`), over ?year ?round ?unit. */
export const lockedSql = (year: string, round: string, unit: string): string =>
  `(SELECT action FROM reviews WHERE year = ${year} AND round = ${round} AND unit = ${unit} ORDER BY seq DESC LIMIT 1) IS 'accept'`;

/** A commune code of the submission that another unit's latest revision of the year and round holds. */
export type OwnerRow = { code: string; unit: string };

/** A commune of the unit's plan (HT and KH bitmasks), as a result submission is compared with it. */
export type PlanCommuneRow = { code: string; ht: number; kh: number };

/** The plan a result is compared with: its revision number and commune rows. */
export type PlanToCompare = { revision: number; communes: PlanCommuneRow[] };

/**
 * SQL: the commune rows of the unit's plan a result is compared with, over ?1 year, ?2 unit: its
 * accepted plan revision (the latest plan review is `accept`), else its latest plan revision. One row
 * with a NULL code when that plan has no communes; no row when the unit has no plan.
 */
const PLAN_COMMUNES_SQL =
  "SELECT p.revision, c.code, c.ht, c.kh FROM (SELECT s.id, s.revision FROM submissions s WHERE s.unit = ?2 AND s.year = ?1 AND s.round = 'plan' " +
  "AND s.revision = COALESCE((SELECT CASE WHEN action = 'accept' THEN revision END FROM reviews " +
  "WHERE year = ?1 AND round = 'plan' AND unit = ?2 ORDER BY seq DESC LIMIT 1), " +
  "(SELECT MAX(revision) FROM submissions WHERE unit = ?2 AND year = ?1 AND round = 'plan'))) AS p " +
  "LEFT JOIN submission_communes c ON c.submission_id = p.id ORDER BY c.code";

/**
 * Everything a submission must read before it writes, in ONE batch: the year's current setup (3
 * statements, 5 for a year 2016-2020: worker/db/setups.ts), whether the office accepted (locked) the
 * unit's round (1), and the codes of this submission that another unit's latest revision of the year
 * and round owns (1); for the result round also the commune rows of the unit's plan (1: its accepted
 * plan, else its latest; `plan` null when it has none). The codes travel as one JSON
 * parameter (json_each), however many communes there are.
 */
export async function loadSubmitContext(
  db: Db,
  year: number,
  unit: string,
  codes: readonly string[],
  round: Round = "plan",
): Promise<{ setup: SetupRecord | null; owners: OwnerRow[]; locked: boolean; plan?: PlanToCompare | null }> {
  const setupReads = setupStatements(db, year);
  const planRead = round === "result" ? [db.prepare(PLAN_COMMUNES_SQL).bind(year, unit)] : [];
  const results = await db.batch([
    ...setupReads,
    db.prepare(`SELECT ${lockedSql("?1", "?2", "?3")} AS locked`).bind(year, round, unit),
    db
      .prepare(
        "SELECT code, unit FROM commune_owners " +
          "WHERE year = ?1 AND round = ?4 AND unit <> ?2 AND code IN (SELECT value FROM json_each(?3)) ORDER BY code",
      )
      .bind(year, unit, JSON.stringify(codes), round),
    ...planRead,
  ]);
  const context = {
    setup: readSetup(year, results.slice(0, setupReads.length)),
    locked: (results[setupReads.length]?.results[0] as { locked: number } | undefined)?.locked === 1,
    owners: (results[setupReads.length + 1]?.results ?? []) as OwnerRow[],
  };
  if (round !== "result") return context;
  const rows = (results[setupReads.length + 2]?.results ?? []) as { revision: number; code: string | null; ht: number; kh: number }[];
  const plan =
    rows.length === 0
      ? null
      : { revision: rows[0]!.revision, communes: rows.flatMap((r) => (r.code === null ? [] : [{ code: r.code, ht: r.ht, kh: r.kh }])) };
  return { ...context, plan };
}

/** Commune rows as JSON chunks of at most `maxBytes` (1 MB): worker/db/json-chunks.ts. */
export function chunkCommunes(rows: readonly CommuneRow[], maxBytes = MAX_CHUNK_BYTES): string[] {
  return chunkJson(rows, maxBytes);
}

/**
 * Stores a revision as ONE D1 batch (one transaction: all or nothing):
 *  1. the revision row, numbered max + 1 of its (unit, year, round) INSIDE the INSERT, and only when
 *     the latest revision of that unit, year and round has a different content hash (dedupe decided
 *     atomically with the insert);
 *  2. its communes from one JSON parameter per ≤ 1 MB chunk (json_each), only if 1 inserted;
 *  3. the unit's commune ownership of the year and round replaced by this revision's codes (PRIMARY
 *     KEY (year, round, code) refuses a code another unit owns, so a race cannot make two owners);
 *  4. the latest pointer moved to this revision, with its aggregate (what the report reads);
 *  5. a SELECT of the latest revision: this one (created) or the one it duplicated, and whether the
 *     year's current setup is still `setupId`.
 * 1 inserts only while the year's current setup version is `setupId` (decided inside the INSERT, so
 * a setup applied meanwhile, which recomputed the stored aggregates, never misses this one; the
 * batch then stores nothing and `StaleSetupError` is thrown: read the new setup and try again), and
 * only while the office has not accepted the unit's round (else `RoundLockedError`, nothing stored,
 * even for content equal to the accepted revision). The revision takes the next sequence number and
 * its audit entry (`submit`) is written in the same batch (worker/db/audit.ts).
 * Statements: 6 + one per communes chunk (one up to ~15,000 typical communes).
 */
export async function storeRevision(db: Db, r: NewRevision): Promise<StoredRevision> {
  const inserted = "EXISTS (SELECT 1 FROM submissions WHERE id = ?1)";
  const currentSetup = "(SELECT id FROM setups WHERE year = ?3 ORDER BY version DESC LIMIT 1)";
  const round = r.round ?? "plan";
  const stmts: Stmt[] = [
    db
      .prepare(
        "INSERT INTO submissions (id, unit, year, round, revision, content_hash, template_version, header, aggregate, " +
          "communes, prepared_by, phone, submitted_by, token_id, submitted_at, commune_labels, seq) " +
          "SELECT ?1, ?2, ?3, ?14, " +
          "COALESCE((SELECT MAX(revision) FROM submissions WHERE unit = ?2 AND year = ?3 AND round = ?14), 0) + 1, " +
          `?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?16, ${NEXT_SEQ} ` +
          "WHERE NOT EXISTS (SELECT 1 FROM latest_submissions WHERE year = ?3 AND round = ?14 AND unit = ?2 AND content_hash = ?4) " +
          `AND ${currentSetup} IS ?15 AND NOT ${lockedSql("?3", "?14", "?2")}`,
      )
      .bind(
        r.id,
        r.district,
        r.year,
        r.contentHash,
        r.templateVersion,
        r.header,
        r.aggregate,
        r.communes.length,
        r.preparedBy,
        r.phone,
        r.submittedBy,
        r.tokenId,
        r.submittedAt,
        round,
        r.setupId,
        r.communeLabels ?? null,
      ),
    auditOfRow(
      db,
      "submissions",
      r.id,
      Date.parse(r.submittedAt),
      {
        actor: r.submittedBy,
        tokenId: r.tokenId,
        action: "submit",
        unit: r.district,
        year: r.year,
        round,
        revision: null,
        detail: { communes: r.communes.length, templateVersion: r.templateVersion },
      },
      "r.revision",
    ),
    ...chunkCommunes(r.communes).map((json) =>
      db
        .prepare(
          "INSERT INTO submission_communes (submission_id, code, name, flags, ht, kh, source_row, grp, marks, th) " +
            "SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), " +
            "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), " +
            "json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]') " +
            `FROM json_each(?2) WHERE ${inserted}`,
        )
        .bind(r.id, json),
    ),
    db
      .prepare(`DELETE FROM commune_owners WHERE year = ?2 AND round = ?3 AND unit = ?4 AND ${inserted}`)
      .bind(r.id, r.year, round, r.district),
    db
      .prepare(
        "INSERT INTO commune_owners (year, round, code, unit, submission_id) " +
          "SELECT s.year, s.round, c.code, s.unit, s.id FROM submission_communes c " +
          "JOIN submissions s ON s.id = c.submission_id WHERE c.submission_id = ?1",
      )
      .bind(r.id),
    db
      .prepare(
        "INSERT INTO latest_submissions (year, round, unit, submission_id, revision, content_hash, aggregate, setup_id) " +
          "SELECT year, round, unit, id, revision, content_hash, aggregate, ?2 FROM submissions WHERE id = ?1 " +
          "ON CONFLICT (year, round, unit) DO UPDATE SET submission_id = excluded.submission_id, " +
          "revision = excluded.revision, content_hash = excluded.content_hash, aggregate = excluded.aggregate, " +
          "setup_id = excluded.setup_id",
      )
      .bind(r.id, r.setupId),
    db
      .prepare(
        `SELECT ${currentSetup} IS ?5 AS current, ${lockedSql("?3", "?4", "?2")} AS locked, l.submission_id AS id, l.revision, l.submission_id = ?1 AS created, ` +
          "s.submitted_at FROM (SELECT 1) LEFT JOIN latest_submissions l ON l.year = ?3 AND l.round = ?4 AND l.unit = ?2 " +
          "LEFT JOIN submissions s ON s.id = l.submission_id",
      )
      .bind(r.id, r.district, r.year, round, r.setupId),
  ];
  type Latest = {
    current: number;
    locked: number;
    id: string | null;
    revision: number | null;
    created: number | null;
    submitted_at: string | null;
  };
  const results = await db.batch<Latest>(stmts);
  const row = results[results.length - 1]?.results[0];
  const created = row?.created === 1;
  if (!created && row?.locked === 1) throw new RoundLockedError(r.district, r.year, round);
  if (!created && row?.current !== 1) throw new StaleSetupError(r.year);
  if (!row || row.id === null || row.revision === null || row.submitted_at === null) {
    throw new Error("storeRevision: no latest revision after the batch");
  }
  return { id: row.id, revision: row.revision, created, submittedAt: row.submitted_at };
}

/** True when a batch failed on the commune ownership key (another unit took a code meanwhile). */
export function isOwnershipConflict(err: unknown): boolean {
  return /UNIQUE constraint failed: commune_owners/i.test(String((err as Error)?.message ?? err));
}

/** True when a batch failed on the revision number (retry: the number is recomputed inside the INSERT). */
export function isRevisionConflict(err: unknown): boolean {
  return /UNIQUE constraint failed: submissions\.unit/i.test(String((err as Error)?.message ?? err));
}

/** The stored commune row (worker/db/revisions.ts), where the submit path's helpers read it. */
export type { StoredCommuneRow } from "./revisions.ts";
