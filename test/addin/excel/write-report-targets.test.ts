import { describe, expect, it } from "vitest";
import { detectFeatures } from "../../../addin/excel/features.ts";
import { runExcel } from "../../../addin/excel/run.ts";
import { writeReport } from "../../../addin/excel/write-report.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { buildReportSheet } from "../../../shared/report/report-sheet.ts";
import type { ReportSheetModel } from "../../../shared/report/report-sheet.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { attachTargets } from "../../../shared/targets/compare.ts";
import { useFakeExcel } from "./helpers/install.ts";

/** NTM_Targets (cycle.md "Targets") drawn by the add-in's generic table writer, on the Excel fake. */
const setup = useFakeExcel();
const SETUP = builtInSetup(2018)!;
const plain = () => buildReport({ year: 2018, generatedAt: "2018-03-01T02:00:00Z", setup: SETUP, entries: [] });
const withTargets = () =>
  buildReportSheet(attachTargets(plain(), { year: 2018, province: { ntm: 48, "band:<5": 3 }, units: {} }, SETUP, new Map()));

async function plans(m: ReportSheetModel) {
  return runExcel("writeReport", (rc) => writeReport(rc, m, detectFeatures()), {});
}

describe("NTM_Targets in the Tổng hợp sheet (Excel)", () => {
  it("adds NTM_Targets after the existing tables below its caption: target, plan, gap, met", async () => {
    const { fake, wb } = setup();
    const m = withTargets();
    const t = m.tables.at(-1)!;
    expect(t.name).toBe("NTM_Targets");
    expect(await wb.writeReport(m)).toEqual({ syncs: 2, skipped: [] });
    expect(fake.tables.map((x) => x.name)).toHaveLength(8);
    expect(fake.tables.at(-1)).toMatchObject({ name: "NTM_Targets", address: `A${t.topRow}:E${t.topRow + 2}` });
    const s = fake.sheet("Tổng hợp");
    expect(s.value(`A${t.topRow - 1}`)).toBe("Chỉ tiêu năm 2018 so với tổng kế hoạch (vốn: triệu đồng)");
    expect(["A", "B", "C", "D", "E"].map((c) => s.value(`${c}${t.topRow}`))).toEqual([
      "Chỉ tiêu",
      "Mục tiêu",
      "Tổng kế hoạch",
      "Chênh lệch",
      "Đạt/Chưa đạt",
    ]);
    expect(["A", "B", "C", "D", "E"].map((c) => s.value(`${c}${t.topRow + 1}`))).toEqual(["Số xã đạt chuẩn NTM", 48, 0, -48, "Chưa đạt"]);
    expect(["A", "B", "C", "D", "E"].map((c) => s.value(`${c}${t.topRow + 2}`))).toEqual(["Dưới 5 tiêu chí", 3, 0, -3, "Đạt"]);
  });

  for (const api of [13, 1]) {
    it(`a refresh whose report has no targets deletes NTM_Targets and clears its cells and caption (ExcelApi 1.${api})`, async () => {
      const { fake } = setup(api);
      const m = withTargets();
      const t = m.tables.at(-1)!;
      await plans(m);
      await plans(buildReportSheet(plain()));
      expect(fake.tables.map((x) => x.name)).not.toContain("NTM_Targets");
      expect(fake.tables).toHaveLength(7);
      const s = fake.sheet("Tổng hợp");
      for (const a of [`A${t.topRow - 1}`, `A${t.topRow}`, `E${t.topRow + 2}`]) expect(s.value(a), a).toBe("");
    });
  }
});
