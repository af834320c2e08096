/**
 * The Worker over HTTP under the local `wrangler dev` (workerd + local D1): one submission of
 * 10,000 communes, and the report of 1,000 / 10,000 / 100,000 communes. Times are the client's
 * (Node fetch on 127.0.0.1): request, Worker, D1 and response, as a district or the office sees them.
 */
import { LANG_SON_DISTRICTS } from "../shared/reference/districts.ts";
import type { Report } from "../shared/schemas/report.ts";
import type { SetupJson } from "../shared/setup/schema.ts";
import { BORDER_DISTRICT_ATTRIBUTE } from "../shared/setup/defaults.ts";
import type { Submission } from "../shared/schemas/submission.ts";
import type { Measurement } from "./measure.ts";
import { measureAsync, printRow } from "./measure.ts";
import type { ReportSet } from "./sqlite-floor.ts";
import { ratio, summarize } from "./timing.ts";

export type Server = { url: string; adminToken: string };
export type HttpResults = {
  health: Measurement;
  submit: Measurement;
  /** The same number of bytes as one JSON string, refused at validation (400): moving the body alone. */
  transport: Measurement;
  dedupe: Measurement;
  bodyBytes: number;
  report: { size: number; time: Measurement; submitTotalMs: number }[];
};

type SubmitBody = { revision: number; deduplicated: boolean };

async function post(server: Server, body: string, expect: number): Promise<SubmitBody> {
  return JSON.parse(await postText(server, body, expect)) as SubmitBody;
}

async function postText(server: Server, body: string, expect: number): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/submissions`, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
  });
  const text = await res.text();
  if (res.status !== expect) throw new Error(`POST /submissions: expected ${expect}, got ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

async function getReport(server: Server, year: number): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/reports/${year}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /reports/${year}: ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

/**
 * A year's report needs its setup (docs/setup.md); the bench's years (2031 on) get the 2018 defaults
 * applied: the 11 districts with the 2016-2020 set.
 */
async function applyDistrictSetup(server: Server, year: number): Promise<void> {
  const setup: SetupJson = {
    year,
    criteriaSet: { id: "2016-2020" },
    level: "huyện",
    units: LANG_SON_DISTRICTS.map((d) => ({ code: d.code, name: d.name, attributes: { [BORDER_DISTRICT_ATTRIBUTE]: d.border } })),
    communes: null,
  };
  const res = await fetch(`${server.url}/api/v1/setup/${year}`, {
    method: "PUT",
    body: JSON.stringify(setup),
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
  });
  const text = await res.text();
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT /setup/${year}: ${res.status}: ${text.slice(0, 500)}`);
}

/** `runs` as in benchSqliteFloor: runs[0] stored untimed, runs[1] warm-up, later runs timed. */
export async function benchWorkerHttp(server: Server, runs: readonly Submission[], reportSets: readonly ReportSet[]): Promise<HttpResults> {
  console.log(`\n## Worker over HTTP: wrangler dev (workerd + local D1) on ${server.url}`);
  const health = await measureAsync(
    "  GET /api/v1/health (HTTP round trip, no auth, no D1)",
    async () => {
      const res = await fetch(`${server.url}/api/v1/health`);
      await res.text();
      if (!res.ok) throw new Error(`health: ${res.status}`);
    },
    25,
    5,
  );
  const bodies = runs.map((s) => JSON.stringify(s));
  const bodyBytes = Buffer.byteLength(bodies[1] ?? "", "utf8");
  const communes = runs[1]?.communes.length ?? 0;
  console.log(
    `  submission of ${communes.toLocaleString("en")} communes, ${(bodyBytes / 1e6).toFixed(2)} MB of JSON, a new revision each run:`,
  );
  const times: number[] = [];
  let last = 0;
  for (let i = 0; i < bodies.length; i++) {
    const t = performance.now();
    const r = await post(server, bodies[i]!, 201);
    if (i >= 2) times.push(performance.now() - t);
    if (r.revision !== last + 1) throw new Error(`expected revision ${last + 1}, got ${r.revision}`);
    last = r.revision;
  }
  const submit = summarize("  POST /submissions (201, new revision)", times);
  const filler = JSON.stringify("x".repeat(Math.max(0, bodyBytes - 2)));
  const transport = await measureAsync(
    "  POST /submissions, same bytes as one JSON string (400): moving the body",
    () => postText(server, filler, 400),
    7,
    1,
  );
  const lastBody = bodies[bodies.length - 1]!;
  const dedupe = await measureAsync(
    "  POST /submissions, same content again (200, deduplicated)",
    async () => {
      const r = await post(server, lastBody, 200);
      if (!r.deduplicated) throw new Error("expected deduplicated");
    },
    5,
    1,
  );

  const report: HttpResults["report"] = [];
  for (const set of reportSets) {
    await applyDistrictSetup(server, set.year);
    const t = performance.now();
    for (const sub of set.subs) await post(server, JSON.stringify(sub), 201);
    const submitTotalMs = performance.now() - t;
    const check = JSON.parse(await getReport(server, set.year)) as Report;
    if (check.overview.communes !== set.size)
      throw new Error(`report ${set.year}: ${check.overview.communes} communes, expected ${set.size}`);
    console.log(
      `  report of ${set.size.toLocaleString("en")} communes (year ${set.year}; ${set.subs.length} district submissions took ${submitTotalMs.toFixed(0)} ms in all):`,
    );
    const time = await measureAsync(`  GET /reports/${set.year}`, () => getReport(server, set.year), 25, 5);
    report.push({ size: set.size, time, submitTotalMs });
  }
  for (let i = 1; i < report.length; i++) {
    const a = report[i - 1]!;
    const b = report[i]!;
    printRow(
      `  report growth ${a.size.toLocaleString("en")} → ${b.size.toLocaleString("en")} communes`,
      ratio(b.time.median, a.time.median),
      `communes ×${(b.size / a.size).toFixed(0)}`,
    );
  }
  return { health, submit, transport, dedupe, bodyBytes, report };
}
