import { describe, expect, it } from "vitest";
import { runExcel } from "../../../addin/excel/run.ts";
import { detectFeatures } from "../../../addin/excel/features.ts";
import { MAX_REQUEST_BYTES, RequestBudget } from "../../../addin/excel/chunks.ts";
import { fitHeaderRows, setRowHeights } from "../../../addin/excel/styles.ts";
import { fitRowHeights, reportRowHeights } from "../../../shared/template/row-height.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { writeReport } from "../../../addin/excel/write-report.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { buildReportSheet } from "../../../shared/report/report-sheet.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { useFakeExcel } from "./helpers/install.ts";
import { districtTemplate } from "./helpers/template.ts";

const setup = useFakeExcel();

/** A criteria header: the label merged over two columns of 6 above `HT`/`KH`. */
function headerModel(label: string): SheetModel {
  const m: SheetModel = {
    name: "Tiêu chí",
    cells: [
      [label, null],
      ["HT", "KH"],
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

/** Row heights as Excel answers them: `Range.format.rowHeight` of each address (null: rows differ). */
async function readHeights(sheet: string, addresses: string[]): Promise<(number | null)[]> {
  const { value } = await runExcel(
    "read",
    async (rc) => {
      const s = rc.context.workbook.worksheets.getItem(sheet);
      const formats = addresses.map((a) => s.getRange(a).format.load("rowHeight"));
      await rc.sync();
      return formats.map((f) => f.rowHeight as number | null);
    },
    {},
  );
  return value;
}

describe("createTemplate writes the model's row heights (ExcelApi 1.13)", () => {
  it("Tiêu chí: titles, the criterion header row of 5 lines (75 pt), HT/KH one line; read back as Excel does", async () => {
    const { fake, wb } = setup();
    const models = districtTemplate();
    const report = await wb.createTemplate(models);
    expect(report.skipped).toEqual([]);
    expect([...fake.sheet("Tiêu chí").rowHeights]).toEqual([
      [1, 18.75],
      [2, 16.5],
      [3, 15],
      [4, 75],
      [5, 15],
    ]);
    expect([...fake.sheet("Nguồn vốn").rowHeights]).toEqual([
      [1, 18.75],
      [2, 16.5],
      [4, 30],
    ]);
    expect([...fake.sheet("Thông tin").rowHeights]).toEqual([[1, 18.75]]);
    expect(await readHeights("Tiêu chí", ["4:4", "A4:AU4", "5:5", "6:6", "4:5"])).toEqual([75, 75, 15, 15, null]);
  });

  it("a label that needs 3 lines gets 3 lines of height (45 pt), one of 2 lines 30 pt", async () => {
    const { fake, wb } = setup();
    await wb.createTemplate([headerModel("TC6 - Cơ sở vật chất văn hóa")]);
    expect([...fake.sheet("Tiêu chí").rowHeights]).toEqual([
      [1, 45],
      [2, 15],
    ]);
    const second = setup();
    await second.wb.createTemplate([headerModel("TC1 - Quy hoạch")]);
    expect(second.fake.sheet("Tiêu chí").rowHeights.get(1)).toBe(30);
  });
});

describe("row heights on an old host (ExcelApi 1.1)", () => {
  it("are skipped with the column-width note (both RangeFormat sizes need ExcelApi 1.2)", async () => {
    const { fake, wb } = setup(1);
    const report = await wb.createTemplate(districtTemplate());
    expect(report.skipped).toContain("columnWidth (ExcelApi 1.2)");
    expect(fake.sheet("Tiêu chí").rowHeights.size).toBe(0);
  });
});

describe("fitHeaderRows (the `Tổng hợp` tables)", () => {
  const tables = [
    { topRow: 3, leftColumn: 1, headers: ["Tổng số xã", "Xã đạt chuẩn NTM đầu năm (HT)"] },
    { topRow: 7, leftColumn: 2, headers: ["STT"] },
  ];
  const model = { tables, rowHeights: reportRowHeights({ titleCell: "A1", tables, columnWidths: [14, 16] }) };

  it("wraps each header row, centred, and sets the title and header heights", async () => {
    const { fake } = setup();
    const { report } = await runExcel(
      "fit",
      async (rc) => {
        const budget = new RequestBudget(() => rc.sync(), MAX_REQUEST_BYTES);
        const sheet = rc.context.workbook.worksheets.getItem("Sheet1");
        await fitHeaderRows(rc, budget, sheet, model, detectFeatures());
        await budget.flush();
      },
      {},
    );
    expect(report).toEqual({ syncs: 1, skipped: [] });
    const s = fake.sheet("Sheet1");
    expect([...s.rowHeights]).toEqual([
      [1, 18.75],
      [3, 45],
      [7, 15],
    ]);
    expect(s.formats).toEqual([
      { address: "A3:B3", path: "wrapText", value: true },
      { address: "A3:B3", path: "verticalAlignment", value: "Center" },
      { address: "B7", path: "wrapText", value: true },
      { address: "B7", path: "verticalAlignment", value: "Center" },
    ]);
  });

  it("on the real `Tổng hợp` after writeReport: every height of the model, header rows wrapped", async () => {
    const { fake } = setup();
    const report = buildReport({ year: 2018, generatedAt: "2018-03-01T02:00:00Z", setup: builtInSetup(2018)!, entries: [] });
    const sheetModel = buildReportSheet(report);
    await runExcel(
      "report",
      async (rc) => {
        // writeReport alone fits the header rows (no second call here): a refresh leaves no label over its row.
        await writeReport(rc, sheetModel, detectFeatures());
      },
      {},
    );
    const s = fake.sheet("Tổng hợp");
    expect([...s.rowHeights]).toEqual(sheetModel.rowHeights.map((h) => [h.row, h.points]));
    expect(sheetModel.rowHeights[0]).toEqual({ row: 1, points: 18.75 });
    expect(sheetModel.rowHeights).toHaveLength(1 + sheetModel.tables.length);
    for (const t of sheetModel.tables) expect(s.formatAt(`A${t.topRow}`).wrapText, t.name).toBe(true);
  });

  it("setRowHeights with no heights queues nothing", async () => {
    const { fake } = setup();
    const { report } = await runExcel(
      "none",
      async (rc) => {
        const budget = new RequestBudget(() => rc.sync(), MAX_REQUEST_BYTES);
        await setRowHeights(rc, budget, rc.context.workbook.worksheets.getItem("Sheet1"), [], detectFeatures());
        await budget.flush();
      },
      {},
    );
    expect(report.syncs).toBe(0);
    expect(fake.sheet("Sheet1").rowHeights.size).toBe(0);
  });
});
