import { describe, expect, it } from "vitest";
import { READ_BYTES_PER_CELL } from "../../../addin/excel/chunks.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { cellAddress } from "../../../shared/template/a1.ts";
import { MARK_COLORS } from "../../../addin/excel/mark-issues.ts";
import { MARKS_KEY } from "../../../addin/excel/settings.ts";
import { useFakeExcel } from "./helpers/install.ts";
import type { FakeExcel, Scalar } from "../../fakes/excel/host.ts";
import { districtTemplate } from "./helpers/template.ts";

const setup = useFakeExcel();

/** Fills HT/KH of both pre-filled communes: all achieved except TC2 HT of the second. */
function fillCriteria(fake: FakeExcel) {
  const crit = fake.sheet("Tiêu chí");
  for (const row of [6, 7]) {
    const cells: Scalar[] = [];
    for (let k = 1; k <= 19; k++) cells.push(row === 7 && k === 2 ? "Chưa đạt" : "Đạt", "Đạt");
    crit.put(cellAddress(row, 8), [cells]);
  }
}

describe("readTemplate", () => {
  it("reads each template sheet's used range as Range.values in 2 syncs on ExcelApi 1.4+, and the parser accepts it", async () => {
    const { fake, wb } = setup();
    await wb.createTemplate(districtTemplate());
    fillCriteria(fake);
    const syncsBefore = fake.syncs;
    const { sheets, report } = await wb.readTemplate();
    expect(report).toEqual({ syncs: 2, skipped: [] });
    expect(fake.syncs - syncsBefore).toBe(2);
    expect(sheets.map((s) => [s.name, s.address])).toEqual([
      ["Thông tin", "'Thông tin'!A1:B9"],
      ["Tiêu chí", "'Tiêu chí'!A1:AU36"],
      ["Nguồn vốn", "'Nguồn vốn'!A1:D13"],
    ]);
    const crit = sheets[1]!.values;
    expect(crit.length).toBe(36);
    expect(crit.every((r) => r.length === 47)).toBe(true);
    expect(crit[5]!.slice(0, 3)).toEqual([1, "06148", "Xã Hợp Thành"]);
    expect(crit[3]![7]).toMatch(/^TC1 - /); // merged label only in the top-left cell
    expect(crit[3]![8]).toBe("");
    expect(crit[6]![9]).toBe("Chưa đạt");
    const parsed = parseWorkbook(sheets, DEFAULT_REFERENCE);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.communes.map((c) => c.code)).toEqual(["06148", "06151"]);
  });

  it("keeps a used range that does not start at A1; a name in another case is found in the first sync", async () => {
    const { fake, wb } = setup();
    fake.addSheet("TIÊU CHÍ").put("C3", [
      ["Mã xã", "Tên xã"],
      ["06148", "Xã A"],
    ]);
    fake.addSheet("Ghi chú").put("A1", [["not read"]]);
    const { sheets, report } = await wb.readTemplate();
    expect(report.syncs).toBe(2);
    expect(sheets).toEqual([
      {
        name: "TIÊU CHÍ",
        address: "'TIÊU CHÍ'!C3:D4",
        values: [
          ["Mã xã", "Tên xã"],
          ["06148", "Xã A"],
        ],
      },
    ]);
  });

  it("matches sheet names like the parser: a name typed differently (NFD) costs one more sync", async () => {
    const { fake, wb } = setup();
    const nfd = "TIÊU CHÍ".normalize("NFD");
    fake.addSheet(nfd).put("C3", [
      ["Mã xã", "Tên xã"],
      ["06148", "Xã A"],
    ]);
    fake.addSheet("Thông tin").put("A3", [["Mã huyện", "183"]]);
    const { sheets, report } = await wb.readTemplate();
    expect(report.syncs).toBe(3);
    expect(sheets).toEqual([
      {
        name: nfd,
        address: `'${nfd}'!C3:D4`,
        values: [
          ["Mã xã", "Tên xã"],
          ["06148", "Xã A"],
        ],
      },
      { name: "Thông tin", address: "'Thông tin'!A3:B3", values: [["Mã huyện", "183"]] },
    ]);
  });

  it('reads an empty template sheet as A1 holding "" without reading it', async () => {
    const { fake, wb } = setup();
    fake.addSheet("Nguồn vốn");
    expect(await wb.readTemplate()).toEqual({
      sheets: [{ name: "Nguồn vốn", address: "'Nguồn vốn'!A1", values: [[""]] }],
      report: { syncs: 1, skipped: [] },
    });
  });

  it("returns no sheets after one sync when the workbook has no template sheet", async () => {
    const { wb } = setup();
    expect(await wb.readTemplate()).toEqual({ sheets: [], report: { syncs: 1, skipped: [] } });
  });

  it("works on ExcelApi 1.1 (getUsedRange without valuesOnly), with one more sync for the used ranges", async () => {
    const { fake, wb } = setup(1);
    fake.addSheet("Thông tin").put("A3", [["Mã huyện", "183"]]);
    const { sheets, report } = await wb.readTemplate();
    expect(report.syncs).toBe(3);
    expect(sheets[0]!.values).toEqual([["Mã huyện", "183"]]);
  });

  it("reads a 10,000-commune sheet in chunks: syncs grow with size / 4 MB only", async () => {
    const { fake, wb } = setup();
    const s = fake.addSheet("Tiêu chí");
    const rows: Scalar[][] = [];
    for (let i = 0; i < 10_000; i++) {
      const row: Scalar[] = [i + 1, String(10_000 + i), `Xã số ${i + 1}`, "", "", "", ""];
      for (let k = 0; k < 40; k++) row.push(k % 3 === 0 ? "Chưa đạt" : "Đạt");
      rows.push(row);
    }
    s.put("A6", rows);
    const { sheets, report } = await wb.readTemplate();
    const cells = 10_000 * 47;
    expect(report.syncs).toBe(1 + Math.ceil((cells * READ_BYTES_PER_CELL) / 4_000_000));
    expect(report.syncs).toBeLessThan(12);
    expect(Math.max(...fake.payloads)).toBeLessThan(5_000_000);
    const v = sheets[0]!.values;
    expect(v.length).toBe(10_000);
    expect(v[9_999]!.slice(0, 3)).toEqual([10_000, "19999", "Xã số 10000"]);
    expect(v[4_321]).toEqual(rows[4_321]);
  });
});

