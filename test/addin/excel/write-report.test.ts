import { describe, expect, it } from "vitest";
import { runExcel } from "../../../addin/excel/run.ts";
import { detectFeatures } from "../../../addin/excel/features.ts";
import { captionRect, leftovers, tableRect, writeReport } from "../../../addin/excel/write-report.ts";
import { rectAddress } from "../../../shared/template/a1.ts";
import { widthPoints } from "../../../addin/excel/styles.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { buildReportSheet } from "../../../shared/report/report-sheet.ts";
import type { ReportSheetModel } from "../../../shared/report/report-sheet.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { useFakeExcel } from "./helpers/install.ts";
import { STATUS_SETUP, statusReport } from "../../shared/report/status-2027.ts";

const setup = useFakeExcel();

function model(): ReportSheetModel {
  const report = buildReport({ year: 2018, generatedAt: "2018-03-01T02:00:00Z", setup: builtInSetup(2018)!, entries: [] });
  return buildReportSheet(report);
}

/** The model with one more unit row (every table below moves down a row). */
function grown(m: ReportSheetModel): ReportSheetModel {
  const copy = structuredClone(m);
  const d = copy.tables[0]!;
  d.rows.push(["999", "Huyện Thử", "Đã nộp", 1, null, null, null, null, 5, 1, 12.4, 100, "huyện", "NTM-1"]);
  for (const t of copy.tables.slice(1)) t.topRow += 1;
  for (const c of copy.charts) c.anchorCell = c.anchorCell.replace(/\d+/, (n) => String(Number(n) + 1));
  return copy;
}

async function plans(m: ReportSheetModel) {
  return runExcel("writeReport", (rc) => writeReport(rc, m, detectFeatures()), {});
}

