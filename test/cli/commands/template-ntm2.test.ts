import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import type { FakeServer } from "../fixtures.ts";
import { fakeServer, runCli, tempDir } from "../fixtures.ts";
import { HUYEN_2023, XA_2027 } from "../../shared/template/ntm2-fixtures.ts";

/**
 * `ntm template` and `ntm validate` with a year's setup: `--setup <Thiết lập.xlsx>`, the server's
 * (a token is set), or the built-in defaults; NTM-2 written and read for an applied setup.
 */
let dir = "";
let xaSetup = "";
let huyenSetup = "";
let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function setupFile(setup: Setup, name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeWorkbookFile(buildSetupWorkbook(setup.year, setup), file);
  return file;
}

/** Types HT (criteria 1..ht) and KH (1..kh) on the first data row, like a commune would. */
async function fillFirstRow(file: string, ht: number, kh: number, out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Tiêu chí")!;
  for (let k = 1; k <= 10; k++) {
    ws.getCell(6, 6 + 2 * k).value = k <= ht ? "Đạt" : "Chưa đạt";
    ws.getCell(6, 7 + 2 * k).value = k <= kh ? "Đạt" : "Chưa đạt";
  }
  wb.getWorksheet("Nguồn vốn")!.getCell("C6").value = 1250.5;
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  dir = await tempDir();
  xaSetup = await setupFile(XA_2027, "thiet-lap-2027.xlsx");
  huyenSetup = await setupFile(HUYEN_2023, "thiet-lap-2023.xlsx");
});

