import type { ReferenceData } from "../../shared/reference/index.ts";
import { readReference, referenceStatements } from "./reference.ts";
import type { Db, Stmt } from "./types.ts";

/** A commune as stored: [code, name, flags bitmask, HT bitmask, KH bitmask, source row]. */
export type CommuneRow = [code: string, name: string, flags: number, ht: number, kh: number, row: number | null];

export type NewRevision = {
  id: string;
  district: string;
  year: number;
  contentHash: string;
  templateVersion: string;
  /** Canonical submission JSON without its communes. */
  header: string;
  /** Aggregate JSON (shared/schemas/aggregate.ts). */
  aggregate: string;
  communes: readonly CommuneRow[];
  preparedBy: string | null;
  phone: string | null;
  submittedBy: string;
  tokenId: string | null;
  submittedAt: string;
};

/** What the batch stored, or (deduplicated) the district's latest revision it matched. */
export type StoredRevision = { id: string; revision: number; created: boolean; submittedAt: string };

export type OwnerRow = { code: string; district: string; district_name: string | null };

/**
 * Everything a submission must read before it writes, in ONE batch: reference data (2 statements)
 * and the codes of this submission that another district's latest revision of the year owns (1).
 * The codes travel as one JSON parameter (json_each), however many communes there are.
 */
export async function loadSubmitContext(
  db: Db,
  year: number,
  district: string,
  codes: readonly string[],
): Promise<{ reference: ReferenceData; owners: OwnerRow[] }> {
  const [d, c, o] = await db.batch([
    ...referenceStatements(db),
    db
      .prepare(
        "SELECT o.code, o.district, d.name AS district_name FROM commune_owners o " +
          "LEFT JOIN districts d ON d.code = o.district " +
          "WHERE o.year = ?1 AND o.district <> ?2 AND o.code IN (SELECT value FROM json_each(?3)) ORDER BY o.code",
      )
      .bind(year, district, JSON.stringify(codes)),
  ]);
  return {
    reference: readReference(d?.results ?? [], c?.results ?? []),
    owners: (o?.results ?? []) as OwnerRow[],
  };
}

/** D1 limits one string/row to 2,000,000 bytes: commune JSON parameters stay well under it. */
const MAX_CHUNK_BYTES = 1_000_000;

export function chunkCommunes(rows: readonly CommuneRow[], maxBytes = MAX_CHUNK_BYTES): string[] {
  if (rows.length === 0) return [];
  // The usual case: everything in one chunk, serialised once (a UTF-16 unit is at most 3 UTF-8 bytes).
  const enc = new TextEncoder();
  const all = JSON.stringify(rows);
  if (all.length * 3 <= maxBytes || enc.encode(all).byteLength <= maxBytes) return [all];
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const r of rows) {
    const json = JSON.stringify(r);
    const bytes = enc.encode(json).byteLength + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push("[" + current.join(",") + "]");
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes;
  }
  if (current.length > 0) chunks.push("[" + current.join(",") + "]");
  return chunks;
}

/**
 * Stores a revision as ONE D1 batch (one transaction: all or nothing):
 *  1. the revision row, numbered max + 1 INSIDE the INSERT, and only when the district's latest
 *     revision of the year has a different content hash (dedupe decided atomically with the insert);
 *  2. its communes from one JSON parameter per ≤ 1 MB chunk (json_each), only if 1 inserted;
 *  3. the district's commune ownership replaced by this revision's codes (PRIMARY KEY (year, code)
 *     refuses a code another district owns, so a race cannot make two owners);
 *  4. the latest pointer moved to this revision;
 *  5. a SELECT of the latest revision: this one (created) or the one it duplicated.
 * Statements: 5 + one per communes chunk (one up to ~15,000 typical communes).
 */
export async function storeRevision(db: Db, r: NewRevision): Promise<StoredRevision> {
  const inserted = "EXISTS (SELECT 1 FROM submissions WHERE id = ?1)";
  const stmts: Stmt[] = [
    db
      .prepare(
        "INSERT INTO submissions (id, district, year, revision, content_hash, template_version, header, aggregate, " +
          "communes, prepared_by, phone, submitted_by, token_id, submitted_at) " +
          "SELECT ?1, ?2, ?3, COALESCE((SELECT MAX(revision) FROM submissions WHERE district = ?2 AND year = ?3), 0) + 1, " +
          "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13 " +
          "WHERE NOT EXISTS (SELECT 1 FROM latest_submissions WHERE district = ?2 AND year = ?3 AND content_hash = ?4)",
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
      ),
    ...chunkCommunes(r.communes).map((json) =>
      db
        .prepare(
          "INSERT INTO submission_communes (submission_id, code, name, flags, ht, kh, source_row) " +
            "SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), " +
            "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]') " +
            `FROM json_each(?2) WHERE ${inserted}`,
        )
        .bind(r.id, json),
    ),
    db.prepare(`DELETE FROM commune_owners WHERE year = ?2 AND district = ?3 AND ${inserted}`).bind(r.id, r.year, r.district),
    db
      .prepare(
        "INSERT INTO commune_owners (year, code, district, submission_id) " +
          "SELECT s.year, c.code, s.district, s.id FROM submission_communes c " +
          "JOIN submissions s ON s.id = c.submission_id WHERE c.submission_id = ?1",
      )
      .bind(r.id),
    db
      .prepare(
        "INSERT INTO latest_submissions (district, year, submission_id, revision, content_hash) " +
          "SELECT district, year, id, revision, content_hash FROM submissions WHERE id = ?1 " +
          "ON CONFLICT (district, year) DO UPDATE SET submission_id = excluded.submission_id, " +
          "revision = excluded.revision, content_hash = excluded.content_hash",
      )
      .bind(r.id),
    db
      .prepare(
        "SELECT l.submission_id AS id, l.revision, l.submission_id = ?1 AS created, s.submitted_at " +
          "FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id " +
          "WHERE l.district = ?2 AND l.year = ?3",
      )
      .bind(r.id, r.district, r.year),
  ];
  const results = await db.batch<{ id: string; revision: number; created: number; submitted_at: string }>(stmts);
  const row = results[results.length - 1]?.results[0];
  if (!row) throw new Error("storeRevision: no latest revision after the batch");
  return { id: row.id, revision: row.revision, created: row.created === 1, submittedAt: row.submitted_at };
}

