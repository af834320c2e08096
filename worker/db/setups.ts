import { BUILT_IN_YEARS } from "../../shared/setup/defaults.ts";
import { builtInSet } from "../../shared/setup/criteria-sets.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { sha256, toHex } from "../auth/token-crypto.ts";
import { stableStringify } from "../submissions/canonical.ts";
import { auditOfRow, cutSeq, NEXT_SEQ } from "./audit.ts";
import { chunkRows } from "./json-chunks.ts";
import { readReference, referenceStatements } from "./reference.ts";
import { appliedRecord, builtInRecord, setupBody } from "./setup-rows.ts";
import type { SetupCommuneRow, SetupHeadRow, SetupRecord, SetupUnitRow } from "./setup-rows.ts";
import type { Db, Stmt } from "./types.ts";

export type { SetupRecord };

/** Whether `year` has built-in defaults (2016-2020), read from the `districts` and `criteria` tables. */
export const isBuiltInYear = (year: number): boolean => year >= BUILT_IN_YEARS.from && year <= BUILT_IN_YEARS.to;

/**
 * The id of the year's setup version current at the cut `?2` (epoch ms; null = now): its latest
 * version applied by the last action at or before then (worker/db/audit.ts).
 */
const CURRENT = `(SELECT id FROM setups WHERE year = ?1 AND seq <= ${cutSeq("?2")} ORDER BY version DESC LIMIT 1)`;

/** An ISO time as epoch ms for the cut parameters (null stays null). */
const msOf = (asOf: string | null): number | null => (asOf === null ? null : Date.parse(asOf));

/**
 * The statements that read the setup of `year` current at `asOf` (an ISO time; null = now), to run
 * inside a caller's batch and read back with `readSetup`: the version's head, units and communes
 * (3), plus the reference data of the built-in defaults for a year 2016-2020 (2).
 */
export function setupStatements(db: Db, year: number, asOf: string | null = null): Stmt[] {
  return setupStatementsAtMs(db, year, msOf(asOf));
}

/** `setupStatements` with the cut as epoch ms (null = now). */
export function setupStatementsAtMs(db: Db, year: number, asOfMs: number | null): Stmt[] {
  const asOf = asOfMs;
  const stmts = [
    db
      .prepare(
        "SELECT id, year, version, criteria_set, level, plan_flags, capital_rows, deadline_plan, deadline_result, " +
          `has_communes, units, communes, applied_at, applied_by FROM setups WHERE id = ${CURRENT}`,
      )
      .bind(year, asOf),
    db.prepare(`SELECT code, name, attributes FROM setup_units WHERE setup_id = ${CURRENT} ORDER BY sort`).bind(year, asOf),
    db
      .prepare(`SELECT code, name, unit, grp, attributes, former_codes FROM setup_communes WHERE setup_id = ${CURRENT} ORDER BY sort`)
      .bind(year, asOf),
  ];
  return isBuiltInYear(year) ? [...stmts, ...referenceStatements(db)] : stmts;
}

/** The setup from the results of `setupStatements` (same order): applied, else built in, else null. */
export function readSetup(year: number, results: readonly D1Result[]): SetupRecord | null {
  const head = results[0]?.results[0] as SetupHeadRow | undefined;
  if (head) return appliedRecord(head, (results[1]?.results ?? []) as SetupUnitRow[], (results[2]?.results ?? []) as SetupCommuneRow[]);
  if (!isBuiltInYear(year)) return null;
  return builtInRecord(year, readReference(results[3]?.results ?? [], results[4]?.results ?? []));
}

/**
 * The setup of `year` with its version: the latest applied version (or the one current at `asOf`),
 * else the built-in defaults of a year 2016-2020, else null. One batch of 3 or 5 statements,
 * however many units and communes.
 */
export async function loadSetupRecord(db: Db, year: number, asOf: string | null = null): Promise<SetupRecord | null> {
  return readSetup(year, await db.batch(setupStatements(db, year, asOf)));
}

/** The setup of `year` (see `loadSetupRecord`), or null when the year has none. */
export async function loadSetup(db: Db, year: number, asOf: string | null = null): Promise<Setup | null> {
  return (await loadSetupRecord(db, year, asOf))?.setup ?? null;
}

