/**
 * The setup's D1 work, counted in Node: the Worker's own Hono app (worker/index.ts) run with its D1
 * binding on node:sqlite (bench/d1-adapter.ts, counting and recording every statement), so the
 * figures are those of the real routes. PUT /api/v1/setup/:year of a 10,000-commune setup: its
 * statements (and, from worker/db/setups.ts's statement builder, what each one writes), the Worker
 * path in Node and the same SQL replayed bare (the floor). GET /api/v1/reports/:year: its statements
 * for 11, 61 and 1,000 units (a stored aggregate per unit: constant).
 */
import "./workerd-shim.ts";
import type { DatabaseSync } from "node:sqlite";
import type { SetupJson } from "../shared/setup/schema.ts";
import { setupWriteStatements } from "../worker/db/setups.ts";
import type { Stmt } from "../worker/db/types.ts";
import { app } from "../worker/index.ts";
import { makeD1, newStats, openStore, replay, sqliteD1 } from "./d1-adapter.ts";
import type { DbStats, Recorded } from "./d1-adapter.ts";
import { provinceSubmissions } from "./datasets.ts";
import type { Measurement } from "./measure.ts";
import { printRow } from "./measure.ts";
import { filledNtm2Workbook } from "./ntm2-grid.ts";
import { communeLevelSetup, districtLevelSetup, typedSetup } from "./setup-datasets.ts";
import { summarize } from "./timing.ts";
import { readTemplate } from "../shared/template/read-template.ts";

const ADMIN = "bench-admin-token-" + "x".repeat(24);
export const SETUP_COMMUNES = 10_000;
export const SETUP_YEAR = 2040;
const RUNS = 7;

type Answer = { status: number; body: string };

/** One request to the Worker app in Node, its D1 on `db` (admin token). */
async function request(db: ReturnType<typeof sqliteD1>, method: string, path: string, body?: string): Promise<Answer> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = body;
  const env = { DB: db, ADMIN_TOKEN: ADMIN, ALLOWED_ORIGINS: "" };
  const res = await app.fetch(new Request(`http://ntm.bench/api/v1${path}`, init), env as never);
  return { status: res.status, body: await res.text() };
}

