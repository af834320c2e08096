/**
 * A D1-compatible binding for benchmarks in Node, so the Worker's own db functions and submit path
 * run unchanged outside workerd: `sqliteD1` executes on better-sqlite3 (one transaction per batch,
 * like D1), `cannedD1` answers from a callback without any SQL (to measure the Worker's JS alone).
 * Both count round trips, statements, batch sizes and rows changed, and can record every statement
 * (SQL text + parameters) grouped by round trip so it can be replayed directly on SQLite.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../worker/db/types.ts";

export type DbStats = { roundTrips: number; statements: number; batches: number[]; changes: number };
export type Recorded = { sql: string; params: unknown[] };
export type Execute = (sql: string, params: unknown[]) => { results: unknown[]; changes: number };

export const newStats = (): DbStats => ({ roundTrips: 0, statements: 0, batches: [], changes: 0 });

type Stmt = { sql: string; params: unknown[] };

/** A D1 binding over `execute`; `transaction` wraps a batch (all or nothing). */
export function makeD1(
  execute: Execute, transaction: <T>(fn: () => T) => T, stats: DbStats = newStats(), record?: Recorded[][],
): Db {
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
      return col === undefined || row === null ? row : row[col] ?? null;
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

/** better-sqlite3 binds `?NNN` parameters from an object keyed by their numbers. */
export function numbered(params: readonly unknown[]): Record<number, unknown>[] {
  if (params.length === 0) return [];
  const o: Record<number, unknown> = {};
  params.forEach((v, i) => { o[i + 1] = typeof v === "boolean" ? (v ? 1 : 0) : v ?? null; });
  return [o];
}

/**
 * better-sqlite3 12.11.1 on Node 24 aborts the process when the garbage collector finalises one of
 * its wrappers (Database, Statement: "Assertion failed: (env) != nullptr" in
 * RemoveEnvironmentCleanupHook, a known issue). Every wrapper the bench creates is kept reachable
 * here until the process exits; closed databases free their SQLite memory all the same.
 */
const RETAINED: unknown[] = [];
export function retain<T>(x: T): T {
  RETAINED.push(x);
  return x;
}

/** An in-memory SQLite database with every migration of worker/migrations applied, in order. */
export function openStore(): Database.Database {
  const db = retain(new Database(":memory:"));
  const dir = path.join(import.meta.dirname, "..", "worker", "migrations");
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".sql")).sort()) {
    db.exec(fs.readFileSync(path.join(dir, f), "utf8"));
  }
  return db;
}

/** A statement-caching executor on a better-sqlite3 database. */
export function sqliteExecute(sqlite: Database.Database): Execute {
  const cache = new Map<string, Database.Statement>();
  return (sql, params) => {
    let st = cache.get(sql);
    if (!st) { st = retain(sqlite.prepare(sql)); cache.set(sql, st); }
    if (st.reader) return { results: st.all(...numbered(params)), changes: 0 };
    return { results: [], changes: st.run(...numbered(params)).changes };
  };
}

/** The Worker's D1 binding, backed by better-sqlite3. */
export function sqliteD1(sqlite: Database.Database, stats?: DbStats, record?: Recorded[][]): Db {
  return makeD1(sqliteExecute(sqlite), (fn) => sqlite.transaction(fn)(), stats, record);
}

/** A binding that answers every statement from `answer` (no SQL at all). */
export function cannedD1(answer: (sql: string, params: unknown[]) => unknown[], stats?: DbStats): Db {
  return makeD1((sql, params) => ({ results: answer(sql, params), changes: 0 }), (fn) => fn(), stats);
}

/** Replays recorded round trips directly on better-sqlite3, each in one transaction (as D1 does). */
export function replay(sqlite: Database.Database, trips: readonly Recorded[][], exec = sqliteExecute(sqlite)): number {
  let rows = 0;
  for (const trip of trips) {
    sqlite.transaction(() => { for (const s of trip) rows += exec(s.sql, s.params).results.length; })();
  }
  return rows;
}
