import type { Round } from "../../shared/schemas/api/common.ts";
import type { Db } from "./types.ts";

/** A stored revision as the list and the single read give it. */
export type RevisionRow = {
  id: string;
  unit: string;
  year: number;
  round: Round;
  revision: number;
  content_hash: string;
  communes: number;
  prepared_by: string | null;
  phone: string | null;
  submitted_by: string;
  submitted_at: string;
  latest: number;
};

const REVISION_COLUMNS =
  "s.id, s.unit, s.year, s.round, s.revision, s.content_hash, s.communes, s.prepared_by, s.phone, s.submitted_by, " +
  "s.submitted_at, (l.submission_id IS NOT NULL) AS latest";

/** Where a page of revisions starts: just after this row of the list's order. */
export type RevisionKey = { year: number; unit: string; round: Round; revision: number };

export type RevisionQuery = {
  /** Filters (null = any). */
  year: number | null;
  unit: string | null;
  round: Round | null;
  /** Keyset position: rows after it in the list's order (null = from the start). */
  after: RevisionKey | null;
  limit: number;
};

/**
 * Revisions in the order year (newest first), unit code, round (`plan` before `result`), revision
 * (newest first): unique, since (unit, year, round, revision) is. Keyset: rows strictly after `after`
 * in that order, as a tuple comparison spelt out (the directions differ), never an OFFSET. A revision
 * stored meanwhile takes the next number, so it sorts first in its (year, unit, round) group: a
 * client paging through the list neither sees a row twice nor misses one of the rows that were
 * there. One query.
 */
export async function listRevisions(db: Db, q: RevisionQuery): Promise<RevisionRow[]> {
  const a = q.after;
  const { results } = await db
    .prepare(
      `SELECT ${REVISION_COLUMNS} FROM submissions s LEFT JOIN latest_submissions l ON l.submission_id = s.id ` +
        "WHERE (?1 IS NULL OR s.year = ?1) AND (?2 IS NULL OR s.unit = ?2) AND (?3 IS NULL OR s.round = ?3) " +
        "AND (?4 IS NULL OR s.year < ?4 OR (s.year = ?4 AND (s.unit > ?5 OR (s.unit = ?5 AND " +
        "(s.round > ?6 OR (s.round = ?6 AND s.revision < ?7)))))) " +
        "ORDER BY s.year DESC, s.unit, s.round, s.revision DESC LIMIT ?8",
    )
    .bind(q.year, q.unit, q.round, a?.year ?? null, a?.unit ?? null, a?.round ?? null, a?.revision ?? null, q.limit)
    .all<RevisionRow>();
  return results;
}

/** A stored commune (worker/migrations/0005_unit_submissions.sql): `grp` and `marks` are null for NTM-1, `th` for plan rows. */
export type StoredCommuneRow = {
  code: string;
  name: string;
  flags: number;
  ht: number;
  kh: number;
  source_row: number | null;
  grp: number | null;
  marks: number | null;
  /** TH bitmask of a result-round row (worker/migrations/0007_targets_and_results.sql), null for plan rows. */
  th: number | null;
};

/** What rebuilding a revision's submission needs besides its communes. */
export type StoredHead = { template_version: string; header: string; commune_labels: string | null };

/** The columns of a stored commune, as `StoredCommuneRow` names them (table alias `c`). */
export const COMMUNE_COLUMNS = "c.code, c.name, c.flags, c.ht, c.kh, c.source_row, c.grp, c.marks, c.th";

/**
 * One revision with its header and communes (one batch of two statements). `unit` non-null
 * restricts it to that unit: another unit's revision reads as absent.
 */
export async function getRevision(
  db: Db,
  id: string,
  unit: string | null,
): Promise<{ row: RevisionRow & StoredHead & { aggregate: string }; communes: StoredCommuneRow[] } | null> {
  const visible = "(?2 IS NULL OR s.unit = ?2)";
  const [h, c] = await db.batch([
    db
      .prepare(
        `SELECT ${REVISION_COLUMNS}, s.template_version, s.header, s.commune_labels, s.aggregate FROM submissions s ` +
          `LEFT JOIN latest_submissions l ON l.submission_id = s.id WHERE s.id = ?1 AND ${visible}`,
      )
      .bind(id, unit),
    db
      .prepare(
        `SELECT ${COMMUNE_COLUMNS} FROM submission_communes c ` +
          `JOIN submissions s ON s.id = c.submission_id WHERE c.submission_id = ?1 AND ${visible} ORDER BY c.code`,
      )
      .bind(id, unit),
  ]);
  const row = h?.results[0] as (RevisionRow & StoredHead & { aggregate: string }) | undefined;
  if (!row) return null;
  return { row, communes: (c?.results ?? []) as StoredCommuneRow[] };
}
