import { describe, expect, it } from "vitest";
import { FakeExcel } from "./host.ts";
import { evaluateFormula } from "./formula.ts";
import { isSupported } from "./office.ts";

/** The fake host must behave like Excel where the adapter depends on it. */
function setup(apiVersion = 13) {
  const fake = new FakeExcel({ apiVersion });
  return { fake, run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => fake.Excel.run(f as never) as Promise<T> };
}

const code = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? "no code";
  }
};

describe("fake Excel: proxies and sync", () => {
  it("a property is readable only after load + sync (PropertyNotLoaded before, also between load and sync)", async () => {
    const { fake, run } = setup();
    fake.sheet("Sheet1").put("B2", [
      ["a", 1],
      ["", true],
    ]);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C3");
      expect(code(() => r.values)).toBe("PropertyNotLoaded");
      r.load("values,address");
      expect(code(() => r.values)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([
        ["a", 1],
        ["", true],
      ]);
      expect(r.address).toBe("Sheet1!B2:C3");
    });
    expect(fake.syncs).toBe(1);
  });

  it("writes are queued and applied at sync, in order; a load after a write sees it", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, "x"]];
      expect(fake.sheet("Sheet1").value("A1")).toBe("");
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[1, "x"]]);
    });
  });

  it("a load before a write in the same batch sees the old state", async () => {
    const { fake, run } = setup();
    fake.sheet("Sheet1").setFill("A1", "#FFFF00");
    const seen = await run(async (ctx) => {
      const fill = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill;
      fill.load("color");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "#FFC7CE";
      await ctx.sync();
      return fill.color;
    });
    expect(seen).toBe("#FFFF00");
    expect(fake.sheet("Sheet1").fill("A1")).toBe("#FFC7CE");
  });

  it("operations run in order at sync; a failure rejects with its code and drops the rest", async () => {
    const { fake, run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
        ctx.workbook.worksheets.add("Later");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  it("Excel.run syncs what the batch left queued", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.add("Mới");
    });
    expect(fake.sheetNames()).toEqual(["Sheet1", "Mới"]);
    expect([fake.runs, fake.syncs]).toEqual([1, 1]);
  });

  it("a values array of the wrong shape is InvalidArgument", async () => {
    const { run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("a request over 5 MB is refused like Excel on the web; one under passes and is counted", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(4_000_000)]];
      await ctx.sync();
    });
    expect(fake.payloads[0]).toBeGreaterThan(4_000_000);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["ă".repeat(2_500_001)]]; // 2 bytes each in UTF-8
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("a response over the limit is refused too", async () => {
    const { fake, run } = setup();
    fake.payloadLimit = 1_000;
    fake.sheet("Sheet1").put("A1", [["y".repeat(2_000)]]);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("getItemOrNullObject and getUsedRangeOrNullObject tell isNullObject after sync", async () => {
    const { fake, run } = setup();
    fake.addSheet("Trống");
    fake.sheet("Sheet1").put("C3", [["x"]]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const a = ws.getItemOrNullObject("Sheet1");
      const b = ws.getItemOrNullObject("Missing");
      const ua = a.getUsedRangeOrNullObject(true).load("address");
      const ub = b.getUsedRangeOrNullObject(true).load("address");
      const ue = ws.getItemOrNullObject("Trống").getUsedRangeOrNullObject(true).load("address");
      expect(code(() => b.isNullObject)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect([a.isNullObject, b.isNullObject, ua.isNullObject, ub.isNullObject, ue.isNullObject]).toEqual([false, true, false, true, true]);
      expect(ua.address).toBe("Sheet1!C3");
    });
    expect(fake.syncs).toBe(1);
  });

  it("APIs beyond the emulated ExcelApi version fail the sync with ApiNotFound", async () => {
    const { run } = setup(3);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(1);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").merge(false); // 1.2
      await ctx.sync();
    });
  });

  it("counts a failure asked for on the first sync of the next run", async () => {
    const { fake, run } = setup();
    fake.failRuns.push("InvalidOperationInCellEditMode");
    await expect(
      run(async (ctx) => {
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await run(async (ctx) => {
      await ctx.sync();
    });
    expect(fake.runs).toBe(2);
  });
});

describe("fake Excel: cells", () => {
  it("numeric text becomes a number unless the cell is formatted as text", async () => {
    const { run } = setup();
    const v = await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B1").numberFormat = [["@"]];
      s.getRange("A1:B1").values = [["06148", "06148"]];
      const r = s.getRange("A1:B1").load("values");
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([[6148, "06148"]]);
  });

  it("Range.values is exactly the range's size, merged cells keep the top-left value and read as empty elsewhere", async () => {
    const { run } = setup();
    const v = await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B1").values = [["a", "b"]];
      s.getRange("A1:B1").merge(false);
      const r = s.getRange("A1:C2").load("values");
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([
      ["a", "", ""],
      ["", "", ""],
    ]);
  });

  it("the used range starts where the data starts; an empty sheet's is A1", async () => {
    const { fake, run } = setup();
    fake.addSheet("Trống");
    const got = await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("C3:D4").values = [
        [1, ""],
        ["", "z"],
      ];
      const u = s.getUsedRange(true).load("address,rowCount,columnCount");
      const e = ctx.workbook.worksheets.getItem("Trống").getUsedRange().load("address");
      await ctx.sync();
      return [u.address, u.rowCount, u.columnCount, e.address];
    });
    expect(got).toEqual(["Sheet1!C3:D4", 2, 2, "'Trống'!A1"]);
  });

  it("formulas are evaluated when values are read; formulas reads them back", async () => {
    const { run } = setup();
    const v = await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A4").formulas = [["Đạt"], ["chưa đạt"], ['=(A1="đạt")+(A2="Đạt")'], ['=COUNTIF(A1:A2,"Đạt")']];
      const r = s.getRange("A3:A4").load("values,formulas");
      await ctx.sync();
      return [r.values, r.formulas];
    });
    expect(v).toEqual([
      [[1], [1]],
      [['=(A1="đạt")+(A2="Đạt")'], ['=COUNTIF(A1:A2,"Đạt")']],
    ]);
  });

  it("table headers are made unique like Excel does", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:C2").values = [
        ["Tên", "Tên", ""],
        [1, 2, 3],
      ];
      s.tables.add("A1:C2", true).name = "T";
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").values("A1:C1")).toEqual([["Tên", "Tên2", "Column3"]]);
    expect(fake.tables).toEqual([{ name: "T", sheet: "Sheet1", address: "A1:C2", showTotals: false }]);
  });

  it("records formats per range: font, borders, alignment, fill, widths", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.format.font.bold = true;
      r.format.font.color = "#1b5e20";
      r.format.borders.getItem("EdgeTop").style = "Continuous";
      r.format.fill.color = "#c6e0b4";
      r.format.horizontalAlignment = "Center";
      r.format.columnWidth = 30;
    });
    const s = fake.sheet("Sheet1");
    expect(s.formatAt("B2")).toEqual({
      "font/bold": true,
      "font/color": "#1B5E20",
      "borders/EdgeTop/style": "Continuous",
      horizontalAlignment: "Center",
    });
    expect(s.formatAt("C3")).toEqual({});
    expect([s.fill("A1"), s.fill("C3")]).toEqual(["#C6E0B4", null]);
    expect([...s.columnWidths]).toEqual([
      ["A", 30],
      ["B", 30],
    ]);
  });
});

