import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeReportWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { reportSummary } from "../../../cli/report-summary.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { buildReportSheet } from "../../../shared/report/report-sheet.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { attachTargets } from "../../../shared/targets/compare.ts";

/** The CLI's .xlsx writer draws NTM_Targets like every model table; the summary prints the targets table. */
const SETUP = builtInSetup(2018)!;
const report = attachTargets(
  buildReport({ year: 2018, generatedAt: "2018-03-01T02:00:00Z", setup: SETUP, entries: [] }),
  { year: 2018, province: { ntm: 48, "capital:total": 0.5 }, units: {} },
  SETUP,
  new Map(),
);

describe("NTM_Targets in the CLI's Tổng hợp and summary", () => {
  it("the .xlsx has the table NTM_Targets with its caption and rows", async () => {
    const model = buildReportSheet(report);
    const t = model.tables.find((x) => x.name === "NTM_Targets")!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeReportWorkbookBuffer(model)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Tổng hợp")!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toContain("NTM_Targets");
    expect(ws.getCell(t.topRow - 1, 1).value).toBe("Chỉ tiêu năm 2018 so với tổng kế hoạch (vốn: triệu đồng)");
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(t.topRow + 1, c).value)).toEqual(["Số xã đạt chuẩn NTM", 48, 0, -48, "Chưa đạt"]);
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(t.topRow + 2, c).value)).toEqual(["Tổng vốn (triệu đồng)", 0.5, 0, -0.5, "Chưa đạt"]);
  });

  it("the summary prints the targets table only when the report has targets", () => {
    const text = reportSummary(report);
    expect(text).toContain("Chỉ tiêu năm 2018 so với tổng kế hoạch (vốn: triệu đồng) — đạt 0/2\n");
    expect(text).toMatch(/\nSố xã đạt chuẩn NTM +48 +0 +-48 +Chưa đạt\n/);
    expect(text).toMatch(/\nTổng vốn \(triệu đồng\) +0,5 +0 +-0,5 +Chưa đạt\n/);
    const { targets: _t, ...without } = report;
    expect(reportSummary(without)).not.toContain("Chỉ tiêu năm");
  });
});
