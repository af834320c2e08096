import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../../shared/template/input.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { submissionSchema } from "../../../shared/schemas/submission.ts";
import { critCell, range, setCell, workbook, type CommuneFill } from "../helpers/grid.ts";
import { allIssues, brief } from "../helpers/issues.ts";

const parse = (sheets: SheetInput[]) => parseWorkbook(sheets, DEFAULT_REFERENCE);

describe("parseWorkbook", () => {
  it("returns every error and warning of all sheets, sorted by sheet, row, column", () => {
    const sheets = workbook({
      communes: [
        { code: "06148", name: "Hoàng Đồng", baseline: range(1, 8), plan: [1, 2, 3, 4, 5, 6, 7, 9, 10] },
        { code: "06151", name: "Tân Liên", baseline: range(1, 6), plan: range(1, 8) },
        { code: "06148", name: "Gia Cát", baseline: range(1, 6), plan: range(1, 8) },
      ],
    });
    setCell(sheets[2]!, "C9", "35,000");
    setCell(sheets[1]!, critCell(2, "KH", 1), "?");
    setCell(sheets[0]!, "B4", "Huyện Bắc Sơn");
    const r = parse(sheets.reverse());
    expect(r.ok).toBe(false);
    expect(brief(allIssues(r)).map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["info.district_name_mismatch", "warning", "Thông tin", "B4"],
      ["plan.regression", "warning", "Tiêu chí", "W6"],
      ["criterion.invalid_value", "error", "Tiêu chí", "K7"],
      ["commune.code_duplicate", "error", "Tiêu chí", "B8"],
      ["capital.amount_ambiguous", "error", "Nguồn vốn", "C9"],
    ]);
  });

  it("a success carries the warnings and a schema-valid submission", () => {
    const sheets = workbook({ communes: [{ code: "06148", name: "Hoàng Đồng", baseline: [1, 2], plan: [1, 2, 3] }] });
    const r = parse(sheets);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(brief(r.warnings)).toEqual([
      { code: "plan.under_five", severity: "warning", sheet: "Tiêu chí", cell: "B6", row: 6, commune: "06148" },
    ]);
    expect(submissionSchema.parse(r.value)).toEqual(r.value);
  });

  it("a row with an unreadable cell gets no guessed plan warnings", () => {
    const sheets = workbook({ communes: [{ code: "06148", name: "Hoàng Đồng", baseline: range(1, 8), plan: range(1, 8) }] });
    setCell(sheets[1]!, critCell(8, "KH", 0), "Dat?");
    expect(brief(allIssues(parse(sheets))).map((i) => i.code)).toEqual(["criterion.invalid_value"]);
  });

  it("`new only` KH read from a grid is an error at the commune's row", () => {
    const sheets = workbook({ communes: [{ code: "06148", name: "Hoàng Đồng", baseline: range(1, 10), plan: [11, 12, 13, 14, 15] }] });
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([
      { code: "plan.new_only", severity: "error", sheet: "Tiêu chí", cell: "I6", row: 6, commune: "06148" },
    ]);
  });

  it("flags read from the grid drive the flag rules", () => {
    const communes: CommuneFill[] = [
      { code: "06148", name: "A", flags: { ntmTarget: "x" }, baseline: range(1, 19), plan: range(1, 19) },
      { code: "06151", name: "B", flags: { districtDifficult: "x" }, baseline: range(1, 6), plan: range(1, 9) },
    ];
    expect(brief(allIssues(parse(workbook({ communes })))).map((i) => [i.code, i.cell])).toEqual([
      ["plan.target_already_met", "F6"],
      ["plan.district_difficult_missing", "G7"],
    ]);
    const inNonBorder = workbook({
      district: "184",
      communes: [{ code: "06148", name: "A", flags: { border: "x" }, baseline: [1], plan: range(1, 5) }],
    });
    expect(brief(allIssues(parse(inNonBorder))).map((i) => [i.code, i.cell])).toEqual([["flag.border_not_border_district", "D6"]]);
  });

  it("reads 10,000 communes", () => {
    const communes = Array.from({ length: 10_000 }, (_, i) => ({
      code: String(10000 + i),
      name: `Xã ${i}`,
      baseline: range(1, i % 19),
      plan: range(1, Math.max(5, i % 19)),
    }));
    const r = parse(workbook({ communes }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.communes).toHaveLength(10_000);
    expect(r.value.communes[9_999]).toMatchObject({ code: "19999", source: { row: 10_005 }, plan: range(1, 5) });
  });

  it("never throws on non-arrays or non-sheets", () => {
    for (const bad of [null, undefined, 5, "x", [null], [{}], [{ name: "Tiêu chí", address: 7, values: "nope" }]]) {
      const r = parseWorkbook(bad as unknown as SheetInput[], DEFAULT_REFERENCE);
      expect(r.ok).toBe(false);
    }
  });
});
