/**
 * `npm run typecheck`: the Worker's generated `Env` is up to date with wrangler.toml, then every part
 * is checked with its own tsconfig (its own platform types: shared/ none, worker/ workerd, addin/
 * DOM + Office, cli/ Node). Runs every step, prints the failed ones, exits 1 if any failed.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");

/** Every tsconfig of the project, one per part (test/scripts/typecheck.test.ts checks none is missing). */
export const PROJECTS = ["shared", "worker", "addin", "cli", "test", "test/worker", "bench", "."] as const;

/** `wrangler types` writes the Worker's `Env` and runtime types here (`npm run types:worker`). */
export const WORKER_TYPES = "worker/worker-configuration.d.ts";
export const WRANGLER_TYPES_ARGS = [
  "types",
  WORKER_TYPES,
  "--include-runtime=false",
  "--strict-vars=false",
  "--env-file=.dev.vars.example",
];

type Step = { label: string; bin: string; args: string[] };

function run(step: Step): boolean {
  const r = spawnSync(path.join(BIN, step.bin), step.args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  if (r.status === 0) return true;
  process.stderr.write(`typecheck: ${step.label} failed\n${r.stdout}${r.stderr}\n`);
  return false;
}

if (import.meta.main) {
  const steps: Step[] = [
    { label: `${WORKER_TYPES} is stale (run npm run types:worker)`, bin: "wrangler", args: [...WRANGLER_TYPES_ARGS, "--check"] },
    ...PROJECTS.map((p) => ({ label: `tsc -p ${p}`, bin: "tsc", args: ["-p", p] })),
  ];
  const failed = steps.filter((s) => !run(s)).length;
  console.log(`typecheck: ${steps.length - failed} of ${steps.length} steps passed`);
  process.exit(failed === 0 ? 0 : 1);
}
