import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportSheetLike } from "../../../cli/xlsx/write-report-sheet.ts";
import { writeReportWorkbookBuffer } from "../../../cli/xlsx/write-report-sheet.ts";
import { readWorkbookBuffer } from "../../../cli/xlsx/read-workbook.ts";
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