describe("checkTemplate (Kiểm tra)", () => {
  const parse = (sheets: Parameters<typeof parseWorkbook>[0]) => {
    const parsed = parseWorkbook(sheets, DEFAULT_REFERENCE);
    return { issues: parsed.ok ? parsed.warnings : parsed.issues, result: parsed };
  };

  it("reads, parses and marks the invalid cell in ONE Excel.run of 3 syncs on ExcelApi 1.13; a fixed cell is cleared next time", async () => {
    const { fake, wb } = setup();
    await wb.createTemplate(districtTemplate());
    fillCriteria(fake);
    fake.sheet("Tiêu chí").put("I7", [["Dat?"]]);
    const before = fake.syncs;
    const runs = fake.runs;
    const { result, report } = await wb.checkTemplate(parse);
    expect(report).toEqual({ syncs: 3, skipped: [] });
    expect(fake.syncs - before).toBe(3);
    expect(fake.runs - runs).toBe(1);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell])).toEqual([["criterion.invalid_value", "I7"]]);
    expect(fake.sheet("Tiêu chí").conditionalFormats.map((c) => c.address)).toEqual(["I7"]);

    fake.sheet("Tiêu chí").put("I7", [["Đạt"]]);
    const again = await wb.checkTemplate(parse);
    expect(again.result.ok).toBe(true);
    expect(again.report.syncs).toBe(3);
    expect(fake.sheet("Tiêu chí").conditionalFormats).toEqual([]);
  });

  it("takes 3 syncs on ExcelApi 1.4 too (plain fill: the old fill is read in the batch that marks)", async () => {
    const { fake, wb } = setup(4);
    await wb.createTemplate(districtTemplate());
    fillCriteria(fake);
    fake.sheet("Tiêu chí").put("I7", [["Dat?"]]);
    const before = fake.syncs;
    const { result, report } = await wb.checkTemplate(parse);
    expect(report.syncs).toBe(3);
    expect(fake.syncs - before).toBe(3);
    expect(result.ok).toBe(false);
    expect(fake.sheet("Tiêu chí").fill("I7")).toBe(MARK_COLORS.error);
    expect(fake.settings[MARKS_KEY]).toEqual([{ sheet: "Tiêu chí", cell: "I7", kind: "fill", original: "#FFF9E5" }]);
  });

  it("takes 4 syncs on ExcelApi 1.1 (used ranges loaded after the names)", async () => {
    const { fake, wb } = setup(1);
    await wb.createTemplate(districtTemplate());
    fillCriteria(fake);
    fake.sheet("Tiêu chí").put("I7", [["Dat?"]]);
    const before = fake.syncs;
    const { result, report } = await wb.checkTemplate(parse);
    expect(report).toEqual({ syncs: 4, skipped: ["conditionalFormats (ExcelApi 1.6)"] });
    expect(fake.syncs - before).toBe(4);
    expect(result.ok).toBe(false);
    expect(fake.sheet("Tiêu chí").fill("I7")).toBe(MARK_COLORS.error);
  });

  it("takes 4 syncs when a template sheet is found only under a differently typed name", async () => {
    const { fake, wb } = setup();
    await wb.createTemplate(districtTemplate());
    fillCriteria(fake);
    fake.sheet("Tiêu chí").put("I7", [["Dat?"]]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tiêu chí").name = "Tiêu  chí";
    });
    const before = fake.syncs;
    const { result, report } = await wb.checkTemplate(parse);
    expect(report.syncs).toBe(4);
    expect(fake.syncs - before).toBe(4);
    expect(result.ok).toBe(false);
    expect(fake.sheet("Tiêu  chí").conditionalFormats.map((c) => c.address)).toEqual(["I7"]);
  });
});
