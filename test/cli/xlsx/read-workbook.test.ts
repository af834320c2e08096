import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dateToSerial, plainValue, readWorkbookBuffer, readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { writeWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { buildTemplate } from "../../../shared/template/build-template.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function readOk(buf: Uint8Array) {
  const r = await readWorkbookBuffer(buf);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("readWorkbookBuffer", () => {
  it('gives the used range\'s top-left address and a dense grid with empty cells as ""', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tiêu chí");
    ws.getCell("B3").value = "Mã xã";
    ws.getCell("D4").value = 7;
    ws.getCell("C5").value = true;
    ws.getCell("A10").style = { font: { bold: true } }; // formatting only: not part of the values
    const [s] = await readOk(await bufferOf(wb));
    expect(s).toEqual({
      name: "Tiêu chí",
      address: "B3:D5",
      values: [
        ["Mã xã", "", ""],
        ["", "", 7],
        ["", true, ""],
      ],
    });
  });

  it('gives "" in merged non-anchor cells and the value in the anchor', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "TC1 - Quy hoạch";
    ws.mergeCells("A1:B2");
    ws.getCell("C2").value = "x";
    const [s] = await readOk(await bufferOf(wb));
    expect(s!.address).toBe("A1:C2");
    expect(s!.values).toEqual([
      ["TC1 - Quy hoạch", "", ""],
      ["", "", "x"],
    ]);
  });

  it('gives formulas as their cached result ("" without one), shared formulas too, and error values as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("F");
    ws.getCell("A1").value = 2;
    ws.getCell("B1").value = { formula: "A1*2", result: 4 } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = { formula: 'A1&"x"' } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("E1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("A2").value = { formula: "A1+1", result: 3, shareType: "shared", ref: "A2:A4" } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("A3").value = { sharedFormula: "A2", result: 4 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("A4").value = { sharedFormula: "A2", result: 5 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("B2").value = { formula: "A1>1", result: true } as ExcelJS.CellFormulaValue;
    const [s] = await readOk(await bufferOf(wb));
    expect(s!.address).toBe("A1:E4");
    expect(s!.values).toEqual([
      [2, 4, "", "#DIV/0!", "#N/A"],
      [3, true, "", "", ""],
      [4, "", "", "", ""],
      [5, "", "", "", ""],
    ]);
  });

  it("gives dates as 1900-system serial numbers, rich text and hyperlinks as plain text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Thông tin");
    ws.getCell("A1").value = "Ngày lập";
    ws.getCell("B1").value = new Date(Date.UTC(2018, 0, 15));
    ws.getCell("B1").numFmt = "dd/mm/yyyy";
    ws.getCell("A2").value = { richText: [{ text: "Người ", font: { bold: true } }, { text: "lập" }] };
    ws.getCell("B2").value = { text: "Nguyễn Văn A", hyperlink: "mailto:a@example.com" };
    ws.getCell("A3").value = new Date(Date.UTC(2018, 0, 15, 12, 0, 0));
    const [s] = await readOk(await bufferOf(wb));
    expect(s!.values).toEqual([
      ["Ngày lập", 43115],
      ["Người lập", "Nguyễn Văn A"],
      [43115.5, ""],
    ]);
  });

  it("keeps text that looks like a number as text and numbers as numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "06148";
    ws.getCell("B1").value = 6148;
    ws.getCell("C1").value = 273800.5;
    ws.getCell("D1").value = false;
    const [s] = await readOk(await bufferOf(wb));
    expect(s!.values).toEqual([["06148", 6148, 273800.5, false]]);
  });

  it('gives an empty sheet as A1 with [[""]] and keeps sheet order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Một");
    wb.addWorksheet("Hai").getCell("C7").value = "z";
    const sheets = await readOk(await bufferOf(wb));
    expect(sheets).toEqual([
      { name: "Một", address: "A1", values: [[""]] },
      { name: "Hai", address: "C7", values: [["z"]] },
    ]);
  });

  it("reads the generated template with the header at row 4 and merged header cells empty", async () => {
    const d = DEFAULT_REFERENCE.districts.find((x) => x.code === "183")!;
    const buf = await writeWorkbookBuffer(buildTemplate({ district: d, year: 2018, criteria: DEFAULT_REFERENCE.criteria, rows: 3 }));
    const sheets = await readOk(buf);
    expect(sheets.map((s) => s.name)).toEqual(["Thông tin", "Tiêu chí", "Nguồn vốn"]);
    const info = sheets[0]!;
    expect(info.values[2]).toEqual(["Mã huyện", "183"]);
    expect(info.values[4]).toEqual(["Năm kế hoạch", 2018]);
    const crit = sheets[1]!;
    expect(crit.address).toBe("A1:AU9");
    expect(crit.values[3]!.slice(0, 4)).toEqual(["STT", "Mã xã", "Tên xã", "Xã biên giới"]);
    expect(crit.values[4]!.slice(0, 3)).toEqual(["", "", ""]); // merged over two header rows
    expect(crit.values[3]!.slice(7, 10)).toEqual(["TC1 - Quy hoạch", "", "TC2 - Giao thông"]);
    expect(crit.values[4]!.slice(7, 9)).toEqual(["HT", "KH"]);
    // formulas written without a cached result read as "" (Excel computes them on open)
    expect(crit.values[5]!.slice(0, 3)).toEqual([1, "", ""]);
    expect(crit.values[5]![45]).toBe("");
    expect(crit.values[8]![2]).toBe("Tổng cộng");
  });
});

