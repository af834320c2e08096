import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { buildReportSheet, formatVietnamTime } from "../../../shared/report/report-sheet.ts";
import type { ReportSheetModel } from "../../../shared/report/report-sheet.ts";
import { ALL, commune, range, submission } from "./helpers.ts";

const ref = DEFAULT_REFERENCE;
const AT = "2018-02-28T17:30:00.000Z";

function reportOf(districts: string[]) {
  const entries = districts.map((d, i) => ({
    district: d,
    aggregate: aggregateSubmission(
      submission(d, [commune(`0${6000 + i * 10}`, ALL, ALL), commune(`0${6001 + i * 10}`, [1], range(1, 9))], {
        central: 1_000_500,
        credit: 2_000_000,
      }),
      ref.criteria,
    ),
    revision: 2,
    submittedAt: "2018-02-27T01:02:00.000Z",
    submittedBy: "Văn phòng",
    preparedBy: "Lộc Văn A",
    phone: "0912",
  }));
  return buildReport({ year: 2018, generatedAt: AT, reference: ref, entries });
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
  const m = buildReportSheet(reportOf(["183", "186"]), ref);

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
      "NTM_Districts",
      "NTM_Overview",
      "NTM_Bands",
      "NTM_Criteria",
      "NTM_Groups",
      "NTM_Capital",
      "NTM_CapitalByDistrict",
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

  it("lists every reference district: submitted ones `Đã nộp` with Vietnam time, missing ones `Chưa nộp` with zeros", () => {
    const t = table(m, "NTM_Districts");
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
    ]);
    expect(t.totalsRow).toEqual(["Tổng cộng", null, "Đã nhận 2/11", null, null, null, null, null, 4, 2, 14, 6001]);
    expect(t.numberFormats.slice(8)).toEqual(["#,##0", "#,##0", "0.00", "#,##0.0"]);
  });

  it("keeps every reference district even when the report omits one (table sizes never change)", () => {
    const r = reportOf([]);
    const partial = { ...r, districts: r.districts.filter((d) => d.code !== "189") };
    const sheet = buildReportSheet(partial, ref);
    expect(table(sheet, "NTM_Districts").rows.at(-1)).toEqual([
      "189",
      "Huyện Đình Lập",
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
    ]);
    const full = buildReportSheet(reportOf(ref.districts.map((d) => d.code)), ref);
    const shape = (x: ReportSheetModel) => x.tables.map((t) => [t.name, t.topRow, t.rows.length, t.headers.length]);
    expect(shape(sheet)).toEqual(shape(m));
    expect(shape(full)).toEqual(shape(m));
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

  it("shows capital in million VND (#,##0.0) with a billion VND column and percent; per district with all nine keys", () => {
    const cap = table(m, "NTM_Capital");
    expect(cap.rows[0]).toEqual(["1", "Vốn đầu tư trực tiếp cho Chương trình", 2001, 2.001, 33.3]);
    expect(cap.rows[8]).toEqual([null, "Tổng cộng", 6001, 6.001, 100]);
    expect(cap.numberFormats).toEqual(["@", "General", "#,##0.0", "#,##0.0", "0.0"]);
    const by = table(m, "NTM_CapitalByDistrict");
    expect(by.headers).toHaveLength(11);
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
