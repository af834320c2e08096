/**
 * The Worker's D1 binding on node:sqlite (bench/d1-adapter.ts) that also adds up the CPU time spent
 * inside SQLite (process.cpuUsage around each call: node:sqlite is synchronous and in memory): every
 * statement (run + rows read back into JS objects) and every transaction's BEGIN/COMMIT/ROLLBACK.
 * That is CPU time of this process that a Worker would not spend (D1 runs elsewhere): the Worker CPU
 * benchmark (bench/worker-cpu.ts) subtracts it to give the Worker's own JavaScript.
 */
import type { DatabaseSync } from "node:sqlite";
import type { Db } from "../worker/db/types.ts";
import { makeD1, sqliteExecute } from "./d1-adapter.ts";

export type TimedD1 = { db: Db; sqlMs: () => number };

export function timedSqliteD1(sqlite: DatabaseSync): TimedD1 {
  let ms = 0;
  const timed = <T>(fn: () => T): T => {
    const c0 = process.cpuUsage();
    try {
      return fn();
    } finally {
      const c = process.cpuUsage(c0);
      ms += (c.user + c.system) / 1000;
    }
  };
  const exec = sqliteExecute(sqlite);
  const transaction = <T>(fn: () => T): T => {
    timed(() => sqlite.exec("BEGIN"));
    try {
      const out = fn();
      timed(() => sqlite.exec("COMMIT"));
      return out;
    } catch (err) {
      timed(() => sqlite.exec("ROLLBACK"));
      throw err;
    }
  };
  const db = makeD1((sql, params) => timed(() => exec(sql, params)), transaction);
  return { db, sqlMs: () => ms };
}
