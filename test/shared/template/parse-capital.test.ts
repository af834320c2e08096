import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../../shared/template/input.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { parseCapital } from "../../../shared/template/parse-capital.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { capitalRow, getCell, setCell, workbook } from "../helpers/grid.ts";
import { allIssues, brief } from "../helpers/issues.ts";

const parse = (sheets: SheetInput[]) => parseWorkbook(sheets, DEFAULT_REFERENCE);
const cap = (sheets: SheetInput[]) => sheets[2]!;
const at = (code: string, severity: "error" | "warning", cell: string | null, row: number | null) => ({
  code,
  severity,
  sheet: "Nguồn vốn",
  cell,
  row,
  commune: null,
});
const PLAN_2018 = {
  central: 273_800_000,
  local: 163_300_000,
  integrated: 229_300_000,
  enterprise: 35_000_000,
  credit: 1_700_000_000,
  community: 120_000_000,
  other: 5_000_000,
};

function capital(sheets: SheetInput[]) {
  const r = parse(sheets);
  if (!r.ok) throw new Error(JSON.stringify(brief(r.issues)));
  return r.value.capital;
}

describe("Nguồn vốn: accepted forms", () => {
  it("the generated sheet, empty subtotal and total computed; leaves in thousand VND", () => {
    const sheets = workbook();
    expect(getCell(cap(sheets), "C5")).toBe("");
    expect(capital(sheets)).toEqual(PLAN_2018);
    expect(allIssues(parse(sheets))).toEqual([]);
  });

  it("subtotal and total typed correctly (as Excel computes the formulas)", () => {
    const sheets = workbook();
    setCell(cap(sheets), "C5", 437100);
    setCell(cap(sheets), "C13", 2526400);
    expect(capital(sheets)).toEqual(PLAN_2018);
  });

  it("STT as numbers (1.1 from Excel, with float noise) and amounts with noise", () => {
    const sheets = workbook({ capital: { ...{ central: 273800.30000000002 }, local: 163300, integrated: 0.1 + 0.2 } });
    const s = cap(sheets);
    setCell(s, "A6", 1.1000000000000001);
    setCell(s, "A7", 1.2);
    setCell(s, "A5", 1);
    setCell(s, "A8", 2);
    setCell(s, "C5", 437100.3);
    expect(capital(sheets)).toMatchObject({ central: 273_800_300, local: 163_300_000, integrated: 300 });
  });

  it("Vietnamese text amounts", () => {
    const sheets = workbook({
      capital: { central: "273.800,5", local: "163 300", credit: "1.700.000", enterprise: "35.000", community: "437,1", other: "" },
    });
    expect(capital(sheets)).toMatchObject({
      central: 273_800_500,
      local: 163_300_000,
      credit: 1_700_000_000,
      enterprise: 35_000_000,
      community: 437_100,
      other: 0,
    });
  });

  it("`tỷ đồng` in the amount label multiplies by 1,000", () => {
    const sheets = workbook({ capital: { central: 273.8, local: "163,3", credit: 1700 } });
    setCell(cap(sheets), "C4", "Kế hoạch năm 2018 (tỷ đồng)");
    expect(capital(sheets)).toMatchObject({ central: 273_800_000, local: 163_300_000, credit: 1_700_000_000 });
  });

  it("no unit named means million VND", () => {
    const sheets = workbook();
    setCell(cap(sheets), "C4", "KẾ HOẠCH 2018");
    expect(capital(sheets)).toEqual(PLAN_2018);
  });

  it("rows found by label when STT is missing, with bullets; order does not matter", () => {
    const sheets = workbook();
    const s = cap(sheets);
    for (let r = 5; r <= 13; r++) setCell(s, `A${r}`, "");
    setCell(s, "B10", "- Vốn tín dụng ưu đãi");
    setCell(s, "B11", "+ Huy động đóng góp của cộng đồng dân cư");
    setCell(s, "B12", "• Huy động khác");
    [s.values[5], s.values[11]] = [s.values[11]!, s.values[5]!];
    expect(capital(sheets)).toEqual(PLAN_2018);
  });

  it("an unreadable STT falls back to the label", () => {
    const sheets = workbook();
    setCell(cap(sheets), "A10", "IV");
    expect(capital(sheets)).toEqual(PLAN_2018);
  });

  it("parseCapital alone returns the leaves", () => {
    expect(parseCapital(cap(workbook())).piece.leaves).toEqual(PLAN_2018);
  });
});

