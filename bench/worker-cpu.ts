/**
 * CPU time of the Worker's submission and report code paths, in Node: the real Hono app
 * (worker/index.ts) called with `app.fetch`, its D1 binding on an in-memory node:sqlite database with
 * every migration of worker/migrations applied (bench/d1-adapter.ts), so every statement the Worker
 * sends (the year's setup, commune ownership, the revision batch, the report's aggregates) is
 * answered for real. Per call: process.cpuUsage (user + system, whole process), the median of many
 * calls (bench/cpu-per-call.ts); the time inside SQLite is counted apart (bench/timed-d1.ts) and
 * subtracted to give the Worker's own JavaScript, which is what Workers bill as CPU time (D1 runs
 * elsewhere). Datasets: NTM-1, year 2018 (built in: 11 districts, 19 criteria, no setup step); NTM-2,
 * the 2027 demo setup of cli/demo/setup-2027.ts (61 communes, each its own unit, level xã) applied
 * with PUT /setup/2027, its units' plans from cli/demo/plan-units.ts.
 */
import "./workerd-shim.ts";
import { planForSetup } from "../cli/demo/plan-units.ts";
import { setup2027 } from "../cli/demo/setup-2027.ts";
import { aggregateSubmission } from "../shared/report/aggregate.ts";
import { buildReport } from "../shared/report/build-report.ts";
import { cleanSubmission } from "../shared/rules/clean-submission.ts";
import { cleanUnitSubmission } from "../shared/rules/clean-unit-submission.ts";
import { submitRequestSchema } from "../shared/schemas/api/submissions.ts";
import type { Submission } from "../shared/schemas/submission.ts";
import type { UnitSubmission } from "../shared/schemas/unit-submission.ts";
import { builtInSetup } from "../shared/setup/defaults.ts";
import type { Setup } from "../shared/setup/types.ts";
import { loadRoundAtCut } from "../worker/db/round-at-cut.ts";
import { reportEntries } from "../worker/reports/report-for-year.ts";
import { setupBody } from "../worker/db/setup-rows.ts";
import type { Db } from "../worker/db/types.ts";
import { app } from "../worker/index.ts";
import { contentHash } from "../worker/submissions/canonical.ts";
import { checkBody } from "../worker/submissions/check-body.ts";
import { cpuPerCall } from "./cpu-per-call.ts";
import type { CpuFigure } from "./cpu-per-call.ts";
import { openStore } from "./d1-adapter.ts";
import { DISTRICT_CODES, gridSubmission, provinceSubmissions } from "./datasets.ts";
import { printRow } from "./measure.ts";
import { timedSqliteD1 } from "./timed-d1.ts";
import type { TimedD1 } from "./timed-d1.ts";

export type { CpuFigure };
export type CpuResults = {
  districtSubmit: CpuFigure;
  districtHash: CpuFigure;
  provinceReport: CpuFigure;
  largeSubmit: CpuFigure;
  unitSubmit: CpuFigure;
  unitReport: CpuFigure;
};

const ADMIN = "bench-admin-token-" + "x".repeat(24);
const YEAR = 2018;
/** Whole Worker paths, then their pure-JS parts. */
const CALLS = 1000;
const PART_CALLS = 2000;
/** The report again after a unit's many revisions (bench/worker-cpu.ts ntm2): fewer calls. */
const REPORT_AFTER_CALLS = 50;
const TARGET_MS = 10;

/** One request to the Worker app (admin token); throws unless it answers `expect`; the body text. */
async function call(db: Db, path: string, body?: string, expect = 200, method = body === undefined ? "GET" : "POST"): Promise<string> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = body;
  const env = { DB: db, ADMIN_TOKEN: ADMIN, ALLOWED_ORIGINS: "" };
  const res = await app.fetch(new Request(`http://ntm.bench/api/v1${path}`, init), env as never);
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

/** A fresh in-memory store with the migrations applied, its D1 timing SQLite. */
const freshStore = (): TimedD1 => timedSqliteD1(openStore());

/**
 * POST of `bodies[i % 2]` on call i: two contents of the same unit in turn, so every call stores a
 * new revision (201) over the other one, never a deduplicated 200 (`bodies[0]` must differ from the
 * unit's latest stored revision: the warm-up's first call is call 0).
 */
