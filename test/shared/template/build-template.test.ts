import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildCriteriaSheet, buildTemplate, CRITERIA_LAYOUT } from "../../../shared/template/build-template.ts";
import { isFormula } from "../../../shared/template/sheet-model.ts";
import type { CellSpec, SheetModel } from "../../../shared/template/sheet-model.ts";
import { CRITERION_CHOICES, FLAG_CHOICES, NO_WORDS, YES_WORDS } from "../../../shared/template/labels.ts";
import { readYesNo } from "../../../shared/template/yes-no.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { cellAddress } from "../../../shared/template/a1.ts";
import { evaluateFormula } from "../../fakes/excel/formula.ts";
import type { FormulaValue } from "../../fakes/excel/formula.ts";
import { critColumn, dataRow, N } from "../helpers/grid.ts";

const ref = DEFAULT_REFERENCE;
const district = ref.districts.find((d) => d.code === "183")!;

/** What Excel shows for a model's cells: formulas evaluated (Excel's rules: text `=` ignores case). */
function excelValues(model: SheetModel): unknown[][] {
  const width = Math.max(...model.cells.map((r) => r.length));
  const memo = new Map<string, FormulaValue>();
  const value = (row: number, column: number): string | number | boolean => {
    const spec: CellSpec | undefined = model.cells[row - 1]?.[column - 1];
    if (!isFormula(spec)) return spec ?? "";
    const key = `${row},${column}`;
    if (!memo.has(key)) memo.set(key, evaluateFormula(spec.formula, { cell: value }));
    const v = memo.get(key)!;
    if (typeof v === "object") throw new Error(`formula error ${v.error} at ${cellAddress(row, column)}`);
    return v;
  };
  return model.cells.map((_r, i) => Array.from({ length: width }, (_, j) => value(i + 1, j + 1)));
}

describe("the generated live counts agree with the parser for every value the drop-downs offer, and every accepted form", () => {
  // The drop-downs' values, every accepted yes/no word as typed in the table of docs/template.md, and
  // what Excel holds for a typed 1, 0, TRUE or FALSE.
  const forms: (string | number | boolean)[] = [...CRITERION_CHOICES, ...FLAG_CHOICES, ...YES_WORDS, ...NO_WORDS, 1, 0, true, false];
  const choice = fc.constantFrom(...forms);
  const commune = fc.record({
    ht: fc.array(choice, { minLength: N, maxLength: N }),
    kh: fc.array(choice, { minLength: N, maxLength: N }),
    flags: fc.array(choice, { minLength: 4, maxLength: 4 }),
  });

  it("per-row HT/KH counts, per-criterion totals and flag totals", () => {
    fc.assert(
      fc.property(fc.array(commune, { minLength: 1, maxLength: 6 }), (communes) => {
        const models = buildTemplate({
          district,
          year: 2018,
          criteria: ref.criteria,
          rows: 6,
          communes: communes.map((_, i) => ({ code: String(6000 + i).padStart(5, "0"), name: `Xã ${i + 1}` })),
        });
        const criteria = models[1]!;
        communes.forEach((c, i) => {
          const row = criteria.cells[dataRow(i) - 1]!;
          for (let k = 1; k <= N; k++) {
            row[critColumn(k, "HT") - 1] = c.ht[k - 1]!;
            // KH is cumulative: what HT achieved stays achieved (else the plan rules refuse the row).
            row[critColumn(k, "KH") - 1] = readYesNo(c.ht[k - 1]) ? c.ht[k - 1]! : c.kh[k - 1]!;
          }
          c.flags.forEach((f, j) => {
            row[3 + j] = f;
          });
        });
        const sheets = models.map((m) => ({ name: m.name, address: "A1", values: excelValues(m) }));
        const parsed = parseWorkbook(sheets, ref);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const values = sheets[1]!.values;
        const countCol = CRITERIA_LAYOUT.firstCriterionColumn + 2 * N;
        parsed.value.communes.forEach((c, i) => {
          const row = values[dataRow(i) - 1]!;
          expect(row[countCol - 1]).toBe(c.baseline.length);
          expect(row[countCol]).toBe(c.plan.length);
        });
        const totalRow = values[dataRow(6) - 1]!;
        for (let k = 1; k <= N; k++) {
          expect(totalRow[critColumn(k, "HT") - 1]).toBe(parsed.value.communes.filter((c) => c.baseline.includes(k)).length);
          expect(totalRow[critColumn(k, "KH") - 1]).toBe(parsed.value.communes.filter((c) => c.plan.includes(k)).length);
        }
        expect(totalRow.slice(3, 7)).toEqual(
          (["border", "pilotDifficult", "ntmTarget", "districtDifficult"] as const).map(
            (g) => parsed.value.communes.filter((c) => c.flags[g]).length,
          ),
        );
        expect(totalRow[countCol]).toBe(parsed.value.communes.filter((c) => c.plan.length === N).length);
      }),
      { numRuns: 100 },
    );
  });

  it("a value the drop-down does not offer is not counted by the formula, and the parser refuses it", () => {
    const model = buildCriteriaSheet({
      district,
      year: 2018,
      criteria: ref.criteria,
      rows: 1,
      communes: [{ code: "06148", name: "Hoàng Đồng" }],
    });
    const row = model.cells[dataRow(0) - 1]!;
    row[critColumn(1, "KH") - 1] = "Dạt"; // a typo, pasted past the drop-down
    const values = excelValues(model);
    expect(values[dataRow(0) - 1]![CRITERIA_LAYOUT.firstCriterionColumn + 2 * N]).toBe(0);
    const models = buildTemplate({ district, year: 2018, criteria: ref.criteria, rows: 1 });
    const sheets = [models[0]!, model, models[2]!].map((m) => ({ name: m.name, address: "A1", values: excelValues(m) }));
    const parsed = parseWorkbook(sheets, ref);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues.find((i) => i.code === "criterion.invalid_value")?.cell).toBe(cellAddress(dataRow(0), critColumn(1, "KH")));
  });
});

