/**
 * CPU time of the Worker's submission and report code paths, in Node: the real Hono app
 * (worker/index.ts) called with `app.fetch`, its D1 binding replaced by canned answers (no SQL), so
 * the figure is the Worker's own JavaScript, which is what Workers bill as CPU time (D1 runs
 * elsewhere). Per call: process.cpuUsage (user + system, whole process) over many iterations.
 */
import "./workerd-shim.ts";
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import { aggregateSubmission } from "../shared/report/aggregate.ts";
import { buildReport } from "../shared/report/build-report.ts";
import { readStoredAggregate } from "../shared/schemas/aggregate.ts";
import { builtInSetup } from "../shared/setup/defaults.ts";
import { checkSubmission } from "../shared/rules/check-submission.ts";
import { submissionSchema } from "../shared/schemas/submission.ts";
import type { Submission } from "../shared/schemas/submission.ts";
import { app } from "../worker/index.ts";
import { contentHash } from "../worker/submissions/canonical.ts";
import { cannedD1 } from "./d1-adapter.ts";
import { DISTRICT_CODES, gridSubmission, provinceSubmissions } from "./datasets.ts";
import { printRow } from "./measure.ts";

export type CpuFigure = { label: string; cpuMs: number; wallMs: number; iterations: number };
export type CpuResults = { districtSubmit: CpuFigure; districtHash: CpuFigure; provinceReport: CpuFigure; largeSubmit: CpuFigure };

const ADMIN = "bench-admin-token-" + "x".repeat(24);
const YEAR = 2018;

/** Per-call CPU and wall time of `fn` over `iterations` sequential calls, after `warmup` calls. */
export async function cpuPerCall(
  label: string,
  fn: () => unknown,
  iterations: number,
  warmup = Math.ceil(iterations / 10),
): Promise<CpuFigure> {
  for (let i = 0; i < warmup; i++) await fn();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const f = { label, cpuMs: (cpu.user + cpu.system) / 1000 / iterations, wallMs: wall / iterations, iterations };
  printRow(label, `${f.cpuMs.toFixed(3)} ms CPU`, `${f.wallMs.toFixed(3)} ms wall per call, ${iterations} calls`);
  return f;
}

/** D1 answers as the Worker's queries would return them, from the default reference data. */
function canned(latest: unknown[]): (sql: string, params: unknown[]) => unknown[] {
  const ref = DEFAULT_REFERENCE;
  const districts = ref.districts.map((d) => ({ code: d.code, name: d.name, border: d.border ? 1 : 0 }));
  const criteria = ref.criteria.criteria.map((k) => ({ number: k.number, name: k.name, name_en: k.nameEn, period: ref.criteria.period }));
  return (sql, params) => {
    if (sql.startsWith("SELECT code, name, border FROM districts")) return districts;
    if (sql.startsWith("SELECT c.number, c.name")) return criteria;
    if (sql.startsWith("SELECT s.unit, s.revision")) return latest;
    if (sql.startsWith("SELECT l.submission_id AS id"))
      return [{ id: params[0], revision: 1, created: 1, submitted_at: "2018-03-01T00:00:00.000Z" }];
    return [];
  };
}

async function call(env: object, path: string, body?: string, expect = 200): Promise<void> {
  const init: RequestInit =
    body === undefined
      ? { headers: { authorization: `Bearer ${ADMIN}` } }
      : { method: "POST", body, headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" } };
  const res = await app.fetch(new Request(`http://ntm.bench/api/v1${path}`, init), env as never);
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${path}: expected ${expect}, got ${res.status}: ${text.slice(0, 500)}`);
}

const latestRows = (subs: readonly Submission[]) =>
  subs.map((s) => ({
    unit: s.district,
    revision: 1,
    submitted_at: "2018-03-01T00:00:00.000Z",
    submitted_by: "bench",
    prepared_by: s.preparedBy,
    phone: s.phone,
    template_version: s.templateVersion,
    aggregate: JSON.stringify(aggregateSubmission(s, DEFAULT_REFERENCE.criteria)),
  }));

export async function benchWorkerCpu(): Promise<CpuResults> {
  console.log("\n## Worker CPU in Node: the Worker app (Hono) with a canned D1 binding (no SQL), per call");
  const ref = DEFAULT_REFERENCE;

  // A district of 30 communes.
  const district = gridSubmission("183", 30, 7, 20_000, YEAR);
  const body = JSON.stringify(district);
  const subEnv = { DB: cannedD1(canned([])), ADMIN_TOKEN: ADMIN, ALLOWED_ORIGINS: "" };
  console.log(`  district submission: ${district.communes.length} communes, ${body.length.toLocaleString("en")} bytes of JSON`);
  const districtSubmit = await cpuPerCall(
    "POST /submissions, 30 communes (whole Worker path)",
    () => call(subEnv, "/submissions", body, 201),
    2000,
  );
  await cpuPerCall("  of which: JSON.parse + submissionSchema.parse", () => submissionSchema.parse(JSON.parse(body)), 2000);
  await cpuPerCall("  of which: checkSubmission", () => checkSubmission(district, ref), 2000);
  await cpuPerCall("  of which: aggregateSubmission", () => aggregateSubmission(district, ref.criteria), 2000);
  const districtHash = await cpuPerCall("  of which: contentHash (canonical JSON + SHA-256)", () => contentHash(district), 2000);

  // The province: 11 districts, 207 communes.
  const province = provinceSubmissions(207, YEAR, 11, 30_000);
  if (province.length !== DISTRICT_CODES.length) throw new Error("province: expected 11 districts");
  const latest = latestRows(province);
  const repEnv = { DB: cannedD1(canned(latest)), ADMIN_TOKEN: ADMIN, ALLOWED_ORIGINS: "" };
  console.log(
    `  province report: ${province.length} districts, ${province.reduce((a, s) => a + s.communes.length, 0)} communes (11 stored aggregates)`,
  );
  const provinceReport = await cpuPerCall(
    "GET /reports/:year, 11 districts (whole Worker path)",
    () => call(repEnv, `/reports/${YEAR}`),
    2000,
  );
  const entries = latest.map((r) => ({
    unit: r.unit,
    aggregate: readStoredAggregate(r.aggregate),
    revision: 1,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    preparedBy: r.prepared_by,
    phone: r.phone,
    status: "submitted" as const,
  }));
  await cpuPerCall(
    "  of which: buildReport + JSON.stringify",
    () =>
      JSON.stringify(
        buildReport({ year: YEAR, generatedAt: "2018-03-01T00:00:00.000Z", setup: { ...builtInSetup(2018)!, year: YEAR }, entries }),
      ),
    2000,
  );

  // For the 2 s target: the same submission path with 10,000 communes (JS only, no SQL).
  const large = gridSubmission("183", 10_000, 3, 10_000, YEAR);
  const largeBody = JSON.stringify(large);
  const largeSubmit = await cpuPerCall(
    "POST /submissions, 10,000 communes (whole Worker path)",
    () => call(subEnv, "/submissions", largeBody, 201),
    20,
    3,
  );
  return { districtSubmit, districtHash, provinceReport, largeSubmit };
}