describe("fake Excel: row heights (Range.format.rowHeight, points, per row)", () => {
  it("sets every row of the range; reads one height, or null when the rows differ", async () => {
    const { fake, run } = setup();
    const read = await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("2:3").format.rowHeight = 45;
      s.getRange("B5:C5").format.rowHeight = 30;
      const ranges = ["2:3", "2:2", "1:1", "1:2", "A5", "4:5"].map((a) => s.getRange(a).format.load("rowHeight"));
      await ctx.sync();
      return ranges.map((f) => f.rowHeight);
    });
    expect(read).toEqual([45, 45, 15, null, 30, null]);
    expect([...fake.sheet("Sheet1").rowHeights]).toEqual([
      [2, 45],
      [3, 45],
      [5, 30],
    ]);
  });

  it("refuses a height over Excel's 409 pt and needs ExcelApi 1.2", async () => {
    const { run } = setup();
    const tooTall = run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("1:1").format.rowHeight = 410;
      await ctx.sync();
    });
    await expect(tooTall).rejects.toMatchObject({ code: "InvalidArgument" });
    const old = setup(1);
    const onOld = old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("1:1").format.rowHeight = 30;
      await ctx.sync();
    });
    await expect(onOld).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(old.fake.sheet("Sheet1").rowHeights.size).toBe(0);
  });
});

