import { describe, expect, it } from "vitest";
import { trend } from "../../../shared/cycle/trend.ts";
import { DATA_TABLES, buildReportSheet, captionLines } from "../../../shared/report/report-sheet.ts";
import { SET_2021_2025, SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { statusReport } from "./status-2027.ts";

/** NTM_Trend in `Tổng hợp`: 2025 (19 criteria, plans and results) and 2026 (10 criteria, plans only). */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const T = trend(2025, 2027, [
  {
    year: 2025,
    criteriaSet: SET_2021_2025,
    communes: null,
    plans: [
      { code: "06148", criteria: upTo(19) },
      { code: "06151", criteria: upTo(12) },
    ],
    results: [{ code: "06148", criteria: upTo(18) }],
  },
  { year: 2026, criteriaSet: SET_2026_2030, communes: null, plans: [{ code: "06148", criteria: upTo(10) }], results: [] },
]);

describe("NTM_Trend in the `Tổng hợp` sheet", () => {
  const m = buildReportSheet(statusReport(), T);
  const t = m.tables.find((x) => x.name === "NTM_Trend")!;

  it("comes last, after NTM_Status, below its one caption naming the frame year and each year's set", () => {
    expect(m.tables.map((x) => x.name).slice(-2)).toEqual(["NTM_Status", "NTM_Trend"]);
    expect(DATA_TABLES.NTM_Trend).toBe(1);
    expect(t.captions).toEqual([
      { text: "Xu hướng 2025-2027 (số xã, theo danh sách xã năm 2026; bộ tiêu chí 2025: 2021-2025; 2026: 2026-2030)", style: "subtitle" },
    ]);
    expect(captionLines("NTM_Trend")).toBe(1);
  });

  it("NTM then every criterion number of any year's set; KH and TH per year (empty: no result, or not in the set)", () => {
    expect(t.headers).toEqual(["Mục", "Nội dung", "2025 KH", "2025 TH", "2026 KH", "2026 TH"]);
    expect(t.numberFormats).toEqual(["@", "General", "General", "General", "General", "General"]);
    // Frame: 2026's stored code 06148 only; 06151 of 2025 traces to no 2026 commune.
    expect(t.rows[0]).toEqual(["NTM", "Xã đạt chuẩn NTM", 1, 0, 1, null]);
    expect(t.rows.length).toBe(1 + 19);
    expect(t.rows[1]).toEqual(["TC1", SET_2026_2030.criteria[0]!.name, 1, 1, 1, null]);
    expect(t.rows[19]).toEqual(["TC19", SET_2021_2025.criteria[18]!.name, 1, 0, null, null]);
  });

  it("without a trend, or a trend without data: no NTM_Trend", () => {
    expect(buildReportSheet(statusReport()).tables.some((x) => x.name === "NTM_Trend")).toBe(false);
    expect(buildReportSheet(statusReport(), trend(2030, 2031, [])).tables.some((x) => x.name === "NTM_Trend")).toBe(false);
  });
});
