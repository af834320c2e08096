import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../shared/schemas/report.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { BAC_SON, CAO_LOC, filledTemplate, runCli, setCell, tempDir } from "../fixtures.ts";
import { zipEntryText } from "../zip-entry.ts";

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
      { band: "19", baseline: 1, plan: 1, planPercent: 33.3 },
      { band: "15-18", baseline: 0, plan: 1, planPercent: 33.3 },
      { band: "10-14", baseline: 1, plan: 0, planPercent: 0 },
      { band: "5-9", baseline: 0, plan: 1, planPercent: 33.3 },
      { band: "<5", baseline: 1, plan: 0, planPercent: 0 },
    ]);
    const crit = (n: number) => report.criteria.find((c) => c.number === n);
    expect(crit(1)).toMatchObject({ baseline: 3, plan: 3, added: 0, planPercent: 100 });
    expect(crit(5)).toMatchObject({ baseline: 2, plan: 3, added: 1, planPercent: 100 });
    expect(crit(7)).toMatchObject({ baseline: 2, plan: 2, added: 0, planPercent: 66.7 });
    expect(crit(11)).toMatchObject({ baseline: 1, plan: 2, added: 1, planPercent: 66.7 });
    expect(crit(16)).toMatchObject({ baseline: 1, plan: 1, added: 0, planPercent: 33.3 });
    expect(report.groups.find((g) => g.group === "border")).toEqual({
      group: "border",
      communes: 1,
      avgCriteria: { baseline: 19, plan: 19 },
    });
    const amount = (k: string) => report.capital.sources.find((s) => s.key === k);
    expect(amount("central")).toEqual({ key: "central", amount: 3000, percent: 73.2 });
    expect(amount("local")).toEqual({ key: "local", amount: 500.5, percent: 12.2 });
    expect(amount("direct")).toEqual({ key: "direct", amount: 3500.5, percent: 85.4 });
    expect(amount("credit")).toEqual({ key: "credit", amount: 300, percent: 7.3 });
    expect(amount("community")).toEqual({ key: "community", amount: 99.5, percent: 2.4 });
    expect(amount("enterprise")).toEqual({ key: "enterprise", amount: 0, percent: 0 });
    expect(amount("total")).toEqual({ key: "total", amount: 4100, percent: 100 });
    const d183 = report.districts.find((d) => d.code === "183")!;
    expect(d183).toMatchObject({
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
    expect(report.districts.find((d) => d.code === "185")).toMatchObject({
      status: "submitted",
      communes: 1,
      ntmPlan: 0,
      avgCriteriaPlan: 6,
      capitalTotal: 2099.5,
    });
    expect(report.districts.filter((d) => d.status === "missing")).toHaveLength(9);
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
    expect(names).toEqual([
      "NTM_Districts",
      "NTM_Overview",
      "NTM_Bands",
      "NTM_Criteria",
      "NTM_Groups",
      "NTM_Capital",
      "NTM_CapitalByDistrict",
    ]);
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
});
