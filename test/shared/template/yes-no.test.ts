import { describe, expect, it } from "vitest";
import { isEmptyCell, readYesNo } from "../../../shared/template/yes-no.ts";

describe("readYesNo (docs/template.md table)", () => {
  const yes = [
    "Đạt",
    "Đ",
    "Dat",
    "x",
    "1",
    "TRUE",
    "✓",
    "✔",
    "Có",
    "Co",
    "ĐẠT",
    "đạt",
    " Đạt ",
    "X",
    "dat",
    "CÓ",
    "true",
    "Đạt".normalize("NFD"),
    "Có".normalize("NFD"),
  ];
  const no = [
    "",
    "Chưa đạt",
    "Chưa",
    "CĐ",
    "Chua dat",
    "0",
    "FALSE",
    "-",
    "–",
    "Không",
    "Khong",
    "CHƯA ĐẠT",
    "chưa  đạt",
    "Chưa\u00a0đạt",
    "Chưa\nđạt",
    "   ",
    "Chưa đạt".normalize("NFD"),
    "KHÔNG",
    "false",
    "cđ",
  ];
  it.each(yes)("%j is yes", (v) => expect(readYesNo(v)).toBe(true));
  it.each(no)("%j is no", (v) => expect(readYesNo(v)).toBe(false));
  it("numbers 1/0, booleans, empty values", () => {
    expect(readYesNo(1)).toBe(true);
    expect(readYesNo(0)).toBe(false);
    expect(readYesNo(true)).toBe(true);
    expect(readYesNo(false)).toBe(false);
    expect(readYesNo(null)).toBe(false);
    expect(readYesNo(undefined)).toBe(false);
  });
  it.each(["Đạtt", "Khong dat", "y", "yes", "2", "Đạt rồi", "o", "§¹t"])("%j is invalid", (v) => expect(readYesNo(v)).toBeNull());
  it("other numbers and junk are invalid", () => {
    for (const v of [2, 0.5, -1, Number.NaN, {}, [], new Date(0)]) expect(readYesNo(v)).toBeNull();
  });
  it("memoisation does not change answers", () => {
    for (let i = 0; i < 6000; i++) expect(readYesNo(`v${i}`)).toBeNull();
    expect(readYesNo("Đạt")).toBe(true);
    expect(readYesNo("Chưa đạt")).toBe(false);
  });
});

describe("isEmptyCell", () => {
  it("empty forms", () => {
    for (const v of ["", " ", "\u00a0", "\u200b", "\n", null, undefined]) expect(isEmptyCell(v)).toBe(true);
    for (const v of ["x", 0, false, " a", Number.NaN, {}]) expect(isEmptyCell(v)).toBe(false);
  });
});
