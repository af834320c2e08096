#!/usr/bin/env node
// The package `bin`: runs cli/main.ts with a Node that strips TypeScript types natively
// (>= 22.18 / 23.6; 22.6+ with a flag); an older Node hands over to the project's own Node 24.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));
const local = fileURLToPath(new URL("../node_modules/.bin/node", import.meta.url));
const [maj, min] = process.versions.node.split(".").map(Number);
const native = maj > 23 || (maj === 23 && min >= 6) || (maj === 22 && min >= 18);
const flagged = !native && ((maj === 22 && min >= 6) || maj === 23);
const node = native || flagged || !existsSync(local) ? process.execPath : local;
const flags = flagged ? ["--experimental-strip-types", "--no-warnings"] : [];
const r = spawnSync(node, [...flags, main, ...process.argv.slice(2)], { stdio: "inherit" });
if (r.error) console.error(`ntm: ${r.error.message}`);
process.exit(r.status ?? 1);
