import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSetupFile } from "../../../cli/setup/load-setup-file.ts";
import { readWorkbookBuffer, sheetRowLimit } from "../../../cli/xlsx/read-workbook.ts";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { MAX_COMMUNES, MAX_CRITERIA_ROWS, MAX_OTHER_SHEET_ROWS, MAX_SETUP_LIST_ROWS } from "../../../shared/limits.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { SETUP_SHEETS } from "../../../shared/setup/labels.ts";
import type { SetupJson } from "../../../shared/setup/schema.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { runCli, tempDir } from "../fixtures.ts";

/**
 * The CLI reads a `Thiết lập` workbook of a whole country's communes: `Xã` and `Đơn vị` get the
 * long-sheet row limit of `Tiêu chí` (shared/limits.ts), every other sheet keeps 1,000 rows, and a
 * sheet past its limit is still refused from the sheet XML, before exceljs loads anything.
 */

/** A valid setup of level xã with `n` communes, each its own unit (codes 10000, 10001, …). */
function countrySetupJson(n: number): SetupJson {
  const codes = Array.from({ length: n }, (_, i) => String(10_000 + i));
  return {
    year: 2027,
    criteriaSet: { id: "2026-2030" },
    level: "xã",
    units: codes.map((code, i) => ({ code, name: `Xã Thử Nghiệm ${i + 1}`, attributes: {} })),
    communes: codes.map((code, i) => ({
      code,
      name: `Xã Thử Nghiệm ${i + 1}`,
      unit: code,
      group: ((i % 3) + 1) as 1 | 2 | 3,
      attributes: { "Xã biên giới": i % 7 === 0 },
      formerCodes: i % 5 === 0 ? [String(30_000 + i)] : [],
    })),
    planFlags: ["Xã NTM nâng cao"],
    deadlines: { plan: "2027-03-31", result: null },
  };
}

