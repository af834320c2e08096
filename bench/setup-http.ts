/**
 * The setup over HTTP under the local `wrangler dev` (workerd + local D1): PUT /api/v1/setup/:year
 * of a 10,000-commune setup (each run a new version), the same content again (deduplicated), the
 * same number of bytes refused before any D1 work (moving the body alone), and GET of the stored
 * setup. Times are the client's (Node fetch on 127.0.0.1).
 */
import type { Measurement } from "./measure.ts";
import { measureAsync } from "./measure.ts";
import { summarize } from "./timing.ts";

export type Server = { url: string; adminToken: string };
export type SetupHttpResults = { put: Measurement; dedupe: Measurement; transport: Measurement; get: Measurement; bodyBytes: number };

async function call(server: Server, method: string, path: string, expect: number, body?: string): Promise<string> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = body;
  const res = await fetch(`${server.url}/api/v1${path}`, init);
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

/** `bodies[0]` is stored first (untimed), `bodies[1]` warms up, later ones are timed; each a new version. */
export async function benchSetupHttp(server: Server, bodies: readonly string[], year: number): Promise<SetupHttpResults> {
  const bodyBytes = Buffer.byteLength(bodies[1] ?? "", "utf8");
  console.log(`\n## Setup over HTTP: wrangler dev on ${server.url}`);
  console.log(`  PUT /setup/${year}, ${(bodyBytes / 1e6).toFixed(2)} MB of JSON, a new version each run:`);
  const times: number[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const t = performance.now();
    const answer = JSON.parse(await call(server, "PUT", `/setup/${year}`, 201, bodies[i]!)) as { version: number; deduplicated: boolean };
    if (i >= 2) times.push(performance.now() - t);
    if (answer.version !== i + 1 || answer.deduplicated)
      throw new Error(`PUT /setup/${year}: expected version ${i + 1}, got ${answer.version}`);
  }
  const put = summarize(`  PUT /setup/${year} (201, new version)`, times);
  const last = bodies[bodies.length - 1]!;
  const dedupe = await measureAsync(
    `  PUT /setup/${year}, same content again (200, deduplicated)`,
    () => call(server, "PUT", `/setup/${year}`, 200, last),
    5,
    1,
  );
  const filler = JSON.stringify("x".repeat(Math.max(0, bodyBytes - 2)));
  const transport = await measureAsync(
    "  PUT, one JSON string of the same size (422): the body alone",
    () => call(server, "PUT", `/setup/${year}`, 422, filler),
    5,
    1,
  );
  const get = await measureAsync(`  GET /setup/${year} (the stored setup back)`, () => call(server, "GET", `/setup/${year}`, 200), 5, 1);
  return { put, dedupe, transport, get, bodyBytes };
}
