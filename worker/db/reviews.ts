import type { CellComment, ReviewAction } from "../../shared/schemas/api/review.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import { auditOfRow, NEXT_SEQ } from "./audit.ts";
import { lockedSql } from "./submissions.ts";
import type { Db } from "./types.ts";

/** A review action to store (docs/review.md). */
export type NewReview = {
  id: string;
  year: number;
  round: Round;
  unit: string;
  action: ReviewAction;
  /** The revision the office looked at (return, accept); ignored for reopen (the accepted one is recorded). */
  revision: number | null;
  comment: string | null;
  cells: readonly CellComment[];
  at: string;
  actor: string;
  tokenId: string | null;
};

/** What the batch found after its write: whether the action was stored, and the unit's state it was checked against. */
export type ReviewOutcome = {
  stored: boolean;
  seq: number | null;
  atMs: number | null;
  /** The unit's latest revision of the round (null: none). */
  latestRevision: number | null;
  /** Whether the round is accepted (locked) after the batch. */
  locked: boolean;
  /** The revision the action names (reopen: the accepted revision). */
  revision: number | null;
};

/**
 * Stores a review action as ONE D1 batch, the check and the write together, so that no submission
 * or other review can come in between:
 *  1. the review row, numbered with the next sequence number, inserted only when
 *     - return, accept: the unit's latest revision of the round is `revision` and the round is not
 *       accepted;
 *     - reopen: the round is accepted (the row records the accepted revision);
 *  2. its audit entry (worker/db/audit.ts), only if 1 inserted;
 *  3. a SELECT of the outcome: stored or not, and the state the caller explains a refusal with.
 * 3 statements.
 */
export async function storeReview(db: Db, r: NewReview): Promise<ReviewOutcome> {
  const locked = lockedSql("?2", "?3", "?4");
  const source =
    r.action === "reopen"
      ? "SELECT a.revision, a.submission_id FROM reviews a WHERE a.year = ?2 AND a.round = ?3 AND a.unit = ?4 " +
        `AND ${locked} ORDER BY a.seq DESC LIMIT 1`
      : "SELECT l.revision, l.submission_id FROM latest_submissions l WHERE l.year = ?2 AND l.round = ?3 AND l.unit = ?4 " +
        `AND l.revision = ?6 AND NOT ${locked}`;
  const results = await db.batch([
    db
      .prepare(
        "INSERT INTO reviews (seq, id, year, round, unit, action, revision, submission_id, comment, cells, at, actor, token_id) " +
          `SELECT ${NEXT_SEQ}, ?1, ?2, ?3, ?4, ?5, x.revision, x.submission_id, ?7, ?8, ?9, ?10, ?11 FROM (${source}) AS x`,
      )
      .bind(r.id, r.year, r.round, r.unit, r.action, r.revision, r.comment, JSON.stringify(r.cells), r.at, r.actor, r.tokenId),
    auditOfRow(
      db,
      "reviews",
      r.id,
      Date.parse(r.at),
      {
        actor: r.actor,
        tokenId: r.tokenId,
        action: r.action,
        unit: r.unit,
        year: r.year,
        round: r.round,
        revision: null,
        detail: r.action === "accept" ? {} : { comment: r.comment, cells: r.cells.length },
      },
      "r.revision",
    ),
    db
      .prepare(
        "SELECT r.seq, a.at_ms, r.revision AS named, " +
          "(SELECT revision FROM latest_submissions WHERE year = ?2 AND round = ?3 AND unit = ?4) AS latest, " +
          `${locked} AS locked FROM (SELECT 1) LEFT JOIN reviews r ON r.id = ?1 LEFT JOIN audit_log a ON a.seq = r.seq`,
      )
      .bind(r.id, r.year, r.round, r.unit),
  ]);
  type Row = { seq: number | null; at_ms: number | null; named: number | null; latest: number | null; locked: number };
  const row = results[2]?.results[0] as Row | undefined;
  if (!row) throw new Error("storeReview: no outcome row");
  return {
    stored: row.seq !== null,
    seq: row.seq,
    atMs: row.at_ms,
    latestRevision: row.latest,
    locked: row.locked === 1,
    revision: row.named,
  };
}
