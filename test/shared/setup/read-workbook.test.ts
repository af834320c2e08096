import { describe, expect, it } from "vitest";
import type { Result } from "../../../shared/result.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { SET_2016_2020, SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { DEFAULT_CAPITAL_ROWS, builtInSetup } from "../../../shared/setup/defaults.ts";
import { readSetupWorkbook } from "../../../shared/setup/read-workbook.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import type { SheetInput } from "../../../shared/template/input.ts";
import { getCell, insertColumn, setCell } from "../helpers/grid.ts";
import { allIssues, brief } from "../helpers/issues.ts";
import { huyenSetup, xaSetup } from "./fixtures.ts";
import { setupSheets, sheet } from "./workbook.ts";

const ok = (r: Result<Setup>): Setup => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.value;
};
const checked = (input: unknown, year: number) => ok(checkSetup(input, year));
const codes = (r: Result<Setup>) => allIssues(r).map((i) => i.code);
const where = (r: Result<Setup>) => brief(allIssues(r)).map((i) => `${i.code} ${i.sheet}!${i.cell}`);

/** A filled 2027 workbook (level xã, three communes) to break one cell at a time. */
const xaSheets = () => setupSheets(2027, checked(xaSetup(), 2027));

describe("readSetupWorkbook: round trip through the builder", () => {
  it("2027 at level xã: the same setup", () => {
    const s = checked(xaSetup(), 2027);
    const r = readSetupWorkbook(setupSheets(2027, s));
    expect(ok(r)).toEqual(s);
    expect(allIssues(r)).toEqual([]);
  });

  it("2022 at level huyện with a commune list, and the built-in 2018 setup (no list)", () => {
    const s = checked(huyenSetup(), 2022);
    expect(ok(readSetupWorkbook(setupSheets(2022, s)))).toEqual(s);
    const builtin = builtInSetup(2018)!;
    const read = ok(readSetupWorkbook(setupSheets(2018, builtin)));
    expect(read).toEqual({ ...builtin, origin: "applied" });
    expect(read.criteriaSet).toEqual(SET_2016_2020);
    expect(read.units.filter((u) => u.attributes["Huyện biên giới"]).map((u) => u.code)).toEqual(["180", "182", "183", "188", "189"]);
  });

  it("a custom set is written out and read back", () => {
    const criteriaSet = {
      id: "LS-2027",
      criteria: [
        { number: 1, name: "Quy hoạch", nameEn: "Planning" },
        { number: 2, name: "Giao thông", nameEn: "Transport" },
      ],
      bands: [
        { label: "Đạt 2 tiêu chí", min: 2, max: 2 },
        { label: "Dưới 2 tiêu chí", min: 0, max: 1 },
      ],
    };
    const s = checked({ ...xaSetup(), criteriaSet }, 2027);
    const sheets = setupSheets(2027, s);
    expect(getCell(sheet(sheets, "Bộ tiêu chí"), "B5")).toBe("Giao thông");
    expect(ok(readSetupWorkbook(sheets))).toEqual(s);
  });

  it("--from another year: the year replaced, the deadlines left empty", () => {
    const s = checked(xaSetup(), 2027);
    const r = ok(readSetupWorkbook(setupSheets(2028, s)));
    expect(r).toEqual({ ...s, year: 2028, deadlines: { plan: null, result: null } });
  });
});

describe("readSetupWorkbook: a blank workbook", () => {
  it("asks for the set and the level; filled in, it reads with the default capital rows", () => {
    const sheets = setupSheets(2027);
    expect(where(readSetupWorkbook(sheets))).toEqual(["setup.key_missing Năm!B4", "setup.key_missing Năm!B5"]);
    setCell(sheet(sheets, "Năm"), "B4", "2026-2030");
    setCell(sheet(sheets, "Năm"), "B5", "Xã");
    expect(codes(readSetupWorkbook(sheets))).toEqual(["setup.units_none", "setup.communes_required"]);
    const units = sheet(sheets, "Đơn vị");
    setCell(units, "A4", "06001");
    setCell(units, "B4", "Xã Một");
    const xa = sheet(sheets, "Xã");
    setCell(xa, "A4", 6001);
    setCell(xa, "B4", "Xã Một");
    setCell(xa, "D4", 3);
    const s = ok(readSetupWorkbook(sheets));
    expect(s.units).toEqual([{ code: "06001", name: "Xã Một", attributes: { "Huyện biên giới": false } }]);
    expect(s.communes).toEqual([
      { code: "06001", name: "Xã Một", unit: "06001", group: 3, attributes: { "Xã biên giới": false }, formerCodes: [] },
    ]);
    expect(s.criteriaSet).toEqual(SET_2026_2030);
    expect(s.capitalRows).toEqual(DEFAULT_CAPITAL_ROWS);
  });
});

