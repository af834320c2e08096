import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../../shared/template/input.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { parseCriteria } from "../../../shared/template/parse-criteria.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { submissionSchema } from "../../../shared/schemas/submission.ts";
import { columnLetter } from "../../../shared/template/a1.ts";
import { critCell, critColumn, deleteColumn, getCell, insertColumn, range, setCell, workbook, DEFAULT_COMMUNES } from "../helpers/grid.ts";
import { allIssues, brief, withCode } from "../helpers/issues.ts";

const REF = DEFAULT_REFERENCE;
const parse = (sheets: SheetInput[]) => parseWorkbook(sheets, REF);
const crit = (sheets: SheetInput[]) => sheets[1]!;
const E = (code: string, cell: string | null, row: number | null, commune: string | null = null, sheet = "Tiêu chí") => ({
  code,
  severity: "error",
  sheet,
  cell,
  row,
  commune,
});

function ok(sheets: SheetInput[]) {
  const r = parse(sheets);
  if (!r.ok) throw new Error(JSON.stringify(brief(r.issues)));
  return r;
}

describe("Tiêu chí: the generated template", () => {
  it("reads every commune, its source row and the columns, schema-valid and without issues", () => {
    const r = ok(workbook());
    expect(r.warnings).toEqual([]);
    expect(r.value.communes.map((c) => [c.code, c.name, c.baseline, c.plan, c.source])).toEqual(
      DEFAULT_COMMUNES.map((c, i) => [c.code, c.name, c.baseline, c.plan, { sheet: "Tiêu chí", row: 6 + i }]),
    );
    expect(r.value.source?.columns.code).toBe("B");
    expect(r.value.source?.columns.name).toBe("C");
    expect(r.value.source?.columns.flags).toEqual({ border: "D", pilotDifficult: "E", ntmTarget: "F", districtDifficult: "G" });
    expect(r.value.source?.columns.criteria[0]).toEqual({ baseline: "H", plan: "I" });
    expect(r.value.source?.columns.criteria[18]).toEqual({ baseline: "AR", plan: "AS" });
    expect(submissionSchema.safeParse(r.value).success).toBe(true);
  });

  it("skips blank rows (STT numbers do not count) and keeps sheet order", () => {
    const sheets = workbook({ rows: 8, communes: [] });
    const s = crit(sheets);
    const fill = (i: number, code: string) => {
      setCell(s, `B${6 + i}`, code);
      setCell(s, `C${6 + i}`, `Xã ${code}`);
      for (const k of range(1, 6)) {
        setCell(s, critCell(k, "HT", i), "Đạt");
        setCell(s, critCell(k, "KH", i), "Đạt");
      }
    };
    fill(1, "00002");
    fill(4, "00001");
    fill(7, "00003");
    const r = ok(sheets);
    expect(r.value.communes.map((c) => [c.code, c.source?.row])).toEqual([
      ["00002", 7],
      ["00001", 10],
      ["00003", 13],
    ]);
  });
});

