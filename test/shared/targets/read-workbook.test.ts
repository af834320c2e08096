import { describe, expect, it } from "vitest";
import { readTargetsJson, readTargetsWorkbook } from "../../../shared/targets/read-workbook.ts";
import { buildTargetsWorkbook } from "../../../shared/targets/build-workbook.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { sheetInput } from "../helpers/grid.ts";
import { PROVINCE_2018_ROWS, SETUP_2018, sheet } from "./fixtures.ts";

const where = (issues: readonly { code: string; sheet: string | null; cell: string | null }[]) =>
  issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`);

describe("readTargetsWorkbook (the Chỉ tiêu workbook)", () => {
  it("reads every key form of the 2018 plan: NTM, bands (dash and space forms), TC<k> and labels, Tổng vốn and Vốn <STT>, Vietnamese text numbers", () => {
    const { result, json } = readTargetsWorkbook([sheet("Chỉ tiêu tỉnh", PROVINCE_2018_ROWS)], SETUP_2018);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.year).toBe(2018);
    expect(result.value.province).toMatchObject({
      ntm: 48,
      "band:19": 48,
      "band:15-18": 2,
      "band:10-14": 29,
      "band:5-9": 128,
      "band:<5": 0,
      "criterion:2": 58,
      "criterion:4": 115,
      "criterion:19": 186,
      "capital:total": 2_526_400,
      "capital:1.1": 273_800,
      "capital:4": 1_700_000,
    });
    expect(Object.keys(result.value.province)).toHaveLength(1 + 5 + 18 + 1 + 8);
    expect(result.value.province["criterion:1"]).toBeUndefined();
    expect(json?.source?.["province/band:15-18"]).toEqual({ sheet: "Chỉ tiêu tỉnh", cell: "B7" });
    expect(json?.source?.year).toEqual({ sheet: "Chỉ tiêu tỉnh", cell: "B4" });
  });

  it("names every bad input at its sheet and cell", () => {
    const rows: unknown[][] = [
      ["Năm kế hoạch", 2018],
      ["Số xã đạt chuẩn NTM", -3],
      ["TC2", 4.5],
      ["TC20", 1],
      ["Đạt 8-9 tiêu chí", 5],
      ["Vốn 7", 100],
      ["Tổng vốn", "12,3456"],
      ["Số hộ nghèo", 12],
      ["TC3", "mười"],
      ["TC2 - Giao thông", 3],
    ];
    const units = [
      ["Mã đơn vị", "Tên đơn vị", "TC2", "Vốn 9"],
      ["178", "Thành phố Lạng Sơn", 3, ""],
      ["999", "Không có", 1, ""],
      ["", "", 2, ""],
      ["181", "Tràng Định", 1, 5],
      ["abc", "", 1, ""],
    ];
    const read = readTargetsJson([sheet("Chỉ tiêu tỉnh", rows), sheet("Chỉ tiêu đơn vị", units)]);
    // Cells that cannot be read at all come first, alone.
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(where(read.issues)).toEqual([
      "targets.amount_invalid@Chỉ tiêu tỉnh!B7",
      "targets.key_unknown@Chỉ tiêu tỉnh!A8",
      "targets.count_invalid@Chỉ tiêu tỉnh!B9",
      "targets.key_duplicate@Chỉ tiêu tỉnh!A10",
      "targets.unit_missing@Chỉ tiêu đơn vị!A4",
      "targets.unit_code_invalid@Chỉ tiêu đơn vị!A6",
    ]);
    // Readable cells, checked against the 2018 setup.
    const fixed = rows.slice(0, 6).concat([["Tổng vốn", "12,5"]]);
    const checked = readTargetsWorkbook(
      [sheet("Chỉ tiêu tỉnh", fixed), sheet("Chỉ tiêu đơn vị", [units[0]!, units[1]!, units[2]!.map(() => ""), units[4]!, ["999", "", 1]])],
      SETUP_2018,
    );
    expect(checked.result.ok).toBe(false);
    if (checked.result.ok) return;
    expect(where(checked.result.issues)).toEqual([
      "targets.count_invalid@Chỉ tiêu tỉnh!B2",
      "targets.count_invalid@Chỉ tiêu tỉnh!B3",
      "targets.key_not_in_setup@Chỉ tiêu tỉnh!B4",
      "targets.key_not_in_setup@Chỉ tiêu tỉnh!B5",
      "targets.key_not_in_setup@Chỉ tiêu tỉnh!B6",
      "targets.key_not_in_setup@Chỉ tiêu đơn vị!D4",
      "targets.unit_unknown@Chỉ tiêu đơn vị!A5",
    ]);
    expect(checked.result.issues[0]!.message).toBe(
      'Chỉ tiêu "Số xã đạt chuẩn NTM" = -3 không hợp lệ: số xã phải là số nguyên không âm, ví dụ 48.',
    );
    expect(checked.result.issues[2]!.message).toContain('"TC20" không có trong cấu hình năm 2018');
  });

  it("a year other than the setup's, a missing year and a missing sheet", () => {
    const other = readTargetsWorkbook(
      [
        sheet("Chỉ tiêu tỉnh", [
          ["Năm kế hoạch", "2019"],
          ["TC2", 1],
        ]),
      ],
      SETUP_2018,
    );
    expect(!other.result.ok && where(other.result.issues)).toEqual(["targets.year_mismatch@Chỉ tiêu tỉnh!B1"]);
    const none = readTargetsJson([sheet("Chỉ tiêu tỉnh", [["TC2", 1]])]);
    expect(!none.ok && where(none.issues)).toEqual(["targets.year_missing@Chỉ tiêu tỉnh!null"]);
    const bad = readTargetsJson([sheet("Chỉ tiêu tỉnh", [["Năm kế hoạch", "năm nay"]])]);
    expect(!bad.ok && where(bad.issues)).toEqual(["targets.year_invalid@Chỉ tiêu tỉnh!B1"]);
    const missing = readTargetsJson([sheet("Thiết lập", [])]);
    expect(!missing.ok && where(missing.issues)).toEqual(["targets.sheet_missing@Chỉ tiêu tỉnh!null"]);
    const header = readTargetsJson([
      sheet("Chỉ tiêu tỉnh", [["Năm kế hoạch", 2018]]),
      sheet("Chỉ tiêu đơn vị", [
        ["Mã", "TC2"],
        ["178", 1],
      ]),
    ]);
    expect(!header.ok && where(header.issues)).toEqual(["targets.header_not_found@Chỉ tiêu đơn vị!null"]);
  });

  it("unit targets: codes padded to the level, keys as columns, the sheet offset anywhere", () => {
    const units = sheet(
      "Chỉ tiêu đơn vị",
      [
        ["Mã đơn vị", "Số xã đạt chuẩn NTM", "Tổng vốn"],
        [178, 2, "1.000,5"],
        ["181", "", ""],
      ],
      "C3",
    );
    const { result } = readTargetsWorkbook([sheet("Chỉ tiêu tỉnh", [["Năm kế hoạch", 2018]]), units], SETUP_2018);
    expect(result.ok && result.value).toEqual({ year: 2018, province: {}, units: { "178": { ntm: 2, "capital:total": 1000.5 } } });
  });

  it("the blank workbook of a setup lists every key with an empty value and the setup's units; filled, it reads back", () => {
    for (const year of [2018, 2027]) {
      const setup = year === 2018 ? SETUP_2018 : { ...builtInSetup(2018)!, year };
      const [province, units] = buildTargetsWorkbook(setup);
      expect(province!.name).toBe("Chỉ tiêu tỉnh");
      expect(province!.cells[3]).toEqual(["Năm kế hoạch", year]);
      const keys = province!.cells.slice(4).map((r) => r[0]);
      expect(keys).toHaveLength(1 + 5 + 19 + 1 + 8);
      expect(keys.slice(0, 7)).toEqual([
        "Số xã đạt chuẩn NTM",
        "Đạt 19 tiêu chí",
        "Đạt 15-18 tiêu chí",
        "Đạt 10-14 tiêu chí",
        "Đạt 5-9 tiêu chí",
        "Dưới 5 tiêu chí",
        "TC1 - Quy hoạch",
      ]);
      expect(province!.cells.slice(4).every((r) => r[1] === null)).toBe(true);
      expect(units!.cells.slice(3).map((r) => r[0])).toEqual(setup.units.map((u) => u.code));
      const blank = readTargetsWorkbook([sheetInput(province!), sheetInput(units!)], setup);
      expect(blank.result.ok && blank.result.value).toEqual({ year, province: {}, units: {} });
    }
    const targets = { year: 2018, province: { ntm: 48, "band:<5": 0, "capital:1.1": 273_800.5 }, units: { "178": { "criterion:2": 3 } } };
    const filled = buildTargetsWorkbook(SETUP_2018, targets).map((m) => sheetInput(m));
    const back = readTargetsWorkbook(filled, SETUP_2018);
    expect(back.result.ok && back.result.value).toEqual(targets);
  });
});
