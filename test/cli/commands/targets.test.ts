import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { buildTargetsWorkbook } from "../../../shared/targets/build-workbook.ts";
import { attachTargets } from "../../../shared/targets/compare.ts";
import { readTargetsJson } from "../../../shared/targets/read-workbook.ts";
import { plans2018Report } from "../../shared/targets/plans-2018-report.ts";
import type { FakeServer } from "../fixtures.ts";
import { fakeServer, runCli, tempDir } from "../fixtures.ts";

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const SETUP_2018 = builtInSetup(2018)!;
const { origin: _origin, ...BODY_2018 } = SETUP_2018;
const SETUP_ANSWER = { year: 2018, version: null, origin: "builtin", appliedAt: null, appliedBy: null, setup: BODY_2018 };
const TARGETS = { year: 2018, province: { ntm: 48, "band:<5": 0, "criterion:2": 59, "capital:total": 2_526_400 }, units: {} };
const STORED = { year: 2018, targets: TARGETS, setAt: "2018-03-01T02:00:00.000Z", setBy: "Văn phòng Điều phối" };

async function readBack(file: string) {
  const sheets = await readWorkbookFile(file);
  if (!sheets.ok) throw new Error("unreadable");
  return readTargetsJson(sheets.value);
}

describe("ntm targets template", () => {
  it("offline for a built-in year: every key listed, empty; reads back as no targets", async () => {
    const out = path.join(await tempDir(), "chi-tieu-2018.xlsx");
    const r = await runCli(["targets", "template", "--year", "2018", "--out", out], { NTM_TOKEN: "" });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Đã tạo tệp Chỉ tiêu năm 2018: ${out}`);
    const back = await readBack(out);
    expect(back.ok && { year: back.value.year, province: back.value.province, units: back.value.units }).toEqual({
      year: 2018,
      province: {},
      units: {},
    });
  });

  it("from the server's setup (GET /setup/:year), or from --setup <file.xlsx>; a year without a setup offline: exit 1", async () => {
    server = await fakeServer(() => [200, SETUP_ANSWER]);
    const d = await tempDir();
    const out = path.join(d, "a.xlsx");
    const r = await runCli(["targets", "template", "--year", "2018", "--out", out], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(0);
    expect(server.requests.map((q) => `${q.method} ${q.url}`)).toEqual(["GET /api/v1/setup/2018"]);
    const setupFile = path.join(d, "thiet-lap.xlsx");
    await writeWorkbookFile(buildSetupWorkbook(2027, { ...SETUP_2018, year: 2027 }), setupFile);
    const offline = await runCli(["targets", "template", "--year", "2027", "--setup", setupFile, "--out", path.join(d, "b.xlsx")], {
      NTM_TOKEN: "",
    });
    expect(offline.code).toBe(0);
    const back = await readBack(path.join(d, "b.xlsx"));
    expect(back.ok && back.value.year).toBe(2027);
    const none = await runCli(["targets", "template", "--year", "2027", "--out", path.join(d, "c.xlsx")], { NTM_TOKEN: "" });
    expect(none.code).toBe(1);
  });
});

describe("ntm targets apply", () => {
  it("reads, checks against the year's setup, PUTs the JSON with its cells; prints what was applied", async () => {
    server = await fakeServer((q) => (q.method === "PUT" ? [200, STORED] : [200, SETUP_ANSWER]));
    const file = path.join(await tempDir(), "chi-tieu.xlsx");
    await writeWorkbookFile(buildTargetsWorkbook(SETUP_2018, TARGETS), file);
    const r = await runCli(["targets", "apply", file], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${file}: năm 2018 — đã áp dụng 4 chỉ tiêu tỉnh, chỉ tiêu của 0 đơn vị (applied)\n`);
    expect(server.requests.map((q) => `${q.method} ${q.url}`)).toEqual(["GET /api/v1/setup/2018", "PUT /api/v1/targets/2018"]);
    const body = server.requests[1]!.body as { province: unknown; source: Record<string, unknown> };
    expect(body.province).toEqual(TARGETS.province);
    expect(body.source["province/ntm"]).toEqual({ sheet: "Chỉ tiêu tỉnh", cell: "B5" });
  });

  it("a bad cell: the issue at its sheet and cell, nothing sent, exit 1; the server's 422: its issues, exit 2", async () => {
    server = await fakeServer((q) =>
      q.method === "PUT"
        ? [422, { error: { code: "targets.invalid", message: "Chỉ tiêu có lỗi", messageEn: "Invalid", details: { issues: [] } } }]
        : [200, SETUP_ANSWER],
    );
    const d = await tempDir();
    const bad = path.join(d, "bad.xlsx");
    const sheets = buildTargetsWorkbook(SETUP_2018);
    sheets[0]!.cells[4] = ["Số xã đạt chuẩn NTM", -2];
    sheets[0]!.cells[10] = ["TC20", 5];
    await writeWorkbookFile(sheets, bad);
    const r = await runCli(["targets", "apply", bad, "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(1);
    const answer = JSON.parse(r.stdout);
    expect(answer.issues.map((i: { code: string; sheet: string; cell: string }) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual([
      "targets.count_invalid@Chỉ tiêu tỉnh!B5",
      "targets.key_not_in_setup@Chỉ tiêu tỉnh!B11",
    ]);
    expect(server.requests.map((q) => q.method)).toEqual(["GET"]);
    const good = path.join(d, "good.xlsx");
    await writeWorkbookFile(buildTargetsWorkbook(SETUP_2018, TARGETS), good);
    const refused = await runCli(["targets", "apply", good], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Không áp dụng được chỉ tiêu");
  });
});

describe("ntm targets show", () => {
  it("GET /targets and the report: the table of target, plan, gap, met; --json the rows", async () => {
    const { aggregates, report: base } = plans2018Report("2018-03-01T02:00:00.000Z", false);
    const report = attachTargets(base, TARGETS, SETUP_2018, aggregates);
    server = await fakeServer((q) => (q.url.startsWith("/api/v1/targets") ? [200, STORED] : [200, report]));
    const env = { NTM_SERVER: server.url, NTM_TOKEN: "unit-t" };
    const r = await runCli(["targets", "show", "--year", "2018"], env);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("CHỈ TIÊU NĂM 2018 — áp dụng bởi Văn phòng Điều phối, 01/03/2018 09:00 (giờ Việt Nam)");
    expect(r.stdout).toContain("Chỉ tiêu năm 2018 so với tổng kế hoạch (vốn: triệu đồng) — đạt 3/4\n");
    expect(r.stdout).toContain("TC2 - Giao thông              59             58          -1  Chưa đạt\n");
    expect(r.stdout).toMatch(/\nTổng vốn \(triệu đồng\) +2\.526\.400 +2\.526\.400 +0 +Đạt\n/);
    expect(r.stdout).toMatch(/\nSố xã đạt chuẩn NTM +48 +48 +0 +Đạt\n/);
    const j = await runCli(["targets", "show", "--year", "2018", "--json"], env);
    expect(JSON.parse(j.stdout).rows.map((t: { key: string; met: boolean }) => [t.key, t.met])).toEqual([
      ["ntm", true],
      ["band:<5", true],
      ["criterion:2", false],
      ["capital:total", true],
    ]);
  });
});