describe("fake Excel: formulas and requirement sets", () => {
  const env = {
    cell: (r: number, c: number) => (({ "1,1": 273800.3, "2,1": 163300, "3,1": "" }) as Record<string, number | string>)[`${r},${c}`] ?? "",
  };
  it("adds, compares and counts", () => {
    expect(evaluateFormula("=A1+A2+A3", env)).toBeCloseTo(437100.3, 6);
    expect(evaluateFormula('=A1&"x"', env)).toBe("273800.3x");
    expect(evaluateFormula('=COUNTIF(A1:A3,">100000")', env)).toBe(2);
    expect(evaluateFormula("=NOPE(A1)", env)).toEqual({ error: "#NAME?" });
    expect(evaluateFormula("=A1/0", env)).toEqual({ error: "#DIV/0!" });
  });

  it("isSetSupported answers up to the emulated ExcelApi version", () => {
    expect(isSupported(8, "ExcelApi", "1.8")).toBe(true);
    expect(isSupported(8, "ExcelApi", "1.9")).toBe(false);
    expect(isSupported(13, "ExcelApi", "1.13")).toBe(true);
    expect(isSupported(13, "WordApi", "1.1")).toBe(false);
    const fake = new FakeExcel({ apiVersion: 4 });
    expect([
      fake.Office.context.requirements.isSetSupported("ExcelApi", "1.4"),
      fake.Office.context.requirements.isSetSupported("ExcelApi", "1.5"),
    ]).toEqual([true, false]);
  });
});

describe("fake Excel: Range.getCellProperties (ExcelApi 1.9, font names)", () => {
  it("returns a 2-D array of { format: { font: { name } } } per cell, readable only after sync", async () => {
    const { fake, run } = setup(13);
    fake.sheet("Sheet1").put("A1", [["X· §oµn KÕt", "x· ®oµn kÕt"]]);
    fake.sheet("Sheet1").setFont("A1", ".VnTime").setFont("B1:B2", ".VnTimeH");
    const value = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.format.font.name = "Arial";
      r.getCell(0, 0).format.font.name = ".VnTime";
      const props = r.getCellProperties({ format: { font: { name: true } } });
      expect(code(() => props.value)).toBe("PropertyNotLoaded");
      await ctx.sync();
      return props.value;
    });
    // The font set last on a range holding the cell wins; Calibri where none was set.
    expect(value).toEqual([
      [{ format: { font: { name: ".VnTime" } } }, { format: { font: { name: "Arial" } } }],
      [{ format: { font: { name: "Arial" } } }, { format: { font: { name: "Arial" } } }],
    ]);
    expect(fake.sheet("Sheet1").fontName("C3")).toBe("Calibri");
  });

  it("fails the sync with ApiNotFound below ExcelApi 1.9", async () => {
    const { run } = setup(8);
    const failure = await run(async (ctx) => {
      ctx.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1")
        .getCellProperties({ format: { font: { name: true } } });
      return ctx.sync().then(
        () => null,
        (e: { code?: string }) => e.code,
      );
    });
    expect(failure).toBe("ApiNotFound");
  });
});
