import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import { buildNtm2Template } from "../../../shared/template/build-template-ntm2.ts";
import { put } from "../../../shared/template/build-template.ts";
import type { FakeServer, Recorded } from "../fixtures.ts";
import { fakeServer, runCli, tempDir } from "../fixtures.ts";
import { XA_2027 } from "../../shared/template/ntm2-fixtures.ts";
import { PLAN_06004 } from "../../shared/template/result-fixtures.ts";

/**
 * `ntm template --round result`: the result template from the unit's plan on the server (accepted,
 * else latest) or from `--plan <file.xlsx>`; `ntm validate` reads it back.
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

const AT = "2027-03-01T08:00:00.000Z";
const revision = (n: number, id: string) => ({
  id,
  district: "06004",
  unit: "06004",
  round: "plan",
  year: 2027,
  revision: n,
  latest: n === 2,
  contentHash: `h${n}`,
  communes: 1,
  preparedBy: null,
  phone: null,
  submittedBy: "06004",
  submittedAt: AT,
});
const statusUnit = (accepted: number | null) => ({
  code: "06004",
  name: "Xã Đoàn Kết",
  status: accepted === null ? "submitted" : "accepted",
  revision: 2,
  submittedAt: AT,
  firstSubmittedAt: AT,
  daysLate: 0,
  acceptedRevision: accepted,
  comment: null,
  cells: [],
  reviewedAt: null,
  reviewedBy: null,
});
/** The plan server: revisions 1 (HT 1-6, KH 1-8) and 2 (KH 1-9); `accepted` names the accepted one. */
function planServer(accepted: number | null, stored = true) {
  const rev2 = { ...PLAN_06004, communes: [{ ...PLAN_06004.communes[0]!, plan: [1, 2, 3, 4, 5, 6, 7, 8, 9] }] };
  return (r: Recorded): [number, unknown] => {
    const url = new URL(r.url, "http://x");
    if (url.pathname === "/api/v1/status/2027")
      return [
        200,
        {
          year: 2027,
          round: "plan",
          deadline: null,
          cut: { asOf: AT, seq: 3, accepted: false },
          units: [statusUnit(accepted)],
          completeness: { expected: 1, submitted: 1, onTime: 1, accepted: accepted === null ? 0 : 1 },
        },
      ];
    if (url.pathname === "/api/v1/submissions")
      return [200, { submissions: stored ? [revision(2, "s2"), revision(1, "s1")] : [], next: null }];
    if (url.pathname === "/api/v1/submissions/s1") return [200, { ...revision(1, "s1"), submission: PLAN_06004 }];
    if (url.pathname === "/api/v1/submissions/s2") return [200, { ...revision(2, "s2"), submission: rev2 }];
    return [404, { error: { code: "not_found", message: "?" } }];
  };
}
const KH9 = "AG6"; // KH of criterion 9: H + 3 × 8 = AF (HT), AG (KH)

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("ntm template --round result", () => {
  it("from the server: the accepted plan revision (1), HT/KH and the plan amounts pre-filled and locked", async () => {
    server = await fakeServer(planServer(1));
    const out = path.join(dir, "kq-06004.xlsx");
    const r = await runCli(
      ["template", "--unit", "06004", "--year", "2027", "--round", "result", "--setup", setupFile, "--out", out, "--server", server.url],
      { NTM_TOKEN: "t-unit" },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`Đã tạo biểu mẫu kết quả thực hiện Xã Đoàn Kết (06004), năm 2027, kế hoạch lần gửi 1 (đã tiếp nhận): ${out}\n`);
    expect(server.requests.map((q) => `${q.method} ${q.url}`)).toEqual([
      "GET /api/v1/status/2027?round=plan",
      "GET /api/v1/submissions?year=2027&unit=06004&round=plan&limit=1000",
      "GET /api/v1/submissions/s1",
    ]);
    expect(server.requests[0]!.authorization).toBe("Bearer t-unit");
    const wb = await open(out);
    expect(wb.getWorksheet("Thông tin")!.getCell("B11").value).toBe("Kết quả thực hiện");
    const crit = wb.getWorksheet("Tiêu chí")!;
    expect(["H5", "I5", "J5", "H6", "I6", "J6", "AC6", KH9].map((a) => crit.getCell(a).value)).toEqual([
      "HT",
      "KH",
      "TH",
      "Đạt",
      "Đạt",
      null,
      "Chưa đạt",
      "Chưa đạt",
    ]);
    expect(crit.getCell("H6").protection?.locked).not.toBe(false);
    expect(crit.getCell("J6").protection?.locked).toBe(false);
    const cap = wb.getWorksheet("Nguồn vốn")!;
    expect(["C6", "C7", "D4"].map((a) => cap.getCell(a).value)).toEqual([1200, 300.5, "Thực hiện (triệu đồng)"]);
    expect(cap.getCell("D6").protection?.locked).toBe(false);
  });

  it("no accepted revision: the latest (2, KH 1-9); none stored: HT/KH empty with the note", async () => {
    server = await fakeServer(planServer(null));
    const out = path.join(dir, "kq-latest.xlsx");
    const args = ["template", "--unit", "06004", "--year", "2027", "--round", "result", "--setup", setupFile, "--out", out];
    const r = await runCli([...args, "--server", server.url], { NTM_TOKEN: "t" });
    expect(r.stderr).toContain("kế hoạch lần gửi 2 (mới nhất)");
    expect((await open(out)).getWorksheet("Tiêu chí")!.getCell(KH9).value).toBe("Đạt");
    await server.close();
    server = await fakeServer(planServer(null, false));
    const none = await runCli([...args, "--server", server.url], { NTM_TOKEN: "t" });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain("chưa có kế hoạch được lưu: HT, KH để trống");
    const crit = (await open(out)).getWorksheet("Tiêu chí")!;
    expect(["A4", "B5", "H7"].map((a) => crit.getCell(a).value)).toEqual(["Chưa có kế hoạch được lưu: HT, KH để trống", "Mã xã", null]);
  });

  it("offline --plan <file.xlsx>: the filled plan template; then TH typed and `ntm validate` reads the result", async () => {
    const models = buildNtm2Template(XA_2027, XA_2027.units[1]!, 3);
    for (let k = 1; k <= 10; k++) {
      put(models[1]!, 6, 6 + 2 * k, k <= 6 ? "Đạt" : "Chưa đạt");
      put(models[1]!, 6, 7 + 2 * k, k <= 8 ? "Đạt" : "Chưa đạt");
    }
    put(models[2]!, 6, 3, 1200);
    const planFile = path.join(dir, "kh-06004.xlsx");
    await writeWorkbookFile(models, planFile);
    const out = path.join(dir, "kq-offline.xlsx");
    const r = await runCli([
      "template",
      "--unit",
      "06004",
      "--year",
      "2027",
      "--round",
      "result",
      "--setup",
      setupFile,
      "--plan",
      planFile,
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`Đã tạo biểu mẫu kết quả thực hiện Xã Đoàn Kết (06004), năm 2027, kế hoạch từ tệp ${planFile}: ${out}\n`);
    const wb = await open(out);
    const crit = wb.getWorksheet("Tiêu chí")!;
    expect(["W6", "X6", "Z6", "AA6"].map((a) => crit.getCell(a).value)).toEqual(["Đạt", "Đạt", "Chưa đạt", "Đạt"]);
    for (let k = 1; k <= 10; k++) crit.getCell(6, 7 + 3 * k).value = k <= 7 ? "Đạt" : "Chưa đạt";
    wb.getWorksheet("Nguồn vốn")!.getCell("D6").value = 1300;
    await wb.xlsx.writeFile(out);
    const v = await runCli(["validate", out, "--setup", setupFile, "--json"]);
    expect(v.code, v.stderr).toBe(0);
    const json = JSON.parse(v.stdout) as { ok: boolean; district: string; issues: { code: string; cell: string }[] }[];
    expect([json[0]!.ok, json[0]!.district]).toEqual([true, "06004"]);
    expect(json[0]!.issues.map((i) => [i.code, i.cell])).toEqual([["result.disbursed_over_plan", "D6"]]);
  });

  it("refused: --round other, --plan without --round result, no plan source, a plan file of another unit", async () => {
    const out = path.join(dir, "never.xlsx");
    const base = ["template", "--unit", "06004", "--year", "2027", "--setup", setupFile, "--out", out];
    expect((await runCli([...base, "--round", "final"])).stderr).toContain("--round must be plan or result, not final");
    expect((await runCli([...base, "--plan", "x.xlsx"])).stderr).toContain("--plan is for --round result");
    const noSource = await runCli([...base, "--round", "result"]);
    expect([noSource.code, noSource.stderr]).toEqual([
      1,
      "ntm template: --round result cần --plan <tệp kế hoạch.xlsx> hoặc máy chủ (--token) để lấy kế hoạch (--round result needs --plan <file.xlsx> or a server token).\n",
    ]);
    const other = path.join(dir, "kh-06007.xlsx");
    const models = buildNtm2Template(XA_2027, XA_2027.units[2]!, 3);
    await writeWorkbookFile(models, other);
    const wrong = await runCli([...base, "--round", "result", "--plan", other]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("không phải kế hoạch năm 2027 của đơn vị 06004");
  });
});
