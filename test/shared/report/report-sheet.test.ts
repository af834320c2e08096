import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { aggregateSubmission, aggregateUnit } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { buildReportSheet, capitalLeafRows, formatVietnamTime } from "../../../shared/report/report-sheet.ts";
import type { ReportSheetModel } from "../../../shared/report/report-sheet.ts";
import { ALL, SETUP_2018, commune, range, submission } from "./helpers.ts";
import { SUBMISSIONS_2027, TINY_2027 } from "./tiny-2027.ts";

const ref = DEFAULT_REFERENCE;
const AT = "2018-02-28T17:30:00.000Z";

function reportOf(districts: string[]) {
  const entries = districts.map((d, i) => ({
    unit: d,
    aggregate: aggregateSubmission(
      submission(d, [commune(`0${6000 + i * 10}`, ALL, ALL), commune(`0${6001 + i * 10}`, [1], range(1, 9))], {
        central: 1_000_500,
        credit: 2_000_000,
      }),
      SETUP_2018,
    ),
    revision: 2,
    submittedAt: "2018-02-27T01:02:00.000Z",
    submittedBy: "Văn phòng",
    preparedBy: "Lộc Văn A",
    phone: "0912",
  }));
  return buildReport({ year: 2018, generatedAt: AT, setup: SETUP_2018, entries });
}

const table = (m: ReportSheetModel, name: string) => m.tables.find((t) => t.name === name)!;

describe("formatVietnamTime", () => {
  it("shows UTC+7 as dd/mm/yyyy HH:mm, across a day and a year boundary", () => {
    expect(formatVietnamTime("2018-02-28T17:30:00.000Z")).toBe("01/03/2018 00:30");
    expect(formatVietnamTime("2018-03-01T02:05:59Z")).toBe("01/03/2018 09:05");
    expect(formatVietnamTime("2017-12-31T16:59:00Z")).toBe("31/12/2017 23:59");
    expect(formatVietnamTime("2017-12-31T17:00:00Z")).toBe("01/01/2018 00:00");
  });
  it("returns text that is not a time unchanged", () => {
    expect(formatVietnamTime("chưa rõ")).toBe("chưa rõ");
  });
});

