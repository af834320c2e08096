import type { Round } from "../../shared/schemas/api/common.ts";
import { chunkJson } from "./json-chunks.ts";
import { COMMUNE_COLUMNS } from "./revisions.ts";
import type { StoredCommuneRow } from "./revisions.ts";
import type { Db, Stmt } from "./types.ts";

/**
 * The latest revisions of a year (every round) as a setup write recomputes their aggregates from
 * them (docs/setup.md: the commune rows are the source of truth), and the statements that store the
 * recomputed aggregates in `latest_submissions` (worker/migrations/0005_unit_submissions.sql).
 */

/** A latest revision: its key, template version, capital (the header's, JSON) and label list. */
export type LatestHead = {
  submission_id: string;
  round: Round;
  unit: string;
  template_version: string;
  capital: string;
  /** A result revision's capital disbursed (the header's, JSON), else null. */
  disbursed: string | null;
  commune_labels: string | null;
};

export type LatestRevisions = {
  /** How many revisions the year has in all (rows are only ever added: the write's guard). */
  revisions: number;
  heads: LatestHead[];
  /** Commune rows by revision id, in code order. */
  communes: Map<string, StoredCommuneRow[]>;
};

/**
 * ONE read batch of 3 statements, whatever the number of units and communes: the year's revision
 * count, the heads of its latest revisions, and their commune rows.
 */
export async function loadLatestRevisions(db: Db, year: number): Promise<LatestRevisions> {
  const [n, h, c] = await db.batch([
    db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE year = ?1").bind(year),
    db
      .prepare(
        "SELECT l.submission_id, l.round, l.unit, s.template_version, json_extract(s.header, '$.capital') AS capital, " +
          "json_extract(s.header, '$.disbursed') AS disbursed, " +
          "s.commune_labels FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id " +
          "WHERE l.year = ?1 ORDER BY l.round, l.unit",
      )
      .bind(year),
    db
      .prepare(
        `SELECT c.submission_id, ${COMMUNE_COLUMNS} FROM latest_submissions l ` +
          "JOIN submission_communes c ON c.submission_id = l.submission_id WHERE l.year = ?1 ORDER BY c.submission_id, c.code",
      )
      .bind(year),
  ]);
  const communes = new Map<string, StoredCommuneRow[]>();
  for (const row of (c?.results ?? []) as (StoredCommuneRow & { submission_id: string })[]) {
    const { submission_id: id, ...commune } = row;
    const list = communes.get(id);
    if (list) list.push(commune);
    else communes.set(id, [commune]);
  }
  return {
    revisions: (n?.results[0] as { n: number } | undefined)?.n ?? 0,
    heads: (h?.results ?? []) as LatestHead[],
    communes,
  };
}

/** A recomputed aggregate of a latest revision (the aggregate as an object: it travels as JSON, not as a string in it). */
export type LatestAggregate = { round: Round; unit: string; submissionId: string; aggregate: object };

/**
 * The statements that store recomputed aggregates under setup version `setupId` of `year`, for the
 * setup write's batch, and the same aggregates kept per setup version (`revision_aggregates`): two
 * statements per JSON chunk of ≤ 1 MB (about 1,000 units), each guarded by
 * the new version existing, so that a deduplicated setup write changes nothing. Each is an upsert
 * driven by the chunk (`json_each` CROSS JOIN the latest row found by its primary key, which must
 * still point at the revision the aggregate was computed from: only existing rows are updated), so
 * the work is linear in the chunk, never chunk × rows of the year. None for no revisions.
 */
export function latestAggregateStatements(db: Db, year: number, setupId: string, rows: readonly LatestAggregate[]): Stmt[] {
  const field = (i: number) => `json_extract(j.value, '$[${i}]')`;
  return chunkJson(rows.map((r) => [r.round, r.unit, r.submissionId, r.aggregate])).flatMap((json) => [
    // Kept per setup version, so that a report as of any later moment reads it (worker/db/round-at-cut.ts).
    db
      .prepare(
        "INSERT OR REPLACE INTO revision_aggregates (submission_id, setup_id, aggregate) " +
          `SELECT ${field(2)}, ?1, ${field(3)} FROM json_each(?2) AS j WHERE EXISTS (SELECT 1 FROM setups WHERE id = ?1)`,
      )
      .bind(setupId, json),
    db
      .prepare(
        "INSERT INTO latest_submissions (year, round, unit, submission_id, revision, content_hash, aggregate, setup_id) " +
          `SELECT l.year, l.round, l.unit, l.submission_id, l.revision, l.content_hash, ${field(3)}, ?1 ` +
          `FROM json_each(?2) AS j CROSS JOIN latest_submissions AS l ON l.year = ?3 AND l.round = ${field(0)} ` +
          `AND l.unit = ${field(1)} AND l.submission_id = ${field(2)} ` +
          "WHERE EXISTS (SELECT 1 FROM setups WHERE id = ?1) " +
          "ON CONFLICT (year, round, unit) DO UPDATE SET aggregate = excluded.aggregate, setup_id = excluded.setup_id",
      )
      .bind(setupId, json, year),
  ]);
}