describe("readSetupWorkbook: typing variations", () => {
  it("sheet names, keys and headers matched like the template; codes as numbers; yes/no and group forms", () => {
    const sheets = xaSheets();
    const nam = sheet(sheets, "Năm");
    nam.name = "NA\u0306M".normalize("NFD");
    setCell(nam, "A5", "  cấp   ĐƠN VỊ báo cáo ");
    setCell(nam, "B5", "xa");
    setCell(nam, "B6", "31/03/2027");
    const xa = sheet(sheets, "Xã");
    xa.name = " xã ";
    setCell(xa, "A3", "MÃ XÃ");
    setCell(xa, "A5", 6002);
    setCell(xa, "C5", 6002);
    setCell(xa, "D5", "Nhóm 2");
    setCell(xa, "E5", "Có");
    setCell(xa, "E4", false);
    setCell(xa, "F5", "6151; 06154");
    insertColumn(xa, 2, 3, "Ghi chú");
    const s = ok(readSetupWorkbook(sheets));
    expect(s).toEqual(checked(xaSetup(), 2027));
  });

  it("an STT column is not an attribute; a note under a table ends it", () => {
    const sheets = xaSheets();
    const units = sheet(sheets, "Đơn vị");
    insertColumn(units, 1, 3, "STT");
    setCell(units, "A4", 1);
    setCell(units, "A5", 2);
    setCell(units, "A6", 3);
    setCell(units, "B8", "Ghi chú: mã giả định");
    setCell(units, "B9", "99999");
    expect(ok(readSetupWorkbook(sheets))).toEqual(checked(xaSetup(), 2027));
  });

  it("a grid that does not start at A1", () => {
    const sheets = xaSheets();
    const units = sheet(sheets, "Đơn vị");
    units.values = units.values.slice(2);
    units.address = "A3";
    for (const row of units.values) row.unshift("");
    units.address = "'Đơn vị'!A3:D300";
    expect(ok(readSetupWorkbook(sheets)).units).toHaveLength(3);
  });
});