/** A workbook with one sheet per [name, [cell address, value] pairs]. */
async function workbook(sheets: Record<string, [string, ExcelJS.CellValue][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const [a, v] of cells) ws.getCell(a).value = v;
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function refusal(buf: Buffer): Promise<[string, string | null, string][] | null> {
  const r = await readWorkbookBuffer(buf);
  return r.ok ? null : r.issues.map((i) => [i.code, i.sheet, i.messageEn]);
}

describe("row limits by sheet (cli/xlsx/read-workbook.ts sheetRowLimit)", () => {
  it("`Xã` and `Đơn vị` hold a country's communes, like `Tiêu chí`; matched as the readers match names", () => {
    expect(MAX_SETUP_LIST_ROWS).toBe(12_000);
    expect(MAX_SETUP_LIST_ROWS).toBeGreaterThan(MAX_COMMUNES + 3 + 200); // title, note, header, spare rows
    for (const name of [SETUP_SHEETS.communes, SETUP_SHEETS.units, "xã", " ĐƠN  VỊ ", "Xa\u0303"]) {
      expect([name, sheetRowLimit(name)]).toEqual([name, MAX_SETUP_LIST_ROWS]);
    }
    expect(sheetRowLimit("Tiêu chí")).toBe(MAX_CRITERIA_ROWS);
  });

  it("every other sheet of the setup workbook keeps 1,000 rows", () => {
    const others = Object.values(SETUP_SHEETS).filter((s) => s !== SETUP_SHEETS.communes && s !== SETUP_SHEETS.units);
    expect(others).toEqual(["Năm", "Bộ tiêu chí", "Nhóm số tiêu chí", "Nguồn vốn", "Cờ kế hoạch"]);
    for (const name of [...others, "Xã cũ", "Đơn vị 2", "Thông tin"]) expect([name, sheetRowLimit(name)]).toEqual([name, 1_000]);
    expect(MAX_OTHER_SHEET_ROWS).toBe(1_000);
  });
});

describe("the size guard on the setup workbook's sheets (before exceljs loads it)", () => {
  it("`Xã`: a cell on row 12,000 passes, on row 12,001 is refused naming the sheet and the limit", async () => {
    expect(await refusal(await workbook({ Năm: [["A1", "x"]], Xã: [[`A${MAX_SETUP_LIST_ROWS}`, "10000"]] }))).toBeNull();
    expect(await refusal(await workbook({ Năm: [["A1", "x"]], Xã: [[`A${MAX_SETUP_LIST_ROWS + 1}`, "10000"]] }))).toEqual([
      [
        "sheet.too_many_rows",
        "Xã",
        'Sheet "Xã" has cells (data or formatting) at row 12001, past its limit of 12000 rows. Delete the extra rows (Delete rows, not just their contents), then save again.',
      ],
    ]);
  });

  it("`Đơn vị`: the same limit; formatting alone counts", async () => {
    expect(await refusal(await workbook({ "Đơn vị": [[`B${MAX_SETUP_LIST_ROWS}`, "x"]] }))).toBeNull();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Đơn vị").getCell(`C${MAX_SETUP_LIST_ROWS + 1}`).style = { font: { bold: true } };
    const r = await refusal(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(r?.map(([code, sheet]) => [code, sheet])).toEqual([["sheet.too_many_rows", "Đơn vị"]]);
  });

  it("`Năm`, `Nguồn vốn`, `Cờ kế hoạch`: 1,000 rows pass, 1,001 are refused even beside a long `Xã`", async () => {
    expect(await refusal(await workbook({ Năm: [["A1000", "x"]], Xã: [["A11000", "10000"]], "Cờ kế hoạch": [["A1000", "c"]] }))).toBeNull();
    for (const sheet of ["Năm", "Nguồn vốn", "Cờ kế hoạch"]) {
      const r = await refusal(await workbook({ Xã: [["A11000", "10000"]], [sheet]: [["A1001", "x"]] }));
      expect(r?.map(([code, s, en]) => [code, s, en.includes("limit of 1000 rows")])).toEqual([["sheet.too_many_rows", sheet, true]]);
    }
  });
});

describe("ntm setup validate on a setup of 10,000 communes", () => {
  let dir = "";
  let setup: Setup;
  let file = "";
  beforeAll(async () => {
    dir = await tempDir();
    const checked = checkSetup(countrySetupJson(MAX_COMMUNES), 2027);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues.slice(0, 3)));
    setup = checked.value;
    file = path.join(dir, "thiet-lap-10000.xlsx");
    await writeWorkbookFile(buildSetupWorkbook(2027, setup), file);
  }, 120_000);

  it("the workbook build-workbook writes reaches past 1,000 rows on `Xã` and `Đơn vị` and reads back as the same setup", async () => {
    const read = await readWorkbookBuffer(await readFile(file));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const rows = Object.fromEntries(read.value.map((s) => [s.name, s.values.length]));
    expect(rows[SETUP_SHEETS.communes]).toBe(3 + MAX_COMMUNES); // title, note, header, 10,000 rows
    expect(rows[SETUP_SHEETS.units]).toBe(3 + MAX_COMMUNES);
    const loaded = await loadSetupFile(file);
    expect(loaded.issues).toEqual([]);
    expect(loaded.ok).toBe(true);
    expect(loaded.setup).toEqual(setup);
    expect(loaded.setup?.communes).toHaveLength(10_000);
  }, 120_000);

  it("the command says valid, with 10,000 units and 10,000 communes: exit 0", async () => {
    const r = await runCli(["setup", "validate", "--json", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { file, ok: true, year: 2027, criteriaSet: "2026-2030", level: "xã", units: 10_000, communes: 10_000, issues: [] },
    ]);
  }, 120_000);

  it("a 200,000-row `Xã` (exceljs streaming writer) is refused before loading, with a 256 MB heap: exit 1, no crash", async () => {
    const big = path.join(dir, "xa-200k.xlsx");
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useSharedStrings: false, useStyles: false });
    const year = w.addWorksheet("Năm");
    year.addRow(["Năm kế hoạch", 2027]).commit();
    year.commit();
    const ws = w.addWorksheet("Xã");
    ws.addRow(["Mã xã", "Tên xã", "Mã đơn vị", "Nhóm xã"]).commit();
    for (let r = 1; r <= 200_000; r++) ws.addRow([String(10_000 + r), `Xã ${r}`, String(10_000 + r), (r % 3) + 1]).commit();
    ws.commit();
    await w.commit();
    const r = await runCli(["setup", "validate", "--json", big], { NODE_OPTIONS: "--max-old-space-size=256" });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: big,
        ok: false,
        year: null,
        criteriaSet: null,
        level: null,
        units: null,
        communes: null,
        issues: [expect.objectContaining({ code: "sheet.too_many_rows", sheet: "Xã", message: expect.stringContaining("dòng 12001") })],
      },
    ]);
  }, 120_000);

  it("a stray cell on `Năm` row 1,001 of the big setup is still refused, naming `Năm`", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("Năm")!.getCell("A1001").value = "x";
    const stray = path.join(dir, "nam-1001.xlsx");
    await writeFile(stray, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r = await runCli(["setup", "validate", stray]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${stray}: Năm: [E] Trang tính "Năm" có ô (dữ liệu hoặc định dạng) ở dòng 1001, quá giới hạn 1000 dòng`);
  }, 120_000);
});