describe("buildReportSheet", () => {
  const m = buildReportSheet(reportOf(["183", "186"]));

  it("titles row 1 with year, Vietnam time and districts received", () => {
    expect(m.name).toBe("Tổng hợp");
    expect(m.titleCell).toBe("A1");
    expect(m.title).toContain("NĂM 2018");
    expect(m.title).toContain("01/03/2018 00:30");
    expect(m.title).toContain("Đã nhận 2/11 huyện");
    expect(m.print).toMatchObject({ orientation: "landscape", paperSize: "A4" });
  });

  it("places the seven tables from row 3 in order, two empty rows apart", () => {
    expect(m.tables.map((t) => t.name)).toEqual([
      "NTM_Units",
      "NTM_Overview",
      "NTM_Bands",
      "NTM_Criteria",
      "NTM_Groups",
      "NTM_Capital",
      "NTM_CapitalByUnit",
    ]);
    expect(m.tables.map((t) => t.topRow)).toEqual([3, 18, 22, 30, 52, 59, 71]);
    for (let i = 1; i < m.tables.length; i++) {
      const prev = m.tables[i - 1]!;
      const lastRow = prev.topRow + prev.rows.length + (prev.totalsRow ? 1 : 0);
      expect(m.tables[i]!.topRow).toBe(lastRow + 3);
    }
    for (const t of m.tables) {
      expect(t.leftColumn).toBe(1);
      expect(t.numberFormats).toHaveLength(t.headers.length);
      for (const r of t.rows) expect(r).toHaveLength(t.headers.length);
      if (t.totalsRow) expect(t.totalsRow).toHaveLength(t.headers.length);
    }
  });

  it("lists every unit of the setup: submitted ones `Đã nộp` with Vietnam time, missing ones `Chưa nộp` with zeros", () => {
    const t = table(m, "NTM_Units");
    expect(t.headers.slice(0, 2)).toEqual(["Mã đơn vị", "Tên đơn vị"]);
    expect(t.headers.slice(12)).toEqual(["Cấp đơn vị", "Phiên bản biểu mẫu"]);
    expect(t.rows).toHaveLength(11);
    expect(t.rows.find((r) => r[0] === "183")).toEqual([
      "183",
      "Huyện Cao Lộc",
      "Đã nộp",
      2,
      "27/02/2018 08:02",
      "Văn phòng",
      "Lộc Văn A",
      "0912",
      2,
      1,
      14,
      3000.5,
      "huyện",
      "NTM-1",
    ]);
    expect(t.rows.find((r) => r[0] === "178")).toEqual([
      "178",
      "Thành phố Lạng Sơn",
      "Chưa nộp",
      null,
      null,
      null,
      null,
      null,
      0,
      0,
      null,
      0,
      "huyện",
      null,
    ]);
    expect(t.totalsRow).toEqual(["Tổng cộng", null, "Đã nhận 2/11", null, null, null, null, null, 4, 2, 14, 6001, null, null]);
    expect(t.numberFormats.slice(8)).toEqual(["#,##0", "#,##0", "0.00", "#,##0.0", "General", "General"]);
  });

  it("keeps the table sizes between refreshes: the setup's units are always listed", () => {
    const none = buildReportSheet(reportOf([]));
    const full = buildReportSheet(reportOf(ref.districts.map((d) => d.code)));
    const shape = (x: ReportSheetModel) => x.tables.map((t) => [t.name, t.topRow, t.rows.length, t.headers.length]);
    expect(shape(none)).toEqual(shape(m));
    expect(shape(full)).toEqual(shape(m));
    expect(table(none, "NTM_Units").rows.at(-1)!.slice(0, 3)).toEqual(["189", "Huyện Đình Lập", "Chưa nộp"]);
    expect(none.title).toContain("Đã nhận 0/11 huyện");
    expect(full.title).toContain("Đã nhận 11/11 huyện");
  });

  it("fills overview, bands, criteria and groups with counts, percents (0.0) and averages", () => {
    expect(table(m, "NTM_Overview").rows).toEqual([[4, 2, 2, 0, 10, 14]]);
    expect(table(m, "NTM_Bands").rows).toEqual([
      ["Đạt 19 tiêu chí", 2, 2, 50],
      ["Đạt 15-18 tiêu chí", 0, 0, 0],
      ["Đạt 10-14 tiêu chí", 0, 0, 0],
      ["Đạt 5-9 tiêu chí", 0, 2, 50],
      ["Dưới 5 tiêu chí", 2, 0, 0],
    ]);
    expect(table(m, "NTM_Bands").numberFormats).toEqual(["General", "#,##0", "#,##0", "0.0"]);
    const crit = table(m, "NTM_Criteria");
    expect(crit.rows[1]).toEqual([2, "Giao thông", 2, 4, 2, 100]);
    expect(crit.rows[9]).toEqual([10, "Thu nhập", 2, 2, 0, 50]);
    expect(crit.numberFormats).toEqual(["#,##0", "General", "#,##0", "#,##0", "#,##0", "0.0"]);
    expect(table(m, "NTM_Groups").rows[0]).toEqual(["Xã biên giới", 0, null, null]);
  });

  it("shows capital in million VND (#,##0.0) with a billion VND column and percent; per unit with all nine rows", () => {
    const cap = table(m, "NTM_Capital");
    expect(cap.rows[0]).toEqual(["1", "Vốn đầu tư trực tiếp cho Chương trình", 2001, 2.001, 33.3]);
    expect(cap.rows[8]).toEqual([null, "Tổng cộng", 6001, 6.001, 100]);
    expect(cap.numberFormats).toEqual(["@", "General", "#,##0.0", "#,##0.0", "0.0"]);
    const by = table(m, "NTM_CapitalByUnit");
    expect(by.headers).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "(1) Vốn đầu tư trực tiếp",
      "(1.1) Ngân sách Trung ương",
      "(1.2) Ngân sách địa phương",
      "(2) Vốn lồng ghép",
      "(3) Doanh nghiệp, HTX",
      "(4) Vốn tín dụng",
      "(5) Cộng đồng dân cư",
      "(6) Huy động khác",
      "Tổng cộng",
    ]);
    expect(by.rows.find((r) => r[0] === "183")).toEqual(["183", "Huyện Cao Lộc", 1000.5, 1000.5, 0, 0, 0, 2000, 0, 0, 3000.5]);
    expect(by.rows.find((r) => r[0] === "180")).toEqual(["180", "Huyện Tràng Định", 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(by.totalsRow).toEqual(["Tổng cộng", null, 2001, 2001, 0, 0, 0, 4000, 0, 0, 6001]);
  });

  it("points the charts at existing tables and columns; the pie draws the seven leaves only", () => {
    expect(m.charts.map((c) => [c.kind, c.table])).toEqual([
      ["bar", "NTM_Criteria"],
      ["pie", "NTM_Capital"],
    ]);
    for (const c of m.charts) {
      const t = table(m, c.table);
      expect(t.headers[c.valueColumn]).toBeDefined();
      expect(t.headers[c.categoryColumn]).toBeDefined();
    }
    const pie = m.charts[1]!;
    const cap = table(m, "NTM_Capital");
    expect(cap.rows.slice(pie.dataRows!.first, pie.dataRows!.last + 1).map((r) => r[0])).toEqual(["1.1", "1.2", "2", "3", "4", "5", "6"]);
    expect(table(m, "NTM_Criteria").headers[m.charts[0]!.valueColumn]).toBe("Số xã đạt kế hoạch (KH)");
  });
});

