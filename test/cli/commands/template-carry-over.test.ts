import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import type { FakeServer, Recorded } from "../fixtures.ts";
import { fakeServer, runCli, tempDir } from "../fixtures.ts";
import { XA_2027 } from "../../shared/template/ntm2-fixtures.ts";

/**
 * `ntm template` (plan, NTM-2) with a token: HT pre-filled from the server's carry-over
 * (GET /carry-over/:year?unit=), its notes printed; `--no-carry-over` skips it.
 */
let dir = "";
let setupFile = "";
let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});
beforeAll(async () => {
  dir = await tempDir();
  setupFile = path.join(dir, "thiet-lap-2027.xlsx");
  await writeWorkbookFile(buildSetupWorkbook(2027, XA_2027), setupFile);
});

const NOTE = "HT lấy từ kết quả thực hiện năm 2026: Xã Đoàn Kết (06004).";
const CARRY = {
  year: 2027,
  fromYear: 2026,
  unit: "06004",
  criteriaSet: { from: "2026-2030", to: "2026-2030" },
  communes: [{ code: "06004", name: "Xã Đoàn Kết", baseline: [1, 2, 5], basis: "result", from: ["06004"], skipped: [] }],
  notes: [
    { code: "carry.from_result", messageVi: NOTE, messageEn: "HT taken from the 2026 results: Xã Đoàn Kết (06004).", communes: ["06004"] },
  ],
};
const carryServer =
  (status = 200) =>
  (r: Recorded): [number, unknown] =>
    new URL(r.url, "http://x").pathname === "/api/v1/carry-over/2027" && status === 200
      ? [200, CARRY]
      : [status === 200 ? 404 : status, { error: { code: "internal", message: "Lỗi máy chủ" } }];

const HT = ["H6", "J6", "L6", "N6", "P6"]; // HT of criteria 1-5: H + 2(k - 1)

async function sheets(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { info: wb.getWorksheet("Thông tin")!, crit: wb.getWorksheet("Tiêu chí")! };
}

describe("ntm template with carry-over", () => {
  const args = (out: string) => ["template", "--unit", "06004", "--year", "2027", "--setup", setupFile, "--out", out];

  it("a token: HT from the server's carry-over, the notes printed and written in Thông tin", async () => {
    server = await fakeServer(carryServer());
    const out = path.join(dir, "kh-06004.xlsx");
    const r = await runCli([...args(out), "--server", server.url], { NTM_TOKEN: "t-unit" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${NOTE}\nĐã tạo biểu mẫu NTM-2 Xã Đoàn Kết (06004), năm 2027: ${out}\n`);
    expect(server.requests.map((q) => `${q.method} ${q.url} ${q.authorization}`)).toEqual([
      "GET /api/v1/carry-over/2027?unit=06004 Bearer t-unit",
    ]);
    const { info, crit } = await sheets(out);
    expect(HT.map((a) => crit.getCell(a).value)).toEqual(["Đạt", "Đạt", "Chưa đạt", "Chưa đạt", "Đạt"]);
    expect(crit.getCell("H6").protection?.locked).toBe(false);
    expect(["A12", "B13"].map((a) => info.getCell(a).value)).toEqual(["Ghi chú HT", NOTE]);
  });

  it("--no-carry-over: no request, HT empty", async () => {
    server = await fakeServer(carryServer());
    const out = path.join(dir, "kh-blank.xlsx");
    const r = await runCli([...args(out), "--no-carry-over", "--server", server.url], { NTM_TOKEN: "t-unit" });
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests).toEqual([]);
    const { crit } = await sheets(out);
    expect(HT.map((a) => crit.getCell(a).value)).toEqual([null, null, null, null, null]);
  });

  it("the server fails: exit 2 (server), nothing written, --no-carry-over suggested; --no-carry-over with --round result is a usage error", async () => {
    server = await fakeServer(carryServer(500));
    const out = path.join(dir, "kh-fail.xlsx");
    const r = await runCli([...args(out), "--server", server.url], { NTM_TOKEN: "t-unit" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "ntm template: không lấy được HT năm 2026 của đơn vị 06004 (carry-over failed): HTTP 500 internal: Lỗi máy chủ.",
    );
    expect(r.stderr).toContain("Dùng --no-carry-over");
    await expect(sheets(out)).rejects.toThrow();
    const u = await runCli([...args(out), "--round", "result", "--no-carry-over"]);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain("--no-carry-over is for a plan template");
  });
});
