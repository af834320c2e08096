import type { AuditEntry } from "../../shared/schemas/api/review.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { Db, Stmt } from "./types.ts";

/**
 * The audit log (worker/migrations/0006_review_and_audit.sql) is also the sequence of every action:
 * an action's rows carry the `seq` of its audit row, written in the same batch. `seq` is max + 1
 * inside the batch (D1 runs one batch at a time, so two actions never share one), and `at_ms`
 * strictly increases with it: max(the action's time, the previous action's + 1 ms).
 */

/** SQL: the sequence number the next action takes (inside its batch). */
export const NEXT_SEQ = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log)";

/**
 * SQL: the last action at or before `param` (epoch ms), or the last of all when it is NULL; 0 when
 * there is none. `at_ms` increases with `seq`, so this is the cut "as of" that moment.
 */
export const cutSeq = (param: string): string =>
  `(CASE WHEN ${param} IS NULL THEN (SELECT COALESCE(MAX(seq), 0) FROM audit_log) ` +
  `ELSE COALESCE((SELECT seq FROM audit_log WHERE at_ms <= ${param} ORDER BY at_ms DESC, seq DESC LIMIT 1), 0) END)`;

/** What an audit row records besides its sequence and time. */
export type AuditFields = {
  actor: string;
  tokenId: string | null;
  action: AuditEntry["action"];
  unit: string | null;
  year: number | null;
  round: Round | null;
  revision: number | null;
  detail: Record<string, unknown>;
};

const COLUMNS = "seq, at_ms, actor, token_id, action, unit, year, round, revision, detail";
const AT = (nowParam: string) => `MAX(${nowParam}, COALESCE((SELECT MAX(at_ms) FROM audit_log), 0) + 1)`;

/**
 * The audit row of an action whose own row (in `table`, found by `id`) was inserted earlier in the
 * batch with `seq = NEXT_SEQ`: the row takes that seq, and is written only if that row exists (an
 * action that stored nothing leaves no entry). `revisionSql` and `detailSql` (the detail JSON is
 * ?10) may read the action's row as `r`.
 */
export function auditOfRow(db: Db, table: string, id: string, nowMs: number, e: AuditFields, revisionSql = "?9", detailSql = "?10"): Stmt {
  return db
    .prepare(
      `INSERT INTO audit_log (${COLUMNS}) SELECT r.seq, ${AT("?2")}, ?3, ?4, ?5, ?6, ?7, ?8, ${revisionSql}, ${detailSql} ` +
        `FROM ${table} r WHERE r.id = ?1 AND r.seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = r.seq)`,
    )
    .bind(id, nowMs, e.actor, e.tokenId, e.action, e.unit, e.year, e.round, e.revision, JSON.stringify(e.detail));
}

/**
 * An audit row with the next sequence number, written when `guard` (SQL over parameters ?10…) holds.
 * For actions with no row of their own that carries a seq (tokens).
 */
export function auditStatement(db: Db, nowMs: number, e: AuditFields, guard = "1", guardBinds: readonly unknown[] = []): Stmt {
  return db
    .prepare(`INSERT INTO audit_log (${COLUMNS}) SELECT ${NEXT_SEQ}, ${AT("?1")}, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE ${guard}`)
    .bind(nowMs, e.actor, e.tokenId, e.action, e.unit, e.year, e.round, e.revision, JSON.stringify(e.detail), ...guardBinds);
}

type AuditRow = {
  seq: number;
  at_ms: number;
  actor: string;
  token_id: string | null;
  action: AuditEntry["action"];
  unit: string | null;
  year: number | null;
  round: Round | null;
  revision: number | null;
  detail: string;
};

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: new Date(r.at_ms).toISOString(),
    actor: { label: r.actor, tokenId: r.token_id },
    action: r.action,
    unit: r.unit,
    year: r.year,
    round: r.round,
    revision: r.revision,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}

/** Audit entries, newest first, of one year (null: all), before sequence `before` (keyset), at most `limit`. */
export async function listAudit(db: Db, q: { year: number | null; before: number | null; limit: number }): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM audit_log WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR seq < ?2) ORDER BY seq DESC LIMIT ?3`)
    .bind(q.year, q.before, q.limit)
    .all<AuditRow>();
  return results.map(toAuditEntry);
}