describe("unreadable files", () => {
  it("answers a text file with workbook.not_xlsx, in Vietnamese and English", async () => {
    const r = await readWorkbookBuffer(Buffer.from("Mã xã,Tên xã\n06148,Xã A\n"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "workbook.not_xlsx", severity: "error", sheet: null, cell: null });
    expect(r.issues[0]!.message).toContain(".xlsx");
    expect(r.issues[0]!.messageEn).toContain("not an Excel workbook");
  });

  it("answers an old .xls (OLE) file with workbook.legacy_format", async () => {
    const r = await readWorkbookBuffer(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(r.ok ? null : r.issues.map((i) => i.code)).toEqual(["workbook.legacy_format"]);
  });

  it("answers a damaged zip with workbook.unreadable", async () => {
    const r = await readWorkbookBuffer(Buffer.from("PK\u0003\u0004 this is not really a zip"));
    expect(r.ok ? null : r.issues.map((i) => i.code)).toEqual(["workbook.unreadable"]);
  });

  it("answers a missing file with workbook.not_found, and reads a real file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ntm-read-"));
    const missing = await readWorkbookFile(path.join(dir, "nope.xlsx"));
    expect(missing.ok ? null : missing.issues.map((i) => i.code)).toEqual(["workbook.not_found"]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("B2").value = 1;
    const file = path.join(dir, "ok.xlsx");
    await writeFile(file, await bufferOf(wb));
    const ok = await readWorkbookFile(file);
    expect(ok).toEqual({ ok: true, value: [{ name: "S", address: "B2", values: [[1]] }], warnings: [] });
  });
});

describe("plainValue", () => {
  it("converts each exceljs value kind like Excel's Range.values", () => {
    expect(plainValue(null)).toBe("");
    expect(plainValue(undefined)).toBe("");
    expect(plainValue({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(plainValue({ text: { richText: [{ text: "li" }, { text: "nk" }] }, hyperlink: "http://x" })).toBe("link");
    expect(plainValue({ formula: "NOW()", result: new Date(Date.UTC(1900, 0, 1)) })).toBe(2);
    expect(plainValue({ error: "#REF!" })).toBe("#REF!");
    expect(plainValue(Number.NaN)).toBe("");
  });

  it("maps dates in the 1904 system too", () => {
    expect(dateToSerial(new Date(Date.UTC(2018, 0, 15)))).toBe(43115);
    expect(dateToSerial(new Date(Date.UTC(2018, 0, 15)), true)).toBe(43115 - 1462);
  });
});