describe("buildReportSheet of a 2027 report (xã level, 10 criteria, the setup's rows)", () => {
  const r2027 = buildReport({
    year: 2027,
    generatedAt: AT,
    setup: TINY_2027,
    entries: SUBMISSIONS_2027.map((s) => ({
      unit: s.unit,
      aggregate: aggregateUnit(s, TINY_2027),
      revision: 1,
      submittedAt: null,
      submittedBy: null,
      preparedBy: s.preparedBy,
      phone: s.phone,
    })),
  });
  const m27 = buildReportSheet(r2027);

  it("counts the setup's xã in the title and lists the five units (the one the setup dropped after the setup's, not counted)", () => {
    expect(m27.title).toContain("Đã nhận 3/4 xã");
    const units = table(m27, "NTM_Units");
    expect(units.rows.map((r) => [r[0], r[1], r[2], r[12], r[13]])).toEqual([
      ["06001", "Xã Thất Khê", "Đã nộp", "xã", "NTM-2"],
      ["06004", "Xã Đoàn Kết", "Đã nộp", "xã", "NTM-2"],
      ["06007", "Xã Tân Tiến", "Đã nộp", "xã", "NTM-2"],
      ["06010", "Xã Tràng Định", "Chưa nộp", "xã", null],
      ["06013", "Mã xã 06013 (ngoài danh mục)", "Đã nộp", "xã", "NTM-2"],
    ]);
    expect(units.totalsRow!.slice(2, 3)).toEqual(["Đã nhận 3/4"]);
    expect(units.totalsRow!.slice(8, 12)).toEqual([4, 2, 8.75, 4010.001]);
  });

  it("draws the setup's bands, criteria, groups and capital rows with their labels", () => {
    expect(table(m27, "NTM_Bands").rows.map((r) => r[0])).toEqual([
      "Đạt 10 tiêu chí",
      "Đạt 8-9 tiêu chí",
      "Đạt 5-7 tiêu chí",
      "Dưới 5 tiêu chí",
    ]);
    expect(table(m27, "NTM_Criteria").rows).toHaveLength(10);
    expect(table(m27, "NTM_Groups").rows.map((r) => r[0])).toEqual([
      "Xã nhóm 1",
      "Xã nhóm 2",
      "Xã nhóm 3",
      "Xã biên giới",
      "Phấn đấu đạt chuẩn NTM",
      "NTM nâng cao",
    ]);
    expect(table(m27, "NTM_Capital").rows).toEqual([
      ["1", "Ngân sách nhà nước", 1620.5, 1.6205, 40.4],
      ["1.1", "Ngân sách Trung ương", 1500, 1.5, 37.4],
      ["1.2", "Ngân sách tỉnh", 120.5, 0.1205, 3],
      ["2", "Vốn lồng ghép Chương trình giảm nghèo bền vững", 310, 0.31, 7.7],
      ["3", "Vốn tín dụng", 2000, 2, 49.9],
      ["4", "Nhân dân đóng góp", 79.501, 0.079501, 2],
      [null, "Tổng cộng", 4010.001, 4.010001, 100],
    ]);
    const by = table(m27, "NTM_CapitalByUnit");
    expect(by.headers).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "(1) Ngân sách nhà nước",
      "(1.1) Ngân sách Trung ương",
      "(1.2) Ngân sách tỉnh",
      "(2) Vốn lồng ghép Chương trình giảm nghèo bền vững",
      "(3) Vốn tín dụng",
      "(4) Nhân dân đóng góp",
      "Tổng cộng",
    ]);
    expect(by.rows[3]).toEqual(["06010", "Xã Tràng Định", 0, 0, 0, 0, 0, 0, 0]);
    expect(by.totalsRow).toEqual(["Tổng cộng", null, 1620.5, 1500, 120.5, 310, 2000, 79.501, 4010.001]);
    expect(m27.tables.map((t) => t.name)).toEqual([
      "NTM_Units",
      "NTM_Overview",
      "NTM_Bands",
      "NTM_Criteria",
      "NTM_Groups",
      "NTM_Capital",
      "NTM_CapitalByUnit",
    ]);
  });

  it("the pie draws the leaves (1.1 .. 4) when they are one block; no pie when a subtotal sits between leaves", () => {
    expect(m27.charts.map((c) => [c.kind, c.dataRows])).toEqual([
      ["bar", undefined],
      ["pie", { first: 1, last: 5 }],
    ]);
    const split = buildReport({
      year: 2027,
      generatedAt: AT,
      setup: {
        ...TINY_2027,
        capitalRows: [
          { stt: "1", label: "A" },
          { stt: "1.1", label: "A1" },
          { stt: "2", label: "B" },
          { stt: "2.1", label: "B1" },
        ],
      },
      entries: [],
    });
    expect(capitalLeafRows(split)).toEqual([1, 3]);
    expect(buildReportSheet(split).charts.map((c) => c.kind)).toEqual(["bar"]);
  });
});
