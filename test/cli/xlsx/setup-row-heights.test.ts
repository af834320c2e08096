import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { SETUP_SHEETS } from "../../../shared/setup/labels.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { zipEntryText } from "../zip-entry.ts";

/**
 * Row heights of the `Thiết lập` workbook (shared/setup/build-workbook.ts with the row-height fit
 * of shared/template/row-height.ts): the title row by its 14 pt font, the note row and the header
 * row fitted to their labels, data rows left to the default, in the model and in the written .xlsx.
 */

/** A huyện setup whose one unit attribute has a long label (a wrapped header). */
function longLabelSetup(label: string): Setup {
  const r = checkSetup(
    {
      year: 2027,
      criteriaSet: { id: "2026-2030" },
      level: "huyện",
      units: [{ code: "183", name: "Huyện Cao Lộc", attributes: { [label]: true } }],
      communes: null,
      deadlines: { plan: null, result: null },
    },
    2027,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const heightsOf = (sheets: ReturnType<typeof buildSetupWorkbook>) => Object.fromEntries(sheets.map((m) => [m.name, m.rowHeights]));
const table = (header: number) => [
  { row: 1, points: 18.75 },
  { row: 2, points: 15 },
  { row: 3, points: header },
];

describe("row heights of the setup workbook's model", () => {
  it("blank workbook: titles 18.75 pt, `Năm` keys one line each, `Huyện biên giới` on two lines in its 14-character column", () => {
    const h = heightsOf(buildSetupWorkbook(2027));
    expect(h[SETUP_SHEETS.year]).toEqual([18.75, 15, 15, 15, 15, 15].map((points, i) => ({ row: i === 0 ? 1 : i + 2, points })));
    expect(h[SETUP_SHEETS.units]).toEqual(table(30));
    for (const name of [SETUP_SHEETS.communes, SETUP_SHEETS.criteria, SETUP_SHEETS.bands, SETUP_SHEETS.capital, SETUP_SHEETS.planFlags]) {
      expect([name, h[name]]).toEqual([name, table(15)]);
    }
  });

  it("a longer attribute label takes more lines: the header row grows with it", () => {
    expect(heightsOf(buildSetupWorkbook(2027, longLabelSetup("Vùng cao")))[SETUP_SHEETS.units]).toEqual(table(15));
    const long = "Huyện thuộc vùng đồng bào dân tộc thiểu số và miền núi";
    expect(heightsOf(buildSetupWorkbook(2027, longLabelSetup(long)))[SETUP_SHEETS.units]).toEqual(table(60));
  });
});

describe("row heights in the written setup workbook (.xlsx read back with exceljs)", async () => {
  const buf = await writeWorkbookBuffer(buildSetupWorkbook(2027));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const heights = (name: string, n: number) => Array.from({ length: n }, (_, i) => wb.getWorksheet(name)!.getRow(i + 1).height);

  it("`Đơn vị`: title, note, two-line header, then default rows; `Năm`: the title and the key rows", () => {
    expect(heights(SETUP_SHEETS.units, 5)).toEqual([18.75, 15, 30, undefined, undefined]);
    expect(heights(SETUP_SHEETS.year, 9)).toEqual([18.75, undefined, 15, 15, 15, 15, 15, undefined, undefined]);
  });

  it("the heights are custom heights in the sheet XML (sheet2 is `Đơn vị`), data rows carry none", () => {
    const xml = zipEntryText(buf, "xl/worksheets/sheet2.xml")!;
    expect(xml).toMatch(/<row r="3"[^>]* ht="30"[^>]* customHeight="1"/);
    expect(xml).toMatch(/<row r="1"[^>]* ht="18.75"[^>]* customHeight="1"/);
    expect(xml).not.toMatch(/<row r="4"[^>]* ht=/);
  });
});
