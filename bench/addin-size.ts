/**
 * The task pane's weight (issue 7, "lighter where users wait"): builds the pane with the real vite
 * config into a temporary folder (dist/addin is left alone) and prints the total JavaScript, its
 * gzip size, and the gzip size of what index.html loads before the first paint (the entry chunk,
 * its static imports and the CSS), against the 150 KB goal. office.js is not counted (own <script>).
 * Standalone: `npx node bench/addin-size.ts [--modules]` (--modules: the largest packages).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import type { Plugin } from "vite";
import { printRow } from "./measure.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
export const FIRST_PAINT_GOAL_KB = 150;

export type ChunkInfo = { file: string; imports: string[]; dynamicImports: string[]; modules: Record<string, number> };
export type AddinSize = {
  totalJs: number;
  totalJsGzip: number;
  /** Files fetched before the first paint (entry, its static imports, CSS). */
  firstPaintFiles: string[];
  firstPaintGzip: number;
  chunks: { file: string; bytes: number; gzip: number; firstPaint: boolean }[];
  /** Rendered bytes per package (or per project folder), largest first. */
  packages: [string, number][];
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function collect(into: Map<string, ChunkInfo>): Plugin {
  return {
    name: "ntm-bench-chunks",
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== "chunk") continue;
        const modules: Record<string, number> = {};
        for (const [id, m] of Object.entries(out.modules)) modules[id] = m.renderedLength;
        into.set(out.fileName, { file: out.fileName, imports: out.imports, dynamicImports: out.dynamicImports, modules });
      }
    },
  };
}

/**
 * The scripts and stylesheets index.html loads, and everything they import statically (`lazy`:
 * dynamically too, i.e. all the pane may ever load; the build also holds the web page /nop's chunks).
 */
export function firstPaint(html: string, chunks: Map<string, ChunkInfo>, lazy = false): string[] {
  const seen = new Set<string>();
  const refs = [
    ...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href)="\.?\/?([^"]+)"/g),
  ].map((m) => m[1]!);
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const c = chunks.get(file);
    for (const i of c?.imports ?? []) visit(i);
    if (lazy) for (const i of c?.dynamicImports ?? []) visit(i);
  };
  for (const r of refs) visit(r);
  return [...seen];
}

function packageOf(id: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (m) return m[1]!;
  return path.relative(ROOT, id.replace(/^\0/, "")).split(path.sep).slice(0, 2).join("/");
}

/** The pane's and the web page's production build in a new temporary folder (dist/addin is left alone), with its chunks. */
export async function buildIntoTemp(prefix: string): Promise<{ outDir: string; chunks: Map<string, ChunkInfo> }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const chunks = new Map<string, ChunkInfo>();
  await build({
    configFile: path.join(ROOT, "addin/vite.config.ts"),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true },
    plugins: [collect(chunks)],
  });
  return { outDir, chunks };
}

export async function measureAddinSize(): Promise<AddinSize> {
  const { outDir, chunks } = await buildIntoTemp("ntm-addin-size-");
  try {
    const html = fs.readFileSync(path.join(outDir, "index.html"), "utf8");
    const early = new Set(firstPaint(html, chunks));
    const pane = new Set(firstPaint(html, chunks, true));
    const files = fs.readdirSync(path.join(outDir, "assets")).filter((f) => pane.has(`assets/${f}`));
    const rows = files
      .map((f) => {
        const bytes = fs.readFileSync(path.join(outDir, "assets", f));
        return { file: `assets/${f}`, bytes: bytes.length, gzip: gzipSync(bytes).length, firstPaint: early.has(`assets/${f}`) };
      })
      .sort((a, b) => b.bytes - a.bytes);
    const js = rows.filter((r) => r.file.endsWith(".js"));
    const packages = new Map<string, number>();
    for (const c of chunks.values())
      for (const [id, n] of Object.entries(c.modules)) packages.set(packageOf(id), (packages.get(packageOf(id)) ?? 0) + n);
    return {
      totalJs: js.reduce((s, r) => s + r.bytes, 0),
      totalJsGzip: js.reduce((s, r) => s + r.gzip, 0),
      firstPaintFiles: [...early],
      firstPaintGzip: rows.filter((r) => r.firstPaint).reduce((s, r) => s + r.gzip, 0),
      chunks: rows,
      packages: [...packages].sort((a, b) => b[1] - a[1]),
    };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export async function benchAddinSize(options: { modules?: boolean } = {}): Promise<AddinSize> {
  console.log("\n## Task pane JavaScript (vite build of addin/, office.js not counted)");
  const size = await measureAddinSize();
  printRow(
    "all JavaScript the pane may load",
    kb(size.totalJs),
    `gzip ${kb(size.totalJsGzip)}, ${size.chunks.filter((c) => c.file.endsWith(".js")).length} files`,
  );
  printRow(
    "before first paint (entry + static imports + CSS), gzip",
    kb(size.firstPaintGzip),
    `${(size.firstPaintGzip / (FIRST_PAINT_GOAL_KB * 1024)).toFixed(2)}× the ${FIRST_PAINT_GOAL_KB} KB goal`,
  );
  for (const c of size.chunks) printRow(`  ${c.firstPaint ? "*" : " "} ${c.file}`, kb(c.bytes), `gzip ${kb(c.gzip)}`);
  if (options.modules) {
    console.log("  largest packages / folders (rendered bytes, before minification of names):");
    for (const [name, n] of size.packages.slice(0, 25)) printRow(`    ${name}`, kb(n), "");
  }
  return size;
}

if (import.meta.main) await benchAddinSize({ modules: process.argv.includes("--modules") });
