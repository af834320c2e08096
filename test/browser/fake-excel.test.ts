import { describe, expect, it } from "vitest";
import { FakeContext, REQUEST_LIMIT } from "./fake-excel/client.ts";
import type { LogEntry, Stats } from "./fake-excel/client.ts";
import { evaluateFormula } from "./fake-excel/formula.ts";
import { Workbook } from "./fake-excel/model.ts";
import { isSupported } from "./fake-excel/office.ts";

/** The fake host must behave like Excel where the adapter depends on it. */
function setup() {
  const wb = new Workbook();
  wb.addSheet("Sheet1");
  const stats: Stats = { runs: 0, syncs: 0, maxRequestBytes: 0 };
  const log: LogEntry[] = [];
  return { wb, ctx: new FakeContext(wb, stats, log), stats };
}

describe("fake Excel: proxies and sync", () => {
  it("a property is readable only after load + sync (PropertyNotLoaded)", async () => {
    const { ctx } = setup();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    r.values = [[1, "x"]];
    r.load("values");
    const e = (() => { try { return void r.address; } catch (x) { return x as { code: string }; } })();
    expect(e?.code).toBe("PropertyNotLoaded");
    await ctx.sync();
    expect(r.values).toEqual([[1, "x"]]);
  });

  it("operations run in order at sync; a failure rejects with its code", async () => {
    const { ctx, wb } = setup();
    ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
    ctx.workbook.worksheets.add("Later");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("a values array of the wrong shape is InvalidArgument", async () => {
    const { ctx } = setup();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("a request over 5 MB is refused like Excel on the web", async () => {
    const { ctx } = setup();
    const big = "x".repeat(REQUEST_LIMIT + 10);
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[big]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("getItemOrNullObject tells isNullObject after sync", async () => {
    const { ctx } = setup();
    const a = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
    const b = ctx.workbook.worksheets.getItemOrNullObject("Missing");
    expect(() => b.isNullObject).toThrow();
    await ctx.sync();
    expect([a.isNullObject, b.isNullObject]).toEqual([false, true]);
  });
});

describe("fake Excel: cells", () => {
  it("numeric text becomes a number unless the cell is formatted as text", async () => {
    const { ctx } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("B1").numberFormat = [["@"]];
    s.getRange("A1:B1").values = [["06148", "06148"]];
    const r = s.getRange("A1:B1").load("values");
    await ctx.sync();
    expect(r.values).toEqual([[6148, "06148"]]);
  });

  it("merged cells keep the top-left value and read as empty elsewhere", async () => {
    const { ctx } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:B1").values = [["a", "b"]];
    s.getRange("A1:B1").merge(false);
    const r = s.getRange("A1:B1").load("values");
    await ctx.sync();
    expect(r.values).toEqual([["a", ""]]);
  });

  it("the used range starts where the data starts", async () => {
    const { ctx } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("C3:D4").values = [[1, ""], ["", "z"]];
    const u = s.getUsedRange(true).load("address,rowCount,columnCount");
    await ctx.sync();
    expect([u.address, u.rowCount, u.columnCount]).toEqual(["Sheet1!C3:D4", 2, 2]);
  });

  it("formulas are evaluated when values are read; formulas reads them back", async () => {
    const { ctx } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:A4").formulas = [["Đạt"], ["chưa đạt"], ["=(A1=\"đạt\")+(A2=\"Đạt\")"], ["=COUNTIF(A1:A2,\"Đạt\")"]];
    const v = s.getRange("A3:A4").load("values,formulas");
    await ctx.sync();
    expect(v.values).toEqual([[1], [1]]);
    expect(v.formulas).toEqual([["=(A1=\"đạt\")+(A2=\"Đạt\")"], ["=COUNTIF(A1:A2,\"Đạt\")"]]);
  });

  it("table headers are made unique like Excel does", async () => {
    const { ctx, wb } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:C2").values = [["Tên", "Tên", ""], [1, 2, 3]];
    s.tables.add("A1:C2", true).name = "T";
    await ctx.sync();
    expect(wb.readValues(wb.sheet("Sheet1"), { r1: 1, c1: 1, r2: 1, c2: 3 })).toEqual([["Tên", "Tên2", "Column3"]]);
  });
});

describe("fake Excel: formulas and requirement sets", () => {
  const env = { cell: (r: number, c: number) => ({ "1,1": 273800.3, "2,1": 163300, "3,1": "" } as Record<string, number | string>)[`${r},${c}`] ?? "" };
  it("adds, compares and counts", () => {
    expect(evaluateFormula("=A1+A2+A3", env)).toBeCloseTo(437100.3, 6);
    expect(evaluateFormula("=A1&\"x\"", env)).toBe("273800.3x");
    expect(evaluateFormula("=COUNTIF(A1:A3,\">100000\")", env)).toBe(2);
    expect(evaluateFormula("=NOPE(A1)", env)).toEqual({ error: "#NAME?" });
    expect(evaluateFormula("=A1/0", env)).toEqual({ error: "#DIV/0!" });
  });

  it("isSetSupported answers up to the configured ExcelApi version", () => {
    expect(isSupported("1.8", "ExcelApi", "1.8")).toBe(true);
    expect(isSupported("1.8", "ExcelApi", "1.9")).toBe(false);
    expect(isSupported("1.13", "ExcelApi", "1.13")).toBe(true);
    expect(isSupported("1.13", "WordApi", "1.1")).toBe(false);
  });
});
