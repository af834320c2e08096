import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECTS } from "../../scripts/typecheck.ts";

/**
 * The part boundaries are the compiler's: a tiny project checked with shared/tsconfig.json's
 * settings may not import Node or touch the DOM, while the same file passes with cli/'s.
 * The temporary project lives in test-artifacts/ (git-ignored) so that it resolves the project's
 * node_modules exactly as shared/ does.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");
let dir = "";

function check(part: string, files: string[]): { status: number | null; out: string } {
  const config = path.join(dir, `tsconfig.${part}.json`);
  const extra = part === "shared" ? [path.join(ROOT, "shared/platform.d.ts")] : [];
  writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(ROOT, part, "tsconfig.json"),
      include: [],
      files: [...files.map((f) => path.join(dir, f)), ...extra],
    }),
  );
  const r = spawnSync(TSC, ["-p", config], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

beforeAll(() => {
  mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
  dir = mkdtempSync(path.join(ROOT, "test-artifacts", "typecheck-"));
  writeFileSync(path.join(dir, "uses-node.ts"), 'import { readFileSync } from "node:fs";\nexport const size = readFileSync("x").length;\n');
  writeFileSync(path.join(dir, "uses-dom.ts"), "export const title: string = document.title;\n");
  writeFileSync(
    path.join(dir, "clean.ts"),
    [
      "export async function ping(server: string): Promise<number> {",
      "  const controller = new AbortController();",
      "  const timer = setTimeout(() => controller.abort(), 1000);",
      "  const res = await fetch(`${server}/api/v1/health`, { signal: controller.signal });",
      "  clearTimeout(timer);",
      '  return res.status + new TextEncoder().encode("đ").length;',
      "}",
      "",
    ].join("\n"),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("shared/ sees no platform", () => {
  it("fails on an import of node:fs and on the DOM", () => {
    const r = check("shared", ["uses-node.ts", "uses-dom.ts"]);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/uses-node\.ts.*error TS2591: Cannot find name 'node:fs'/);
    expect(r.out).toMatch(/uses-dom\.ts.*error TS2584: Cannot find name 'document'/);
  });

  it("passes clean code using only the web-platform subset of shared/platform.d.ts", () => {
    const r = check("shared", ["clean.ts"]);
    expect(r.out).toBe("");
    expect(r.status).toBe(0);
  });

  it("the same node:fs import passes under cli/'s settings (the failure is shared's boundary)", () => {
    const r = check("cli", ["uses-node.ts"]);
    expect(r.out).toBe("");
    expect(r.status).toBe(0);
  });
});

it("npm run typecheck checks every tsconfig of the project", () => {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      if (e.isDirectory() && !["node_modules", "dist", "test-artifacts"].includes(e.name) && !e.name.startsWith(".")) {
        walk(path.join(rel, e.name));
      } else if (e.name === "tsconfig.json") found.push(rel === "" ? "." : rel);
    }
  };
  walk("");
  expect([...PROJECTS].sort()).toEqual(found.sort());
});
