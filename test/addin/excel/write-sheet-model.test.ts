import { describe, expect, it } from "vitest";
import { formulaCell } from "../../../addin/excel/write-sheet-model.ts";
import { widthPoints } from "../../../addin/excel/styles.ts";
import { criterionLabel } from "../../../shared/template/labels.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { isFormula } from "../../../shared/template/sheet-model.ts";
import { cellAddress } from "../../../shared/template/a1.ts";
import { useFakeExcel } from "./helpers/install.ts";
import { districtTemplate } from "./helpers/template.ts";

const setup = useFakeExcel();

describe("formulaCell", () => {
  it("keeps formulas and protects text Excel would read as a formula", () => {
    expect(formulaCell({ formula: "=A1+1" })).toBe("=A1+1");
    expect(formulaCell(null)).toBe("");
    expect(formulaCell("=x")).toBe("'=x");
    expect(formulaCell("- Vốn")).toBe("'- Vốn");
    expect(formulaCell("Đạt")).toBe("Đạt");
    expect(formulaCell(12.5)).toBe(12.5);
  });
});

describe("createTemplate (ExcelApi 1.13)", () => {
  it("writes every cell of the shared layout, codes as text, in 2 syncs", async () => {
    const { fake, wb } = setup();
    const models = districtTemplate();
    const report = await wb.createTemplate(models);
    expect(report).toEqual({ syncs: 2, skipped: [], created: true, existing: [] });
    expect(fake.syncs).toBe(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Thông tin", "Tiêu chí", "Nguồn vốn"]);
    expect(fake.active).toBe("Thông tin");

    // Every cell equals the model (formulas as formulas, values as values).
    for (const model of models) {
      const sheet = fake.sheet(model.name);
      for (const [r, row] of model.cells.entries()) {
        for (const [c, cell] of row.entries()) {
          const a = cellAddress(r + 1, c + 1);
          if (isFormula(cell)) expect(sheet.formula(a), a).toBe(cell.formula);
          else expect(sheet.value(a), `${model.name}!${a}`).toBe(cell ?? "");
        }
      }
    }
    const crit = fake.sheet("Tiêu chí");
    expect(crit.value("B4")).toBe("Mã xã");
    expect(crit.value("H4")).toBe(criterionLabel(1, DEFAULT_REFERENCE.criteria.criteria[0]!.name));
    expect([crit.value("H5"), crit.value("I5")]).toEqual(["HT", "KH"]);
    expect(crit.value("B6")).toBe("06148");
    expect(crit.numberFormat("B6")).toBe("@");
    expect(crit.numberFormat("B35")).toBe("@");
    expect(crit.numberFormat("C6")).toBe("General");
    expect(crit.value("C36")).toBe("Tổng cộng");
    // STT of `Nguồn vốn` stays text: 1.1 would become the number 1.1 without `@` first.
    const cap = fake.sheet("Nguồn vốn");
    expect(cap.value("A6")).toBe("1.1");
    expect(cap.formula("C5")).toBe("=C6+C7");
  });

  it("applies merges, widths, styles, validation, freeze, protection and print", async () => {
    const { fake, wb } = setup();
    const models = districtTemplate();
    await wb.createTemplate(models);
    const crit = fake.sheet("Tiêu chí");
    const model = models[1]!;
    expect(crit.merges).toEqual(model.merges);
    expect(crit.merges).toContain("H4:I4");
    expect(crit.columnWidths.get("A")).toBe(widthPoints(5));
    expect(crit.columnWidths.get("C")).toBe(widthPoints(20));
    expect(crit.formats).toContainEqual({ address: "A4:AU5", path: "font/bold", value: true });
    expect(crit.fill("A4")).toBe("#C6E0B4");
    expect(crit.fill("AU5")).toBe("#C6E0B4");
    expect(crit.formats).toContainEqual({ address: "A4:AU5", path: "borders/InsideVertical/style", value: "Continuous" });
    expect(crit.validations).toContainEqual({
      address: "H6:AS35",
      path: "rule",
      value: { list: { inCellDropDown: true, source: "Đạt,Chưa đạt" } },
    });
    expect(crit.validations).toContainEqual({ address: "D6:G35", path: "rule", value: { list: { inCellDropDown: true, source: "x" } } });
    expect(crit.frozen).toEqual({ rows: 5, columns: 3 });
    expect(crit.unlocked).toEqual(["A6:AS35"]);
    expect(crit.protection).toMatchObject({
      allowInsertRows: true,
      allowInsertColumns: true,
      allowFormatCells: true,
      allowAutoFilter: true,
      allowSort: false,
    });
    expect(crit.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$4:$5" });
    const cap = fake.sheet("Nguồn vốn");
    expect(cap.frozen).toEqual({ rows: 4, columns: 0 });
    expect(cap.validations).toContainEqual({
      address: "C6",
      path: "rule",
      value: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
    });
    expect(cap.pageLayout.orientation).toBe("Portrait");
  });

  it("never replaces existing template sheets unasked: nothing is written, their names come back", async () => {
    const { fake, wb } = setup();
    const old = fake.addSheet("TIÊU CHÍ".normalize("NFD"));
    old.put("B6", [["99999"]]);
    const result = await wb.createTemplate(districtTemplate());
    expect(result).toEqual({ created: false, existing: ["TIÊU CHÍ".normalize("NFD")], syncs: 1, skipped: [] });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "TIÊU CHÍ".normalize("NFD")]);
    expect(fake.sheet("TIÊU CHÍ".normalize("NFD")).value("B6")).toBe("99999");
  });

  it("with replace: replaces an existing template sheet in place (matched by name), keeping its position", async () => {
    const { fake, wb } = setup();
    const old = fake.addSheet("TIÊU CHÍ".normalize("NFD"));
    old.put("B6", [["99999"]]);
    fake.addSheet("Ghi chú");
    const result = await wb.createTemplate(districtTemplate(), { replace: true });
    expect(result.created).toBe(true);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Tiêu chí", "Ghi chú", "Thông tin", "Nguồn vốn"]);
    expect(fake.sheet("Tiêu chí").value("B6")).toBe("06148");
  });
});