describe("Tiêu chí: accepted input forms", () => {
  it("HT and KH in either order under a criterion label (read by label, not position)", () => {
    const sheets = workbook();
    const s = crit(sheets);
    // Swap the sub-labels of criterion 11 only: the data stay, so HT and KH of 11 exchange.
    const ht = critColumn(11, "HT");
    setCell(s, `${columnLetter(ht)}5`, "KH");
    setCell(s, `${columnLetter(ht + 1)}5`, "HT");
    const r = ok(sheets);
    expect(r.value.communes[0]!.baseline).toEqual([...range(1, 10), 11]);
    expect(r.value.communes[0]!.plan).toEqual([...range(1, 10), 12]);
    expect(r.value.source?.columns.criteria[10]).toEqual({ baseline: columnLetter(ht + 1), plan: columnLetter(ht) });
  });

  it("reversed columns with their data read the same values", () => {
    const sheets = workbook();
    const s = crit(sheets);
    for (const row of s.values.slice(4)) {
      const a = critColumn(2, "HT") - 1;
      [row[a], row[a + 1]] = [row[a + 1], row[a]];
    }
    const r = ok(sheets);
    expect(r.value.communes.map((c) => [c.baseline, c.plan])).toEqual(DEFAULT_COMMUNES.map((c) => [c.baseline, c.plan]));
    expect(r.value.source?.columns.criteria[1]).toEqual({ baseline: "K", plan: "J" });
  });

  it("an inserted notes column between criteria and one inside a criterion's merge", () => {
    const sheets = workbook();
    const s = crit(sheets);
    insertColumn(s, critColumn(2, "HT"), 4, "Ghi chú"); // new J: criteria 2.. shift right
    insertColumn(s, critColumn(5, "HT") + 2, 4, ""); // inside criterion 5's merge (between HT and KH)
    setCell(s, "J6", "nhận xét");
    const r = ok(sheets);
    expect(r.value.communes.map((c) => [c.baseline, c.plan])).toEqual(DEFAULT_COMMUNES.map((c) => [c.baseline, c.plan]));
    expect(r.value.source?.columns.criteria[1]).toEqual({ baseline: "K", plan: "L" });
    expect(r.value.source?.columns.criteria[4]).toEqual({ baseline: "Q", plan: "S" });
  });

  it("NFD and upper-case sheet names, labels and values", () => {
    const sheets = workbook();
    const s = crit(sheets);
    s.name = "TIÊU CHÍ".normalize("NFD");
    s.values = s.values.map((row, r) =>
      row.map((v) => (typeof v !== "string" ? v : r < 5 ? v.toUpperCase().normalize("NFD") : v.normalize("NFD"))),
    );
    const r = ok(sheets);
    expect(r.value.communes.map((c) => [c.code, c.name, c.baseline, c.plan])).toEqual(
      DEFAULT_COMMUNES.map((c) => [c.code, c.name, c.baseline, c.plan]),
    );
    expect(r.value.communes[0]!.name).toBe("Hoàng Đồng".normalize("NFC"));
    expect(r.value.source?.criteriaSheet).toBe("TIÊU CHÍ".normalize("NFD"));
  });

  it("accepted yes/no forms: unaccented words, booleans, numbers 1/0, x, ✓, upper case, empty", () => {
    const sheets = workbook({ communes: [{ code: "06148", name: "Hoàng Đồng" }] });
    const s = crit(sheets);
    const yes: unknown[] = ["Dat", true, 1, "x", "✓", "✔", "ĐẠT", "Co", "Đ", "TRUE"];
    const no: unknown[] = ["Chua dat", false, 0, "", "-", "–", "CĐ", "Khong", "FALSE", "Chưa"];
    for (const [i, v] of yes.entries()) {
      setCell(s, critCell(i + 1, "HT", 0), v);
      setCell(s, critCell(i + 1, "KH", 0), v);
    }
    for (const [i, v] of no.slice(0, 9).entries()) {
      setCell(s, critCell(i + 11, "HT", 0), v);
      setCell(s, critCell(i + 11, "KH", 0), v);
    }
    setCell(s, "D6", "x");
    setCell(s, "E6", true);
    setCell(s, "F6", 0);
    setCell(s, "G6", "Không");
    const r = parseWorkbook(sheets, REF);
    const issues = allIssues(r);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    if (!r.ok) throw new Error("unreachable");
    expect(r.value.communes[0]!.baseline).toEqual(range(1, 10));
    expect(r.value.communes[0]!.plan).toEqual(range(1, 10));
    expect(r.value.communes[0]!.flags).toEqual({ border: true, pilotDifficult: true, ntmTarget: false, districtDifficult: false });
  });

  it("a numeric Mã xã 6148 is read as 06148", () => {
    const sheets = workbook();
    setCell(crit(sheets), "B6", 6148);
    expect(ok(sheets).value.communes[0]!.code).toBe("06148");
  });

  it("criterion label forms: `Tiêu chí số 2: ...`, `TC 03`, `Tiêu chí 4`, `tc05`", () => {
    const sheets = workbook();
    const s = crit(sheets);
    setCell(s, "J4", "Tiêu chí số 2: Giao thông");
    setCell(s, "L4", "TC 03");
    setCell(s, "N4", "Tiêu chí 4 - Điện");
    setCell(s, "P4", "tc05");
    expect(ok(sheets).value.communes[0]!.plan).toEqual(range(1, 12));
  });

  it("accepted flag labels and optional STT", () => {
    const sheets = workbook({
      district: "183",
      communes: [
        {
          ...DEFAULT_COMMUNES[0]!,
          flags: { border: "x", pilotDifficult: "x", ntmTarget: "", districtDifficult: "x" },
          plan: [...range(1, 12), 14, 15, 18],
        },
      ],
    });
    const s = crit(sheets);
    setCell(s, "D4", "Biên giới");
    setCell(s, "E4", "Xã điểm đặc biệt khó khăn");
    setCell(s, "F4", "Đăng ký đạt chuẩn NTM");
    setCell(s, "G4", "Xã ĐBKK huyện chọn");
    setCell(s, "A4", "");
    const r = ok(sheets);
    expect(r.value.communes[0]!.flags).toEqual({ border: true, pilotDifficult: true, ntmTarget: false, districtDifficult: true });
  });

  it("a missing flag column means no commune has that flag", () => {
    const sheets = workbook({ communes: [{ ...DEFAULT_COMMUNES[0]!, flags: { pilotDifficult: "x" } }] });
    deleteColumn(crit(sheets), 5); // Xã điểm ĐBKK
    const r = ok(sheets);
    expect(r.value.communes[0]!.flags.pilotDifficult).toBe(false);
    expect(r.value.source?.columns.flags.pilotDifficult).toBeNull();
    expect(r.value.source?.columns.criteria[0]).toEqual({ baseline: "G", plan: "H" });
  });

  it("ragged rows and junk (null, undefined) read as empty", () => {
    const sheets = workbook({ rows: 5 });
    const s = crit(sheets);
    s.values[8] = [undefined, null]; // a blank, short row
    s.values[9] = [];
    s.values[5] = s.values[5]!.slice(0, critColumn(19, "KH") - 1); // criterion 19 KH cell cut off
    const r = ok(sheets);
    expect(r.value.communes).toHaveLength(3);
  });

  it("parseCriteria alone: piece with rows and completeness", () => {
    const { piece, issues } = parseCriteria(crit(workbook()), REF.criteria);
    expect(issues).toEqual([]);
    expect(piece.headerComplete).toBe(true);
    expect(piece.communes.map((c) => [c.code, c.row, c.incomplete])).toEqual([
      ["06148", 6, false],
      ["06151", 7, false],
      ["06154", 8, false],
    ]);
  });
});

