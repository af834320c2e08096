import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../shared/schemas/report.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import type { FakeServer } from "../fixtures.ts";
import { BAC_SON, CAO_LOC, fakeServer, filledTemplate, runCli, setCell, tempDir } from "../fixtures.ts";
import { zipEntryText } from "../zip-entry.ts";

/** The 2018 setup with a registered commune list: 06151 (Xã Gia Cát, typed as not border) is a border commune there. */
const REGISTERED_2018: Setup = {
  ...builtInSetup(2018)!,
  origin: "applied",
  communes: [
    { code: "06148", name: "Xã Tân Liên", unit: "183", group: null, attributes: { "Xã biên giới": true }, formerCodes: [] },
    { code: "06151", name: "Xã Gia Cát", unit: "183", group: null, attributes: { "Xã biên giới": true }, formerCodes: [] },
    { code: "06400", name: "Xã Vũ Lăng", unit: "185", group: null, attributes: { "Xã biên giới": false }, formerCodes: [] },
  ],
};

let dir = "";
let caoLoc = "";
let bacSon = "";
beforeAll(async () => {
  dir = await tempDir();
  caoLoc = await filledTemplate(dir, "183", CAO_LOC);
  bacSon = await filledTemplate(dir, "185", BAC_SON);
});

describe("ntm consolidate", () => {
  it("--json: the report of the two districts, figures exact", async () => {
    const r = await runCli(["consolidate", caoLoc, bacSon, "--json"]);
    expect(r.code).toBe(0);
    const report: Report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.year).toBe(2018);
    // communes: 06148 (HT 19, KH 19), 06151 (HT 10, KH 15), 06400 (HT 4, KH 6)
    expect(report.overview).toEqual({ communes: 3, ntm: { baseline: 1, plan: 1, added: 0 }, avgCriteria: { baseline: 11, plan: 13.33 } });
    expect(report.bands).toEqual([
      { band: "19", label: "Đạt 19 tiêu chí", baseline: 1, plan: 1, planPercent: 33.3 },
      { band: "15-18", label: "Đạt 15-18 tiêu chí", baseline: 0, plan: 1, planPercent: 33.3 },
      { band: "10-14", label: "Đạt 10-14 tiêu chí", baseline: 1, plan: 0, planPercent: 0 },
      { band: "5-9", label: "Đạt 5-9 tiêu chí", baseline: 0, plan: 1, planPercent: 33.3 },
      { band: "<5", label: "Dưới 5 tiêu chí", baseline: 1, plan: 0, planPercent: 0 },
    ]);
    const crit = (n: number) => report.criteria.find((c) => c.number === n);
    expect(crit(1)).toMatchObject({ baseline: 3, plan: 3, added: 0, planPercent: 100 });
    expect(crit(5)).toMatchObject({ baseline: 2, plan: 3, added: 1, planPercent: 100 });
    expect(crit(7)).toMatchObject({ baseline: 2, plan: 2, added: 0, planPercent: 66.7 });
    expect(crit(11)).toMatchObject({ baseline: 1, plan: 2, added: 1, planPercent: 66.7 });
    expect(crit(16)).toMatchObject({ baseline: 1, plan: 1, added: 0, planPercent: 33.3 });
    expect(report.groups.find((g) => g.group === "border")).toEqual({
      group: "border",
      label: "Xã biên giới",
      communes: 1,
      avgCriteria: { baseline: 19, plan: 19 },
    });
    const amount = (k: string) => report.capital.sources.find((s) => s.key === k);
    expect(amount("1.1")).toEqual({ key: "1.1", label: "Vốn ngân sách Trung ương", amount: 3000, percent: 73.2 });
    expect(amount("1.2")).toMatchObject({ amount: 500.5, percent: 12.2 });
    expect(amount("1")).toMatchObject({ amount: 3500.5, percent: 85.4 });
    expect(amount("4")).toMatchObject({ amount: 300, percent: 7.3 });
    expect(amount("5")).toMatchObject({ amount: 99.5, percent: 2.4 });
    expect(amount("3")).toMatchObject({ amount: 0, percent: 0 });
    expect(amount("total")).toEqual({ key: "total", label: "Tổng cộng", amount: 4100, percent: 100 });
    expect(report.criteriaSet).toEqual({ id: "2016-2020", size: 19 });
    expect(report.unlisted).toEqual([]);
    const d183 = report.units.find((d) => d.code === "183")!;
    expect(d183).toMatchObject({
      level: "huyện",
      templateVersion: "NTM-1",
      status: "submitted",
      revision: null,
      submittedAt: null,
      preparedBy: "Nguyễn Văn An",
      phone: "0912345678",
      communes: 2,
      ntmPlan: 1,
      avgCriteriaPlan: 17,
      capitalTotal: 2000.5,
    });
    expect(report.units.find((d) => d.code === "185")).toMatchObject({
      status: "submitted",
      communes: 1,
      ntmPlan: 0,
      avgCriteriaPlan: 6,
      capitalTotal: 2099.5,
    });
    expect(report.units.filter((d) => d.status === "missing")).toHaveLength(9);
  });

  it("--out writes a new workbook whose `Tổng hợp` sheet holds the seven named tables", async () => {
    const out = path.join(dir, "tong-hop.xlsx");
    const r = await runCli(["consolidate", caoLoc, bacSon, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("Tổng quan"); // no summary when --out is given
    const zip = await readFile(out);
    expect(zipEntryText(zip, "xl/workbook.xml")).toContain('name="Tổng hợp"');
    const names: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const part = zipEntryText(zip, `xl/tables/table${i}.xml`);
      if (part) names.push(/ name="([^"]+)"/.exec(part)![1]!);
    }
    expect(names).toEqual(["NTM_Units", "NTM_Overview", "NTM_Bands", "NTM_Criteria", "NTM_Groups", "NTM_Capital", "NTM_CapitalByUnit"]);
  });

  it("without --json or --out prints a readable summary", async () => {
    const r = await runCli(["consolidate", caoLoc, bacSon]);
    expect(r.code).toBe(0);
    for (const label of ["Tổng quan", "Nhóm xã theo số tiêu chí đạt", "Tiêu chí", "Nguồn vốn (triệu đồng)", "Huyện Cao Lộc", "Chưa nộp"]) {
      expect(r.stdout).toContain(label);
    }
    expect(r.stdout).toMatch(/Tổng cộng\s+4\.100\s+100/);
    expect(r.stdout).toContain("đã nhận 2/11 huyện");
  });

  it("the same commune in two districts' files: exit 1, nothing consolidated", async () => {
    const clash = await filledTemplate(
      dir,
      "185",
      { communes: [{ code: "06148", name: "Xã Tân Liên", ht: [1], kh: [1, 2, 3, 4, 5] }] },
      "clash.xlsx",
    );
    const out = path.join(dir, "clash-out.xlsx");
    const r = await runCli(["consolidate", caoLoc, clash, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("06148");
    expect(r.stdout).toContain("[E]");
    expect(existsSync(out)).toBe(false);
  });

  it("an invalid file: exit 1, its issues printed, nothing consolidated", async () => {
    const broken = await filledTemplate(dir, "185", BAC_SON, "broken.xlsx");
    await setCell(broken, "Tiêu chí", "H6", "Dạt");
    const r = await runCli(["consolidate", caoLoc, broken, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${broken}: Tiêu chí!H6: [E] `);
    const plain = await runCli(["consolidate", caoLoc, broken]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain(`${broken}: Tiêu chí!H6: [E] `);
    expect(plain.stdout).not.toContain("Tổng quan");
  });

  it("--setup <file.xlsx>: the report follows that setup (its commune list: the setup's border wins over the typed one)", async () => {
    const setupFile = path.join(dir, "thiet-lap-2018.xlsx");
    await writeWorkbookFile(buildSetupWorkbook(2018, REGISTERED_2018), setupFile);
    const r = await runCli(["consolidate", caoLoc, bacSon, "--setup", setupFile, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.unlisted).toEqual([]);
    expect(report.overview.communes).toBe(3);
    // 06148 (HT 19, KH 19) and 06151 (HT 10, KH 15): border by the setup, though 06151 is typed as not.
    expect(report.groups.find((g) => g.group === "border")).toEqual({
      group: "border",
      label: "Xã biên giới",
      communes: 2,
      avgCriteria: { baseline: 14.5, plan: 17 },
    });
  });

  it("--setup with a commune list that lacks a file's commune: the file is refused (it is checked against the setup)", async () => {
    const setupFile = path.join(dir, "thiet-lap-2018-thieu.xlsx");
    const without = { ...REGISTERED_2018, communes: REGISTERED_2018.communes!.filter((c) => c.code !== "06151") };
    await writeWorkbookFile(buildSetupWorkbook(2018, without), setupFile);
    const out = path.join(dir, "thieu-out.xlsx");
    const r = await runCli(["consolidate", caoLoc, bacSon, "--setup", setupFile, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("06151");
    expect(existsSync(out)).toBe(false);
  });

  it("--setup of another year than the files': exit 1, nothing consolidated", async () => {
    const setupFile = path.join(dir, "thiet-lap-2019.xlsx");
    await writeWorkbookFile(buildSetupWorkbook(2019, { ...REGISTERED_2018, year: 2019 }), setupFile);
    const out = path.join(dir, "wrong-year.xlsx");
    const r = await runCli(["consolidate", caoLoc, "--setup", setupFile, "--out", out]);
    expect(r.code).toBe(1);
    // The file is read under the 2019 setup and refused (the template's rule `info.year_mismatch`).
    expect(r.stdout).toContain("cấu hình dùng để kiểm tra là của năm 2019");
    expect(existsSync(out)).toBe(false);
  });

  it("an invalid --setup file: its issues and exit 1", async () => {
    const broken = path.join(dir, "not-a-setup.xlsx");
    await writeWorkbookFile(buildSetupWorkbook(2018, REGISTERED_2018), broken);
    await setCell(broken, "Năm", "B3", "Xyz");
    const r = await runCli(["consolidate", caoLoc, "--setup", broken, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${broken}: `);
    expect(r.stderr).toContain(`tệp thiết lập ${broken} không hợp lệ`);
  });

  describe("with a token: the server's setup of the files' year", () => {
    let server: FakeServer | null = null;
    afterEach(async () => {
      await server?.close();
      server = null;
    });

    it("GET /api/v1/setup/2018, then the report under it", async () => {
      const { origin, ...stored } = REGISTERED_2018;
      server = await fakeServer(() => [
        200,
        { year: 2018, version: 3, origin, appliedAt: "2018-01-02T03:04:05.000Z", appliedBy: "admin", setup: stored },
      ]);
      const r = await runCli(["consolidate", caoLoc, "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "o-t" });
      expect(r.code, r.stderr).toBe(0);
      expect(server.requests).toEqual([{ method: "GET", url: "/api/v1/setup/2018", authorization: "Bearer o-t", body: null }]);
      expect(reportSchema.parse(JSON.parse(r.stdout)).groups.find((g) => g.group === "border")!.communes).toBe(2);
    });

    it("the server has no setup (404): exit 2 with its message, nothing consolidated", async () => {
      server = await fakeServer(() => [
        404,
        { error: { code: "setup.missing", message: "Năm 2018 chưa có thiết lập", messageEn: "No setup" } },
      ]);
      const r = await runCli(["consolidate", caoLoc, "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "o-t" });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("HTTP 404 setup.missing: Năm 2018 chưa có thiết lập");
    });
  });
});
