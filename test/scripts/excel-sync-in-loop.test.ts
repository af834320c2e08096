import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The Biome plugin scripts/excel-sync-in-loop.grit, wired by the project's own biome.jsonc (copied
 * into a temporary project with the fixtures below): a `.sync()` inside a loop in addin/excel/ is a
 * lint error; anywhere else, or outside any loop, it is not.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const BIOME = path.join(ROOT, "node_modules", ".bin", "biome");

const failing: Record<string, string> = {
  "for.ts": `export async function f(context: Ctx, n: number) {
  for (let i = 0; i < n; i++) {
    context.workbook.worksheets.getItem("A").load("name");
    await context.sync();
  }
}`,
  "for-of.ts": `export async function f(context: Ctx, names: string[]) {
  for (const name of names) await context.sync(name);
}`,
  "for-in.ts": `export async function f(ctx: Ctx, o: Record<string, number>) {
  for (const k in o) await ctx.sync();
}`,
  "while.ts": `export async function f(context: Ctx) {
  let more = true;
  while (more) { more = await context.sync().then(() => false); }
}`,
  "do.ts": `export async function f(rc: Rc) {
  do { await rc.sync(); } while (rc.syncs < 3);
}`,
  "for-each.ts": `export function f(context: Ctx, sheets: string[]) {
  sheets.forEach(async (s) => { await context.sync(); });
}`,
  "callbacks.ts": `export async function f(context: Ctx, xs: number[]) {
  await Promise.all(xs.map(() => context.sync()));
  await xs.reduce(async (p) => { await p; await context.sync(); }, Promise.resolve());
  xs.filter(() => context.sync());
  xs.some(() => context.sync());
  xs.every(() => context.sync());
  xs.flatMap(() => [context.sync()]);
}`,
  "nested-function.ts": `export function f(context: Ctx, xs: number[]) {
  for (const x of xs) {
    const later = async () => { await context.sync(); };
    void later;
  }
}`,
  "loop-inside-run.ts": `export async function f(xs: number[]) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await Excel.run(async (context) => { for (const x of xs) await context.sync(); });
  }
}`,
};
/** Lines of the expected diagnostics, per failing fixture. */
const expected: Record<string, number[]> = {
  "for.ts": [4],
  "for-of.ts": [2],
  "for-in.ts": [2],
  "while.ts": [3],
  "do.ts": [2],
  "for-each.ts": [2],
  "callbacks.ts": [2, 3, 4, 5, 6, 7],
  "nested-function.ts": [3],
  "loop-inside-run.ts": [3],
};

const passing: Record<string, string> = {
  "after-loop.ts": `export async function f(context: Ctx, names: string[]) {
  const ranges = [];
  for (const name of names) ranges.push(context.workbook.worksheets.getItem(name).getUsedRange().load("values"));
  await context.sync();
  return ranges.map((r) => r.values);
}`,
  "string-and-comment.ts": `export async function f(context: Ctx, names: string[]) {
  for (const name of names) {
    // await context.sync(); would cost one round trip per sheet
    const note = "context.sync() in a loop";
    const tpl = \`\${name}: context.sync()\`;
    void note; void tpl;
  }
  await context.sync();
}`,
  "retry-around-run.ts": `export async function f() {
  for (let attempt = 0; ; attempt++) {
    try { return await Excel.run(async (context) => { await context.sync(); }); } catch { if (attempt > 3) throw new Error("x"); }
  }
}`,
  "then-after-sync.ts": `export async function f(context: Ctx, xs: number[]) {
  await context.sync().then(() => xs.forEach((x) => x));
}`,
};

let dir = "";

type Finding = { file: string; line: number };

function lint(): Finding[] {
  const r = spawnSync(BIOME, ["lint", "--reporter=json", "--max-diagnostics=none", "addin"], { cwd: dir, encoding: "utf8" });
  const report = JSON.parse(r.stdout) as { diagnostics: { category?: string; location?: { path?: string; start?: { line: number } } }[] };
  return report.diagnostics
    .filter((d) => d.category === "plugin")
    .map((d) => ({ file: d.location?.path ?? "", line: d.location?.start?.line ?? 0 }));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ntm-sync-lint-"));
  // The project's configuration, its plugin path made absolute; no VCS outside a checkout.
  const config = readFileSync(path.join(ROOT, "biome.jsonc"), "utf8")
    .replace(/"\.\/scripts\/excel-sync-in-loop\.grit"/, JSON.stringify(path.join(ROOT, "scripts/excel-sync-in-loop.grit")))
    .replace(/"vcs": \{[^}]*\},/, "")
    .replace(/"\$schema": "[^"]*",/, "");
  writeFileSync(path.join(dir, "biome.jsonc"), config);
  for (const sub of ["addin/excel", "addin/components"]) mkdirSync(path.join(dir, sub), { recursive: true });
  for (const [name, code] of Object.entries({ ...failing, ...passing })) {
    writeFileSync(path.join(dir, "addin/excel", name), `${code}\n`);
  }
  // The same loops outside addin/excel are not this rule's business.
  writeFileSync(path.join(dir, "addin/components", "for.ts"), `${failing["for.ts"]}\n`);
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("no context.sync() in a loop in addin/excel", () => {
  it("flags every sync inside a loop or an iteration callback, at its line", () => {
    const found = lint();
    for (const [name, lines] of Object.entries(expected)) {
      expect(
        found
          .filter((f) => f.file === `addin/excel/${name}`)
          .map((f) => f.line)
          .sort((a, b) => a - b),
        name,
      ).toEqual(lines);
    }
  });

  it("passes a sync after the loop, in a string or comment, in a retried Excel.run, and outside addin/excel", () => {
    const found = lint();
    for (const name of Object.keys(passing))
      expect(
        found.filter((f) => f.file === `addin/excel/${name}`),
        name,
      ).toEqual([]);
    expect(found.filter((f) => f.file.startsWith("addin/components/"))).toEqual([]);
    expect(found).toHaveLength(Object.values(expected).flat().length);
  });
});