describe("Tiêu chí: end of the table", () => {
  it("the generated `Tổng cộng` row ends the table; a commune below it is an error", () => {
    const sheets = workbook();
    const s = crit(sheets);
    expect(getCell(s, "C9")).toBe("Tổng cộng");
    setCell(s, "B11", "06160");
    setCell(s, "C11", "Xã Mới");
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([E("commune.after_total", "B11", 11, "06160")]);
    expect(allIssues(r)[0]!.message).toContain("dòng 9");
  });

  it.each([
    ["A", "Tổng"],
    ["A", "Cộng"],
    ["C", "TỔNG CỘNG"],
    ["A", "Ghi chú: số liệu tạm tính"],
  ])("%s = %j ends the table", (col, word) => {
    const sheets = workbook({ rows: 5 });
    const s = crit(sheets);
    setCell(s, "C9", "");
    setCell(s, `${col}9`, word);
    setCell(s, "C10", "Một xã không mã");
    setCell(s, critCell(1, "HT", 4), "Đạt");
    expect(ok(sheets).value.communes).toHaveLength(3);
  });

  it("the total row with Excel's computed counts (numbers) still ends the table", () => {
    const sheets = workbook();
    const s = crit(sheets);
    for (let c = 3; c < s.values[8]!.length; c++) s.values[8]![c] = 2;
    s.values[5]![critColumn(19, "KH")] = 12; // the live count of row 6 as Excel shows it
    expect(ok(sheets).value.communes).toHaveLength(3);
  });

  it("without an end row the table runs to the end of the grid", () => {
    const sheets = workbook();
    const s = crit(sheets);
    s.values = s.values.slice(0, 8); // drop the total row
    expect(ok(sheets).value.communes).toHaveLength(3);
  });

  it("a row with data but a Tổng-like name and a code is a commune, not the end", () => {
    const sheets = workbook({ communes: [...DEFAULT_COMMUNES.slice(0, 2), { ...DEFAULT_COMMUNES[2]!, name: "Tổng" }] });
    expect(ok(sheets).value.communes[2]!.name).toBe("Tổng");
  });
});