describe("ntm template with a setup", () => {
  it("--setup: the unit's NTM-2 template, its commune pre-filled and locked, HT/KH unlocked", async () => {
    const out = path.join(dir, "06004.xlsx");
    const r = await runCli(["template", "--unit", "06004", "--year", "2027", "--setup", xaSetup, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`Đã tạo biểu mẫu NTM-2 Xã Đoàn Kết (06004), năm 2027: ${out}\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Thông tin", "Tiêu chí", "Nguồn vốn"]);
    const info = wb.getWorksheet("Thông tin")!;
    expect(["B3", "B4", "B5", "B6", "B10"].map((a) => info.getCell(a).value)).toEqual(["06004", "Xã Đoàn Kết", 2027, "2026-2030", "NTM-2"]);
    const crit = wb.getWorksheet("Tiêu chí")!;
    expect([2, 3, 4, 5].map((c) => crit.getCell(6, c).value)).toEqual(["06004", "Đoàn Kết", 2, null]);
    expect(crit.getCell("B6").protection?.locked).not.toBe(false);
    expect(crit.getCell("H6").protection?.locked).toBe(false);
  });

  it("--district is the older name of --unit; giving both, different, is refused", async () => {
    const out = path.join(dir, "06007.xlsx");
    expect((await runCli(["template", "--district", "06007", "--year", "2027", "--setup", xaSetup, "--out", out])).code).toBe(0);
    const both = await runCli(["template", "--unit", "06004", "--district", "06007", "--year", "2027", "--setup", xaSetup, "--out", out]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("--unit and --district name the same unit: give one");
  });

  it("a --setup of another year, a year without a setup, a unit not of the setup: exit 1, nothing written", async () => {
    const out = path.join(dir, "never.xlsx");
    const other = await runCli(["template", "--unit", "06004", "--year", "2026", "--setup", xaSetup, "--out", out]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("tệp thiết lập là của năm 2027, không phải năm 2026");
    const none = await runCli(["template", "--unit", "06004", "--year", "2027", "--out", out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Năm 2027 không có thiết lập dựng sẵn (chỉ 2016-2020 có). Hãy dùng --setup <tệp Thiết lập.xlsx>");
    const unknown = await runCli(["template", "--unit", "06148", "--year", "2027", "--setup", xaSetup, "--out", out]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      "mã đơn vị 06148 không có trong danh mục năm 2027 (unknown unit code). Các mã: 06001 Xã Thất Khê; 06004 Xã Đoàn Kết; 06007 Xã Tân Tiến",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("an invalid setup file: its issues on stdout, exit 1", async () => {
    const bad = path.join(dir, "bad-setup.xlsx");
    await writeFile(bad, "not a workbook");
    const r = await runCli(["template", "--unit", "06004", "--year", "2027", "--setup", bad, "--out", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}: [E] `);
    expect(r.stderr).toContain(`ntm template: tệp thiết lập ${bad} không hợp lệ`);
  });

  it("with a token and no --setup: the server's setup of the year", async () => {
    const { origin: _o, ...stored } = XA_2027;
    server = await fakeServer(() => [
      200,
      { year: 2027, version: 1, origin: "applied", appliedAt: "2027-01-05T08:00:00.000Z", appliedBy: "Quản trị", setup: stored },
    ]);
    const out = path.join(dir, "server.xlsx");
    // --no-carry-over: this fake server answers only the setup (carry-over: template-carry-over.test.ts).
    const r = await runCli(["template", "--unit", "06001", "--year", "2027", "--out", out, "--no-carry-over"], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "t-1",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests).toEqual([{ method: "GET", url: "/api/v1/setup/2027", authorization: "Bearer t-1", body: null }]);
    expect(r.stderr).toContain("Đã tạo biểu mẫu NTM-2 Xã Thất Khê (06001), năm 2027");
  });
});

describe("ntm validate with a setup", () => {
  let filled = "";
  beforeAll(async () => {
    const blank = path.join(dir, "blank-06004.xlsx");
    const t = await runCli(["template", "--unit", "06004", "--year", "2027", "--setup", xaSetup, "--out", blank]);
    if (t.code !== 0) throw new Error(t.stderr);
    filled = await fillFirstRow(blank, 6, 8, path.join(dir, "filled-06004.xlsx"));
  });

  it("an NTM-2 file under its --setup: valid, the unit named at level xã", async () => {
    const r = await runCli(["validate", filled, "--setup", xaSetup]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${filled}: hợp lệ — xã 06004, năm 2027, 1 xã, 0 cảnh báo (valid)\n`);
    const j = await runCli(["validate", "--json", filled, "--setup", xaSetup]);
    expect(JSON.parse(j.stdout)).toEqual([{ file: filled, ok: true, district: "06004", year: 2027, issues: [] }]);
  });

  it("a --setup of another year than the file's: exit 1 at `Năm kế hoạch`", async () => {
    const r = await runCli(["validate", filled, "--setup", huyenSetup]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${filled}: Thông tin!B5: [E] Biểu mẫu ghi năm kế hoạch 2027 nhưng cấu hình dùng để kiểm tra là của năm 2023.`,
    );
  });

  it("no setup for the file's year: exit 1 saying how to give one", async () => {
    const r = await runCli(["validate", filled]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${filled}: [E] Năm 2027 không có thiết lập dựng sẵn (chỉ 2016-2020 có).`);
  });

  it("with a token: the server's setup; a server without one for the year: exit 2", async () => {
    const { origin: _o, ...stored } = XA_2027;
    server = await fakeServer((req) =>
      req.url === "/api/v1/setup/2027"
        ? [200, { year: 2027, version: 1, origin: "applied", appliedAt: "2027-01-05T08:00:00.000Z", appliedBy: "Quản trị", setup: stored }]
        : [404, { error: { code: "setup.missing", message: "Năm chưa có thiết lập", messageEn: "No setup for the year", details: {} } }],
    );
    const env = { NTM_SERVER: server.url, NTM_TOKEN: "t-1" };
    const ok = await runCli(["validate", filled], env);
    expect(ok.code, ok.stdout).toBe(0);
    const wrongYear = path.join(dir, "filled-2028.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    wb.getWorksheet("Thông tin")!.getCell("B5").value = 2028;
    await wb.xlsx.writeFile(wrongYear);
    const missing = await runCli(["validate", wrongYear], env);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain(`${wrongYear}: [E] Không lấy được thiết lập năm 2028 từ máy chủ: HTTP 404 setup.missing`);
  });

  it("a cell typed wrong is reported at its cell, as for NTM-1", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    wb.getWorksheet("Tiêu chí")!.getCell("J6").value = "Dạt";
    const broken = path.join(dir, "broken-06004.xlsx");
    await wb.xlsx.writeFile(broken);
    const r = await runCli(["validate", broken, "--setup", xaSetup]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${broken}: Tiêu chí!J6: [E] Giá trị "Dạt" ở tiêu chí 2 (HT) không hợp lệ.`);
  });
});
