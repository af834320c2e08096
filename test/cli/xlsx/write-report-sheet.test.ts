import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportSheetLike } from "../../../cli/xlsx/write-report-sheet.ts";
import { writeReportWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { readWorkbookBuffer } from "../../../cli/xlsx/read-workbook.ts";
import { buildReportSheet } from "../../../shared/report/report-sheet.ts";
import { statusReport } from "../../shared/report/status-2027.ts";
import { zipEntryText } from "../zip-entry.ts";

const model: ReportSheetLike = {
  name: "Tổng hợp",
  title: "TỔNG HỢP NĂM 2018 - Đã nhận 2/11 huyện",
  titleCell: "A1",
  columnWidths: [8, 30, 12],
  print: { orientation: "landscape", repeatRows: null },
  charts: [],
  tables: [
    {
      name: "NTM_Overview",
      topRow: 3,
      leftColumn: 1,
      headers: ["Chỉ tiêu", "Hiện trạng", "Kế hoạch"],
      rows: [
        ["Tổng số xã", 3, 3],
        ["Bình quân tiêu chí/xã", 11, 13.33],
      ],
      numberFormats: [null, "#,##0.00", "#,##0.00"],
    },
    {
      name: "NTM_Capital",
      topRow: 8,
      leftColumn: 1,
      headers: ["Nguồn vốn", "Triệu đồng", "%"],
      rows: [
        ["Vốn tín dụng", 300, 7.3],
        ["Khác", 3800, 92.7],
      ],
      numberFormats: [null, "#,##0.0", "0.0"],
      totalsRow: ["Tổng cộng", 4100, "100%"],
    },
  ],
};

describe("writeReportWorkbookBuffer", async () => {
  const buf = await writeReportWorkbookBuffer(model);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Tổng hợp")!;

  it("writes the title in A1 and recalculates on load", () => {
    expect(ws.getCell("A1").value).toBe(model.title);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(zipEntryText(buf, "xl/workbook.xml")).toMatch(/fullCalcOnLoad="1"/);
  });

  it("writes each table as a named Excel table at its place", () => {
    const parts = ["xl/tables/table1.xml", "xl/tables/table2.xml"].map((p) => zipEntryText(buf, p) ?? "");
    expect(parts[0]).toMatch(/name="NTM_Overview"[^>]*ref="A3:C5"|ref="A3:C5"[^>]*name="NTM_Overview"/);
    expect(parts[1]).toMatch(/displayName="NTM_Capital"/);
    expect(parts[1]).toMatch(/ref="A8:C11"/);
    expect(parts[1]).toMatch(/totalsRowCount="1"/);
    expect(parts[1]).toMatch(/<tableColumn id="1" name="Nguồn vốn" totalsRowLabel="Tổng cộng"/);
    expect(parts[1]).toMatch(/<tableColumn id="2" name="Triệu đồng" totalsRowFunction="none"/);
    expect(parts[1]).toMatch(/<tableColumn id="3" name="%" totalsRowLabel="100%"/);
    expect(parts[0]).toMatch(/totalsRowShown="0"|^(?![\s\S]*totalsRowCount)/);
  });

  it("writes exact values with a number format per column", async () => {
    expect([ws.getCell("A3").value, ws.getCell("B3").value, ws.getCell("C3").value]).toEqual(["Chỉ tiêu", "Hiện trạng", "Kế hoạch"]);
    expect(ws.getCell("C5").value).toBe(13.33);
    expect(ws.getCell("C5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("B9").numFmt).toBe("#,##0.0");
    expect(ws.getCell("C9").numFmt).toBe("0.0");
    expect(ws.getCell("A11").value).toBe("Tổng cộng");
    expect(ws.getCell("B11").value).toBe(4100);
    expect(ws.getCell("B11").numFmt).toBe("#,##0.0");
    expect(ws.getCell("C11").value).toBe("100%");
    const read = await readWorkbookBuffer(buf);
    expect(read.ok && read.value[0]!.values.slice(7)).toEqual([
      ["Nguồn vốn", "Triệu đồng", "%"],
      ["Vốn tín dụng", 300, 7.3],
      ["Khác", 3800, 92.7],
      ["Tổng cộng", 4100, "100%"],
    ]);
  });

  it("sets up an A4 landscape print", () => {
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    expect(ws.getColumn(2).width).toBe(30);
  });
});

describe("writeReportWorkbookBuffer of a server report: NTM_Status below its captions", async () => {
  const m = buildReportSheet(statusReport());
  const buf = await writeReportWorkbookBuffer(m);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Tổng hợp")!;

  it("writes the eighth table NTM_Status at A66:F71, without a totals row", () => {
    const part = zipEntryText(buf, "xl/tables/table8.xml") ?? "";
    expect(part).toMatch(/displayName="NTM_Status"/);
    expect(part).toMatch(/ref="A66:F71"/);
    expect(part).not.toMatch(/totalsRowCount="1"/);
    expect(zipEntryText(buf, "xl/tables/table9.xml")).toBeNull();
  });

  it("writes the two captions in A64 and A65 in their styles, the header and one row per unit", () => {
    expect(ws.getCell("A64").value).toBe("Tình trạng nộp và duyệt — Kế hoạch năm 2027, số liệu tại 05/04/2027 10:00");
    expect(ws.getCell("A64").font).toMatchObject({ bold: true, size: 12 });
    expect(ws.getCell("A65").value).toBe("Đã nộp 4/5 · Đúng hạn 3/5 · Đã duyệt 1/5, hạn nộp 31/03/2027");
    expect(ws.getCell("A65").font).toMatchObject({ italic: true, size: 10 });
    expect(ws.getCell("B64").value).toBeNull();
    expect(ws.getRow(64).height).toBe(16.5);
    const rows = [66, 67, 68, 69, 70, 71].map((r) => [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(r, c).value));
    expect(rows).toEqual([
      ["Mã đơn vị", "Tên đơn vị", "Tình trạng", "Bản số", "Nộp lúc", "Số ngày muộn"],
      ["06001", "Xã Thất Khê", "Đã nộp", 1, "20/03/2027 10:00", 0],
      ["06004", "Xã Đoàn Kết", "Nộp muộn", 2, "03/04/2027 08:00", 2],
      ["06007", "Xã Tân Tiến", "Trả lại", 1, "31/03/2027 23:59", 0],
      ["06010", "Xã Tràng Định", "Chưa nộp", null, null, null],
      ["06013", "Xã Cũ", "Đã duyệt", 3, "25/03/2027 15:00", 0],
    ]);
    expect(ws.getCell("A67").numFmt).toBe("@");
    expect(ws.getCell("F68").numFmt).toBe("#,##0");
    expect(ws.getCell("A72").value).toBeNull();
  });
});
