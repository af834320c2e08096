import { describe, expect, it } from "vitest";
import { MARK_COLORS } from "../../../addin/excel/mark-issues.ts";
import { MARKS_KEY } from "../../../addin/excel/settings.ts";
import type { Issue } from "../../../shared/result.ts";
import { useFakeExcel } from "./helpers/install.ts";

const install = useFakeExcel();

function setup(apiVersion: number) {
  const { fake, wb } = install(apiVersion, ["Thông tin", "TIÊU CHÍ"]);
  return { fake, crit: fake.sheet("TIÊU CHÍ"), wb };
}

function issue(severity: Issue["severity"], sheet: string | null, cell: string | null, code = "criterion.invalid_value"): Issue {
  return { code, severity, sheet, cell, row: null, commune: null, message: "sai", messageEn: "wrong" };
}

describe("markIssues with conditional formats (ExcelApi 1.6)", () => {
  it("marks errors red and warnings yellow, error winning on a shared cell, in 2 syncs", async () => {
    const { fake, crit, wb } = setup(13);
    const report = await wb.markIssues([
      issue("error", "Tiêu chí", "H6"),
      issue("warning", "Tiêu chí", "I6"),
      issue("warning", "Tiêu chí", "J7"),
      issue("error", "Tiêu chí", "J7"),
      issue("error", null, null, "submission.no_communes"),
      issue("error", "Không có", "A1"),
    ]);
    expect(report).toEqual({ syncs: 2, skipped: [] });
    expect(crit.conditionalFormats).toEqual([
      { address: "H6", type: "Custom", formula: "=TRUE", fill: MARK_COLORS.error },
      { address: "I6", type: "Custom", formula: "=TRUE", fill: MARK_COLORS.warning },
      { address: "J7", type: "Custom", formula: "=TRUE", fill: MARK_COLORS.error },
    ]);
    expect(crit.fill("H6")).toBeNull();
    expect(fake.settings[MARKS_KEY]).toEqual([
      { sheet: "TIÊU CHÍ", cell: "H6", kind: "cf", original: null },
      { sheet: "TIÊU CHÍ", cell: "I6", kind: "cf", original: null },
      { sheet: "TIÊU CHÍ", cell: "J7", kind: "cf", original: null },
    ]);
  });

  it("clears the marks of fixed cells on the next call, without duplicating kept ones", async () => {
    const { fake, crit, wb } = setup(13);
    await wb.markIssues([issue("error", "Tiêu chí", "H6"), issue("warning", "Tiêu chí", "I6")]);
    await wb.markIssues([issue("warning", "Tiêu chí", "I6")]);
    expect(crit.conditionalFormats).toEqual([{ address: "I6", type: "Custom", formula: "=TRUE", fill: MARK_COLORS.warning }]);
    await wb.markIssues([]);
    expect(crit.conditionalFormats).toEqual([]);
    expect(fake.settings).not.toHaveProperty(MARKS_KEY);
  });
});

describe("markIssues with plain fill (ExcelApi < 1.6)", () => {
  it("fills the cells, remembers their previous fill (read in the same batch), and restores it when fixed, in 2 syncs", async () => {
    const { fake, crit, wb } = setup(5);
    crit.setFill("H6", "#FFFF00");
    const report = await wb.markIssues([issue("error", "Tiêu chí", "H6"), issue("warning", "Tiêu chí", "I6")]);
    expect(report).toEqual({ syncs: 2, skipped: ["conditionalFormats (ExcelApi 1.6)"] });
    expect(crit.fill("H6")).toBe(MARK_COLORS.error);
    expect(crit.fill("I6")).toBe(MARK_COLORS.warning);
    expect(fake.settings[MARKS_KEY]).toEqual([
      { sheet: "TIÊU CHÍ", cell: "H6", kind: "fill", original: "#FFFF00" },
      { sheet: "TIÊU CHÍ", cell: "I6", kind: "fill", original: "#FFFFFF" },
    ]);
    // H6 still wrong (now a warning): recoloured, original kept; I6 fixed: restored.
    await wb.markIssues([issue("warning", "Tiêu chí", "H6")]);
    expect(crit.fill("H6")).toBe(MARK_COLORS.warning);
    expect(crit.fill("I6")).toBe("#FFFFFF");
    await wb.markIssues([]);
    expect(crit.fill("H6")).toBe("#FFFF00");
    expect(fake.settings).not.toHaveProperty(MARKS_KEY);
  });
});
