import { describe, expect, it } from "vitest";
import {
  DEFAULT_ROW_POINTS,
  fitRowHeights,
  heightForLines,
  linePoints,
  reportRowHeights,
  spanWidth,
  tableHeaderHeights,
  textWidth,
  wrappedLines,
} from "../../../shared/template/row-height.ts";
import { buildTemplate } from "../../../shared/template/build-template.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import type { CriteriaSet } from "../../../shared/reference/criteria.ts";

const STT = "Phấn đấu đạt chuẩn NTM";

/** A header of a two-column merged label over `HT`/`KH`, and a label merged down over both rows. */
function header(label: string, tall = STT): Pick<SheetModel, "cells" | "merges" | "columnWidths" | "styles"> {
  return {
    cells: [
      [label, null, tall],
      ["HT", "KH", null],
    ],
    merges: ["A1:B1", "C1:C2"],
    columnWidths: [6, 6, 10],
    styles: [{ range: "A1:C2", style: "header" }],
  };
}

describe("textWidth: characters of the default font's digit, bold unless told", () => {
  it("measures per character, diacritics as their base letter", () => {
    expect(textWidth("0000")).toBeCloseTo(4.4, 9);
    expect(textWidth("ấ")).toBe(textWidth("a"));
    expect(textWidth("ấ".normalize("NFD"))).toBe(textWidth("a"));
    expect(textWidth("Ơ")).toBe(textWidth("O"));
    expect(textWidth("Đ")).toBe(1.35);
    expect(textWidth("i")).toBe(0.55);
    expect(textWidth("W")).toBe(1.75);
    expect(textWidth("TC1 - Quy hoạch")).toBeCloseTo(14.65, 9);
  });

  it("regular text is narrower and a larger font wider", () => {
    expect(textWidth("0000", { bold: false })).toBeCloseTo(4.048, 9);
    expect(textWidth("00", { size: 22 })).toBeCloseTo(4.4, 9);
  });
});

describe("linePoints and heightForLines", () => {
  it("one line per font size as Excel's default heights, on 0.75 pt pixels", () => {
    expect([10, 11, 12, 14, 16].map((s) => linePoints(s))).toEqual([13.5, 15, 16.5, 18.75, 21.75]);
  });

  it("n lines take n line heights, never less than the default row", () => {
    expect(heightForLines(3)).toBe(45);
    expect(heightForLines(2)).toBe(30);
    expect(heightForLines(1)).toBe(DEFAULT_ROW_POINTS);
    expect(heightForLines(0)).toBe(15);
    expect(heightForLines(1, 10)).toBe(15);
    expect(heightForLines(1, 14)).toBe(18.75);
  });
});

describe("wrappedLines: word wrap into a column width", () => {
  it("a label that fits takes one line", () => {
    expect(wrappedLines("TC4 - Điện", 12)).toBe(1);
    expect(wrappedLines("", 6)).toBe(1);
  });

  it("criterion labels of the 2-column merge (12 characters) wrap at spaces", () => {
    expect(wrappedLines("TC1 - Quy hoạch", 12)).toBe(2);
    expect(wrappedLines("TC6 - Cơ sở vật chất văn hóa", 12)).toBe(3);
    expect(wrappedLines("TC18 - Hệ thống chính trị và tiếp cận pháp luật", 12)).toBe(5);
    expect(wrappedLines("Xã biên giới", 9)).toBe(2);
  });

  it("the same label takes fewer lines in a wider column", () => {
    expect(wrappedLines("TC6 - Cơ sở vật chất văn hóa", 20)).toBe(2);
    expect(wrappedLines("TC6 - Cơ sở vật chất văn hóa", 30)).toBe(1);
  });

  it("a word longer than the line breaks between characters (5 digits fit 6 characters less the margin)", () => {
    expect(wrappedLines("00000", 6)).toBe(1);
    expect(wrappedLines("000000", 6)).toBe(2);
    expect(wrappedLines("00000000000", 6)).toBe(3);
  });

  it("keeps line breaks of the label", () => {
    expect(wrappedLines("a\nb", 6)).toBe(2);
    expect(wrappedLines("a\r\nb\nc", 60)).toBe(3);
  });
});