describe("writeReport on a workbook without the report", () => {
  it("creates `Tổng hợp` with the seven NTM_ tables, exact cells and formats, charts and print, in 2 syncs", async () => {
    const { fake, wb } = setup();
    const m = model();
    const report = await wb.writeReport(m);
    expect(report).toEqual({ syncs: 2, skipped: [] });
    const s = fake.sheet("Tổng hợp");
    expect(fake.active).toBe("Tổng hợp");
    expect(s.value("A1")).toBe(m.title);
    expect(fake.tables.map((t) => [t.name, t.address, t.showTotals])).toEqual(
      m.tables.map((t) => [t.name, rectAddress(tableRect(t)), Boolean(t.totalsRow)]),
    );
    const d = m.tables[0]!;
    expect(s.value("A3")).toBe("Mã đơn vị");
    expect(s.value("A4")).toBe(d.rows[0]![0]); // "178": a code kept as text by `@`
    expect(typeof s.value("A4")).toBe("string");
    expect(s.numberFormat("A4")).toBe("@");
    expect(s.value("C4")).toBe("Chưa nộp");
    expect(s.numberFormat("L4")).toBe("#,##0.0");
    const totalsRow = d.topRow + d.rows.length + 1;
    expect(s.value(`A${totalsRow}`)).toBe("Tổng cộng");
    expect(s.value(`C${totalsRow}`)).toBe(d.totalsRow![2]);
    const crit = m.tables.find((t) => t.name === "NTM_Criteria")!;
    expect(s.value(`B${crit.topRow + 2}`)).toBe(crit.rows[1]![1]);
    expect(s.numberFormat(`F${crit.topRow + 1}`)).toBe("0.0");
    expect(s.charts.map((c) => [c.name, c.type, c.source, c.categories, c.title, c.anchor])).toEqual([
      [
        "NTM_Chart_Criteria",
        "BarClustered",
        `D${crit.topRow + 1}:D${crit.topRow + 19}`,
        `B${crit.topRow + 1}:B${crit.topRow + 19}`,
        m.charts[0]!.title,
        m.charts[0]!.anchorCell,
      ],
      ["NTM_Chart_Capital", "Pie", expect.any(String), expect.any(String), m.charts[1]!.title, m.charts[1]!.anchorCell],
    ]);
    const cap = m.tables.find((t) => t.name === "NTM_Capital")!;
    expect(s.charts[1]!.source).toBe(`C${cap.topRow + 2}:C${cap.topRow + 8}`);
    expect(s.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$1:$1" });
    expect(s.columnWidths.get("B")).toBe(widthPoints(44));
  });
});

describe("refreshing the report", () => {
  it("updates the tables in place in 3 syncs, never a second copy, leaving the office's own cells alone", async () => {
    const { fake, wb } = setup();
    await wb.writeReport(model());
    const s = fake.sheet("Tổng hợp");
    s.put("N2", [["Ghi chú của văn phòng"]]);
    const gap = tableRect(model().tables[0]!).r2 + 1;
    s.put(`B${gap}`, [["ô tự gõ"]]);
    const m = model();
    m.title = "Tiêu đề mới";
    m.tables[0]!.rows[0]![2] = "Đã nộp";
    const r = await plans(m);
    expect(r.report).toEqual({ syncs: 3, skipped: [] });
    expect(r.value.map((p) => p.action)).toEqual(Array(7).fill("update"));
    expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1", "Tổng hợp"]);
    expect(fake.tables.length).toBe(7);
    expect(s.charts.length).toBe(2);
    expect(s.value("A1")).toBe("Tiêu đề mới");
    expect(s.value("C4")).toBe("Đã nộp");
    expect(s.value("N2")).toBe("Ghi chú của văn phòng");
    expect(s.value(`B${gap}`)).toBe("ô tự gõ");
  });

  it("resizes a table whose size changed on ExcelApi 1.13 and moves the others", async () => {
    const { fake } = setup(13);
    await plans(model());
    const m = grown(model());
    const r = await plans(m);
    expect(r.value.map((p) => p.action)).toEqual(["resize", ...Array(6).fill("recreate")]);
    expect(r.report.skipped).toEqual([]);
    expect(fake.tables.map((t) => [t.name, t.address])).toEqual(m.tables.map((t) => [t.name, rectAddress(tableRect(t))]));
    const s = fake.sheet("Tổng hợp");
    const d = m.tables[0]!;
    expect(s.value(`A${d.topRow + d.rows.length}`)).toBe("999");
    expect(s.value(`A${d.topRow + d.rows.length + 1}`)).toBe("Tổng cộng");
  });

  it("on ExcelApi 1.1 deletes and re-adds the table at the same place, listing what was skipped", async () => {
    const { fake } = setup(1);
    await plans(model());
    const m = grown(model());
    const r = await plans(m);
    expect(r.value.map((p) => p.action)).toEqual(Array(7).fill("recreate"));
    expect(r.report.skipped).toEqual([
      "tableResize (ExcelApi 1.13)",
      "chartCategories (ExcelApi 1.7)",
      "columnWidth (ExcelApi 1.2)",
      "pageLayout (ExcelApi 1.9)",
    ]);
    expect(r.report.syncs).toBe(3);
    expect(fake.tables.map((t) => [t.name, t.address])).toEqual(m.tables.map((t) => [t.name, rectAddress(tableRect(t))]));
    expect(fake.sheet("Tổng hợp").charts.map((c) => c.name)).toEqual(["NTM_Chart_Criteria", "NTM_Chart_Capital"]);
  });

  it("clears the rows a shrunk table no longer covers", async () => {
    const { fake } = setup(13);
    await plans(grown(model()));
    const m = model();
    const r = await plans(m);
    expect(r.value[0]!.action).toBe("resize");
    const s = fake.sheet("Tổng hợp");
    const d = m.tables[0]!;
    const below = tableRect(d).r2 + 1;
    expect(s.value(`A${below}`)).toBe("");
    expect(s.value(`A${below - 1}`)).toBe("Tổng cộng");
    expect(fake.tables.map((t) => t.address)).toEqual(m.tables.map((t) => rectAddress(tableRect(t))));
  });
});

describe("refreshing a sheet written before setups", () => {
  /** The sheet as the add-in wrote it before setups: NTM_Districts (12 columns) and NTM_CapitalByDistrict. */
  function oldModel(): ReportSheetModel {
    const m = structuredClone(model());
    const units = m.tables[0]!;
    units.name = "NTM_Districts";
    units.headers = units.headers.slice(0, 12);
    units.headers[0] = "Mã huyện";
    units.rows = units.rows.map((r) => r.slice(0, 12));
    units.numberFormats = units.numberFormats.slice(0, 12);
    units.totalsRow = units.totalsRow!.slice(0, 12);
    m.tables[6]!.name = "NTM_CapitalByDistrict";
    return m;
  }

  for (const api of [13, 1]) {
    it(`deletes NTM_Districts and NTM_CapitalByDistrict first, then writes NTM_Units and NTM_CapitalByUnit in their place (ExcelApi 1.${api})`, async () => {
      const { fake } = setup(api);
      await plans(oldModel());
      const s = fake.sheet("Tổng hợp");
      expect(fake.tables.map((t) => t.name)).toContain("NTM_Districts");
      s.put("M4", [["ô cũ"]]); // inside where the new, wider NTM_Units goes
      const m = model();
      const r = await plans(m);
      expect(r.value.map((p) => [p.name, p.action])).toEqual([
        ["NTM_Units", "add"],
        ["NTM_Overview", "update"],
        ["NTM_Bands", "update"],
        ["NTM_Criteria", "update"],
        ["NTM_Groups", "update"],
        ["NTM_Capital", "update"],
        ["NTM_CapitalByUnit", "add"],
      ]);
      expect(fake.tables.map((t) => [t.name, t.address]).sort()).toEqual(
        m.tables.map((t) => [t.name, rectAddress(tableRect(t))] as [string, string]).sort(),
      );
      expect(s.value("A3")).toBe("Mã đơn vị");
      expect(s.value("M3")).toBe("Cấp đơn vị");
      expect(s.value("M4")).toBe("huyện"); // the office's old cell is now the table's
      expect(s.value("N4")).toBe(""); // a missing unit has no template version
      expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1", "Tổng hợp"]);
    });
  }

  it("leaves a table of the office's own named otherwise alone", async () => {
    const { fake } = setup(13);
    await plans(model());
    const s = fake.sheet("Tổng hợp");
    s.put("R100", [["Ghi chú"], ["x"]]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tổng hợp").tables.add("R100:R101", true).name = "NTM_Districts_Notes";
      await ctx.sync();
    });
    await plans(model());
    expect(fake.tables.map((t) => t.name)).toContain("NTM_Districts_Notes");
    expect(s.value("R101")).toBe("x");
  });
});

