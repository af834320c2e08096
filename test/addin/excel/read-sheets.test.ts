import { describe, expect, it } from "vitest";
import { READ_BYTES_PER_CELL } from "../../../addin/excel/chunks.ts";
import type { Scalar } from "../../fakes/excel/host.ts";
import { useFakeExcel } from "./helpers/install.ts";

const setup = useFakeExcel();

/** A small `Thiết lập` workbook: `Năm`, `Đơn vị`, `Xã` (the reader's input, typed as a user would). */
function setupWorkbook(apiVersion = 13) {
  const { fake, wb } = setup(apiVersion, ["Năm", "Đơn vị", "Xã"]);
  fake.sheet("Năm").put("A1", [
    ["Năm kế hoạch", 2027],
    ["Bộ tiêu chí", "2026-2030"],
    ["Cấp đơn vị báo cáo", "Xã"],
  ]);
  fake.sheet("Đơn vị").put("A1", [
    ["Mã đơn vị", "Tên đơn vị"],
    ["06001", "Xã Thất Khê"],
    ["06002", "Xã Đoàn Kết"],
  ]);
  fake.sheet("Xã").put("B2", [
    ["Mã xã", "Tên xã", "Mã đơn vị", "Nhóm xã", "Xã biên giới"],
    ["06001", "Xã Thất Khê", "06001", 3, true],
    ["06002", "Xã Đoàn Kết", "06002", 2, false],
  ]);
  return { fake, wb };
}

describe("readSheets (the Thiết lập workbook)", () => {
  it("reads every sheet in order as Range.values of its used range, in 3 syncs of one Excel.run", async () => {
    const { fake, wb } = setupWorkbook();
    const runs = fake.runs;
    const syncs = fake.syncs;
    const { sheets, report } = await wb.readSheets();
    expect(report).toEqual({ syncs: 3, skipped: [] });
    expect(fake.runs - runs).toBe(1);
    expect(fake.syncs - syncs).toBe(3);
    expect(sheets).toEqual([
      {
        name: "Năm",
        address: "'Năm'!A1:B3",
        values: [
          ["Năm kế hoạch", 2027],
          ["Bộ tiêu chí", "2026-2030"],
          ["Cấp đơn vị báo cáo", "Xã"],
        ],
      },
      {
        name: "Đơn vị",
        address: "'Đơn vị'!A1:B3",
        values: [
          ["Mã đơn vị", "Tên đơn vị"],
          ["06001", "Xã Thất Khê"],
          ["06002", "Xã Đoàn Kết"],
        ],
      },
      {
        // The used range starts at B2: the address keeps its top-left cell, empty cells are "".
        name: "Xã",
        address: "'Xã'!B2:F4",
        values: [
          ["Mã xã", "Tên xã", "Mã đơn vị", "Nhóm xã", "Xã biên giới"],
          ["06001", "Xã Thất Khê", "06001", 3, true],
          ["06002", "Xã Đoàn Kết", "06002", 2, false],
        ],
      },
    ]);
  });

  it('keeps blank cells inside the used range as "" and reads an empty sheet as A1 holding ""', async () => {
    const { fake, wb } = setup(13, ["Năm", "Ghi chú"]);
    fake
      .sheet("Năm")
      .put("A2", [["Năm kế hoạch"]])
      .put("C4", [[2027]]);
    const { sheets, report } = await wb.readSheets();
    expect(report.syncs).toBe(3);
    expect(sheets).toEqual([
      {
        name: "Năm",
        address: "'Năm'!A2:C4",
        values: [
          ["Năm kế hoạch", "", ""],
          ["", "", ""],
          ["", "", 2027],
        ],
      },
      { name: "Ghi chú", address: "'Ghi chú'!A1", values: [[""]] },
    ]);
  });

  it("follows the sheet positions, not the order the sheets were added", async () => {
    const { fake, wb } = setupWorkbook();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Xã").position = 0;
    });
    const { sheets } = await wb.readSheets();
    expect(sheets.map((s) => s.name)).toEqual(["Xã", "Năm", "Đơn vị"]);
  });

  it("takes the same 3 syncs for 1 sheet and for 40 sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 40]) {
      const names = Array.from({ length: n }, (_, i) => `Trang ${i + 1}`);
      const { fake, wb } = setup(13, names);
      for (const [i, name] of names.entries()) fake.sheet(name).put("A1", [["Số", i + 1]]);
      const before = fake.syncs;
      const { sheets, report } = await wb.readSheets();
      expect(sheets).toHaveLength(n);
      expect(sheets[n - 1]).toEqual({ name: `Trang ${n}`, address: `'Trang ${n}'!A1:B1`, values: [["Số", n]] });
      expect(fake.syncs - before).toBe(report.syncs);
      counts.push(report.syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  it("works on ExcelApi 1.1 (getUsedRange without valuesOnly; an empty sheet is A1) in 3 syncs too", async () => {
    const { fake, wb } = setup(1, ["Năm", "Trống"]);
    fake.sheet("Năm").put("A1", [["Năm kế hoạch", 2027]]);
    const { sheets, report } = await wb.readSheets();
    expect(report).toEqual({ syncs: 3, skipped: [] });
    expect(sheets).toEqual([
      { name: "Năm", address: "'Năm'!A1:B1", values: [["Năm kế hoạch", 2027]] },
      { name: "Trống", address: "'Trống'!A1", values: [[""]] },
    ]);
  });

  it("reads a 10,000-commune Xã sheet in chunks: syncs grow with size / 4 MB only, every request under 5 MB", async () => {
    const { fake, wb } = setup(13, ["Năm", "Xã"]);
    fake.sheet("Năm").put("A1", [["Năm kế hoạch", 2027]]);
    const rows: Scalar[][] = [["Mã xã", "Tên xã", "Mã đơn vị", "Nhóm xã", "Xã biên giới", "Mã xã cũ"]];
    for (let i = 0; i < 10_000; i++) {
      const code = String(10_000 + i);
      rows.push([code, `Xã số ${i + 1}`, code, (i % 3) + 1, i % 2 === 0 ? "x" : "", ""]);
    }
    fake.sheet("Xã").put("A1", rows);
    const { sheets, report } = await wb.readSheets();
    const cells = 2 + 10_001 * 6;
    expect(report.syncs).toBe(2 + Math.ceil((cells * READ_BYTES_PER_CELL) / 4_000_000));
    expect(Math.max(...fake.payloads)).toBeLessThan(5_000_000);
    const xa = sheets[1]!.values;
    expect(xa).toHaveLength(10_001);
    expect(xa[10_000]).toEqual(["19999", "Xã số 10000", "19999", 1, "", ""]);
    expect(xa[4_321]).toEqual(rows[4_321]);
  });

  it("a workbook that Excel cannot read fails with the adapter's error, naming the operation", async () => {
    const { fake, wb } = setupWorkbook();
    fake.failRuns.push("GeneralException");
    await expect(wb.readSheets()).rejects.toMatchObject({ name: "ExcelOperationError", code: "GeneralException", operation: "readSheets" });
  });
});
