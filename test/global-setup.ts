import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * Before the node project's tests: build the task pane once into dist/addin, which every
 * `wrangler dev` of the browser and end-to-end tests serves (wrangler refuses to start without the
 * assets directory). One build, so no test empties the folder under another one's server.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "..");
  const vite = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--config", "addin/vite.config.ts", "--logLevel", "error"],
    // The production build users get (vitest sets NODE_ENV=test, which would give React's development build).
    { cwd: root, encoding: "utf8", timeout: 180_000, env: { ...process.env, NODE_ENV: "production" } },
  );
  if (vite.status !== 0) throw new Error(`task pane build failed:\n${vite.stdout}\n${vite.stderr}`);
}