describe("Tiêu chí: cell errors name the real cell", () => {
  it("missing or invalid Mã xã, missing Tên xã", () => {
    const sheets = workbook({ rows: 5 });
    const s = crit(sheets);
    setCell(s, "B6", "");
    setCell(s, "B7", "06-151");
    setCell(s, "C8", " ");
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([
      E("commune.code_missing", "B6", 6),
      E("commune.code_invalid", "B7", 7),
      E("commune.name_missing", "C8", 8, "06154"),
    ]);
  });

  it("Mã xã has exactly 5 digits: 006199 and a 6-digit number are errors at the cell, text 6199 is padded", () => {
    const sheets = workbook({ rows: 5 });
    const s = crit(sheets);
    setCell(s, "B6", "006199");
    setCell(s, "B7", 106199);
    setCell(s, "B8", "6199");
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([E("commune.code_invalid", "B6", 6), E("commune.code_invalid", "B7", 7)]);
    expect(allIssues(r)[0]!.message).toBe('Mã xã "006199" không hợp lệ. Mã xã gồm đúng 5 chữ số, ví dụ 06148.');
    expect(allIssues(r)[1]!.messageEn).toBe("Commune code 106199 is not valid. A commune code has exactly 5 digits, e.g. 06148.");
  });

  it("06199 and 006199 in one sheet: the second is refused by the 5-digit rule, not counted as another commune", () => {
    const sheets = workbook({ rows: 5 });
    setCell(crit(sheets), "B6", 6199);
    setCell(crit(sheets), "B7", "006199");
    expect(brief(allIssues(parse(sheets)))).toEqual([E("commune.code_invalid", "B7", 7)]);
  });

  it("a name of spaces, zero-width spaces or control characters is missing (shared rule, at the Tên xã cell)", () => {
    const sheets = workbook({ rows: 5 });
    const s = crit(sheets);
    setCell(s, "C6", "\u200b\u200b");
    setCell(s, "C7", "\u0000\u0007");
    setCell(s, "C8", " \u2060\ufeff\t ");
    expect(brief(allIssues(parse(sheets)))).toEqual([
      E("commune.name_missing", "C6", 6, "06148"),
      E("commune.name_missing", "C7", 7, "06151"),
      E("commune.name_missing", "C8", 8, "06154"),
    ]);
  });

  it("a name is stored cleaned: zero-width and control characters removed, inner white space collapsed", () => {
    const sheets = workbook();
    setCell(crit(sheets), "C6", " Hoàng\u200b Đ\u200dồng\u0000\n\tXã ");
    expect(ok(sheets).value.communes[0]!.name).toBe("Hoàng Đồng Xã");
  });

  it("a name of blanks on a row whose code is invalid is reported by the reader (the row never reaches the rules)", () => {
    const sheets = workbook({ rows: 5 });
    setCell(crit(sheets), "B7", "006151");
    setCell(crit(sheets), "C7", "\u200b ");
    expect(brief(allIssues(parse(sheets)))).toEqual([E("commune.code_invalid", "B7", 7), E("commune.name_missing", "C7", 7)]);
  });

  it("a commune name over 200 characters", () => {
    const sheets = workbook();
    setCell(crit(sheets), "C7", "Xã ".repeat(80));
    expect(brief(allIssues(parse(sheets)))).toEqual([E("text.too_long", "C7", 7, "06151")]);
  });

  it("invalid criterion and flag values", () => {
    const sheets = workbook();
    const s = crit(sheets);
    setCell(s, critCell(3, "KH", 1), "Đạtt");
    setCell(s, critCell(19, "HT", 2), 2);
    setCell(s, "F6", "có lẽ");
    setCell(s, critCell(1, "HT", 0), { weird: true });
    setCell(s, critCell(1, "KH", 0), Number.NaN);
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([
      E("flag.invalid_value", "F6", 6, "06148"),
      E("criterion.invalid_value", "H6", 6, "06148"),
      E("criterion.invalid_value", "I6", 6, "06148"),
      E("criterion.invalid_value", "M7", 7, "06151"),
      E("criterion.invalid_value", "AR8", 8, "06154"),
    ]);
    const m7 = withCode(allIssues(r), "criterion.invalid_value")[2]!;
    expect(m7.message).toContain('"Đạtt"');
    expect(m7.message).toContain("tiêu chí 3 (KH)");
    expect(m7.message).toContain('"Đạt" hoặc "Chưa đạt"');
  });

  it("a grid not starting at A1 offsets every reference", () => {
    const sheets = workbook();
    const s = crit(sheets);
    setCell(s, critCell(3, "KH", 1), "sai");
    s.address = "'Tiêu chí'!B3:AV14"; // the same values, placed one column right and two rows down
    const r = parse(sheets);
    expect(brief(allIssues(r))).toEqual([E("criterion.invalid_value", "N9", 9, "06151")]);
    setCell(
      s,
      critCell(3, "KH", 1)
        .replace(/\d+/, (d) => String(Number(d) + 2))
        .replace(/^[A-Z]+/, "N"),
      "Đạt",
    );
    const fixed = ok(sheets);
    expect(fixed.value.communes.map((c) => c.source?.row)).toEqual([8, 9, 10]);
    expect(fixed.value.source?.columns.code).toBe("C");
  });

  it("legacy TCVN3 in a criterion cell and VNI in a name get the encoding message", () => {
    const sheets = workbook();
    const s = crit(sheets);
    setCell(s, critCell(2, "HT", 0), "§¹t");
    setCell(s, "C7", "Taân Lieân");
    const r = parse(sheets);
    const issues = allIssues(r);
    expect(brief(issues)).toEqual([E("text.legacy_encoding", "J6", 6, "06148"), E("text.legacy_encoding", "C7", 7, "06151")]);
    expect(issues[0]!.message).toContain("TCVN3");
    expect(issues[0]!.message).toContain("Chuyển mã");
    expect(issues[1]!.message).toContain("VNI");
  });

  it("VNI in a criterion cell and TCVN3 in a name", () => {
    const sheets = workbook();
    const s = crit(sheets);
    setCell(s, critCell(2, "KH", 2), "Chöa ñaït");
    setCell(s, "C6", "Hoµng §ång");
    const issues = allIssues(parse(sheets));
    expect(brief(issues)).toEqual([E("text.legacy_encoding", "C6", 6, "06148"), E("text.legacy_encoding", "K8", 8, "06154")]);
    expect(issues[1]!.messageEn).toContain("VNI");
  });
});

