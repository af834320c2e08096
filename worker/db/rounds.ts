import type { Round } from "../../shared/schemas/api/common.ts";
import { auditOfRow, cutSeq, NEXT_SEQ } from "./audit.ts";
import type { Db, Stmt } from "./types.ts";

/** A deadline the office sets for a round (append-only: the latest by sequence wins over the setup's). */
export type NewDeadline = { id: string; year: number; round: Round; deadline: string; at: string; actor: string; tokenId: string | null };

/** Stores a deadline and its audit entry (`deadline`) in ONE batch; answers the sequence number. 3 statements. */
export async function storeDeadline(db: Db, d: NewDeadline): Promise<number> {
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO round_deadlines (seq, id, year, round, deadline, at, actor, token_id) SELECT ${NEXT_SEQ}, ?1, ?2, ?3, ?4, ?5, ?6, ?7`,
      )
      .bind(d.id, d.year, d.round, d.deadline, d.at, d.actor, d.tokenId),
    auditOfRow(db, "round_deadlines", d.id, Date.parse(d.at), {
      actor: d.actor,
      tokenId: d.tokenId,
      action: "deadline",
      unit: null,
      year: d.year,
      round: d.round,
      revision: null,
      detail: { deadline: d.deadline },
    }),
    db.prepare("SELECT seq FROM round_deadlines WHERE id = ?1").bind(d.id),
  ]);
  const row = results[2]?.results[0] as { seq: number } | undefined;
  if (!row) throw new Error("storeDeadline: the row is missing after its batch");
  return row.seq;
}

/** A deadline set by the office, as read back. */
export type DeadlineRow = { round: Round; deadline: string; at: string; actor: string };

/**
 * The statement that reads the office's latest deadline of each round of `year` at the cut `?2`
 * (epoch ms; null = now): at most one row per round.
 */
export function deadlinesStatement(db: Db, year: number, asOfMs: number | null): Stmt {
  return db
    .prepare(
      "SELECT d.round, d.deadline, d.at, d.actor FROM round_deadlines d WHERE d.year = ?1 " +
        `AND d.seq = (SELECT MAX(x.seq) FROM round_deadlines x WHERE x.year = ?1 AND x.round = d.round AND x.seq <= ${cutSeq("?2")}) ` +
        "ORDER BY d.round",
    )
    .bind(year, asOfMs);
}
