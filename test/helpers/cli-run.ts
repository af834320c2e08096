import { execFile } from "node:child_process";
import path from "node:path";

/** The real CLI (`cli/main.ts`) as a child process on the project's Node, for end-to-end tests. */
export type CliRun = { code: number; stdout: string; stderr: string };

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `ntm <args>` against `server` with `token` (none: NTM_TOKEN unset); never rejects. */
export function runCli(args: readonly string[], o: { server?: string; token?: string | null; timeoutMs?: number } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  if (o.server) env.NTM_SERVER = o.server;
  if (o.token) env.NTM_TOKEN = o.token;
  else delete env.NTM_TOKEN;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "cli/main.ts"), ...args],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024, timeout: o.timeoutMs ?? 180_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A run's stdout as one JSON document, or an error that shows what the CLI printed. */
export function cliJson<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\n--- stderr:\n${run.stderr}`);
  }
}
