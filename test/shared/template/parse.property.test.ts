import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { SheetInput } from "../../../shared/template/input.ts";
import type { Result } from "../../../shared/result.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { submissionSchema } from "../../../shared/schemas/submission.ts";
import { workbook } from "../helpers/grid.ts";

const NAMES = ["Thông tin", "Tiêu chí", "Nguồn vốn", "TIÊU CHÍ", "tiêu chí".normalize("NFD"), "Chỉ tiêu", "Sheet1"];

const junk = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "Đạt",
    "Chưa đạt",
    "x",
    "",
    "Mã xã",
    "Tên xã",
    "TC1",
    "HT",
    "KH",
    "Tổng cộng",
    "Nguồn vốn",
    "Kế hoạch (tỷ đồng)",
    "1.1",
    "35,000",
    "§¹t",
    "Ñaït",
    "Mã huyện",
    "183",
    "Năm kế hoạch",
    "Ngày lập",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(Number.MAX_VALUE),
  fc.constant(-Infinity),
  fc.object(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.date(),
);
const grid = fc.array(fc.oneof(fc.array(junk, { maxLength: 12 }), junk), { maxLength: 25 });
const sheet = fc.record({
  name: fc.oneof(fc.constantFrom(...NAMES), fc.string()),
  address: fc.oneof(fc.constantFrom("A1", "B3", "'Tiêu chí'!C2:Z9", "ZZZ99999999999", "", "!!"), fc.string()),
  values: grid,
});

function wellFormed(r: Result<unknown>): void {
  expect(typeof r.ok).toBe("boolean");
  const issues = r.ok ? r.warnings : r.issues;
  expect(Array.isArray(issues)).toBe(true);
  if (!r.ok) expect(issues.some((i) => i.severity === "error")).toBe(true);
  else {
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
    expect(submissionSchema.safeParse(r.value).success).toBe(true);
  }
  for (const i of issues) {
    expect(typeof i.code).toBe("string");
    expect(i.code).toMatch(/^[a-z]+\.[a-z_]+$/);
    expect(["error", "warning"]).toContain(i.severity);
    expect(typeof i.message).toBe("string");
    expect(i.message.length).toBeGreaterThan(0);
    expect(typeof i.messageEn).toBe("string");
    expect(i.messageEn.length).toBeGreaterThan(0);
    if (i.cell !== null) expect(i.cell).toMatch(/^[A-Z]{1,3}\d+$/);
  }
}

describe("parseWorkbook never throws and always returns a well-formed Result", () => {
  it("on arbitrary sheets and grids", () => {
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 5 }), (sheets) => {
        wellFormed(parseWorkbook(sheets as SheetInput[], DEFAULT_REFERENCE));
      }),
      { numRuns: 300 },
    );
  });

  it("on arbitrary values (not even arrays)", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        wellFormed(parseWorkbook(x as SheetInput[], DEFAULT_REFERENCE));
      }),
      { numRuns: 200 },
    );
  });

  it("on random mutations of a valid generated template", () => {
    const mutation = fc.record({ sheet: fc.nat(2), row: fc.nat(20), col: fc.nat(50), value: junk });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), (mutations, dropRow) => {
        const sheets = workbook();
        for (const m of mutations) {
          const values = sheets[m.sheet]!.values;
          const row = values[m.row % values.length]!;
          if (dropRow && m.col % 7 === 0) values.splice(m.row % values.length, 1);
          else row[m.col % (row.length + 2)] = m.value;
        }
        wellFormed(parseWorkbook(sheets, DEFAULT_REFERENCE));
      }),
      { numRuns: 300 },
    );
  });
});