describe("Nguồn vốn: issues", () => {
  it("unknown unit", () => {
    const sheets = workbook();
    setCell(cap(sheets), "C4", "Kế hoạch năm 2018 (nghìn đồng)");
    expect(brief(allIssues(parse(sheets)))).toEqual([at("capital.unit_unknown", "error", "C4", 4)]);
    setCell(cap(sheets), "C4", "Kế hoạch (đồng)");
    expect(brief(allIssues(parse(sheets)))).toEqual([at("capital.unit_unknown", "error", "C4", 4)]);
  });

  it("amount errors: ambiguous `35,000`, negative, too precise, not a number", () => {
    const sheets = workbook({
      capital: { ...{ enterprise: "35,000" }, central: -5, local: 1.2345, integrated: "khoảng 200", credit: true, community: 1, other: 0 },
    });
    const issues = allIssues(parse(sheets));
    expect(brief(issues)).toEqual([
      at("capital.amount_negative", "error", "C6", 6),
      at("capital.amount_too_precise", "error", "C7", 7),
      at("capital.amount_invalid", "error", "C8", 8),
      at("capital.amount_ambiguous", "error", "C9", 9),
      at("capital.amount_invalid", "error", "C10", 10),
    ]);
    expect(issues[3]!.message).toContain('"35,000"');
  });

  it("a source line is at most 100.000.000 triệu đồng (shared/money.ts): the maximum passes, above is an error at its cell", () => {
    const sheets = workbook({
      capital: { central: 100_000_000, local: "100.000.000", integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
    });
    expect(capital(sheets)).toMatchObject({ central: 100_000_000_000, local: 100_000_000_000 });
    setCell(cap(sheets), "C6", 100_000_000.001);
    setCell(cap(sheets), "C7", "9.007.199.254.740,991");
    setCell(cap(sheets), "C8", 2 ** 53 - 1);
    setCell(cap(sheets), "C9", 1e300);
    const issues = allIssues(parse(sheets));
    expect(brief(issues)).toEqual([
      at("capital.amount_too_large", "error", "C6", 6),
      at("capital.amount_too_large", "error", "C7", 7),
      at("capital.amount_too_large", "error", "C8", 8),
      at("capital.amount_too_large", "error", "C9", 9),
    ]);
    expect(issues[0]!.message).toBe(
      "Số tiền 100000000.001 vượt mức tối đa của một dòng nguồn vốn là 100.000.000 triệu đồng. Hãy kiểm tra lại đơn vị (triệu đồng) và số chữ số.",
    );
    expect(issues[0]!.messageEn).toContain("the maximum of one source line, 100,000,000 million VND");
  });

  it("in `tỷ đồng` the maximum is 100.000 tỷ: 100000 passes, 100000,001 is too large", () => {
    const sheets = workbook({ capital: { central: 100_000, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 } });
    setCell(cap(sheets), "C4", "Kế hoạch năm 2018 (tỷ đồng)");
    expect(capital(sheets)).toMatchObject({ central: 100_000_000_000 });
    setCell(cap(sheets), "C6", "100000,001");
    expect(brief(allIssues(parse(sheets)))).toEqual([at("capital.amount_too_large", "error", "C6", 6)]);
  });

  it("every line at 2^53 − 1 (the red-team's amounts) is refused, line by line", () => {
    const big = 2 ** 53 - 1;
    const sheets = workbook({
      capital: { central: big, local: big, integrated: big, enterprise: big, credit: big, community: big, other: big },
    });
    const issues = allIssues(parse(sheets));
    expect(issues.map((i) => i.code)).toEqual(Array(7).fill("capital.amount_too_large"));
    expect(issues.map((i) => i.cell)).toEqual(["C6", "C7", "C8", "C9", "C10", "C11", "C12"]);
  });

  it("subtotal 1 typed wrong: error naming both values", () => {
    const sheets = workbook();
    setCell(cap(sheets), "C5", 437000);
    const issues = allIssues(parse(sheets));
    expect(brief(issues)).toEqual([at("capital.subtotal_mismatch", "error", "C5", 5)]);
    expect(issues[0]!.message).toContain("437.000");
    expect(issues[0]!.message).toContain("437.100");
    expect(issues[0]!.messageEn).toContain("437,100");
  });

  it("total typed wrong, also off by 1,000 VND", () => {
    const sheets = workbook();
    setCell(cap(sheets), "C13", "2.526.400,001");
    const issues = allIssues(parse(sheets));
    expect(brief(issues)).toEqual([at("capital.total_mismatch", "error", "C13", 13)]);
    expect(issues[0]!.message).toContain("2.526.400,001");
    expect(issues[0]!.message).toContain("= 2.526.400 ");
  });

  it("STT and label naming two different sources", () => {
    const sheets = workbook();
    setCell(cap(sheets), "A10", "2");
    expect(brief(allIssues(parse(sheets)))).toContainEqual(at("capital.stt_label_conflict", "error", "A10", 10));
  });

  it("an unknown sub-row (2.1) is a warning and not counted", () => {
    const sheets = workbook();
    cap(sheets).values.splice(8, 0, ["2.1", "Trong đó: Chương trình 135", 9999, ""]);
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([at("capital.unknown_row", "warning", "A9", 9)]);
    expect(r.ok && r.value.capital).toEqual(PLAN_2018);
  });

  it("a missing source row counts as 0 with a warning", () => {
    const sheets = workbook();
    cap(sheets).values.splice(capitalRow("other") - 1, 1);
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([at("capital.row_missing", "warning", null, null)]);
    expect(r.ok && r.value.capital.other).toBe(0);
  });

  it("a source on two rows", () => {
    const sheets = workbook();
    cap(sheets).values.splice(13, 0, ["", "Vốn tín dụng", 5, ""]);
    expect(brief(allIssues(parse(sheets)))).toEqual([at("capital.row_duplicate", "error", "B14", 14)]);
  });

  it("no header / no amount column", () => {
    const sheets = workbook();
    setCell(cap(sheets), "B4", "Nguồn");
    expect(brief(allIssues(parse(sheets)))).toEqual([at("capital.header_not_found", "error", null, null)]);
    const again = workbook();
    setCell(cap(again), "C4", "Số tiền");
    expect(brief(allIssues(parse(again)))).toEqual([at("capital.amount_column_missing", "error", null, 4)]);
  });

  it("missing sheet", () => {
    const sheets = workbook();
    expect(brief(allIssues(parse(sheets.slice(0, 2))))).toEqual([at("sheet.missing", "error", null, null)]);
  });

  it("a grid not starting at A1 offsets the amount cell", () => {
    const sheets = workbook({ capital: { central: "35,000" } });
    cap(sheets).address = "B2";
    expect(brief(allIssues(parse(sheets)))).toContainEqual(at("capital.amount_ambiguous", "error", "D7", 7));
  });
});