describe("the template layout", () => {
  const [info, criteria, capital] = buildTemplate({ district, year: 2018, criteria: ref.criteria, rows: 30 });

  it("has the three sheets of docs/template.md in order, with their header rows", () => {
    expect([info!.name, criteria!.name, capital!.name]).toEqual(["Thông tin", "Tiêu chí", "Nguồn vốn"]);
    expect(criteria!.cells[3]!.slice(0, 8)).toEqual([
      "STT",
      "Mã xã",
      "Tên xã",
      "Xã biên giới",
      "Xã điểm ĐBKK",
      "Phấn đấu đạt chuẩn NTM",
      "Xã ĐBKK do huyện chọn",
      "TC1 - Quy hoạch",
    ]);
    expect(criteria!.cells[4]!.slice(7, 11)).toEqual(["HT", "KH", "HT", "KH"]);
    expect(criteria!.cells[3]![critColumn(19, "HT") + 1]).toBe("Số tiêu chí đạt");
    expect(capital!.cells[3]).toEqual(["STT", "Nguồn vốn", "Kế hoạch năm 2018 (triệu đồng)", "Ghi chú"]);
  });

  it("merges the fixed labels over both header rows and each criterion over its two columns", () => {
    expect(criteria!.merges).toContain("A4:A5");
    expect(criteria!.merges).toContain("G4:G5");
    expect(criteria!.merges).toContain("H4:I4");
    expect(criteria!.merges).toContain("AR4:AS4"); // TC19
    expect(criteria!.merges).toContain("AT4:AU4"); // Số tiêu chí đạt
  });

  it("offers drop-downs, keeps codes as text, freezes below the header and right of Tên xã, protects the header", () => {
    expect(criteria!.validations).toEqual([
      { range: "D6:G35", list: ["x"], prompt: expect.any(String) },
      { range: "H6:AS35", list: ["Đạt", "Chưa đạt"], prompt: expect.any(String) },
    ]);
    expect(criteria!.numberFormats).toContainEqual({ range: "B6:B35", format: "@" });
    expect(criteria!.freeze).toEqual({ rows: 5, columns: 3 });
    expect(criteria!.protection?.unlocked).toEqual(["A6:AS35"]);
    expect(criteria!.protection?.allow).toMatchObject({ insertRows: true, insertColumns: true, formatCells: true, autoFilter: true });
    expect(capital!.protection?.unlocked).not.toContain("C5"); // the subtotal formula stays locked
    expect(capital!.cells[4]![2]).toEqual({ formula: "=C6+C7" });
  });

  it("ends the commune table with a Tổng cộng row", () => {
    expect(criteria!.cells[35]![2]).toBe("Tổng cộng");
    expect(criteria!.cells.length).toBe(36);
  });
});
