import type { Targets } from "../../shared/targets/schema.ts";
import { targetsSchema } from "../../shared/targets/schema.ts";
import { auditOfRow, cutSeq, NEXT_SEQ } from "./audit.ts";
import type { Db, Stmt } from "./types.ts";

/**
 * A year's targets (worker/migrations/0007_targets_and_results.sql): every apply is one
 * append-only row with the sequence number of its audit entry (`targets`); the year's targets at a
 * cut are its row of highest seq at or before it.
 */
export type NewTargets = { id: string; targets: Targets; at: string; actor: string; tokenId: string | null };

/** A year's targets as stored, with when and by whom they were set. */
export type TargetsRecord = { targets: Targets; seq: number; at: string; actor: string };

/** Stores the targets and their audit entry (`targets`) in ONE batch; answers the sequence number. 3 statements. */
export async function storeTargets(db: Db, t: NewTargets): Promise<number> {
  const year = t.targets.year;
  const results = await db.batch([
    db
      .prepare(`INSERT INTO targets (seq, id, year, body, at, actor, token_id) SELECT ${NEXT_SEQ}, ?1, ?2, ?3, ?4, ?5, ?6`)
      .bind(t.id, year, JSON.stringify(t.targets), t.at, t.actor, t.tokenId),
    auditOfRow(db, "targets", t.id, Date.parse(t.at), {
      actor: t.actor,
      tokenId: t.tokenId,
      action: "targets",
      unit: null,
      year,
      round: null,
      revision: null,
      detail: { province: Object.keys(t.targets.province).length, units: Object.keys(t.targets.units).length },
    }),
    db.prepare("SELECT seq FROM targets WHERE id = ?1").bind(t.id),
  ]);
  const row = results[2]?.results[0] as { seq: number } | undefined;
  if (!row) throw new Error("storeTargets: the row is missing after its batch");
  return row.seq;
}

/** The statement that reads the year's targets at the cut `?2` (epoch ms; null = now): at most one row. */
export function targetsStatement(db: Db, year: number, asOfMs: number | null): Stmt {
  return db
    .prepare(`SELECT seq, body, at, actor FROM targets WHERE year = ?1 AND seq <= ${cutSeq("?2")} ORDER BY seq DESC LIMIT 1`)
    .bind(year, asOfMs);
}

type TargetsRow = { seq: number; body: string; at: string; actor: string };

/** The record of the statement's result (null: no targets at the cut). */
export function readTargetsRow(rows: readonly unknown[] | undefined): TargetsRecord | null {
  const row = rows?.[0] as TargetsRow | undefined;
  if (!row) return null;
  return { targets: targetsSchema.parse(JSON.parse(row.body)), seq: row.seq, at: row.at, actor: row.actor };
}

/** The year's targets now (or at `asOfMs`). */
export async function loadTargets(db: Db, year: number, asOfMs: number | null = null): Promise<TargetsRecord | null> {
  const { results } = await targetsStatement(db, year, asOfMs).all();
  return readTargetsRow(results);
}