/**
 * A setup to store as a new version of its year, and who applies it. `revisionsRead`: the number of
 * revisions of the year (`submissions` rows, which are only ever added) the caller read before
 * computing what it adds to the batch; the version is then stored only if that is still the number
 * (else `StaleRevisionsError`: read again).
 */
export type SetupWrite = {
  id: string;
  setup: Setup;
  appliedAt: string;
  appliedBy: string;
  tokenId: string | null;
  revisionsRead?: number;
};

/** Thrown by `storeSetup` when a revision of the year was stored after `revisionsRead` was counted. */
export class StaleRevisionsError extends Error {
  constructor(year: number) {
    super(`storeSetup: a revision of ${year} was stored after the revisions were read`);
    this.name = "StaleRevisionsError";
  }
}

/** The stored version after a write: this one (`created`) or the identical current one it matched. */
export type StoredSetup = { id: string; version: number; appliedAt: string; appliedBy: string; created: boolean };

/** SHA-256 (hex) of the stable JSON of a value. */
async function hashOf(value: unknown): Promise<string> {
  return toHex(await sha256(stableStringify(value)));
}

/**
 * THE STATEMENTS OF A SETUP WRITE, for one batch (one transaction) with any statements a caller adds
 * (e.g. stored aggregates recomputed under the new setup; guard them with
 * `EXISTS (SELECT 1 FROM setups WHERE id = <write id>)` so that a deduplicated write changes nothing):
 *  1. the head row, numbered max + 1 of the year INSIDE the INSERT, and only when the year's current
 *     version has a different content hash (an identical re-apply stores nothing) and, with
 *     `revisionsRead`, the year still has that many revisions;
 *  2. a custom criteria set (an id that is not built in) as a new version of that id, only if 1
 *     inserted and its definition differs from the id's latest version;
 *  3. the units, then the communes, from JSON parameters of ≤ 1 MB each (json_each), only if 1
 *     inserted: one statement per chunk, never one per row.
 * 10,000 communes at level xã (10,000 units too): 1 + 1 + 1 + 2 statements (see the tests).
 */
export async function setupWriteStatements(db: Db, w: SetupWrite): Promise<Stmt[]> {
  return (await setupWrite(db, w)).stmts;
}

