import { describe, expect, it } from "vitest";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  absoluteRows,
  cellAddress,
  columnLetter,
  columnNumber,
  eachCell,
  parseCell,
  parseRange,
  quoteSheet,
  rangeAddress,
  rectAddress,
  sheetAddress,
  splitSheet,
  topLeft,
} from "../../../shared/template/a1.ts";

describe("column letters", () => {
  it("map both ways, up to XFD", () => {
    expect([1, 26, 27, 28, 52, 702, 703, MAX_COLUMNS].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "AZ", "ZZ", "AAA", "XFD"]);
    expect(["A", "z", "AA", "ab", "AZ", "ZZ", "AAA", "XFD"].map(columnNumber)).toEqual([1, 26, 27, 28, 52, 702, 703, 16_384]);
  });
});

describe("cells", () => {
  it("format and parse, with or without $", () => {
    expect(cellAddress(12, 8)).toBe("H12");
    expect(parseCell("H12")).toEqual({ row: 12, column: 8 });
    expect(parseCell(" $h$12 ")).toEqual({ row: 12, column: 8 });
    expect(parseCell("XFD1048576")).toEqual({ row: MAX_ROWS, column: MAX_COLUMNS });
  });
  it("refuse what is not a cell", () => {
    for (const bad of ["", "H", "12", "H0", "H1048577", "XFE1", "ABCD1", "H12:H13", "Tiêu chí!H12"]) expect(parseCell(bad), bad).toBeNull();
  });
});

describe("ranges", () => {
  it("format: one cell alone, else two corners", () => {
    expect(rangeAddress(4, 1, 5, 1)).toBe("A4:A5");
    expect(rangeAddress(3, 2, 3, 2)).toBe("B3");
    expect(rectAddress({ r1: 3, c1: 1, r2: 15, c2: 12 })).toBe("A3:L15");
  });
  it("parse cells, ranges in any corner order, whole columns and rows, with a sheet prefix", () => {
    expect(parseRange("B3:D7")).toEqual({ r1: 3, c1: 2, r2: 7, c2: 4 });
    expect(parseRange("D7:B3")).toEqual({ r1: 3, c1: 2, r2: 7, c2: 4 });
    expect(parseRange("$B$3")).toEqual({ r1: 3, c1: 2, r2: 3, c2: 2 });
    expect(parseRange("A:C")).toEqual({ r1: 1, c1: 1, r2: MAX_ROWS, c2: 3 });
    expect(parseRange("$4:$5")).toEqual({ r1: 4, c1: 1, r2: 5, c2: MAX_COLUMNS });
    expect(parseRange("'Tổng hợp'!A3:L15")).toEqual({ r1: 3, c1: 1, r2: 15, c2: 12 });
    expect(parseRange("Sheet1!B3")).toEqual({ r1: 3, c1: 2, r2: 3, c2: 2 });
  });
  it("refuse what is not a range", () => {
    for (const bad of ["", "A", "4", "A1:B2:C3", "A1:", "B0:C3", "Đạt"]) expect(parseRange(bad), bad).toBeNull();
  });
  it("top-left of an address (A1 when there is none)", () => {
    expect(topLeft("'Tiêu chí'!C3:D4")).toEqual({ row: 3, column: 3 });
    expect(topLeft("B3")).toEqual({ row: 3, column: 2 });
    expect(topLeft("")).toEqual({ row: 1, column: 1 });
  });
  it("visit every cell row by row", () => {
    const seen: string[] = [];
    eachCell("B2:C3", (r, c) => seen.push(`${r},${c}`));
    expect(seen).toEqual(["2,2", "2,3", "3,2", "3,3"]);
    const one: string[] = [];
    eachCell("D7", (r, c) => one.push(`${r},${c}`));
    expect(one).toEqual(["7,4"]);
    eachCell("nope", () => one.push("x"));
    expect(one).toEqual(["7,4"]);
  });
  it("absolute print-title rows", () => {
    expect(absoluteRows("4:5")).toBe("$4:$5");
    expect(absoluteRows("1")).toBe("$1:$1");
    expect(absoluteRows("$4:$5")).toBe("$4:$5");
  });
});

describe("sheet prefix", () => {
  it("quotes names Excel quotes, doubling inner quotes", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("Tổng hợp")).toBe("'Tổng hợp'");
    expect(quoteSheet("Xã O'Lúng")).toBe("'Xã O''Lúng'");
    expect(quoteSheet("AB12")).toBe("'AB12'");
    expect(quoteSheet("2018")).toBe("'2018'");
    expect(sheetAddress("Tiêu chí", "H12")).toBe("'Tiêu chí'!H12");
  });
  it("splits a prefixed address, unquoting", () => {
    expect(splitSheet("'Tổng hợp'!A3:L15")).toEqual({ sheet: "Tổng hợp", local: "A3:L15" });
    expect(splitSheet("'Xã O''Lúng'!B2")).toEqual({ sheet: "Xã O'Lúng", local: "B2" });
    expect(splitSheet("Sheet1!B3")).toEqual({ sheet: "Sheet1", local: "B3" });
    expect(splitSheet("B3")).toEqual({ sheet: null, local: "B3" });
    expect(splitSheet(sheetAddress("A!b", "C4"))).toEqual({ sheet: "A!b", local: "C4" });
  });
});
