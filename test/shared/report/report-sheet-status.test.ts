import { describe, expect, it } from "vitest";
import { buildReport } from "../../../shared/report/build-report.ts";
import { DATA_TABLES, buildReportSheet, captionLines, formatDate } from "../../../shared/report/report-sheet.ts";
import type { ReportSheetModel } from "../../../shared/report/report-sheet.ts";
import { STATUS_CUT, STATUS_SETUP, statusReport } from "./status-2027.ts";

const status = (m: ReportSheetModel) => m.tables.find((t) => t.name === "NTM_Status");

describe("NTM_Status in the `Tổng hợp` sheet (a server report, with its cut)", () => {
  const m = buildReportSheet(statusReport());
  const t = status(m)!;

  it("comes after the seven tables, two empty rows and its two captions below NTM_CapitalByUnit", () => {
    expect(m.tables.map((x) => [x.name, x.topRow])).toEqual([
      ["NTM_Units", 3],
      ["NTM_Overview", 12],
      ["NTM_Bands", 16],
      ["NTM_Criteria", 23],
      ["NTM_Groups", 36],
      ["NTM_Capital", 45],
      ["NTM_CapitalByUnit", 55],
      ["NTM_Status", 66],
    ]);
    // NTM_CapitalByUnit: header 55, five units 56-60, totals 61; empty 62-63; captions 64-65.
    expect(t.leftColumn).toBe(1);
    expect(t.captions!.length).toBe(captionLines("NTM_Status"));
  });

  it("states the round and the cut, then the completeness and the deadline", () => {
    expect(t.captions).toEqual([
      { text: "Tình trạng nộp và duyệt — Kế hoạch năm 2027, số liệu tại 05/04/2027 10:00", style: "subtitle" },
      { text: "Đã nộp 4/5 · Đúng hạn 3/5 · Đã duyệt 1/5, hạn nộp 31/03/2027", style: "note" },
    ]);
  });

  it("lists one row per unit: status text, revision, Vietnam time, days late (23:59 on the deadline is on time)", () => {
    expect(t.headers).toEqual(["Mã đơn vị", "Tên đơn vị", "Tình trạng", "Bản số", "Nộp lúc", "Số ngày muộn"]);
    expect(t.numberFormats).toEqual(["@", "General", "General", "#,##0", "@", "#,##0"]);
    expect(t.rows).toEqual([
      ["06001", "Xã Thất Khê", "Đã nộp", 1, "20/03/2027 10:00", 0],
      ["06004", "Xã Đoàn Kết", "Nộp muộn", 2, "03/04/2027 08:00", 2],
      ["06007", "Xã Tân Tiến", "Trả lại", 1, "31/03/2027 23:59", 0],
      ["06010", "Xã Tràng Định", "Chưa nộp", null, null, null],
      ["06013", "Xã Cũ", "Đã duyệt", 3, "25/03/2027 15:00", 0],
    ]);
    expect(t.totalsRow).toBeUndefined();
  });

  it("gives the caption rows their font's height (subtitle 12 pt: 16.5) beside the title and header rows", () => {
    expect(m.rowHeights.filter((h) => h.row >= 55)).toEqual([
      { row: 55, points: 45 },
      { row: 64, points: 16.5 },
      { row: 65, points: 15 },
      { row: 66, points: 15 },
    ]);
    expect(m.rowHeights.map((h) => h.row)).toEqual([1, 3, 12, 16, 23, 36, 45, 55, 64, 65, 66]);
  });

  it("says when the report counts accepted revisions only, and names the result round", () => {
    const accepted = status(buildReportSheet(statusReport({ cut: { ...STATUS_CUT, accepted: true }, round: "result" })))!;
    expect(accepted.captions![0]!.text).toBe(
      "Tình trạng nộp và duyệt — Kết quả thực hiện năm 2027, số liệu tại 05/04/2027 10:00 (chỉ tính các bản đã duyệt)",
    );
  });

  it("without a deadline says so; a cut before any action (asOf null) shows the time the report was made", () => {
    const none = status(buildReportSheet(statusReport({ deadline: null, cut: { asOf: null, seq: 0, accepted: false } })))!;
    expect(none.captions!.map((c) => c.text)).toEqual([
      "Tình trạng nộp và duyệt — Kế hoạch năm 2027, số liệu tại 05/04/2027 10:30",
      expect.stringMatching(/, chưa có hạn nộp$/),
    ]);
  });

  it("is absent from an offline report (cut null): the seven tables only, no caption heights", () => {
    const offline = buildReportSheet(buildReport({ year: 2027, generatedAt: STATUS_CUT.asOf!, setup: STATUS_SETUP, entries: [] }));
    expect(status(offline)).toBeUndefined();
    expect(offline.tables).toHaveLength(7);
    expect(offline.tables.every((x) => x.captions === undefined)).toBe(true);
    expect(offline.rowHeights).toHaveLength(8);
  });
});

describe("captionLines and formatDate", () => {
  it("counts NTM_Status's two captions whatever the case of the name, none for other tables", () => {
    expect(DATA_TABLES).toEqual({ NTM_Targets: 1, NTM_Status: 2, NTM_Results: 1, NTM_Trend: 1 });
    expect(captionLines("ntm_status")).toBe(2);
    expect(captionLines("NTM_Units")).toBe(0);
  });

  it("writes a deadline as dd/mm/yyyy and leaves other text alone", () => {
    expect(formatDate("2027-03-31")).toBe("31/03/2027");
    expect(formatDate("31/03/2027")).toBe("31/03/2027");
  });
});
