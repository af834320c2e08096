import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { ensureAddinDist, ensureDevVars, readAdminToken } from "../../scripts/start.ts";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "ntm-start-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it("first start creates .dev.vars with a random 256-bit ADMIN_TOKEN, readable only by the owner", () => {
  const root = tmp();
  const { token, created } = ensureDevVars(root);
  expect(created).toBe(true);
  expect(token).toMatch(/^ntm_admin_[A-Za-z0-9_-]{43}$/);
  const file = path.join(root, ".dev.vars");
  expect(readAdminToken(readFileSync(file, "utf8"))).toBe(token);
  expect(statSync(file).mode & 0o077).toBe(0);
  expect(ensureDevVars(tmp()).token).not.toBe(token);
});

it("never overwrites: an existing token is kept; a file without one gets a line appended", () => {
  const root = tmp();
  const file = path.join(root, ".dev.vars");
  writeFileSync(file, 'OTHER=1\nADMIN_TOKEN="kept-secret-0123456789"\n');
  expect(ensureDevVars(root)).toEqual({ token: "kept-secret-0123456789", created: false });
  expect(readFileSync(file, "utf8")).toBe('OTHER=1\nADMIN_TOKEN="kept-secret-0123456789"\n');

  const other = tmp();
  writeFileSync(path.join(other, ".dev.vars"), "OTHER=1");
  const { token, created } = ensureDevVars(other);
  expect(created).toBe(true);
  expect(readFileSync(path.join(other, ".dev.vars"), "utf8")).toBe(`OTHER=1\nADMIN_TOKEN=${token}\n`);
});

it("writes a placeholder task pane only when dist/addin has no index.html", () => {
  const root = tmp();
  expect(ensureAddinDist(root)).toEqual({ placeholder: true });
  const index = path.join(root, "dist", "addin", "index.html");
  expect(readFileSync(index, "utf8")).toContain("task pane is not built");
  writeFileSync(index, "<h1>built</h1>");
  expect(ensureAddinDist(root)).toEqual({ placeholder: false });
  expect(readFileSync(index, "utf8")).toBe("<h1>built</h1>");
});

it("readAdminToken ignores comments and other keys", () => {
  expect(readAdminToken("# ADMIN_TOKEN=no\nX=1\n  ADMIN_TOKEN = 'abc' \n")).toBe("abc");
  expect(readAdminToken("X=1\n")).toBeNull();
});
