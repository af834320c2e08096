import { describe, expect, it } from "vitest";
import { buildReportSheet } from "../../../shared/report/report-sheet.ts";
import { attachTargets } from "../../../shared/targets/compare.ts";
import { readTargetsWorkbook } from "../../../shared/targets/read-workbook.ts";
import { PROVINCE_2018_ROWS, SETUP_2018, sheet } from "./fixtures.ts";
import { plans2018Report } from "./plans-2018-report.ts";

/**
 * THE 2018 test (cycle.md "Targets"): the seed's stated 2018 figures (docs/domain.md: 48 NTM
 * communes, the bands, criteria 2-19, capital 2.526.400 million VND and every source) entered as
 * targets through the `Chỉ tiêu` workbook, against the eleven 2018 demo district plans consolidated.
 */
const { aggregates, report } = plans2018Report("2018-02-28T01:00:00.000Z");

function read(rows: unknown[][], units?: unknown[][]) {
  const sheets = [sheet("Chỉ tiêu tỉnh", rows), ...(units ? [sheet("Chỉ tiêu đơn vị", units)] : [])];
  const { result } = readTargetsWorkbook(sheets, SETUP_2018);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe("the 2018 targets against the eleven district plans", () => {
  it("every stated target is met with gap 0", () => {
    const withTargets = attachTargets(report, read(PROVINCE_2018_ROWS), SETUP_2018, aggregates);
    const rows = withTargets.targets!;
    expect(rows).toHaveLength(1 + 5 + 18 + 1 + 8);
    expect(rows.filter((r) => !r.met || r.gap !== 0)).toEqual([]);
    expect(rows.map((r) => [r.key, r.target, r.plan])).toEqual([
      ["ntm", 48, 48],
      ["band:19", 48, 48],
      ["band:15-18", 2, 2],
      ["band:10-14", 29, 29],
      ["band:5-9", 128, 128],
      ["band:<5", 0, 0],
      ...[58, 151, 115, 54, 52, 168, 61, 106, 58, 64, 207, 90, 187, 107, 90, 53, 55, 186].map((n, i) => [`criterion:${i + 2}`, n, n]),
      ["capital:total", 2_526_400, 2_526_400],
      ["capital:1", 437_100, 437_100],
      ["capital:1.1", 273_800, 273_800],
      ["capital:1.2", 163_300, 163_300],
      ["capital:2", 229_300, 229_300],
      ["capital:3", 35_000, 35_000],
      ["capital:4", 1_700_000, 1_700_000],
      ["capital:5", 120_000, 120_000],
      ["capital:6", 5_000, 5_000],
    ]);
    expect(withTargets.unitTargets).toBeUndefined();
    // The Tổng hợp sheet: NTM_Targets after the existing tables, one caption, "Đạt" on every row.
    const sheetModel = buildReportSheet(withTargets);
    const names = sheetModel.tables.map((t) => t.name);
    expect(names.indexOf("NTM_Targets")).toBe(names.indexOf("NTM_CapitalByUnit") + 1);
    const table = sheetModel.tables.find((t) => t.name === "NTM_Targets")!;
    expect(table.headers).toEqual(["Chỉ tiêu", "Mục tiêu", "Tổng kế hoạch", "Chênh lệch", "Đạt/Chưa đạt"]);
    expect(table.rows[0]).toEqual(["Số xã đạt chuẩn NTM", 48, 48, 0, "Đạt"]);
    expect(table.rows.every((r) => r[4] === "Đạt")).toBe(true);
    expect(buildReportSheet(report).tables.some((t) => t.name === "NTM_Targets")).toBe(false);
  });

  it("one commune more asked for is not met (gap −1); unit targets compare with that unit's plan", () => {
    const rows = PROVINCE_2018_ROWS.map((r) => (r[0] === "TC2 - Giao thông" ? ["TC2", 59] : r));
    const ntm178 = aggregates.get("178")!.ntm.plan;
    const units = [
      ["Mã đơn vị", "Số xã đạt chuẩn NTM", "Tổng vốn"],
      ["178", ntm178, 1],
      ["181", ntm178 + 100, ""],
    ];
    const t = attachTargets(report, read(rows, units), SETUP_2018, aggregates);
    expect(t.targets!.find((r) => r.key === "criterion:2")).toEqual({
      key: "criterion:2",
      label: "TC2 - Giao thông",
      target: 59,
      plan: 58,
      gap: -1,
      met: false,
    });
    expect(t.unitTargets!.map((u) => [u.unit, u.targets.map((r) => [r.key, r.met])])).toEqual([
      [
        "178",
        [
          ["ntm", true],
          ["capital:total", true],
        ],
      ],
      ["181", [["ntm", false]]],
    ]);
  });
});
