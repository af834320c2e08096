/**
 * `node scripts/manifest-for-url.ts https://ntm.example.workers.dev > manifest.prod.xml`
 * Rewrites every development URL of manifest.xml (https://localhost:8787) to the deployed Worker's
 * URL. The URL must be https (Office loads task panes only over HTTPS) with no query, hash or
 * credentials. Exit 1 with a message on stderr for a bad URL or a manifest left with localhost.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEV_ORIGIN = "https://localhost:8787";

/** The base URL (origin plus path, no trailing slash) to put in place of DEV_ORIGIN, or an error. */
export function deployedBase(input: string): { ok: true; base: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: `not a URL: ${input}` };
  }
  if (url.protocol !== "https:") return { ok: false, error: `the URL must be https: ${input}` };
  if (url.username || url.password) return { ok: false, error: "the URL must not carry credentials" };
  if (url.search || url.hash) return { ok: false, error: "the URL must not have a query or a hash" };
  if (url.hostname === "localhost" || url.hostname === "127.0.0.1") {
    return { ok: false, error: "give the deployed Worker URL, not localhost" };
  }
  return { ok: true, base: (url.origin + url.pathname).replace(/\/+$/, "") };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The manifest with every development URL rewritten; throws if a localhost URL would remain. */
export function manifestForUrl(xml: string, base: string): string {
  const out = xml.split(DEV_ORIGIN).join(escapeXml(base));
  if (/https?:\/\/(localhost|127\.0\.0\.1)\b/i.test(out)) {
    throw new Error("a localhost URL is left in the manifest that is not the development origin");
  }
  return out;
}

function main(argv: string[]): number {
  const arg = argv[0];
  if (!arg || argv.length > 1) {
    process.stderr.write("usage: node scripts/manifest-for-url.ts https://<worker>.workers.dev > manifest.prod.xml\n");
    return 1;
  }
  const base = deployedBase(arg);
  if (!base.ok) {
    process.stderr.write(`manifest-for-url: ${base.error}\n`);
    return 1;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
  try {
    process.stdout.write(manifestForUrl(xml, base.base));
  } catch (e) {
    process.stderr.write(`manifest-for-url: ${(e as Error).message}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