describe("readSetupWorkbook: cell errors (nothing half-read)", () => {
  const broken = (edit: (sheets: SheetInput[]) => void) => {
    const sheets = xaSheets();
    edit(sheets);
    const r = readSetupWorkbook(sheets);
    expect(r.ok).toBe(false);
    return where(r);
  };

  it("missing sheets", () => {
    expect(broken((s) => s.splice(0, 1))).toEqual(["setup.sheet_missing Năm!null"]);
    expect(broken((s) => s.splice(1, 1))).toEqual(["setup.sheet_missing Đơn vị!null"]);
  });

  it("Năm: year, level, date", () => {
    expect(broken((s) => setCell(sheet(s, "Năm"), "B3", "27"))).toEqual(["setup.year_invalid Năm!B3"]);
    expect(broken((s) => setCell(sheet(s, "Năm"), "B5", "Tỉnh"))).toEqual(["setup.level_invalid Năm!B5"]);
    expect(broken((s) => setCell(sheet(s, "Năm"), "B7", "15/13/2027"))).toEqual(["setup.date_invalid Năm!B7"]);
    expect(broken((s) => setCell(sheet(s, "Năm"), "B4", "2031-2035"))).toEqual(["setup.criteria_set_unknown Năm!B4"]);
  });

  it("headers: not found, a column missing, a column twice", () => {
    expect(broken((s) => setCell(sheet(s, "Đơn vị"), "A3", "Mã"))).toEqual(["setup.header_not_found Đơn vị!null"]);
    expect(broken((s) => setCell(sheet(s, "Xã"), "B3", "Tên"))).toEqual([
      "setup.column_missing Xã!null",
      "setup.yes_no_invalid Xã!B4",
      "setup.yes_no_invalid Xã!B5",
      "setup.yes_no_invalid Xã!B6",
    ]);
    expect(broken((s) => setCell(sheet(s, "Xã"), "G3", "xã biên giới"))).toEqual(["setup.column_duplicate Xã!G3"]);
  });

  it("codes: missing, unreadable", () => {
    expect(broken((s) => setCell(sheet(s, "Xã"), "A5", ""))).toEqual(["setup.code_missing Xã!A5"]);
    expect(broken((s) => setCell(sheet(s, "Đơn vị"), "A4", "06-001"))).toEqual(["setup.code_invalid Đơn vị!A4"]);
    expect(broken((s) => setCell(sheet(s, "Xã"), "C4", 0))).toEqual(["setup.code_invalid Xã!C4"]);
  });

  it("values: yes/no, group, former codes, names", () => {
    expect(broken((s) => setCell(sheet(s, "Xã"), "E4", "có lẽ"))).toEqual(["setup.yes_no_invalid Xã!E4"]);
    expect(broken((s) => setCell(sheet(s, "Xã"), "D4", "một"))).toEqual(["setup.group_invalid Xã!D4"]);
    expect(broken((s) => setCell(sheet(s, "Xã"), "F5", "06151, 6-154"))).toEqual(["setup.former_code_invalid Xã!F5"]);
    expect(broken((s) => setCell(sheet(s, "Xã"), "B4", "X· Mét"))).toEqual(["text.legacy_encoding Xã!B4"]);
    expect(broken((s) => setCell(sheet(s, "Đơn vị"), "B4", "x".repeat(201)))).toEqual(["setup.text_too_long Đơn vị!B4"]);
  });

  it("numbers of the bands", () => {
    expect(broken((s) => setCell(sheet(s, "Nhóm số tiêu chí"), "B5", "tám"))).toEqual(["setup.number_invalid Nhóm số tiêu chí!B5"]);
  });
});

describe("readSetupWorkbook: the setup's rules at their cells", () => {
  const rule = (edit: (sheets: SheetInput[]) => void) => {
    const sheets = xaSheets();
    edit(sheets);
    const r = readSetupWorkbook(sheets);
    expect(r.ok).toBe(false);
    return where(r);
  };

  it("a commune of an unknown unit, a group outside 1-3, a unit twice", () => {
    expect(rule((s) => setCell(sheet(s, "Xã"), "C6", "06009"))).toEqual([
      "setup.commune_unit_unknown Xã!C6",
      "setup.unit_not_one_commune Đơn vị!A6",
    ]);
    expect(rule((s) => setCell(sheet(s, "Xã"), "D4", 4))).toEqual(["setup.group_invalid Xã!D4"]);
    expect(rule((s) => setCell(sheet(s, "Đơn vị"), "A5", "06001"))).toEqual([
      "setup.unit_duplicate Đơn vị!A5",
      "setup.commune_unit_unknown Xã!C5",
    ]);
  });

  it("a code of the wrong length for the level", () => {
    expect(rule((s) => setCell(sheet(s, "Năm"), "B5", "Huyện"))).toEqual([
      "setup.unit_code_length Đơn vị!A4",
      "setup.unit_code_length Đơn vị!A5",
      "setup.unit_code_length Đơn vị!A6",
      "setup.commune_unit_unknown Xã!C4",
      "setup.commune_unit_unknown Xã!C5",
      "setup.commune_unit_unknown Xã!C6",
    ]);
  });

  it("bands that overlap, a flag twice, a capital row without its parent", () => {
    expect(rule((s) => setCell(sheet(s, "Nhóm số tiêu chí"), "C6", 8))).toEqual(["setup.bands_overlap Nhóm số tiêu chí!B5"]);
    expect(rule((s) => setCell(sheet(s, "Cờ kế hoạch"), "A5", "XÃ NTM NÂNG CAO"))).toEqual(["setup.flag_duplicate Cờ kế hoạch!A5"]);
    expect(rule((s) => setCell(sheet(s, "Nguồn vốn"), "A5", "7.1"))).toEqual(["setup.capital_parent_missing Nguồn vốn!A5"]);
  });
});