describe("fitRowHeights", () => {
  it("a label that needs 3 lines gets 3 lines of height; the row below keeps one", () => {
    expect(fitRowHeights(header("TC6 - Cơ sở vật chất văn hóa"), [1, 2])).toEqual([
      { row: 1, points: 45 },
      { row: 2, points: 15 },
    ]);
  });

  it("a label of 2 lines gets 2 (not 3): the height follows the label", () => {
    expect(fitRowHeights(header("TC1 - Quy hoạch", "STT"), [1, 2])).toEqual([
      { row: 1, points: 30 },
      { row: 2, points: 15 },
    ]);
  });

  it("a label merged down over two rows needs their sum; what is missing goes to the first row", () => {
    // `Phấn đấu đạt chuẩn NTM` takes 3 lines (45 pt) in 10 characters: 30 + 15.
    expect(fitRowHeights(header("TC4 - Điện"), [1, 2])).toEqual([
      { row: 1, points: 30 },
      { row: 2, points: 15 },
    ]);
    // 5 lines (75 pt) of the criterion label already cover it.
    expect(fitRowHeights(header("TC18 - Hệ thống chính trị và tiếp cận pháp luật"), [1, 2])[0]).toEqual({ row: 1, points: 75 });
  });

  it("a style that does not wrap takes one line of its font size; unstyled text one default line", () => {
    const m = {
      cells: [["A long title that would wrap in a narrow column if it could"], ["Plain text that is long as well, in a narrow column"]],
      merges: [],
      columnWidths: [5],
      styles: [{ range: "A1", style: "title" as const }],
    };
    expect(fitRowHeights(m, [1, 2, 3])).toEqual([
      { row: 1, points: 18.75 },
      { row: 2, points: 15 },
      { row: 3, points: 15 },
    ]);
  });

  it("spanWidth adds the merged columns (unset ones at Excel's 8.43)", () => {
    expect(spanWidth([6, 6, 10], 1, 2)).toBe(12);
    expect(spanWidth([6], 1, 2)).toBeCloseTo(14.43, 9);
  });
});

describe("the template's heights (2018, 19 criteria)", () => {
  const sheets = buildTemplate({ district: { code: "178", name: "Thành phố Lạng Sơn" }, year: 2018, criteria: DEFAULT_REFERENCE.criteria });

  it("title rows by font size, header rows by their longest label", () => {
    const [info, criteria, capital] = sheets;
    expect(info!.rowHeights).toEqual([{ row: 1, points: 18.75 }]);
    // Row 4: `TC18 - Hệ thống chính trị và tiếp cận pháp luật` takes 5 lines; row 5 is `HT`/`KH`.
    expect(criteria!.rowHeights).toEqual([
      { row: 1, points: 18.75 },
      { row: 2, points: 16.5 },
      { row: 3, points: 15 },
      { row: 4, points: 75 },
      { row: 5, points: 15 },
    ]);
    // `Kế hoạch năm 2018 (triệu đồng)` in 22 characters: 2 lines.
    expect(capital!.rowHeights).toEqual([
      { row: 1, points: 18.75 },
      { row: 2, points: 16.5 },
      { row: 4, points: 30 },
    ]);
  });

  it("short criterion names make a lower header (the merged flag labels still need 45 pt over two rows)", () => {
    const criteria: CriteriaSet = { ...DEFAULT_REFERENCE.criteria, criteria: [{ number: 1, name: "A", nameEn: "A" }] };
    const short = buildTemplate({ district: { code: "178", name: "X" }, year: 2018, criteria });
    expect(short[1]!.rowHeights.filter((h) => h.row >= 4)).toEqual([
      { row: 4, points: 30 },
      { row: 5, points: 15 },
    ]);
  });
});

describe("table header rows (the `Tổng hợp` tables)", () => {
  const tables = [
    { topRow: 3, leftColumn: 1, headers: ["Mã huyện", "Tên huyện"] },
    { topRow: 9, leftColumn: 1, headers: ["Tổng số xã", "Xã đạt chuẩn NTM đầu năm (HT)"] },
    { topRow: 14, leftColumn: 2, headers: ["Bình quân tiêu chí/xã kế hoạch (KH)"] },
  ];

  it("each header row as tall as its most wrapped label, in the label's own column", () => {
    expect(tableHeaderHeights(tables, [14, 16, 16])).toEqual([
      { row: 3, points: 15 },
      { row: 9, points: 45 },
      { row: 14, points: 45 },
    ]);
    // Column B of 30 characters: the second table's label fits, the third's (in B too) takes 2 lines.
    expect(tableHeaderHeights(tables, [14, 30, 40])).toEqual([
      { row: 3, points: 15 },
      { row: 9, points: 15 },
      { row: 14, points: 30 },
    ]);
  });

  it("reportRowHeights adds the title row (14 pt, one line)", () => {
    expect(reportRowHeights({ titleCell: "A1", tables, columnWidths: [14, 16, 16] })).toEqual([
      { row: 1, points: 18.75 },
      { row: 3, points: 15 },
      { row: 9, points: 45 },
      { row: 14, points: 45 },
    ]);
  });
});
