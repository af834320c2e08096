/**
 * A D1-compatible binding for benchmarks in Node, so the Worker's own db functions and submit path
 * run unchanged outside workerd: `sqliteD1` executes on Node's built-in SQLite (`node:sqlite`
 * `DatabaseSync`, one transaction per batch, like D1), `cannedD1` answers from a callback without
 * any SQL (to measure the Worker's JS alone). Both count round trips, statements, batch sizes and
 * rows changed, and can record every statement (SQL text + parameters) grouped by round trip so it
 * can be replayed directly on SQLite.
 */
import fs from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { SQLInputValue, StatementSync } from "node:sqlite";
import type { Db } from "../worker/db/types.ts";

export type DbStats = { roundTrips: number; statements: number; batches: number[]; changes: number };
export type Recorded = { sql: string; params: unknown[] };
export type Execute = (sql: string, params: unknown[]) => { results: unknown[]; changes: number };

export const newStats = (): DbStats => ({ roundTrips: 0, statements: 0, batches: [], changes: 0 });

type Stmt = { sql: string; params: unknown[] };

/** A D1 binding over `execute`; `transaction` wraps a batch (all or nothing). */
export function makeD1(execute: Execute, transaction: <T>(fn: () => T) => T, stats: DbStats = newStats(), record?: Recorded[][]): Db {
  const one = (s: Stmt) => {
    const r = execute(s.sql, s.params);
    stats.statements++;
    stats.changes += r.changes;
    return { results: r.results, success: true, meta: { changes: r.changes } };
  };
  const single = (s: Stmt) => {
    stats.roundTrips++;
    record?.push([{ sql: s.sql, params: s.params }]);
    return one(s);
  };
  const stmt = (sql: string, params: unknown[]): unknown => ({
    __bench: { sql, params } satisfies Stmt,
    bind: (...args: unknown[]) => stmt(sql, args),
    first: async (col?: string) => {
      const row = (single({ sql, params }).results[0] ?? null) as Record<string, unknown> | null;
      return col === undefined || row === null ? row : (row[col] ?? null);
    },
    all: async () => single({ sql, params }),
    run: async () => single({ sql, params }),
    raw: async () => single({ sql, params }).results.map((r) => Object.values(r as object)),
  });
  const db = {
    prepare: (sql: string) => stmt(sql, []),
    batch: async (stmts: { __bench: Stmt }[]) => {
      stats.roundTrips++;
      stats.batches.push(stmts.length);
      record?.push(stmts.map((s) => ({ sql: s.__bench.sql, params: s.__bench.params })));
      return transaction(() => stmts.map((s) => one(s.__bench)));
    },
    exec: async () => {
      throw new Error("exec is not used by the Worker");
    },
  };
  return db as unknown as Db;
}

/** A value as D1 binds it: booleans as 0/1, undefined as NULL. */
const sqlValue = (v: unknown): SQLInputValue => (typeof v === "boolean" ? (v ? 1 : 0) : ((v ?? null) as SQLInputValue));

/**
 * D1 binds parameter i to `?i` (the Worker writes `?1`, `?2`, … and may repeat them); node:sqlite
 * binds `?NNN` by name, so they go in one object keyed `?1`, `?2`, …; plain `?` positionally.
 */
export function bindArgs(
  sql: string,
  params: readonly unknown[],
): { named: Record<string, SQLInputValue> } | { positional: SQLInputValue[] } {
  if (!/\?\d/.test(sql)) return { positional: params.map(sqlValue) };
  const named: Record<string, SQLInputValue> = {};
  params.forEach((v, i) => {
    named[`?${i + 1}`] = sqlValue(v);
  });
  return { named };
}

/** An in-memory SQLite database with every migration of worker/migrations applied, in order. */
export function openStore(): DatabaseSync {
  const db = new DatabaseSync(":memory:");
  const dir = path.join(import.meta.dirname, "..", "worker", "migrations");
  for (const f of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".sql"))
    .sort()) {
    db.exec(fs.readFileSync(path.join(dir, f), "utf8"));
  }
  return db;
}

/** Runs `fn` in one transaction on `sqlite`: committed if it returns, rolled back if it throws. */
export function inTransaction<T>(sqlite: DatabaseSync, fn: () => T): T {
  sqlite.exec("BEGIN");
  try {
    const out = fn();
    sqlite.exec("COMMIT");
    return out;
  } catch (err) {
    sqlite.exec("ROLLBACK");
    throw err;
  }
}

/** A statement-caching executor on a node:sqlite database. */
export function sqliteExecute(sqlite: DatabaseSync): Execute {
  const cache = new Map<string, { st: StatementSync; reader: boolean }>();
  return (sql, params) => {
    let c = cache.get(sql);
    if (!c) {
      const st = sqlite.prepare(sql);
      st.setAllowUnknownNamedParameters(true);
      c = { st, reader: st.columns().length > 0 };
      cache.set(sql, c);
    }
    const { st, reader } = c;
    const args = bindArgs(sql, params);
    const all = () => ("named" in args ? st.all(args.named) : st.all(...args.positional));
    const run = () => ("named" in args ? st.run(args.named) : st.run(...args.positional));
    return reader ? { results: all(), changes: 0 } : { results: [], changes: Number(run().changes) };
  };
}

/** The Worker's D1 binding, backed by node:sqlite. */
export function sqliteD1(sqlite: DatabaseSync, stats?: DbStats, record?: Recorded[][]): Db {
  return makeD1(sqliteExecute(sqlite), (fn) => inTransaction(sqlite, fn), stats, record);
}

/** A binding that answers every statement from `answer` (no SQL at all). */
export function cannedD1(answer: (sql: string, params: unknown[]) => unknown[], stats?: DbStats): Db {
  return makeD1(
    (sql, params) => ({ results: answer(sql, params), changes: 0 }),
    (fn) => fn(),
    stats,
  );
}

/** Replays recorded round trips directly on SQLite, each in one transaction (as D1 does). */
export function replay(sqlite: DatabaseSync, trips: readonly Recorded[][], exec = sqliteExecute(sqlite)): number {
  let rows = 0;
  for (const trip of trips) {
    inTransaction(sqlite, () => {
      for (const s of trip) rows += exec(s.sql, s.params).results.length;
    });
  }
  return rows;
}