function alternating(d: TimedD1, bodies: readonly [string, string]): (i: number) => Promise<string> {
  return (i) => call(d.db, "/submissions", bodies[i % 2], 201);
}

/** The report's entries from the latest revisions at the cut, as worker/reports/report-for-year.ts makes them. */
async function storedEntries(db: Db, year: number) {
  const { counted } = await loadRoundAtCut(db, year, "plan", null, false);
  return () => reportEntries(counted);
}

/** The Worker's pure-JS parts of a submission under `setup` (no D1): parse, clean + check, aggregate, hash. */
async function submissionParts(body: string, sub: Submission | UnitSubmission, setup: Setup): Promise<CpuFigure> {
  await cpuPerCall("  of which: JSON.parse + submitRequestSchema.parse", () => submitRequestSchema.parse(JSON.parse(body)), PART_CALLS);
  const clean = () => (sub.templateVersion === "NTM-2" ? cleanUnitSubmission(sub) : cleanSubmission(sub));
  await cpuPerCall("  of which: clean + checkBody (the year's setup)", () => checkBody(clean(), setup), PART_CALLS);
  await cpuPerCall("  of which: aggregateSubmission", () => aggregateSubmission(sub, setup), PART_CALLS);
  return cpuPerCall("  of which: contentHash (canonical JSON + SHA-256)", () => contentHash(sub), PART_CALLS);
}

/** NTM-1, 2018: a district of 30 communes, the province report of 11 districts, a 10,000-commune district. */
async function ntm1(): Promise<Pick<CpuResults, "districtSubmit" | "districtHash" | "provinceReport" | "largeSubmit">> {
  const setup = builtInSetup(YEAR)!;
  console.log(`  NTM-1, year ${YEAR} (built in: ${setup.units.length} districts, set ${setup.criteriaSet.id}, no setup step)`);

  const district = gridSubmission("183", 30, 7, 20_000, YEAR);
  const body = JSON.stringify(district);
  const other = JSON.stringify(gridSubmission("183", 30, 8, 20_000, YEAR));
  const sub = freshStore();
  console.log(`  district submission: ${district.communes.length} communes, ${body.length.toLocaleString("en")} bytes of JSON`);
  const districtSubmit = await cpuPerCall(
    "POST /submissions, 30 communes (whole Worker path, 201)",
    alternating(sub, [body, other]),
    CALLS,
    undefined,
    sub.sqlMs,
  );
  await cpuPerCall(
    "POST /submissions, the same again (200, deduplicated)",
    () => call(sub.db, "/submissions", other, 200),
    CALLS,
    undefined,
    sub.sqlMs,
  );
  const districtHash = await submissionParts(body, district, setup);

  // The province: 11 districts, 207 communes, each district's latest revision stored.
  const province = provinceSubmissions(207, YEAR, 11, 30_000);
  if (province.length !== DISTRICT_CODES.length) throw new Error("province: expected 11 districts");
  const rep = freshStore();
  for (const s of province) await call(rep.db, "/submissions", JSON.stringify(s), 201);
  const communes = province.reduce((a, s) => a + s.communes.length, 0);
  const check = JSON.parse(await call(rep.db, `/reports/${YEAR}`)) as { overview: { communes: number } };
  if (check.overview.communes !== communes) throw new Error(`report ${YEAR}: ${check.overview.communes} communes, expected ${communes}`);
  console.log(`  province report: ${province.length} districts, ${communes} communes (11 stored aggregates)`);
  const provinceReport = await cpuPerCall(
    "GET /reports/:year, 11 districts (whole Worker path)",
    () => call(rep.db, `/reports/${YEAR}`),
    CALLS,
    undefined,
    rep.sqlMs,
  );
  const entries = await storedEntries(rep.db, YEAR);
  const generatedAt = new Date().toISOString();
  await cpuPerCall(
    "  of which: aggregates read + buildReport + stringify",
    () => JSON.stringify(buildReport({ year: YEAR, generatedAt, setup, entries: entries() })),
    PART_CALLS,
  );

  // For the 2 s target: the same submission path with 10,000 communes (SQL included).
  const large = [
    JSON.stringify(gridSubmission("183", 10_000, 3, 10_000, YEAR)),
    JSON.stringify(gridSubmission("183", 10_000, 4, 10_000, YEAR)),
  ] as const;
  const big = freshStore();
  const largeSubmit = await cpuPerCall("POST /submissions, 10,000 communes (whole Worker path)", alternating(big, large), 20, 4, big.sqlMs);
  return { districtSubmit, districtHash, provinceReport, largeSubmit };
}

