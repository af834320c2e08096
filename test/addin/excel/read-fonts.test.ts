import { describe, expect, it } from "vitest";
import { useFakeExcel } from "./helpers/install.ts";

const setup = useFakeExcel();

/** A unit's workbook with TCVN3 (`.VnTime`, `.VnTimeH` capitals), VNI and Unicode text, and a sheet the parser does not read. */
function legacyWorkbook(apiVersion = 13) {
  const { fake, wb } = setup(apiVersion, ["Thông tin", "Tiêu chí", "Ghi chú"]);
  fake.sheet("Thông tin").put("A1", [["Đơn vị", "HuyÖn Cao Léc"]]);
  fake.sheet("Thông tin").setFont("B1", ".VnTime");
  fake.sheet("Tiêu chí").put("A1", [
    ["Mã xã", "Tên xã", "Đạt"],
    ["06001", "X· §oµn KÕt", 1],
    ["06002", "x· ®oµn kÕt", 0],
    ["06003", "Xaõ Ñoaøn Keát", 1],
    ["06004", "Xã Thất Khê", 1],
  ]);
  fake.sheet("Tiêu chí").setFont("B2", ".VnTime").setFont("B3", ".VnTimeH").setFont("B4", "VNI-Times");
  fake.sheet("Ghi chú").put("A1", [["x· ®oµn kÕt"]]);
  return { fake, wb };
}

describe("readTextCells (Chuyển mã, step 1)", () => {
  it("reads the template sheets' text cells with their font names in one Excel.run of 3 syncs (ExcelApi 1.9+)", async () => {
    const { fake, wb } = legacyWorkbook(13);
    const runs = fake.runs;
    const syncs = fake.syncs;
    const { cells, fonts, report } = await wb.readTextCells();
    expect(fake.runs - runs).toBe(1);
    expect(fake.syncs - syncs).toBe(3);
    expect(report).toEqual({ syncs: 3, skipped: [] });
    expect(fonts).toBe(true);
    expect(cells).toEqual([
      { sheet: "Thông tin", cell: "A1", value: "Đơn vị", font: "Calibri" },
      { sheet: "Thông tin", cell: "B1", value: "HuyÖn Cao Léc", font: ".VnTime" },
      // Rows above the first legacy text need no font (null); `Ghi chú` is not a template sheet.
      { sheet: "Tiêu chí", cell: "A1", value: "Mã xã", font: null },
      { sheet: "Tiêu chí", cell: "B1", value: "Tên xã", font: null },
      { sheet: "Tiêu chí", cell: "C1", value: "Đạt", font: null },
      { sheet: "Tiêu chí", cell: "A2", value: "06001", font: "Calibri" },
      { sheet: "Tiêu chí", cell: "B2", value: "X· §oµn KÕt", font: ".VnTime" },
      { sheet: "Tiêu chí", cell: "A3", value: "06002", font: "Calibri" },
      { sheet: "Tiêu chí", cell: "B3", value: "x· ®oµn kÕt", font: ".VnTimeH" },
      { sheet: "Tiêu chí", cell: "A4", value: "06003", font: "Calibri" },
      { sheet: "Tiêu chí", cell: "B4", value: "Xaõ Ñoaøn Keát", font: "VNI-Times" },
      { sheet: "Tiêu chí", cell: "A5", value: "06004", font: null },
      { sheet: "Tiêu chí", cell: "B5", value: "Xã Thất Khê", font: null },
    ]);
  });

  it("asks no font when no text looks legacy (2 syncs)", async () => {
    const { fake, wb } = setup(13, ["Tiêu chí"]);
    fake.sheet("Tiêu chí").put("A1", [["Xã Thất Khê", "Đạt"]]);
    const { cells, fonts, report } = await wb.readTextCells();
    expect(report.syncs).toBe(2);
    expect(fonts).toBe(true);
    expect(cells).toEqual([
      { sheet: "Tiêu chí", cell: "A1", value: "Xã Thất Khê", font: null },
      { sheet: "Tiêu chí", cell: "B1", value: "Đạt", font: null },
    ]);
  });

  it("below ExcelApi 1.9 reads values only: fonts null, `fonts: false`, the skip noted (2 syncs)", async () => {
    const { fake, wb } = legacyWorkbook(8);
    const syncs = fake.syncs;
    const { cells, fonts, report } = await wb.readTextCells();
    expect(fake.syncs - syncs).toBe(2);
    expect(report).toEqual({ syncs: 2, skipped: ["cellProperties (ExcelApi 1.9)"] });
    expect(fonts).toBe(false);
    expect(cells.find((c) => c.cell === "B3" && c.sheet === "Tiêu chí")).toEqual({
      sheet: "Tiêu chí",
      cell: "B3",
      value: "x· ®oµn kÕt",
      font: null,
    });
    expect(cells.every((c) => c.font === null)).toBe(true);
  });

  it("splits the font reads of a large sheet under the request limit, still one Excel.run", async () => {
    const { fake } = setup(13, ["Tiêu chí"]);
    const rows = Array.from({ length: 400 }, (_, i) => [`X· §oµn KÕt ${i + 1}`, "Đạt"]);
    fake.sheet("Tiêu chí").put("A1", rows);
    const { ExcelWorkbook } = await import("../../../addin/excel/excel-workbook.ts");
    const small = new ExcelWorkbook({ sleep: async () => {}, maxRequestBytes: 20_000 });
    const runs = fake.runs;
    const { cells, report } = await small.readTextCells();
    expect(fake.runs - runs).toBe(1);
    // 1 names, 2 value chunks (400 × 2 × 48 B), 3 font chunks (400 × 2 × 64 B) under 20 kB each.
    expect(report.syncs).toBe(6);
    expect(cells).toHaveLength(800);
    expect(cells[798]).toEqual({ sheet: "Tiêu chí", cell: "A400", value: "X· §oµn KÕt 400", font: "Calibri" });
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(20_000);
  });
});
