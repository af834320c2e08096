import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * Starts the real `wrangler dev` for a test: a free port on 127.0.0.1, a fresh temporary D1
 * (`--persist-to`), migrations applied first, a random ADMIN_TOKEN, no network (metrics and
 * Cloudflare fetches off). `stop()` always kills the whole process tree and removes the temp dir.
 */
export type WranglerDev = { url: string; adminToken: string; persistDir: string; stop: () => Promise<void>; output: () => string };

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRANGLER = path.join(ROOT, "node_modules/wrangler/bin/wrangler.js");

function baseEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_SEND_METRICS: "false",
    // Keep wrangler's own config/logs out of the user's home and the repository.
    WRANGLER_LOG: "warn",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    try {
      const r = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer /api/v1/health within ${timeoutMs} ms:\n${output()}`);
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the process group started with detached: true
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * `persistDir` and `adminToken`: start again on the D1 of an earlier (stopped) instance, e.g. with
 * another `CLOCK_OFFSET_MS` (worker/http/clock.ts); that folder is then the caller's to remove.
 */
export async function startWranglerDev(
  options: { timeoutMs?: number; vars?: Record<string, string>; persistDir?: string; adminToken?: string } = {},
): Promise<WranglerDev> {
  const owned = options.persistDir === undefined;
  const persistDir = options.persistDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "ntm-wrangler-"));
  const adminToken = options.adminToken ?? randomBytes(24).toString("hex");
  const env = baseEnv();
  const migrate = spawnSync(process.execPath, [WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (migrate.status !== 0) {
    if (owned) fs.rmSync(persistDir, { recursive: true, force: true });
    throw new Error(`wrangler d1 migrations apply failed (${migrate.status}):\n${migrate.stdout}\n${migrate.stderr}`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    WRANGLER,
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--persist-to",
    persistDir,
    "--var",
    `ADMIN_TOKEN:${adminToken}`,
    "--show-interactive-dev-session=false",
    "--log-level",
    "warn",
  ];
  for (const [k, v] of Object.entries(options.vars ?? {})) args.push("--var", `${k}:${v}`);
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const append = (b: Buffer) => {
    log = (log + b.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killTree(child, "SIGTERM");
    const timer = setTimeout(() => killTree(child, "SIGKILL"), 5000);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
    clearTimeout(timer);
    killTree(child, "SIGKILL"); // whatever is left of the group (workerd)
    if (owned) fs.rmSync(persistDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, options.timeoutMs ?? 90_000, () => log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, adminToken, persistDir, stop, output: () => log };
}

/** Creates a token through the API (admin). */
export async function createToken(
  dev: Pick<WranglerDev, "url" | "adminToken">,
  body: { role: string; district?: string; label: string },
): Promise<string> {
  const r = await fetch(`${dev.url}/api/v1/tokens`, {
    method: "POST",
    headers: { Authorization: `Bearer ${dev.adminToken}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) throw new Error(`POST /tokens answered ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}
