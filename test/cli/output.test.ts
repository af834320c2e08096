import { describe, expect, it } from "vitest";
import { bilingual, counts, formatFixed, formatIssue, formatNumber, table } from "../../cli/output.ts";
import type { Issue } from "../../shared/result.ts";

const issue = (over: Partial<Issue>): Issue => ({
  code: "criterion.invalid_value",
  severity: "error",
  sheet: "Tiêu chí",
  cell: "J7",
  row: 7,
  commune: "06148",
  message: "Giá trị không hợp lệ",
  messageEn: "Invalid value",
  ...over,
});

describe("formatIssue", () => {
  it("writes file: Sheet!Cell: [E] message", () => {
    expect(formatIssue(issue({}), "a.xlsx")).toBe("a.xlsx: Tiêu chí!J7: [E] Giá trị không hợp lệ");
  });
  it("writes [W] for warnings and omits what is missing", () => {
    expect(formatIssue(issue({ severity: "warning" }))).toBe("Tiêu chí!J7: [W] Giá trị không hợp lệ");
    expect(formatIssue(issue({ cell: null }), "a.xlsx")).toBe("a.xlsx: Tiêu chí: [E] Giá trị không hợp lệ");
    expect(formatIssue(issue({ sheet: null, cell: null }), "a.xlsx")).toBe("a.xlsx: [E] Giá trị không hợp lệ");
    expect(formatIssue(issue({ sheet: null, cell: null }))).toBe("[E] Giá trị không hợp lệ");
  });
});

describe("counts, numbers, tables", () => {
  it("counts errors and warnings", () => {
    expect(counts([issue({}), issue({ severity: "warning" }), issue({})])).toEqual({ errors: 2, warnings: 1 });
  });
  it("formats numbers the Vietnamese way", () => {
    expect(formatNumber(2526400)).toBe("2.526.400");
    expect(formatNumber(23.2)).toBe("23,2");
    expect(formatNumber(-1234.5)).toBe("-1.234,5");
    expect(formatNumber(0)).toBe("0");
    expect(formatFixed(100, 1)).toBe("100,0");
    expect(formatFixed(1234.5, 2)).toBe("1.234,50");
    expect(formatFixed(13.333, 2)).toBe("13,33");
    expect(formatFixed(null, 1)).toBeNull();
  });
  it("aligns text left and numbers right, null as -", () => {
    expect(
      table(
        ["Tên", "Số"],
        [
          ["Xã A", 5],
          ["Xã Bình", 1234],
          ["Xã C", null],
        ],
      ),
    ).toBe("Tên         Số\n-------  -----\nXã A         5\nXã Bình  1.234\nXã C         -\n");
  });
});

describe("bilingual", () => {
  const catalogue = { written: { vi: "Đã ghi {n} tệp", en: "wrote {n} files" }, none: { vi: "Không có", en: "None" } };
  it("renders both languages on one line, Vietnamese first", () => {
    expect(bilingual(catalogue, "written", { n: 11 })).toBe("Đã ghi 11 tệp / wrote 11 files");
    expect(bilingual(catalogue, "none")).toBe("Không có / None");
  });
  it("keeps a placeholder without a parameter as typed", () => {
    expect(bilingual(catalogue, "written")).toBe("Đã ghi {n} tệp / wrote {n} files");
  });
});
