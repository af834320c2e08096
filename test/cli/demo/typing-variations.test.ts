import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { fillTemplate } from "../../../cli/demo/fill-template.ts";
import { VARIATIONS, insertColumn, insertRows, variationOf, varyTyping } from "../../../cli/demo/typing-variations.ts";
import { modelToInput } from "./model-to-input.ts";

const ref = DEFAULT_REFERENCE;
const subs = buildPlan2018(ref);
const sheetsOf = (code: string) => {
  const sub = subs.find((s) => s.district === code)!;
  return { sub, sheets: varyTyping(fillTemplate(sub, ref), sub, ref, variationOf(code)) };
};
const values = (m: SheetModel) => m.cells.flat();

describe("typing variations", () => {
  it("has one variation per district", () => {
    expect(Object.keys(VARIATIONS).sort()).toEqual(ref.districts.map((d) => d.code).sort());
  });

  for (const d of ref.districts) {
    it(`district ${d.code} (${variationOf(d.code).description}) parses without errors to the same data`, () => {
      const { sub, sheets } = sheetsOf(d.code);
      const r = parseWorkbook(sheets.map(modelToInput), ref);
      if (!r.ok) expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.warnings.every((w) => w.code === "plan.district_difficult_missing")).toBe(true);
      expect(aggregateSubmission(r.value, ref.criteria)).toEqual(aggregateSubmission(sub, ref.criteria));
      expect(r.value.communes.map((c) => [c.code, c.baseline, c.plan, c.flags])).toEqual(
        sub.communes.map((c) => [c.code, c.baseline, c.plan, c.flags]),
      );
      expect(r.value.preparedBy).toBe(sub.preparedBy);
    });
  }

  it("really types differently: numeric codes, NFD, upper case, tỷ đồng, text amounts, notes column, swapped HT/KH", () => {
    expect(values(sheetsOf("183").sheets[1]!).filter((v) => typeof v === "number" && v > 6000 && v < 7000).length).toBeGreaterThanOrEqual(
      22,
    );
    const nfd = sheetsOf("181").sheets;
    expect(nfd[1]!.name).toBe("TIÊU CHÍ".normalize("NFD"));
    expect(nfd[1]!.name).not.toBe("TIÊU CHÍ");
    expect(values(sheetsOf("189").sheets[2]!)).toContain("Kế hoạch năm 2018 (tỷ đồng)");
    expect(values(sheetsOf("185").sheets[2]!).some((v) => typeof v === "string" && /^\d{1,3}(\.\d{3})+$/.test(v))).toBe(true);
    expect(values(sheetsOf("186").sheets[2]!).some((v) => typeof v === "string" && /,5$/.test(v))).toBe(true);
    expect(values(sheetsOf("185").sheets[2]!)).toContain(1.1);
    const notes = sheetsOf("180").sheets[1]!;
    expect(notes.cells[3]![3]).toBe("Ghi chú");
    expect(notes.cells[4]!.slice(12, 14)).toEqual(["KH", "HT"]); // TC3 swapped, shifted by the notes column
    expect(values(sheetsOf("182").sheets[1]!)).toContain("Khong");
    expect(values(sheetsOf("178").sheets[1]!).some((v) => typeof v === "object" && v !== null)).toBe(true); // formulas kept
  });

  it("a typing the parser does not accept is caught (unknown mark `OK` → criterion error at its cell)", () => {
    const sub = subs[0]!;
    const sheets = varyTyping(fillTemplate(sub, ref), sub, ref, { description: "bad", yes: () => "OK" });
    const r = parseWorkbook(sheets.map(modelToInput), ref);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = r.issues.find((i) => i.severity === "error")!;
    expect(first.sheet).toBe("Tiêu chí");
    expect(first.cell).toMatch(/^[H-Z]|^A[A-Z]/);
    expect(first.code).toMatch(/^criterion\./);
  });
});

describe("insertRows / insertColumn", () => {
  const model = (): SheetModel => ({
    name: "S",
    cells: [
      ["a", "b", "c"],
      ["d", "e", "f"],
      ["g", "h", "i"],
    ],
    merges: ["A1:C1", "B2:B3"],
    columnWidths: [1, 2, 3],
    rowHeights: [
      { row: 1, points: 30 },
      { row: 3, points: 45 },
    ],
    styles: [{ range: "A2:C3", style: "input" }],
    numberFormats: [{ range: "B2:B3", format: "@" }],
    validations: [{ range: "C2:C3", list: ["x"] }],
    decimalValidations: [],
    freeze: { rows: 1, columns: 2 },
    protection: {
      unlocked: ["A2:C3"],
      allow: {
        insertRows: true,
        insertColumns: true,
        deleteRows: true,
        formatCells: true,
        formatColumns: true,
        formatRows: true,
        autoFilter: true,
        sort: false,
      },
    },
    print: null,
  });

  it("shifts cells and every range like Excel's Insert Row", () => {
    const m = model();
    insertRows(m, 3, 2);
    expect(m.cells.map((r) => r[0] ?? null)).toEqual(["a", "d", null, null, "g"]);
    expect(m.merges).toEqual(["A1:C1", "B2:B5"]);
    expect(m.styles[0]!.range).toBe("A2:C5");
    expect(m.validations[0]!.range).toBe("C2:C5");
    expect(m.protection!.unlocked).toEqual(["A2:C5"]);
    expect(m.rowHeights).toEqual([
      { row: 1, points: 30 },
      { row: 5, points: 45 },
    ]);
  });

  it("shifts cells, widths, ranges and the frozen columns like Excel's Insert Column", () => {
    const m = model();
    insertColumn(m, 2, 9);
    expect(m.cells[0]).toEqual(["a", null, "b", "c"]);
    expect(m.columnWidths).toEqual([1, 9, 2, 3]);
    expect(m.merges).toEqual(["A1:D1", "C2:C3"]);
    expect(m.numberFormats[0]!.range).toBe("C2:C3");
    expect(m.validations[0]!.range).toBe("D2:D3");
    expect(m.freeze).toEqual({ rows: 1, columns: 3 });
  });
});