/** True when a batch failed on the commune ownership key (another district took a code meanwhile). */
export function isOwnershipConflict(err: unknown): boolean {
  return /UNIQUE constraint failed: commune_owners/i.test(String((err as Error)?.message ?? err));
}

/** True when a batch failed on the revision number (retry: the number is recomputed inside the INSERT). */
export function isRevisionConflict(err: unknown): boolean {
  return /UNIQUE constraint failed: submissions\.district/i.test(String((err as Error)?.message ?? err));
}

export type RevisionRow = {
  id: string;
  district: string;
  year: number;
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
  "s.id, s.district, s.year, s.revision, s.content_hash, s.communes, s.prepared_by, s.phone, s.submitted_by, " +
  "s.submitted_at, (l.submission_id IS NOT NULL) AS latest";

/** Where a page of revisions starts: just after this row of the list's order. */
export type RevisionKey = { year: number; district: string; revision: number };

export type RevisionQuery = {
  /** Filters (null = any). */
  year: number | null;
  district: string | null;
  /** Keyset position: rows after it in the list's order (null = from the start). */
  after: RevisionKey | null;
  limit: number;
};

/**
 * Revisions in the order year (newest first), district code, revision (newest first): unique, since
 * (district, year, revision) is. Keyset: rows strictly after `after` in that order, as a tuple
 * comparison spelt out (the directions differ), never an OFFSET. A revision stored meanwhile takes
 * the next number, so it sorts first in its (year, district) group: a client paging through the
 * list neither sees a row twice nor misses one of the rows that were there. One query.
 */
export async function listRevisions(db: Db, q: RevisionQuery): Promise<RevisionRow[]> {
  const a = q.after;
  const { results } = await db
    .prepare(
      `SELECT ${REVISION_COLUMNS} FROM submissions s LEFT JOIN latest_submissions l ON l.submission_id = s.id ` +
        "WHERE (?1 IS NULL OR s.year = ?1) AND (?2 IS NULL OR s.district = ?2) " +
        "AND (?3 IS NULL OR s.year < ?3 OR (s.year = ?3 AND (s.district > ?4 OR (s.district = ?4 AND s.revision < ?5)))) " +
        "ORDER BY s.year DESC, s.district, s.revision DESC LIMIT ?6",
    )
    .bind(q.year, q.district, a?.year ?? null, a?.district ?? null, a?.revision ?? null, q.limit)
    .all<RevisionRow>();
  return results;
}

export type StoredCommuneRow = { code: string; name: string; flags: number; ht: number; kh: number; source_row: number | null };

/**
 * One revision with its header and communes (one batch of two statements). `district` non-null
 * restricts it to that district: another district's revision reads as absent.
 */
export async function getRevision(
  db: Db,
  id: string,
  district: string | null,
): Promise<{ row: RevisionRow & { header: string; aggregate: string }; communes: StoredCommuneRow[] } | null> {
  const visible = "(?2 IS NULL OR s.district = ?2)";
  const [h, c] = await db.batch([
    db
      .prepare(
        `SELECT ${REVISION_COLUMNS}, s.header, s.aggregate FROM submissions s ` +
          `LEFT JOIN latest_submissions l ON l.submission_id = s.id WHERE s.id = ?1 AND ${visible}`,
      )
      .bind(id, district),
    db
      .prepare(
        "SELECT c.code, c.name, c.flags, c.ht, c.kh, c.source_row FROM submission_communes c " +
          `JOIN submissions s ON s.id = c.submission_id WHERE c.submission_id = ?1 AND ${visible} ORDER BY c.code`,
      )
      .bind(id, district),
  ]);
  const row = h?.results[0] as (RevisionRow & { header: string; aggregate: string }) | undefined;
  if (!row) return null;
  return { row, communes: (c?.results ?? []) as StoredCommuneRow[] };
}
