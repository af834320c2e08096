/**
 * `npm start`: everything a newcomer needs on one machine, no Cloudflare account, no network.
 * 1. `.dev.vars` with a random ADMIN_TOKEN on first start (never overwritten);
 * 2. the task pane built into `dist/addin/` (a placeholder page if the build fails, so this never
 *    fails for it);
 * 3. the local D1 database migrated and seeded (`wrangler d1 migrations apply DB --local`);
 * 4. `wrangler dev` on http://127.0.0.1:8787 (API + task pane), after printing the admin token
 *    and the next steps.
 * `scripts/start-excel.ts` runs the same over https://localhost:8787 with the Office dev certificate.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
const WRANGLER = path.join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");

/** Environment of every wrangler call: no metrics, no Cloudflare fetches, no account. */
export const OFFLINE_ENV = {
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

/** Reads ADMIN_TOKEN from a `.dev.vars` text (KEY=value lines, optional quotes). */
export function readAdminToken(text: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*ADMIN_TOKEN\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1]) return m[1].replace(/^(["'])(.*)\1$/, "$2");
  }
  return null;
}

/** Ensures `.dev.vars` holds an ADMIN_TOKEN: creates the file or appends the line, never rewrites it. */
export function ensureDevVars(root = ROOT): { token: string; created: boolean } {
  const file = path.join(root, ".dev.vars");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : null;
  const found = existing === null ? null : readAdminToken(existing);
  if (found) return { token: found, created: false };
  const token = "ntm_admin_" + randomBytes(32).toString("base64url");
  const line = `ADMIN_TOKEN=${token}\n`;
  if (existing === null) {
    writeFileSync(file, "# Local secrets for `wrangler dev` (git-ignored). Created by npm start.\n" + line, { mode: 0o600 });
  } else {
    appendFileSync(file, (existing.endsWith("\n") || existing === "" ? "" : "\n") + line);
  }
  return { token, created: true };
}

const PLACEHOLDER = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>NTM – task pane not built</title></head>
<body>
<h1>Chưa build task pane (the task pane is not built)</h1>
<p>API đang chạy tại <code>/api/v1</code>. Hãy build task pane (<code>npm run build:addin</code>, vào thư mục <code>dist/addin/</code>),
rồi chạy lại <code>npm start</code>.</p>
<p>The API runs under <code>/api/v1</code>. Build the Excel task pane with <code>npm run build:addin</code> (into <code>dist/addin/</code>),
then restart <code>npm start</code>.</p>
</body></html>
`;

/** Ensures `dist/addin/` exists (wrangler serves it); writes a placeholder index.html if it is empty. */
export function ensureAddinDist(root = ROOT): { placeholder: boolean } {
  const dir = path.join(root, "dist", "addin");
  mkdirSync(dir, { recursive: true });
  const index = path.join(dir, "index.html");
  if (existsSync(index)) return { placeholder: false };
  writeFileSync(index, PLACEHOLDER);
  return { placeholder: true };
}

function wrangler(args: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    // stdin closed: wrangler treats the run as non-interactive and applies migrations without a prompt.
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...OFFLINE_ENV, CI: "true" },
  });
}

export type StartOptions = { url: string; devArgs: string[] };

/** Builds the task pane into dist/addin (2-3 s); false when the build fails (the API still runs). */
function buildAddin(): boolean {
  console.error("npm start: building the task pane (dist/addin)…");
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--config", "addin/vite.config.ts", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) console.error("npm start: the task pane build failed; serving the API with a placeholder page.");
  return r.status === 0;
}

export function start(options: StartOptions): void {
  const { token, created } = ensureDevVars();
  buildAddin();
  const { placeholder } = ensureAddinDist();

  console.error("npm start: applying D1 migrations to the local database (.wrangler/state)…");
  const migrate = wrangler(["d1", "migrations", "apply", "DB", "--local"]);
  if (migrate.status !== 0) {
    console.error("npm start: migrations failed; see the messages above.");
    process.exit(migrate.status ?? 1);
  }

  const server = options.url;
  console.log(`
NTM server: ${server}   (API: ${server}/api/v1/health)
Admin token (${created ? "new, saved in .dev.vars" : "from .dev.vars"}):
  ${token}

Next steps:
  export NTM_SERVER=${server}
  export NTM_TOKEN=${token}
  npm run -s ntm -- token create --role office --label "Văn phòng Điều phối"
  npm run -s ntm -- token create --role unit --unit 183 --label "Phòng NN Cao Lộc"
  npm run -s ntm -- template --district 183 --year 2018 --out cao-loc-2018.xlsx
  Excel: npm run start:excel, then sideload the add-in manifest (see the README).
  Without the add-in (any browser): ${server}/nop — sign in with a unit's or the office's token.${
    placeholder
      ? `
Note: the task pane is not built; ${server}/ shows a placeholder page until \`npm run build:addin\`.`
      : ""
  }
`);

  const dev = spawn(process.execPath, [WRANGLER, "dev", ...options.devArgs], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...OFFLINE_ENV },
  });
  const stop = (signal: NodeJS.Signals) => {
    dev.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  dev.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (import.meta.main) {
  start({ url: "http://127.0.0.1:8787", devArgs: ["--ip", "127.0.0.1", "--port", "8787"] });
}
