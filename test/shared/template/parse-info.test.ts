import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../../shared/template/input.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { parseInfo, readDate } from "../../../shared/template/parse-info.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { setCell, workbook } from "../helpers/grid.ts";
import { allIssues, brief } from "../helpers/issues.ts";

const parse = (sheets: SheetInput[]) => parseWorkbook(sheets, DEFAULT_REFERENCE);
const at = (code: string, severity: "error" | "warning", cell: string | null, row: number | null, sheet = "Thông tin") => ({
  code,
  severity,
  sheet,
  cell,
  row,
  commune: null,
});
const info = (sheets: SheetInput[]) => sheets[0]!;

describe("Thông tin: accepted forms", () => {
  it("the generated sheet with preparer details", () => {
    const sheets = workbook();
    setCell(info(sheets), "B6", "  Nguyễn Văn An ");
    setCell(info(sheets), "B7", "0912 345 678");
    setCell(info(sheets), "B8", 43159);
    const r = parse(sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({
      district: "183",
      districtName: "Huyện Cao Lộc",
      year: 2018,
      preparedBy: "Nguyễn Văn An",
      phone: "0912 345 678",
      preparedOn: "2018-02-28",
      templateVersion: "NTM-1",
    });
  });

  it("number district code, text year, keys in any order with blank rows, NFD/upper-case keys, grid offset", () => {
    const sheet: SheetInput = {
      name: "THÔNG TIN".normalize("NFD"),
      address: "C5",
      values: [
        ["NĂM KẾ HOẠCH", " 2019 "],
        ["", ""],
        ["Tên huyện".normalize("NFD"), "Cao Lộc".normalize("NFD")],
        ["mã  huyện", 183],
        ["Ngày lập", "5/3/2019"],
      ],
    };
    const { info: i, issues } = parseInfo(sheet);
    expect(issues).toEqual([]);
    expect(i).toMatchObject({ districtCode: "183", districtName: "Cao Lộc", year: 2019, preparedOn: "2019-03-05" });
    expect(i.cells.districtCode).toEqual({ cell: "D8", row: 8 });
    // "Cao Lộc" without "Huyện" matches the reference name: no warning.
    const sheets = workbook();
    sheets[0] = sheet;
    expect(allIssues(parse(sheets)).filter((x) => x.sheet === sheet.name)).toEqual([]);
  });

  it("version absent or empty means NTM-1", () => {
    const sheets = workbook();
    setCell(info(sheets), "B9", "");
    expect(parse(sheets).ok).toBe(true);
    info(sheets).values.splice(8, 1);
    expect(parse(sheets).ok).toBe(true);
  });

  it("dates: serial, dd/mm/yyyy, d-m-yyyy, ISO; invalid ones rejected", () => {
    expect(readDate(43159)).toBe("2018-02-28");
    expect(readDate(1)).toBe("1900-01-01");
    expect(readDate(61)).toBe("1900-03-01");
    expect(readDate(43159.75)).toBe("2018-02-28");
    expect(readDate("28/02/2018")).toBe("2018-02-28");
    expect(readDate("1-3-2018")).toBe("2018-03-01");
    expect(readDate("28.02.2018")).toBe("2018-02-28");
    expect(readDate("2018-02-28")).toBe("2018-02-28");
    expect(readDate(new Date(Date.UTC(2018, 1, 28)))).toBe("2018-02-28");
    for (const bad of ["31/02/2018", "2018/02/28", "28/13/2018", "hôm nay", 60, 0, -5, Number.NaN, true, new Date(Number.NaN)]) {
      expect([bad, readDate(bad)]).toEqual([bad, null]);
    }
  });
});

describe("Thông tin: issues", () => {
  it("missing sheet", () => {
    const sheets = workbook();
    expect(brief(allIssues(parse(sheets.slice(1))))).toEqual([at("sheet.missing", "error", null, null)]);
  });

  it("required key with an empty value → the value cell; absent key → no cell", () => {
    const sheets = workbook();
    setCell(info(sheets), "B4", "");
    info(sheets).values.splice(4, 1); // Năm kế hoạch row
    expect(brief(allIssues(parse(sheets)))).toEqual([
      at("info.missing_key", "error", null, null),
      at("info.missing_key", "error", "B4", 4),
    ]);
    expect(allIssues(parse(sheets))[0]!.message).toContain("Năm kế hoạch");
  });

  it("invalid district code and year", () => {
    const sheets = workbook();
    setCell(info(sheets), "B3", "CL-183");
    setCell(info(sheets), "B5", "năm 2018");
    expect(brief(allIssues(parse(sheets)))).toEqual([
      at("info.district_invalid", "error", "B3", 3),
      at("info.year_invalid", "error", "B5", 5),
    ]);
  });

  it.each(["0183", 1183, "00183"])("district code %j is not exactly 3 digits: an error at its cell", (code) => {
    const sheets = workbook();
    setCell(info(sheets), "B3", code);
    const issues = allIssues(parse(sheets));
    expect(brief(issues)).toEqual([at("info.district_invalid", "error", "B3", 3)]);
    expect(issues[0]!.message).toContain("Mã huyện gồm đúng 3 chữ số, ví dụ 183.");
  });

  it("a district code typed as text 183 or number 183 is 183", () => {
    for (const code of ["183", 183, " 183\u200b"]) {
      const sheets = workbook();
      setCell(info(sheets), "B3", code);
      const r = parse(sheets);
      expect(r.ok && r.value.district).toBe("183");
    }
  });

  it("names and preparer details are stored cleaned; a district name of invisible characters only is missing", () => {
    const sheets = workbook();
    setCell(info(sheets), "B4", " Huyện\u200b Cao\t\tLộc\u0000 ");
    setCell(info(sheets), "B6", "Nguyễn\u00a0Văn\u2060 A");
    setCell(info(sheets), "B7", "\u200b\u0000");
    const r = parse(sheets);
    if (!r.ok) throw new Error(JSON.stringify(brief(r.issues)));
    expect([r.value.districtName, r.value.preparedBy, r.value.phone]).toEqual(["Huyện Cao Lộc", "Nguyễn Văn A", null]);
    setCell(info(sheets), "B4", "\u200b\u0000 ");
    expect(brief(allIssues(parse(sheets)))).toEqual([at("info.missing_key", "error", "B4", 4)]);
  });

  it.each([1999, 2101, 2018.5, "18"])("year %j is out of range", (year) => {
    const sheets = workbook();
    setCell(info(sheets), "B5", year);
    expect(brief(allIssues(parse(sheets)))).toEqual([at("info.year_invalid", "error", "B5", 5)]);
  });

  it("unknown district code (reference data) at its cell", () => {
    const sheets = workbook();
    setCell(info(sheets), "B3", "999");
    expect(brief(allIssues(parse(sheets)))).toEqual([at("info.district_unknown", "error", "B3", 3)]);
  });

  it("district name not matching the code is a warning at the name cell", () => {
    const sheets = workbook();
    setCell(info(sheets), "B4", "Huyện Lộc Bình");
    const r = parse(sheets);
    expect(r.ok).toBe(true);
    expect(brief(allIssues(r))).toEqual([at("info.district_name_mismatch", "warning", "B4", 4)]);
    expect(allIssues(r)[0]!.message).toContain("Huyện Cao Lộc");
  });

  it("unsupported template version", () => {
    const sheets = workbook();
    setCell(info(sheets), "B9", "NTM-2");
    expect(brief(allIssues(parse(sheets)))).toEqual([at("info.version_unsupported", "error", "B9", 9)]);
  });

  it("unreadable date is a warning and dropped", () => {
    const sheets = workbook();
    setCell(info(sheets), "B8", "31/02/2018");
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([at("info.date_invalid", "warning", "B8", 8)]);
    expect(r.ok && r.value.preparedOn).toBeNull();
  });

  it("district name in TCVN3 is an error; preparer in VNI a warning", () => {
    const sheets = workbook();
    setCell(info(sheets), "B4", "Huy\u00aan Cao Léc");
    setCell(info(sheets), "B6", "Nguyeãn Vaên An");
    const issues = brief(allIssues(parse(sheets)));
    expect(issues).toContainEqual(at("text.legacy_encoding", "error", "B4", 4));
    expect(issues).toContainEqual(at("text.legacy_encoding", "warning", "B6", 6));
  });

  it("over-long phone is cut with a warning", () => {
    const sheets = workbook();
    setCell(info(sheets), "B7", "0".repeat(60));
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([at("text.too_long", "warning", "B7", 7)]);
    expect(r.ok && r.value.phone).toBe("0".repeat(50));
  });
});