describe("createTemplate (ExcelApi 1.1)", () => {
  it("writes cells and formats only, listing every skipped extra", async () => {
    const { fake, wb } = setup(1);
    const report = await wb.createTemplate(districtTemplate());
    expect(report.skipped).toEqual([
      "columnWidth (ExcelApi 1.2)",
      "protection (ExcelApi 1.2)",
      "merge (ExcelApi 1.2)",
      "dataValidation (ExcelApi 1.8)",
      "freeze (ExcelApi 1.7)",
      "pageLayout (ExcelApi 1.9)",
    ]);
    expect(report.syncs).toBe(2);
    const crit = fake.sheet("Tiêu chí");
    expect(crit.merges).toEqual([]);
    expect(crit.validations).toEqual([]);
    expect(crit.frozen).toBeNull();
    expect(crit.protection).toBeNull();
    expect(crit.value("B6")).toBe("06148");
    expect(crit.formats).toContainEqual({ address: "A4:AU5", path: "font/bold", value: true });
  });
});

describe("createTemplate for 10,000 communes", () => {
  it("syncs grow with size / 4 MB, every request under Excel on the web's limit", async () => {
    const { fake, wb } = setup();
    const report = await wb.createTemplate(districtTemplate(10_000, []));
    const total = fake.payloads.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(6_000_000);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(4_200_000);
    expect(report.syncs).toBe(fake.syncs);
    expect(report.syncs).toBeLessThanOrEqual(1 + Math.ceil(total / 4_000_000));
    expect(report.syncs).toBeGreaterThanOrEqual(1 + Math.ceil(total / 4_200_000));
    const crit = fake.sheet("Tiêu chí");
    expect(crit.value("A10005")).toBe(10_000);
    expect(crit.numberFormat("B10005")).toBe("@");
    expect(crit.value("C10006")).toBe("Tổng cộng");
  });
});