describe("NTM_Status (a server report): captions, table, refresh", () => {
  const serverModel = () => buildReportSheet(statusReport());
  const offlineModel = () =>
    buildReportSheet(buildReport({ year: 2027, generatedAt: "2027-04-05T03:00:00Z", setup: STATUS_SETUP, entries: [] }));
  const CAPTION_1 = "Tình trạng nộp và duyệt — Kế hoạch năm 2027, số liệu tại 05/04/2027 10:00";
  const CAPTION_2 = "Đã nộp 4/5 · Đúng hạn 3/5 · Đã duyệt 1/5, hạn nộp 31/03/2027";

  it("adds NTM_Status at A66:F71 below its two styled captions, in 2 syncs", async () => {
    const { fake, wb } = setup();
    const m = serverModel();
    expect(await wb.writeReport(m)).toEqual({ syncs: 2, skipped: [] });
    expect(fake.tables.map((t) => t.name)).toHaveLength(8);
    expect(fake.tables.at(-1)).toMatchObject({ name: "NTM_Status", address: "A66:F71", showTotals: false });
    const s = fake.sheet("Tổng hợp");
    expect([s.value("A64"), s.value("A65")]).toEqual([CAPTION_1, CAPTION_2]);
    expect(s.formatAt("A64")).toMatchObject({ "font/bold": true, "font/size": 12 });
    expect(s.formatAt("A65")).toMatchObject({ "font/italic": true, "font/size": 10 });
    expect(["A", "B", "C", "D", "E", "F"].map((c) => s.value(`${c}66`))).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Tình trạng",
      "Bản số",
      "Nộp lúc",
      "Số ngày muộn",
    ]);
    expect(["A", "B", "C", "D", "E", "F"].map((c) => s.value(`${c}68`))).toEqual([
      "06004",
      "Xã Đoàn Kết",
      "Nộp muộn",
      2,
      "03/04/2027 08:00",
      2,
    ]);
    expect(s.value("C69")).toBe("Trả lại");
    expect(s.value("D70")).toBe("");
    expect(s.numberFormat("A67")).toBe("@");
    expect(s.rowHeights.get(64)).toBe(16.5);
  });

  it("a refresh of the same cut updates NTM_Status in place", async () => {
    const { fake } = setup(13);
    await plans(serverModel());
    const r = await plans(serverModel());
    expect(r.value.map((p) => p.action)).toEqual(Array(8).fill("update"));
    expect(fake.tables).toHaveLength(8);
    expect(fake.sheet("Tổng hợp").value("A64")).toBe(CAPTION_1);
  });

  for (const api of [13, 1]) {
    it(`a refresh whose model has no NTM_Status deletes it and clears its cells and captions, leaving the office's cells (ExcelApi 1.${api})`, async () => {
      const { fake } = setup(api);
      await plans(serverModel());
      const s = fake.sheet("Tổng hợp");
      s.put("B64", [["ghi chú"]]);
      const r = await plans(offlineModel());
      expect(r.value.map((p) => p.name)).not.toContain("NTM_Status");
      expect(fake.tables.map((t) => t.name)).not.toContain("NTM_Status");
      expect(fake.tables).toHaveLength(7);
      for (const a of ["A64", "A65", "A66", "F66", "A71", "F71"]) expect(s.value(a), a).toBe("");
      expect(s.value("B64")).toBe("ghi chú");
    });
  }

  it("a table moved down (one more unit above) is re-added lower; its old caption row is cleared", async () => {
    const { fake } = setup(13);
    await plans(serverModel());
    const m = grown(serverModel());
    const r = await plans(m);
    expect(r.value.at(-1)).toEqual({ name: "NTM_Status", action: "recreate" });
    expect(fake.tables.at(-1)).toMatchObject({ name: "NTM_Status", address: "A67:F72" });
    const s = fake.sheet("Tổng hợp");
    expect([s.value("A64"), s.value("A65"), s.value("A66")]).toEqual(["", CAPTION_1, CAPTION_2]);
    expect(s.value("A67")).toBe("Mã đơn vị");
  });
});

describe("captionRect", () => {
  it("is the first column of the rows above the header, none without captions or above row 1", () => {
    expect(captionRect({ r1: 66, c1: 1, r2: 71, c2: 6 }, 2)).toEqual({ r1: 64, c1: 1, r2: 65, c2: 1 });
    expect(captionRect({ r1: 66, c1: 1, r2: 71, c2: 6 }, 0)).toBeNull();
    expect(captionRect({ r1: 2, c1: 1, r2: 5, c2: 6 }, 2)).toBeNull();
  });
});

describe("leftovers", () => {
  it("gives the bands of the old extent outside the new one", () => {
    expect(leftovers({ r1: 3, c1: 1, r2: 10, c2: 5 }, { r1: 3, c1: 1, r2: 8, c2: 4 })).toEqual([
      { r1: 9, c1: 1, r2: 10, c2: 5 },
      { r1: 3, c1: 5, r2: 8, c2: 5 },
    ]);
    expect(leftovers({ r1: 3, c1: 1, r2: 8, c2: 4 }, { r1: 3, c1: 1, r2: 10, c2: 5 })).toEqual([]);
  });
});