async function setupWrite(db: Db, w: SetupWrite): Promise<{ stmts: Stmt[]; contentHash: string }> {
  const s = w.setup;
  const inserted = "EXISTS (SELECT 1 FROM setups WHERE id = ?1)";
  const [contentHash, setHash] = await Promise.all([hashOf(setupBody(s)), hashOf(s.criteriaSet)]);
  const latestOf = (table: string, key: string) => `(SELECT MAX(version) FROM ${table} WHERE ${key})`;
  const stmts: Stmt[] = [
    db
      .prepare(
        "INSERT INTO setups (id, year, version, criteria_set_id, criteria_set, level, plan_flags, capital_rows, " +
          "deadline_plan, deadline_result, has_communes, units, communes, content_hash, applied_at, applied_by, token_id, seq) " +
          `SELECT ?1, ?2, COALESCE(${latestOf("setups", "year = ?2")}, 0) + 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ${NEXT_SEQ} ` +
          `WHERE NOT EXISTS (SELECT 1 FROM setups WHERE year = ?2 AND content_hash = ?13 AND version = ${latestOf("setups", "year = ?2")}) ` +
          "AND (?17 IS NULL OR (SELECT COUNT(*) FROM submissions WHERE year = ?2) = ?17)",
      )
      .bind(
        w.id,
        s.year,
        s.criteriaSet.id,
        JSON.stringify(s.criteriaSet),
        s.level,
        JSON.stringify(s.planFlags),
        JSON.stringify(s.capitalRows),
        s.deadlines.plan,
        s.deadlines.result,
        s.communes === null ? 0 : 1,
        s.units.length,
        s.communes?.length ?? 0,
        contentHash,
        w.appliedAt,
        w.appliedBy,
        w.tokenId,
        w.revisionsRead ?? null,
      ),
    auditOfRow(
      db,
      "setups",
      w.id,
      Date.parse(w.appliedAt),
      {
        actor: w.appliedBy,
        tokenId: w.tokenId,
        action: "setup",
        unit: null,
        year: s.year,
        round: null,
        revision: null,
        detail: { criteriaSet: s.criteriaSet.id, level: s.level, units: s.units.length, communes: s.communes?.length ?? 0 },
      },
      "?9",
      "json_set(?10, '$.version', r.version)",
    ),
  ];
  if (builtInSet(s.criteriaSet.id) === null) {
    const latest = latestOf("custom_criteria_sets", "id = ?2");
    stmts.push(
      db
        .prepare(
          "INSERT INTO custom_criteria_sets (id, version, definition, content_hash, setup_id, stored_at) " +
            `SELECT ?2, COALESCE(${latest}, 0) + 1, ?3, ?4, ?1, ?5 WHERE ${inserted} ` +
            `AND NOT EXISTS (SELECT 1 FROM custom_criteria_sets WHERE id = ?2 AND content_hash = ?4 AND version = ${latest})`,
        )
        .bind(w.id, s.criteriaSet.id, JSON.stringify(s.criteriaSet), setHash, w.appliedAt),
    );
  }
  const field = (i: number) => `json_extract(value, '$[${i}]')`;
  for (const chunk of chunkRows(s.units.map((u) => [u.code, u.name, u.attributes]))) {
    stmts.push(
      db
        .prepare(
          "INSERT INTO setup_units (setup_id, code, sort, name, attributes) " +
            `SELECT ?1, ${field(0)}, ?3 + key, ${field(1)}, ${field(2)} FROM json_each(?2) WHERE ${inserted}`,
        )
        .bind(w.id, chunk.json, chunk.offset),
    );
  }
  const communes = (s.communes ?? []).map((c) => [c.code, c.name, c.unit, c.group, c.attributes, c.formerCodes]);
  for (const chunk of chunkRows(communes)) {
    stmts.push(
      db
        .prepare(
          "INSERT INTO setup_communes (setup_id, code, sort, name, unit, grp, attributes, former_codes) " +
            `SELECT ?1, ${field(0)}, ?3 + key, ${field(1)}, ${field(2)}, ${field(3)}, ${field(4)}, ${field(5)} ` +
            `FROM json_each(?2) WHERE ${inserted}`,
        )
        .bind(w.id, chunk.json, chunk.offset),
    );
  }
  return { stmts, contentHash };
}

/** After the writes: the year's current version, and whether it is the one just written. */
function storedSetupStatement(db: Db, w: SetupWrite): Stmt {
  return db
    .prepare(
      "SELECT id, version, applied_at, applied_by, content_hash, id = ?1 AS created FROM setups WHERE year = ?2 ORDER BY version DESC LIMIT 1",
    )
    .bind(w.id, w.setup.year);
}

/**
 * Stores a setup as ONE D1 batch, all or nothing: `setupWriteStatements`, then `extra` (statements
 * of the caller, in the same transaction), then a SELECT of the year's current version. Throws
 * `StaleRevisionsError` when `revisionsRead` no longer holds (nothing stored).
 */
export async function storeSetup(db: Db, w: SetupWrite, extra: readonly Stmt[] = []): Promise<StoredSetup> {
  const write = await setupWrite(db, w);
  const stmts = [...write.stmts, ...extra, storedSetupStatement(db, w)];
  type Row = { id: string; version: number; applied_at: string; applied_by: string; content_hash: string; created: number };
  const results = await db.batch<Row>(stmts);
  const row = results[results.length - 1]?.results[0];
  // Not stored and not the same as the current version: only the revisions guard refuses that.
  if (row?.created !== 1 && row?.content_hash !== write.contentHash) {
    if (w.revisionsRead !== undefined) throw new StaleRevisionsError(w.setup.year);
  }
  if (!row) throw new Error("storeSetup: no setup version after the batch");
  return { id: row.id, version: row.version, appliedAt: row.applied_at, appliedBy: row.applied_by, created: row.created === 1 };
}