describe("Tiêu chí: header errors", () => {
  it("no `Mã xã` in the first 20 rows", () => {
    const sheets = workbook();
    setCell(crit(sheets), "B4", "Mã");
    expect(brief(allIssues(parse(sheets)))).toEqual([E("header.not_found", null, null)]);
  });

  it("`Mã xã` below row 20 is not a header", () => {
    const sheets = workbook();
    const s = crit(sheets);
    s.values = [...Array.from({ length: 17 }, () => [""]), ...s.values];
    expect(withCode(allIssues(parse(sheets)), "header.not_found")).toHaveLength(1);
  });

  it("a missing criterion", () => {
    const sheets = workbook();
    deleteColumn(crit(sheets), critColumn(5, "HT"));
    deleteColumn(crit(sheets), critColumn(5, "HT"));
    expect(brief(allIssues(parse(sheets)))).toEqual([E("header.criterion_missing", null, 4)]);
    expect(allIssues(parse(sheets))[0]!.message).toContain("tiêu chí 5");
  });

  it("a duplicate criterion (and so one missing)", () => {
    const sheets = workbook();
    setCell(crit(sheets), "R4", "TC5 - Trường học");
    const issues = allIssues(parse(sheets));
    expect(brief(issues)).toEqual([E("header.criterion_missing", null, 4), E("header.criterion_duplicate", "R4", 4)]);
    expect(issues[1]!.message).toContain("P4");
  });

  it("a criterion outside the set", () => {
    const sheets = workbook();
    setCell(crit(sheets), "R4", "TC20");
    const issues = brief(allIssues(parse(sheets)));
    expect(issues).toContainEqual(E("header.criterion_unknown", "R4", 4));
  });

  it("a missing HT/KH sub-column", () => {
    const sheets = workbook();
    setCell(crit(sheets), "M5", "");
    expect(brief(allIssues(parse(sheets)))).toEqual([E("header.subcolumn_missing", "L4", 4)]);
  });

  it("a missing `Tên xã` column", () => {
    const sheets = workbook();
    setCell(crit(sheets), "C4", "");
    expect(brief(allIssues(parse(sheets)))).toEqual([E("header.column_missing", null, 4)]);
  });
});

describe("Tiêu chí: sheet and commune presence", () => {
  it("missing sheet", () => {
    const sheets = workbook();
    const r = parse([sheets[0]!, sheets[2]!]);
    expect(brief(allIssues(r))).toEqual([E("sheet.missing", null, null)]);
  });

  it("no commune at all", () => {
    const r = parse(workbook({ communes: [] }));
    expect(brief(allIssues(r))).toEqual([E("commune.none", null, null)]);
  });

  it("a second sheet with the same name is a warning and ignored", () => {
    const sheets = workbook();
    const r = parse([...sheets, { name: "TIÊU CHÍ", address: "A1", values: [["junk"]] }]);
    expect(brief(allIssues(r))).toEqual([
      { code: "sheet.duplicate", severity: "warning", sheet: "TIÊU CHÍ", cell: null, row: null, commune: null },
    ]);
    expect(r.ok).toBe(true);
  });
});