/** NTM-2, the 2027 demo setup applied (61 communes, level xã): one unit's submission, the report of 61 units. */
async function ntm2(): Promise<Pick<CpuResults, "unitSubmit" | "unitReport"> & { unitCommunes: number }> {
  const setup = setup2027();
  const year = setup.year;
  const plan = planForSetup(setup);
  const d = freshStore();
  await call(d.db, `/setup/${year}`, JSON.stringify(setupBody(setup)), 201, "PUT");
  for (const s of plan) await call(d.db, "/submissions", JSON.stringify(s), 201);
  const communes = plan.reduce((a, s) => a + s.communes.length, 0);
  console.log(
    `  NTM-2, year ${year} (setup applied with PUT /setup/${year}: level ${setup.level}, set ${setup.criteriaSet.id}, ` +
      `${setup.units.length} units, ${setup.communes?.length ?? 0} communes); every unit submitted once`,
  );

  // The report first, while every unit has one revision.
  const report = () => call(d.db, `/reports/${year}`);
  const check = JSON.parse(await report()) as { overview: { communes: number } };
  if (check.overview.communes !== communes) throw new Error(`report ${year}: ${check.overview.communes} communes, expected ${communes}`);
  console.log(`  report: ${plan.length} units, ${communes} communes (${plan.length} stored aggregates)`);
  const unitReport = await cpuPerCall(
    `GET /reports/:year, ${plan.length} units, NTM-2 (whole Worker path)`,
    report,
    CALLS,
    undefined,
    d.sqlMs,
  );
  const entries = await storedEntries(d.db, year);
  const generatedAt = new Date().toISOString();
  await cpuPerCall(
    "  of which: aggregates read + buildReport + stringify",
    () => JSON.stringify(buildReport({ year, generatedAt, setup, entries: entries() })),
    PART_CALLS,
  );

  const unit = plan[0]!;
  const body = JSON.stringify(unit);
  const other = JSON.stringify({ ...unit, preparedBy: `${unit.preparedBy ?? ""} (bản 2)` });
  console.log(
    `  unit submission: unit ${unit.unit} (${unit.unitName}), ${unit.communes.length} commune(s), ${body.length.toLocaleString("en")} bytes of JSON`,
  );
  const warmup = Math.ceil(CALLS / 10);
  const unitSubmit = await cpuPerCall(
    "POST /submissions, NTM-2 unit (whole Worker path, 201)",
    alternating(d, [other, body]),
    CALLS,
    warmup,
    d.sqlMs,
  );
  await submissionParts(body, unit, setup);

  // How the report grows with stored revisions: the loop above gave one unit many more.
  await cpuPerCall(`  the same report, unit ${unit.unit} now at ${1 + CALLS + warmup} revisions`, report, REPORT_AFTER_CALLS, 2, d.sqlMs);
  return { unitSubmit, unitReport, unitCommunes: unit.communes.length };
}

export async function benchWorkerCpu(): Promise<CpuResults> {
  console.log(
    "\n## Worker CPU in Node: the Worker app (Hono) on an in-memory D1 (node:sqlite, worker/migrations applied), " +
      "CPU ms per call (median); SQLite's part apart, JS = CPU − SQLite",
  );
  const one = await ntm1();
  const { unitCommunes, ...two } = await ntm2();
  const target = (label: string, f: CpuFigure) =>
    printRow(label, `${f.jsMs.toFixed(2)} ms JS`, `${f.cpuMs.toFixed(2)} ms with SQLite in-process; target < ${TARGET_MS} ms CPU`);
  console.log("  Against the target (Workers bill the Worker's JS; D1 runs elsewhere):");
  target("  NTM-1 district submission (30 communes)", one.districtSubmit);
  target("  NTM-1 province report (11 districts)", one.provinceReport);
  target(`  NTM-2 unit submission (2027, ${unitCommunes} commune(s))`, two.unitSubmit);
  target("  NTM-2 report (2027, 61 units)", two.unitReport);
  return { ...one, ...two };
}