async function expectStatus(a: Answer | Promise<Answer>, status: number, what: string): Promise<Answer> {
  const r = await a;
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status}: ${r.body.slice(0, 400)}`);
  return r;
}

/** What each statement of the builder writes, from its SQL text. */
function describeStatements(stmts: readonly Stmt[]): { total: number; parts: string } {
  const kinds = new Map<string, number>();
  for (const s of stmts) {
    const sql = (s as unknown as { __bench: { sql: string } }).__bench.sql;
    const kind = /INSERT INTO (\w+)/.exec(sql)?.[1] ?? "other";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return { total: stmts.length, parts: [...kinds].map(([k, n]) => `${k} ${n}`).join(", ") };
}

export type SetupFloorResults = {
  bodies: string[];
  put: { stats: DbStats; builder: { total: number; parts: string }; sql: Measurement; node: Measurement; dedupStatements: number };
  reports: { units: number; label: string; submitted: string; stats: DbStats }[];
};

/** The PUT bodies of the HTTP benchmark: the same 10,000-commune setup, a different deadline each run. */
export function setupBodies(runs = RUNS, year = SETUP_YEAR): string[] {
  return Array.from({ length: runs }, (_, i) => JSON.stringify(communeLevelSetup(SETUP_COMMUNES, year, i)));
}

/** PUT of a 10,000-commune setup: statements, Worker path in Node, SQL replayed. */
async function benchPut(bodies: readonly string[]): Promise<SetupFloorResults["put"]> {
  const first = JSON.parse(bodies[0]!) as SetupJson;
  const setup = typedSetup(first);
  const recorder = makeD1(
    () => ({ results: [], changes: 0 }),
    (fn) => fn(),
  );
  const write = { id: "bench", setup, appliedAt: "2040-01-01T00:00:00.000Z", appliedBy: "bench", tokenId: null };
  const builder = describeStatements(await setupWriteStatements(recorder, write));

  const nodeTimes: number[] = [];
  const sqlTimes: number[] = [];
  let stats = newStats();
  let dedupStatements = 0;
  for (let i = 1; i < bodies.length; i++) {
    const a: DatabaseSync = openStore();
    await expectStatus(request(sqliteD1(a), "PUT", `/setup/${SETUP_YEAR}`, bodies[i - 1]), 201, "PUT setup (previous version)");
    const s = newStats();
    const trips: Recorded[][] = [];
    const t0 = performance.now();
    await expectStatus(request(sqliteD1(a, s, trips), "PUT", `/setup/${SETUP_YEAR}`, bodies[i]), 201, "PUT setup");
    nodeTimes.push(performance.now() - t0);
    stats = s;
    if (i === 1) {
      const d = newStats();
      await expectStatus(request(sqliteD1(a, d), "PUT", `/setup/${SETUP_YEAR}`, bodies[i]), 200, "PUT setup again (deduplicated)");
      dedupStatements = d.statements;
    }
    a.close();

    const b = openStore();
    await expectStatus(request(sqliteD1(b), "PUT", `/setup/${SETUP_YEAR}`, bodies[i - 1]), 201, "PUT setup (floor's previous version)");
    const t1 = performance.now();
    replay(b, trips);
    sqlTimes.push(performance.now() - t1);
    b.close();
  }
  console.log(
    `  PUT /setup/${SETUP_YEAR}: ${SETUP_COMMUNES.toLocaleString("en")} communes and as many units (level xã), ${(bodies[1]!.length / 1e6).toFixed(2)} MB of JSON, a new version over the previous one:`,
  );
  const sql = summarize("  SQL only: recorded statements replayed", sqlTimes.slice(1));
  const node = summarize("  PUT route (Worker code) in Node on SQLite", nodeTimes.slice(1));
  printRow(
    "  D1 work of one PUT",
    `${stats.statements} statements`,
    `${stats.roundTrips} round trip(s) (batches of ${stats.batches.join(" + ")}), ${stats.changes.toLocaleString("en")} rows written`,
  );
  printRow("  of which the setup write (worker/db/setups.ts builder)", `${builder.total} statements`, builder.parts);
  printRow("  the same setup again (200, deduplicated)", `${dedupStatements} statements`, "nothing written");
  return { stats, builder, sql, node, dedupStatements };
}

/** NTM-2 submission bodies of every unit of a setup, parsed from filled grids like a client makes them. */
function unitBodies(json: SetupJson): string[] {
  const setup = typedSetup(json);
  return setup.units.map((u, i) => {
    const r = readTemplate(filledNtm2Workbook(setup, u.code, i + 1), setup);
    if (!r.ok) throw new Error(`bench NTM-2 grid of unit ${u.code} does not parse: ${r.issues[0]?.code} ${r.issues[0]?.messageEn}`);
    return JSON.stringify(r.value.submission);
  });
}

/** The report's statements for a year whose units all submitted (where the Worker takes their bodies). */
async function reportStatements(
  store: DatabaseSync,
  year: number,
  label: string,
  bodies: readonly string[],
): Promise<SetupFloorResults["reports"][number]> {
  const db = sqliteD1(store);
  let stored = 0;
  let refused = "";
  for (const body of bodies) {
    const r = await request(db, "POST", "/submissions", body);
    if (r.status !== 201) {
      refused = `; POST /submissions answered ${r.status} ${/"code":"([^"]+)"/.exec(r.body)?.[1] ?? ""}`;
      break;
    }
    stored++;
  }
  const stats = newStats();
  const res = await expectStatus(request(sqliteD1(store, stats), "GET", `/reports/${year}`), 200, `GET /reports/${year}`);
  const report = JSON.parse(res.body) as { units?: unknown[]; districts?: unknown[] };
  const units = (report.units ?? report.districts ?? []).length;
  return { units, label, submitted: `${stored}/${bodies.length} submitted${refused}`, stats };
}

/** Reports of 11 (built-in 2019 and an applied huyện setup), 61 and 1,000 units: statements each. */
async function benchReports(): Promise<SetupFloorResults["reports"]> {
  console.log("  GET /reports/:year: D1 statements by number of units (every unit's latest revision as a stored aggregate)");
  const store = openStore();
  const out: SetupFloorResults["reports"] = [];
  const builtIn = provinceSubmissions(207, 2019).map((s) => JSON.stringify(s));
  out.push(await reportStatements(store, 2019, "built-in 2019: 11 districts, NTM-1", builtIn));
  const sets: [string, SetupJson][] = [
    ["applied: 11 districts, 207 communes", districtLevelSetup(11, 207, 2041)],
    ["applied: 61 communes (level xã)", communeLevelSetup(61, 2042)],
    ["applied: 1,000 communes (level xã)", communeLevelSetup(1_000, 2043)],
  ];
  for (const [label, json] of sets) {
    await expectStatus(request(sqliteD1(store), "PUT", `/setup/${json.year}`, JSON.stringify(json)), 201, `PUT /setup/${json.year}`);
    out.push(await reportStatements(store, json.year, label, unitBodies(json)));
  }
  store.close();
  for (const r of out) {
    printRow(
      `  ${r.label}`,
      `${r.stats.statements} statements`,
      `${r.stats.roundTrips} round trip(s); ${r.units.toLocaleString("en")} units in the report; ${r.submitted}`,
    );
  }
  return out;
}

export async function benchSetupFloor(bodies: readonly string[]): Promise<SetupFloorResults> {
  console.log("\n## Setup in Node: the Worker's routes on node:sqlite, statements counted (bench/d1-adapter.ts)");
  const put = await benchPut(bodies);
  const reports = await benchReports();
  return { bodies: [...bodies], put, reports };
}
