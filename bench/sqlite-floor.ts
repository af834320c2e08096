/**
 * The floor under the Worker: the same SQL directly on SQLite (Node's built-in `node:sqlite`, in
 * memory, schema from worker/migrations/*.sql). The statements are not re-written here: the Worker's own
 * `submitRevision` / `reportForYear` run once against a recording D1 adapter (bench/d1-adapter.ts),
 * and the recorded SQL text + parameters are replayed on node:sqlite, one transaction per D1
 * round trip. The same run gives the statement counts and the "Worker code in Node" figure.
 */
import "./workerd-shim.ts";
import type { DatabaseSync } from "node:sqlite";
import type { Report } from "../shared/schemas/report.ts";
import type { Submission } from "../shared/schemas/submission.ts";
import { reportForYear } from "../worker/reports/report-for-year.ts";
import { builtInSetup } from "../shared/setup/defaults.ts";
import type { Db } from "../worker/db/types.ts";
import type { Principal } from "../worker/env.ts";
import { submitRevision } from "../worker/submissions/submit.ts";
import { newStats, openStore, replay, sqliteD1, sqliteExecute } from "./d1-adapter.ts";
import type { DbStats, Recorded } from "./d1-adapter.ts";
import type { Measurement } from "./measure.ts";
import { measure, measureAsync, printRow } from "./measure.ts";
import { summarize } from "./timing.ts";

export const BENCH_PRINCIPAL: Principal = { role: "admin", unit: null, label: "bench", tokenId: null };

export type ReportSet = { size: number; year: number; subs: Submission[] };
export type FloorResults = {
  submit: { sql: Measurement; node: Measurement; stats: DbStats; communes: number };
  report: { size: number; sql: Measurement; node: Measurement; groupBy: Measurement; stats: DbStats }[];
};

async function submit(db: Db, sub: Submission): Promise<void> {
  const r = await submitRevision(db, BENCH_PRINCIPAL, sub, new Date());
  if (r.status !== 201) throw new Error(`floor: submission of ${sub.district}/${sub.year} was not stored (${r.status})`);
}

/** The report route's work after D1: parse the stored aggregates, build the report, serialise it. */
export async function reportFromDb(db: Db, year: number): Promise<{ json: string; report: Report }> {
  // The bench's years (2030 on) have the 2018 defaults: 11 districts, the 19 criteria of 2016-2020.
  const query = { year, round: "plan", asOf: null, accepted: false, setup: { ...builtInSetup(2018)!, year } } as const;
  const report = await reportForYear(db, query, new Date());
  return { json: JSON.stringify(report), report };
}

/** For reference only (the Worker does not do this): aggregating the latest revisions' communes in SQL. */
const GROUP_BY =
  "SELECT s.unit, count(*) AS communes, sum((c.kh & 524287) = 524287) AS ntm_plan " +
  "FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id " +
  "JOIN submission_communes c ON c.submission_id = s.id WHERE l.year = ? GROUP BY s.unit";

/**
 * `runs[0]` is stored first (untimed); each later `runs[i]` is timed as a new revision of the same
 * district on top of `runs[i - 1]`, exactly as the Worker benchmark submits them.
 */
export async function benchSqliteFloor(runs: readonly Submission[], reportSets: readonly ReportSet[]): Promise<FloorResults> {
  const communes = runs[1]?.communes.length ?? 0;
  console.log(`\n## SQLite floor (node:sqlite in memory, same schema, the Worker's recorded SQL replayed)`);

  // Submission: Worker code in Node over SQLite (records its statements), then the bare replay.
  const sqlTimes: number[] = [];
  const nodeTimes: number[] = [];
  let stats = newStats();
  for (let i = 1; i < runs.length; i++) {
    const a = openStore();
    await submit(sqliteD1(a), runs[i - 1]!);
    const s = newStats();
    const trips: Recorded[][] = [];
    const t0 = performance.now();
    await submit(sqliteD1(a, s, trips), runs[i]!);
    nodeTimes.push(performance.now() - t0);
    stats = s;
    a.close();

    const b = openStore();
    await submit(sqliteD1(b), runs[i - 1]!);
    const t1 = performance.now();
    replay(b, trips);
    sqlTimes.push(performance.now() - t1);
    b.close();
  }
  console.log(`  submission of ${communes.toLocaleString("en")} communes (a new revision over the previous one):`);
  const sql = summarize("  SQL only: recorded statements replayed", sqlTimes.slice(1));
  const node = summarize("  submitRevision (Worker code) in Node on SQLite", nodeTimes.slice(1));
  printRow(
    "  D1 work of one submission",
    `${stats.statements} statements`,
    `${stats.roundTrips} round trips (batches of ${stats.batches.join(" + ")}), ${stats.changes.toLocaleString("en")} rows written`,
  );

  // Reports: every set stored in one database (like the Worker's), then the report of each year.
  const store: DatabaseSync = openStore();
  const db = sqliteD1(store);
  const exec = sqliteExecute(store);
  const report: FloorResults["report"] = [];
  for (const set of reportSets) {
    for (const sub of set.subs) await submit(db, sub);
    const s = newStats();
    const trips: Recorded[][] = [];
    const { report: r } = await reportFromDb(sqliteD1(store, s, trips), set.year);
    if (r.overview.communes !== set.size)
      throw new Error(`floor report ${set.year}: ${r.overview.communes} communes, expected ${set.size}`);
    console.log(`  report of ${set.size.toLocaleString("en")} communes (${set.subs.length} districts, year ${set.year}):`);
    const sqlM = measure("  SQL only: the report's statements replayed", () => replay(store, trips, exec), 25, 5);
    const nodeM = await measureAsync("  report route's code in Node on SQLite", () => reportFromDb(db, set.year), 25, 5);
    const groupBy = store.prepare(GROUP_BY);
    const g = measure("  (reference) GROUP BY over all communes in SQL", () => groupBy.all(set.year), 9, 2);
    report.push({ size: set.size, sql: sqlM, node: nodeM, groupBy: g, stats: s });
  }
  const first = report[0];
  if (first) {
    printRow(
      "  D1 work of one report",
      `${first.stats.statements} statements`,
      `${first.stats.roundTrips} round trip(s), the same for every size (stored aggregates)`,
    );
  }
  store.close();
  console.log(
    "  (counts: the Worker's own db functions run in Node against a counting D1 adapter; wrangler dev does not expose D1 statement counts over HTTP)",
  );
  return { submit: { sql, node, stats, communes }, report };
}
