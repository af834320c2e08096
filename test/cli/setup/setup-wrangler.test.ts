import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setup2027, writeSetup2027 } from "../../../cli/demo/setup-2027.ts";
import { readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { readSetupJson, readSetupWorkbook } from "../../../shared/setup/read-workbook.ts";
import type { WranglerDev } from "../../helpers/wrangler-dev.ts";
import { startWranglerDev } from "../../helpers/wrangler-dev.ts";
import { runCli, tempDir } from "../fixtures.ts";

/** `ntm setup` against the real Worker (`wrangler dev`, local D1 with the migrations): the 2027 demo setup end to end. */
let dev: WranglerDev;
let dir = "";
let file = "";
const env = () => ({ NTM_SERVER: dev.url, NTM_TOKEN: dev.adminToken });

beforeAll(async () => {
  [dev, dir] = await Promise.all([startWranglerDev({ timeoutMs: 120_000 }), tempDir()]);
  file = await writeSetup2027(dir);
}, 180_000);
afterAll(async () => {
  await dev?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("ntm setup through wrangler dev", () => {
  it("2027 has no setup yet: show answers 404 setup.missing and says how to apply one", async () => {
    const r = await runCli(["setup", "show", "--year", "2027"], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("HTTP 404 setup.missing");
    expect(r.stderr).toContain("ntm setup apply thiet-lap-2027.xlsx");
  });

  it("apply the demo workbook: version 1; again: unchanged", async () => {
    const first = await runCli(["setup", "apply", file], env());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${file}: năm 2027 — đã áp dụng, phiên bản 1 (applied)\n`);
    const again = await runCli(["setup", "apply", file], env());
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`${file}: năm 2027 — không thay đổi, vẫn là phiên bản 1 (unchanged)\n`);
  }, 60_000);

  it("show --json gives back the applied setup; export writes a workbook that reads back to it", async () => {
    const { origin: _, ...stored } = setup2027();
    const shown = await runCli(["setup", "show", "--year", "2027", "--json"], env());
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ year: 2027, version: 1, origin: "applied", setup: stored });
    const text = await runCli(["setup", "show", "--year", "2027"], env());
    expect(text.stdout).toContain("Danh sách xã (commune list): 61 xã — nhóm 1: 4, nhóm 2: 14, nhóm 3: 43\n");
    const out = path.join(dir, "export-2027.xlsx");
    const exported = await runCli(["setup", "export", "--year", "2027", "--out", out], env());
    expect(exported.code, exported.stderr).toBe(0);
    const sheets = await readWorkbookFile(out);
    expect(sheets.ok && readSetupWorkbook(sheets.value)).toEqual({ ok: true, value: setup2027(), warnings: [] });
  }, 60_000);

  it("template --from 2027 for 2028 uses the server's setup; 2018 is the built-in default", async () => {
    const out = path.join(dir, "2028.xlsx");
    const t = await runCli(["setup", "template", "--year", "2028", "--from", "2027", "--out", out], env());
    expect(t.code, t.stderr).toBe(0);
    const v = await runCli(["setup", "validate", out]);
    expect(v.stderr).toBe(`${out}: hợp lệ — năm 2028, bộ 2026-2030, cấp xã, 61 đơn vị, 61 xã, 0 cảnh báo (valid)\n`);
    const s2018 = await runCli(["setup", "show", "--year", "2018"], env());
    expect(s2018.code, s2018.stderr).toBe(0);
    expect(s2018.stdout).toContain("Năm kế hoạch 2018: thiết lập mặc định (built-in defaults)\n");
    expect(s2018.stdout).toContain("Cấp đơn vị báo cáo (level): huyện — 11 đơn vị (units)\n");
  }, 60_000);

  it("the server re-checks the body: its issues point at the workbook's cells", async () => {
    const sheets = await readWorkbookFile(file);
    if (!sheets.ok) throw new Error("unreadable");
    const json = readSetupJson(sheets.value);
    if (!json.ok) throw new Error("unread");
    const units = [...json.value.units];
    units[1] = { ...units[1]!, code: units[0]!.code };
    const r = await fetch(`${dev.url}/api/v1/setup/2027`, {
      method: "PUT",
      headers: { authorization: `Bearer ${dev.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ ...json.value, units }),
    });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { code: string; details: { issues: { code: string; sheet: string; cell: string }[] } } };
    expect(body.error.code).toBe("setup.invalid");
    expect(body.error.details.issues.slice(0, 2).map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
      "setup.unit_duplicate Đơn vị!A5",
      "setup.commune_unit_unknown Xã!C5",
    ]);
    const mismatch = await fetch(`${dev.url}/api/v1/setup/2028`, {
      method: "PUT",
      headers: { authorization: `Bearer ${dev.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(json.value),
    });
    expect(mismatch.status).toBe(422);
    const m = (await mismatch.json()) as { error: { details: { issues: { code: string; cell: string }[] } } };
    expect(m.error.details.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["setup.year_mismatch B3"]);
  }, 60_000);
});
