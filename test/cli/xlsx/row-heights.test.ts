import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { FONT_NAME, xlsxStyle } from "../../../cli/xlsx/write-sheet-model.ts";
import type { ReportSheetLike } from "../../../cli/xlsx/write-report-sheet.ts";
import { writeReportWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { buildTemplate } from "../../../shared/template/build-template.ts";
import { fitRowHeights, reportRowHeights } from "../../../shared/template/row-height.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { zipEntryText } from "../zip-entry.ts";

async function reopen(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Heights of rows 1..n as read back (undefined: the default height). */
function heights(ws: ExcelJS.Worksheet, n: number): (number | undefined)[] {
  return Array.from({ length: n }, (_, i) => ws.getRow(i + 1).height);
}

/** A criteria header: the label merged over two columns of 6 above `HT`/`KH`. */
function headerModel(label: string): SheetModel {
  const m: SheetModel = {
    name: "S",
    cells: [
      [label, null],
      ["HT", "KH"],
      [null, null],
    ],
    merges: ["A1:B1"],
    columnWidths: [6, 6],
    rowHeights: [],
    styles: [{ range: "A1:B2", style: "header" }],
    numberFormats: [],
    validations: [],
    decimalValidations: [],
    freeze: null,
    protection: null,
    print: null,
  };
  m.rowHeights = fitRowHeights(m, [1, 2]);
  return m;
}

describe("row heights in the written template (.xlsx read back with exceljs)", async () => {
  const sheets = buildTemplate({ district: { code: "178", name: "Thành phố Lạng Sơn" }, year: 2018, criteria: DEFAULT_REFERENCE.criteria });
  const buf = await writeWorkbookBuffer(sheets);
  const wb = await reopen(buf);

  it("Tiêu chí: title rows by font, the criterion header row 5 lines (75 pt), HT/KH one line, data rows default", () => {
    const ws = wb.getWorksheet("Tiêu chí")!;
    expect(heights(ws, 7)).toEqual([18.75, 16.5, 15, 75, 15, undefined, undefined]);
  });

  it("Nguồn vốn: the amount header on 2 lines; Thông tin: the title", () => {
    expect(heights(wb.getWorksheet("Nguồn vốn")!, 5)).toEqual([18.75, 16.5, undefined, 30, undefined]);
    expect(heights(wb.getWorksheet("Thông tin")!, 3)).toEqual([18.75, undefined, undefined]);
  });

  it("the heights are custom heights in the sheet XML, so no reader recomputes them", () => {
    const xml = zipEntryText(buf, "xl/worksheets/sheet2.xml")!;
    expect(xml).toMatch(/<row r="4"[^>]* ht="75"[^>]* customHeight="1"/);
    expect(xml).toMatch(/<row r="5"[^>]* ht="15"[^>]* customHeight="1"/);
    expect(xml).not.toMatch(/<row r="6"[^>]* ht=/);
  });

  it("every styled cell names the body font (else LibreOffice draws a serif)", () => {
    const ws = wb.getWorksheet("Tiêu chí")!;
    expect(FONT_NAME).toBe("Calibri");
    expect(ws.getCell("H4").font?.name).toBe("Calibri");
    expect(ws.getCell("B6").font?.name).toBe("Calibri");
    expect(xlsxStyle("title").font).toMatchObject({ name: "Calibri", size: 14, bold: true });
  });
});

describe("a header label's lines decide the written height", () => {
  it("a label that needs 3 lines gets 3 lines of height (45 pt)", async () => {
    const ws = (await reopen(await writeWorkbookBuffer([headerModel("TC6 - Cơ sở vật chất văn hóa")]))).getWorksheet("S")!;
    expect(heights(ws, 3)).toEqual([45, 15, undefined]);
  });

  it("a label of 2 lines gets 30 pt, of 1 line the default 15", async () => {
    const two = (await reopen(await writeWorkbookBuffer([headerModel("TC1 - Quy hoạch")]))).getWorksheet("S")!;
    expect(heights(two, 2)).toEqual([30, 15]);
    const one = (await reopen(await writeWorkbookBuffer([headerModel("TC4 - Điện")]))).getWorksheet("S")!;
    expect(heights(one, 2)).toEqual([15, 15]);
  });

  it("a model without heights writes none", async () => {
    const m = { ...headerModel("TC6 - Cơ sở vật chất văn hóa"), rowHeights: [] };
    const ws = (await reopen(await writeWorkbookBuffer([m]))).getWorksheet("S")!;
    expect(heights(ws, 2)).toEqual([undefined, undefined]);
  });
});

describe("row heights in the written `Tổng hợp` sheet", () => {
  const tables: ReportSheetLike["tables"] = [
    {
      name: "NTM_Overview",
      topRow: 3,
      leftColumn: 1,
      headers: ["Tổng số xã", "Xã đạt chuẩn NTM đầu năm (HT)", "Tăng thêm"],
      rows: [[207, 30, 18]],
      numberFormats: ["#,##0", "#,##0", "#,##0"],
    },
    {
      name: "NTM_Capital",
      topRow: 7,
      leftColumn: 1,
      headers: ["STT", "Nguồn vốn"],
      rows: [["1", "Vốn tín dụng"]],
      numberFormats: ["@", null],
      totalsRow: ["Tổng cộng", null],
    },
  ];
  const model: ReportSheetLike = {
    name: "Tổng hợp",
    title: "TỔNG HỢP KẾ HOẠCH XÂY DỰNG NÔNG THÔN MỚI NĂM 2018",
    titleCell: "A1",
    columnWidths: [14, 16, 14],
    tables,
    rowHeights: reportRowHeights({ titleCell: "A1", tables, columnWidths: [14, 16, 14] }),
  };

  it("title 18.75 pt, a header of 3 lines 45 pt, a header of one line 15 pt; header cells wrap", async () => {
    const ws = (await reopen(await writeReportWorkbookBuffer(model))).getWorksheet("Tổng hợp")!;
    expect(heights(ws, 8)).toEqual([18.75, undefined, 45, undefined, undefined, undefined, 15, undefined]);
    expect(ws.getCell("B3").alignment).toMatchObject({ wrapText: true });
    // the bold totals row names the body font too
    expect(ws.getCell("A9").value).toBe("Tổng cộng");
    expect(ws.getCell("A9").font).toMatchObject({ name: "Calibri", bold: true });
  });

  it("a report model without heights (an older shape) writes the default", async () => {
    const { rowHeights: _, ...old } = model;
    const ws = (await reopen(await writeReportWorkbookBuffer(old))).getWorksheet("Tổng hợp")!;
    expect(heights(ws, 3)).toEqual([undefined, undefined, undefined]);
  });
});
