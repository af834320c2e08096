import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeWorkbookBuffer, writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { listFormula, stripEquals } from "../../../cli/xlsx/write-sheet-model.ts";
import { buildTemplate } from "../../../shared/template/build-template.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { zipEntryText } from "../zip-entry.ts";
import { YES_ARRAY_CONSTANT } from "../../../shared/template/labels.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";

const district = DEFAULT_REFERENCE.districts.find((d) => d.code === "183")!;

async function reopen(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

type Dv = { type: string; formulae: unknown[]; operator?: string; showErrorMessage?: boolean; error?: string; prompt?: string };
function dv(ws: ExcelJS.Worksheet, address: string): Dv | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, Dv> } }).dataValidations.model[address];
}
function sheetProtection(ws: ExcelJS.Worksheet): Record<string, unknown> | null {
  return (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
}

describe("writeWorkbookBuffer on the standard template", async () => {
  const buf = await writeWorkbookBuffer(buildTemplate({ district, year: 2018, criteria: DEFAULT_REFERENCE.criteria }));
  const wb = await reopen(buf);
  const info = wb.getWorksheet("Thông tin")!;
  const crit = wb.getWorksheet("Tiêu chí")!;
  const cap = wb.getWorksheet("Nguồn vốn")!;

  it("writes the sheets in order and recalculates on load", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Thông tin", "Tiêu chí", "Nguồn vốn"]);
    // exceljs does not read calcPr back: look at the part itself
    expect(zipEntryText(buf, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("writes values and merges", () => {
    expect(info.getCell("B3").value).toBe("183");
    expect(info.getCell("B5").value).toBe(2018);
    expect(crit.getCell("B4").value).toBe("Mã xã");
    expect(crit.getCell("H4").value).toBe("TC1 - Quy hoạch");
    expect(crit.getCell("H5").value).toBe("HT");
    expect(crit.getCell("I5").value).toBe("KH");
    const merges = (crit.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain("A4:A5");
    expect(merges).toContain("H4:I4");
    expect(merges).toContain("AT4:AU4");
    expect(crit.getCell("A5").isMerged).toBe(true);
    expect(crit.getCell("A5").master.address).toBe("A4");
  });

  it("writes formulas without the leading = and without a cached result", () => {
    const f = crit.getCell("AT6").value as ExcelJS.CellFormulaValue;
    expect(f.formula.startsWith(`ISNUMBER(MATCH(H6,${YES_ARRAY_CONSTANT},0))+ISNUMBER(MATCH(J6,`)).toBe(true);
    expect(f.result).toBeUndefined();
    expect((cap.getCell("C5").value as ExcelJS.CellFormulaValue).formula).toBe("C6+C7");
    expect((cap.getCell("C13").value as ExcelJS.CellFormulaValue).formula).toBe("C5+C8+C9+C10+C11+C12");
    expect((crit.getCell("H36").value as ExcelJS.CellFormulaValue).formula).toBe(
      `SUMPRODUCT(--ISNUMBER(MATCH(H6:H35,${YES_ARRAY_CONSTANT},0)))`,
    );
  });

  it("writes list validations with an error alert and a prompt, and non-negative decimals", () => {
    const list = dv(crit, "H6");
    expect(list).toMatchObject({ type: "list", formulae: ['"Đạt,Chưa đạt"'], showErrorMessage: true, prompt: "Đạt / Chưa đạt" });
    expect(dv(crit, "AS35")).toMatchObject({ type: "list", formulae: ['"Đạt,Chưa đạt"'] });
    expect(dv(crit, "D6")).toMatchObject({ type: "list", formulae: ['"x"'] });
    expect(dv(crit, "AT6")).toBeUndefined();
    expect(dv(crit, "B6")).toBeUndefined();
    expect(dv(cap, "C6")).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0], showErrorMessage: true });
    expect(dv(cap, "C5")).toBeUndefined();
  });

  it("freezes panes below the header and right of Tên xã", () => {
    expect(crit.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 5 });
    expect(cap.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 4 });
  });

  it("protects without a password, with the allowances, data cells unlocked", () => {
    const p = sheetProtection(crit)!;
    expect(p.sheet).toBe(true);
    expect(p.hashValue).toBeUndefined();
    expect(p).toMatchObject({ insertRows: true, insertColumns: true, deleteRows: true, formatCells: true, autoFilter: true });
    expect(p.sort).toBeUndefined();
    expect(crit.getCell("H6").protection).toMatchObject({ locked: false });
    expect(crit.getCell("B6").protection).toMatchObject({ locked: false });
    expect(crit.getCell("H4").protection?.locked).not.toBe(false);
    expect(crit.getCell("AT6").protection?.locked).not.toBe(false);
    expect(cap.getCell("C6").protection).toMatchObject({ locked: false });
    expect(cap.getCell("C5").protection?.locked).not.toBe(false);
  });

  it("writes number formats, styles and column widths", () => {
    expect(crit.getCell("B6").numFmt).toBe("@");
    expect(info.getCell("B3").numFmt).toBe("@");
    expect(cap.getCell("A6").numFmt).toBe("@");
    expect(cap.getCell("C6").numFmt).toBe("#,##0.###");
    expect(crit.getCell("H4").font?.bold).toBe(true);
    expect(crit.getCell("H4").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(crit.getCell("H4").border?.top?.style).toBe("thin");
    expect(crit.getCell("A1").font?.size).toBe(14);
    expect(crit.getCell("C36").font?.bold).toBe(true);
    expect((crit.getCell("H6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF9E5");
    expect((crit.getCell("AT6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFEDEDED");
    expect(crit.getColumn(3).width).toBe(20);
    expect(cap.getColumn(2).width).toBe(55);
  });

  it("sets up printing: A4, orientation, repeated header rows", () => {
    expect(crit.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "4:5" });
    expect(cap.pageSetup).toMatchObject({ orientation: "portrait", paperSize: 9, printTitlesRow: "4:4" });
  });
});

describe("writeWorkbookFile", () => {
  it("writes a file that reopens; values typed into the model keep their types", async () => {
    const model: SheetModel = {
      name: "S",
      cells: [["a", 1, true, null, { formula: "=B1*2" }]],
      merges: ["A2:C2"],
      columnWidths: [10],
      rowHeights: [{ row: 2, points: 31.5 }],
      styles: [
        { range: "A1:B1", style: "header" },
        { range: "B1", style: "total" },
      ],
      numberFormats: [],
      validations: [],
      decimalValidations: [],
      freeze: null,
      protection: null,
      print: null,
    };
    const file = path.join(await mkdtemp(path.join(tmpdir(), "ntm-write-")), "s.xlsx");
    await writeWorkbookFile([model], file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("B1").value, ws.getCell("C1").value, ws.getCell("D1").value]).toEqual(["a", 1, true, null]);
    expect((ws.getCell("E1").value as ExcelJS.CellFormulaValue).formula).toBe("B1*2");
    // later styles win per property, earlier ones stay for the rest
    expect(ws.getCell("B1").font?.bold).toBe(true);
    expect(ws.getCell("B1").fill).toMatchObject({ type: "pattern" });
    expect(ws.getCell("A1").fill).toMatchObject({ type: "pattern" });
    expect(ws.views ?? []).toEqual([]);
    expect(sheetProtection(ws)).toBeFalsy();
    // a row height is written even for a row holding only a merge
    expect([ws.getRow(1).height, ws.getRow(2).height]).toEqual([undefined, 31.5]);
  });
});

describe("helpers", () => {
  it("stripEquals, listFormula", () => {
    expect(stripEquals("=A1+1")).toBe("A1+1");
    expect(stripEquals("A1")).toBe("A1");
    expect(listFormula(["Đạt", "Chưa đạt"])).toBe('"Đạt,Chưa đạt"');
  });
});
