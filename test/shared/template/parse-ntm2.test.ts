import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { SheetInput } from "../../../shared/template/input.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { parseNtm2 } from "../../../shared/template/parse-ntm2.ts";
import { unitSubmissionSchema } from "../../../shared/schemas/unit-submission.ts";
import { cellAddress } from "../../../shared/template/a1.ts";
import { allIssues, brief } from "../helpers/issues.ts";
import { deleteColumn, getCell, insertColumn, setCell } from "../helpers/grid.ts";
import {
  ADVANCED,
  BORDER,
  FREE_2019,
  FREE_2026,
  HUYEN_2023,
  MODEL,
  XA_2027,
  markColumn,
  ntm2Column,
  ntm2Workbook,
  upTo,
} from "./ntm2-fixtures.ts";

const at = (
  sheet: string,
  code: string,
  severity: "error" | "warning",
  cell: string | null,
  row: number | null,
  commune: string | null = null,
) => ({
  code,
  severity,
  sheet,
  cell,
  row,
  commune,
});
const I = (code: string, severity: "error" | "warning", cell: string, row: number) => at("Thông tin", code, severity, cell, row);
const T = (code: string, severity: "error" | "warning", cell: string | null, row: number | null, commune: string | null) =>
  at("Tiêu chí", code, severity, cell, row, commune);
const C = (code: string, severity: "error" | "warning", cell: string | null, row: number | null) =>
  at("Nguồn vốn", code, severity, cell, row);

const XA_CAPITAL = { "1.1": 1200, "1.2": 300.5, "2": 450, "3": 20 };
/** 06004 Đoàn Kết (group 2, not border) fills HT 1-6, KH 1-8 and `NTM nâng cao`. */
const xa = () => ntm2Workbook(XA_2027, "06004", [{ baseline: upTo(6), plan: upTo(8), marks: { [ADVANCED]: "x" } }], XA_CAPITAL);
/** District 183 of 2023 and its three listed communes. */
const huyen = () =>
  ntm2Workbook(
    HUYEN_2023,
    "183",
    [
      { baseline: upTo(10), plan: upTo(12) },
      { baseline: upTo(15), plan: upTo(19), marks: { "Phấn đấu đạt chuẩn NTM": "x", [MODEL]: "x" } },
      { baseline: upTo(19), plan: upTo(19), marks: { [ADVANCED]: "x" } },
    ],
    { "1.1": 1000, "4": 250 },
  );
const parse = (sheets: SheetInput[], setup: Setup) => parseNtm2(sheets, setup);

describe("parseNtm2: a filled NTM-2 template", () => {
  it("reads to the unit's exact submission: communes, group, attributes, flags by label, capital by STT", () => {
    const r = parse(xa().sheets, XA_2027);
    expect(allIssues(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.value).toEqual({
      templateVersion: "NTM-2",
      unit: "06004",
      unitName: "Xã Đoàn Kết",
      year: 2027,
      criteriaSet: "2026-2030",
      preparedBy: null,
      phone: null,
      preparedOn: null,
      communes: [
        {
          code: "06004",
          name: "Đoàn Kết",
          group: 2,
          attributes: { [BORDER]: false },
          flags: { "Phấn đấu đạt chuẩn NTM": false, [ADVANCED]: true },
          baseline: upTo(6),
          plan: upTo(8),
          source: { sheet: "Tiêu chí", row: 6 },
        },
      ],
      capital: { "1.1": 1_200_000, "1.2": 300_500, "2": 450_000, "3": 20_000 },
      source: {
        criteriaSheet: "Tiêu chí",
        columns: {
          code: "B",
          name: "C",
          group: "D",
          labels: { [BORDER]: "E", "Phấn đấu đạt chuẩn NTM": "F", [ADVANCED]: "G" },
          criteria: upTo(10).map((k) => ({
            baseline: cellAddress(1, 6 + 2 * k).replace("1", ""),
            plan: cellAddress(1, 7 + 2 * k).replace("1", ""),
          })),
        },
      },
    });
    expect(unitSubmissionSchema.safeParse(r.value).success).toBe(true);
  });

  it("reads a district of 19 criteria with several listed communes and two plan flags, no warning", () => {
    const r = parse(huyen().sheets, HUYEN_2023);
    expect(allIssues(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.communes.map((c) => [c.code, c.attributes[BORDER], c.flags, c.plan.length])).toEqual([
      ["06148", false, { "Phấn đấu đạt chuẩn NTM": false, [ADVANCED]: false, [MODEL]: false }, 12],
      ["06151", true, { "Phấn đấu đạt chuẩn NTM": true, [ADVANCED]: false, [MODEL]: true }, 19],
      ["06154", false, { "Phấn đấu đạt chuẩn NTM": false, [ADVANCED]: true, [MODEL]: false }, 19],
    ]);
    expect(r.value.capital).toEqual({ "1.1": 1_000_000, "1.2": 0, "2": 0, "3": 0, "4": 250_000, "5": 0, "6": 0 });
  });

  it("preparer keys, `Mã huyện` / `Tên huyện` for `Mã đơn vị` / `Tên đơn vị`, a number code padded, NFD and upper case", () => {
    const w = huyen();
    setCell(w.info, "A3", "MÃ HUYỆN".normalize("NFD"));
    setCell(w.info, "B3", 183);
    setCell(w.info, "A4", "Tên huyện");
    setCell(w.info, "B4", "Cao Lộc".normalize("NFD"));
    setCell(w.info, "B7", "Nguyễn Văn An");
    setCell(w.info, "B9", "28/02/2023");
    w.criteria.name = "TIÊU CHÍ".normalize("NFD");
    w.criteria.values[3] = w.criteria.values[3]!.map((v) => (typeof v === "string" ? v.toUpperCase().normalize("NFD") : v));
    const r = parse(w.sheets, HUYEN_2023);
    expect(allIssues(r)).toEqual([]);
    expect(r.ok && [r.value.unit, r.value.unitName, r.value.preparedBy, r.value.preparedOn]).toEqual([
      "183",
      "Cao Lộc",
      "Nguyễn Văn An",
      "2023-02-28",
    ]);
    expect(r.ok && r.value.communes[1]!.flags[MODEL]).toBe(true);
  });

  it("HT/KH swapped, an inserted notes column, Dat / Khong and ✓ marks", () => {
    const w = huyen();
    const ht = ntm2Column(HUYEN_2023, 3, "HT");
    for (const row of w.criteria.values.slice(4)) [row[ht - 1], row[ht]] = [row[ht], row[ht - 1]];
    for (const row of w.criteria.values.slice(5, 8))
      for (let c = 0; c < row.length; c++)
        row[c] = row[c] === "Đạt" ? "Dat" : row[c] === "Chưa đạt" ? "Khong" : row[c] === "x" ? "✓" : row[c];
    insertColumn(w.criteria, 4, 4, "Ghi chú");
    const r = parse(w.sheets, HUYEN_2023);
    expect(allIssues(r)).toEqual([]);
    expect(r.ok && r.value.communes.map((c) => [c.baseline.length, c.plan.length, c.attributes[BORDER]])).toEqual([
      [10, 12, false],
      [15, 19, true],
      [19, 19, false],
    ]);
  });

  it("criterion blocks in another order (TC 2 before TC 1): HT and KH still listed in number order", () => {
    const w = xa();
    const h1 = w.criteria.values.findIndex((row) => row.includes("Mã xã"));
    const first = ntm2Column(XA_2027, 1, "HT") - 1;
    const second = ntm2Column(XA_2027, 2, "HT") - 1;
    const header = w.criteria.values[h1]!;
    [header[first], header[second]] = [header[second], header[first]];
    const inOrder = parse(w.sheets, XA_2027);
    expect(allIssues(inOrder)).toEqual([]);
    expect(inOrder.ok && [inOrder.value.communes[0]!.baseline, inOrder.value.communes[0]!.plan]).toEqual([upTo(6), upTo(8)]);
    expect(inOrder.ok && inOrder.value.source?.columns.criteria.slice(0, 2)).toEqual([
      { baseline: cellAddress(1, second + 1).replace("1", ""), plan: cellAddress(1, second + 2).replace("1", "") },
      { baseline: cellAddress(1, first + 1).replace("1", ""), plan: cellAddress(1, first + 2).replace("1", "") },
    ]);
    // The first block is now TC 2: its HT not met leaves TC 1, 3-6.
    setCell(w.criteria, cellAddress(6, first + 1), "Chưa đạt");
    const r = parse(w.sheets, XA_2027);
    expect(allIssues(r)).toEqual([]);
    expect(r.ok && [r.value.communes[0]!.baseline, r.value.communes[0]!.plan]).toEqual([[1, 3, 4, 5, 6], upTo(8)]);
  });

  it("the same setup read twice gives the same submission; lists assigned anew to it are read anew", () => {
    const first = parse(xa().sheets, XA_2027);
    expect(parse(xa().sheets, XA_2027)).toEqual(first);
    const setup: Setup = { ...XA_2027 };
    expect(parse(xa().sheets, setup)).toEqual(first);
    setup.planFlags = [];
    const r = parse(xa().sheets, setup);
    expect(r.ok && r.value.communes[0]!.flags).toEqual({ "Phấn đấu đạt chuẩn NTM": false });
    expect(first.ok && first.value.communes[0]!.flags).toEqual({ "Phấn đấu đạt chuẩn NTM": false, [ADVANCED]: true });
  });

  it("a missing attribute column is not typed (no key); a missing flag column means the flag is not set", () => {
    const w = huyen();
    deleteColumn(w.criteria, markColumn(HUYEN_2023, ADVANCED));
    deleteColumn(w.criteria, markColumn(HUYEN_2023, BORDER));
    const r = parse(w.sheets, HUYEN_2023);
    expect(allIssues(r)).toEqual([]);
    expect(r.ok && r.value.communes[2]).toMatchObject({ attributes: {}, flags: { [ADVANCED]: false } });
  });

  it("never throws, whatever the grids", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ name: fc.constantFrom("Thông tin", "Tiêu chí", "Nguồn vốn", "x"), values: fc.array(fc.array(fc.anything())) }),
        ),
        (sheets) => {
          const r = parse(sheets.map((s) => ({ ...s, address: "A1" })) as SheetInput[], XA_2027);
          expect(typeof r.ok).toBe("boolean");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("parseNtm2: `Thông tin` under the setup", () => {
  it("a code of the other level's length: info.unit_invalid (a shorter one is padded, as Excel drops zeros)", () => {
    const w = huyen();
    setCell(w.info, "B3", "06148");
    expect(brief(allIssues(parse(w.sheets, HUYEN_2023)))).toEqual([I("info.unit_invalid", "error", "B3", 3)]);
    expect(allIssues(parse(w.sheets, HUYEN_2023))[0]!.message).toBe(
      'Mã đơn vị "06148" không hợp lệ. Năm 2023 báo cáo theo cấp huyện: mã đơn vị gồm đúng 3 chữ số, ví dụ 183.',
    );
    const x = xa();
    setCell(x.info, "B3", "0600412");
    expect(allIssues(parse(x.sheets, XA_2027))[0]!.message).toBe(
      'Mã đơn vị "0600412" không hợp lệ. Năm 2027 báo cáo theo cấp xã: mã đơn vị gồm đúng 5 chữ số, ví dụ 06148.',
    );
    setCell(x.info, "B3", 6004);
    expect(allIssues(parse(x.sheets, XA_2027))).toEqual([]);
  });

  it("a code that is not a unit of the year: info.unit_unknown, and no commune-list rule on its rows", () => {
    const w = xa();
    setCell(w.info, "B3", "06148");
    expect(brief(allIssues(parse(w.sheets, XA_2027)))).toEqual([I("info.unit_unknown", "error", "B3", 3)]);
  });

  it("the unit's name: another name is a warning, with or without `Xã` it is the same", () => {
    const w = xa();
    setCell(w.info, "B4", "Đoàn Kết");
    expect(allIssues(parse(w.sheets, XA_2027))).toEqual([]);
    setCell(w.info, "B4", "Xã Đoàn Kết Mới");
    const r = parse(w.sheets, XA_2027);
    expect(r.ok).toBe(true);
    expect(brief(allIssues(r))).toEqual([I("info.unit_name_mismatch", "warning", "B4", 4)]);
  });

  it("a year other than the setup's: info.year_mismatch", () => {
    const w = xa();
    setCell(w.info, "B5", 2026);
    const issues = allIssues(parse(w.sheets, XA_2027));
    expect(brief(issues)).toEqual([I("info.year_mismatch", "error", "B5", 5)]);
    expect(issues[0]!.message).toContain("năm kế hoạch 2026 nhưng cấu hình dùng để kiểm tra là của năm 2027");
  });

  it("`Bộ tiêu chí`: another set is an error; empty means the setup's", () => {
    const w = xa();
    setCell(w.info, "B6", "2021-2025");
    expect(brief(allIssues(parse(w.sheets, XA_2027)))).toEqual([I("info.criteria_set_mismatch", "error", "B6", 6)]);
    setCell(w.info, "B6", "");
    const r = parse(w.sheets, XA_2027);
    expect(r.ok && r.value.criteriaSet).toBe("2026-2030");
  });

  it("`Phiên bản biểu mẫu`: NTM-2 as typed by hand (`ntm 2`) is read; another version is an error", () => {
    const w = xa();
    setCell(w.info, "B10", "ntm 2");
    expect(allIssues(parse(w.sheets, XA_2027))).toEqual([]);
    setCell(w.info, "B10", "NTM-3");
    expect(brief(allIssues(parse(w.sheets, XA_2027)))).toEqual([I("info.version_unsupported", "error", "B10", 10)]);
  });

  it("required keys", () => {
    const w = xa();
    setCell(w.info, "B3", "");
    setCell(w.info, "B4", " ");
    expect(brief(allIssues(parse(w.sheets, XA_2027)))).toEqual([
      I("info.missing_key", "error", "B3", 3),
      I("info.missing_key", "error", "B4", 4),
    ]);
  });
});

describe("parseNtm2: `Tiêu chí` under the setup", () => {
  it("the set's criteria: TC1..TC10, a TC11 column is unknown, a missing one is an error", () => {
    const w = xa();
    insertColumn(w.criteria, 28, 4, "TC11 - Thêm");
    setCell(w.criteria, cellAddress(5, 28), "HT");
    const issues = allIssues(parse(w.sheets, XA_2027));
    expect(brief(issues)).toEqual([T("header.criterion_unknown", "error", "AB4", 4, null)]);
    expect(issues[0]!.message).toContain("(1-10)");
    const v = xa();
    setCell(v.criteria, cellAddress(4, ntm2Column(XA_2027, 10, "HT")), "Tiêu chí mới");
    expect(brief(allIssues(parse(v.sheets, XA_2027)))).toEqual([T("header.criterion_missing", "error", null, 4, null)]);
  });

  it("plan rules with the set's size: a target commune with KH 9 of 10 criteria is warned", () => {
    const w = ntm2Workbook(XA_2027, "06007", [{ baseline: upTo(5), plan: upTo(9), marks: { "Phấn đấu đạt chuẩn NTM": "x" } }]);
    const issues = allIssues(parse(w.sheets, XA_2027));
    expect(brief(issues)).toEqual([T("plan.target_incomplete", "warning", "F6", 6, "06007")]);
    expect(issues[0]!.message).toContain("KH chỉ có 9/10 tiêu chí");
  });

  it("`Nhóm xã` typed without a list: 2, `2`, `Nhóm 3`, empty; 4 is commune.group_invalid", () => {
    const rows = [
      { code: "06400", name: "Vũ Lăng", group: 2, baseline: upTo(3), plan: upTo(6) },
      { code: "06403", name: "Hưng Vũ", group: "2", baseline: upTo(3), plan: upTo(6) },
      { code: "06406", name: "Vũ Lễ", group: "Nhóm 3", baseline: upTo(3), plan: upTo(6) },
      { code: "06409", name: "Tân Tri", baseline: upTo(3), plan: upTo(6) },
    ];
    const r = parse(ntm2Workbook(FREE_2026, "185", rows, {}, 4).sheets, FREE_2026);
    expect(r.ok && r.value.communes.map((c) => c.group)).toEqual([2, 2, 3, null]);
    const bad = ntm2Workbook(FREE_2026, "185", [{ ...rows[0]!, group: 4 }], {}, 1);
    const issues = allIssues(parse(bad.sheets, FREE_2026));
    expect(brief(issues).filter((i) => i.severity === "error")).toEqual([T("commune.group_invalid", "error", "D6", 6, "06400")]);
    expect(issues.find((i) => i.code === "commune.group_invalid")!.message).toBe(
      "Nhóm xã 4 không hợp lệ. Hãy ghi 1, 2 hoặc 3 (nhóm 1, nhóm 2, nhóm 3), hoặc để trống.",
    );
  });

  it("the border rule reads the unit's `Huyện biên giới` (no list): warned in 185, not in 183", () => {
    const row = { code: "06400", name: "Vũ Lăng", baseline: upTo(3), plan: upTo(6), marks: { [BORDER]: "x" } };
    const issues = (unit: string) =>
      brief(allIssues(parse(ntm2Workbook(FREE_2026, unit, [row], {}, 1).sheets, FREE_2026))).filter((i) => i.sheet === "Tiêu chí");
    expect(issues("185")).toEqual([T("flag.border_not_border_district", "warning", "E6", 6, "06400")]);
    expect(issues("183")).toEqual([]);
  });

  it("`Xã ĐBKK do huyện chọn` is a rule of the 2016-2020 set only", () => {
    const row = { code: "06400", name: "Vũ Lăng", baseline: upTo(3), plan: upTo(9), marks: { "Xã ĐBKK do huyện chọn": "x" } };
    const issues = brief(allIssues(parse(ntm2Workbook(FREE_2019, "185", [row], {}, 1).sheets, FREE_2019))).filter(
      (i) => i.sheet === "Tiêu chí",
    );
    expect(issues).toEqual([T("plan.district_difficult_missing", "warning", "G6", 6, "06400")]);
    expect(() => markColumn(FREE_2026, "Xã ĐBKK do huyện chọn")).toThrow();
  });
});

describe("parseNtm2: the commune list", () => {
  it("a commune of another unit: commune.unknown naming its unit, and the listed commune is missing", () => {
    const w = huyen();
    setCell(w.criteria, "B6", "06400");
    const issues = allIssues(parse(w.sheets, HUYEN_2023));
    expect(brief(issues)).toEqual([
      at("Tiêu chí", "commune.missing", "warning", null, null),
      T("commune.unknown", "error", "B6", 6, "06400"),
    ]);
    expect(issues[1]!.message).toBe(
      "Xã 06400 không có trong danh sách xã của đơn vị 183 năm 2023 (xã thuộc đơn vị 185 - Huyện Bắc Sơn). Hãy kiểm tra lại Mã xã, hoặc xóa dòng nếu xã không thuộc đơn vị.",
    );
    expect(issues[0]!.message).toBe(
      "Xã 06148 (Hoàng Đồng) có trong danh sách xã của đơn vị 183 năm 2023 nhưng không có trong biểu mẫu. Hãy thêm một dòng cho xã này.",
    );
  });

  it("a name or an attribute typed differently: warnings, the list wins", () => {
    const w = huyen();
    setCell(w.criteria, "C6", "Hoàng Đồng Mới");
    setCell(w.criteria, "D7", "");
    const r = parse(w.sheets, HUYEN_2023);
    expect(r.ok).toBe(true);
    expect(brief(allIssues(r))).toEqual([
      T("commune.name_mismatch", "warning", "C6", 6, "06148"),
      T("commune.attribute_mismatch", "warning", "D7", 7, "06151"),
    ]);
    expect(allIssues(r)[1]!.message).toBe(
      'Xã 06151: cột "Xã biên giới" ghi trống (không) nhưng danh sách xã của năm ghi "x" (có). Hệ thống dùng giá trị trong danh sách.',
    );
  });

  it("a group typed differently from the list", () => {
    const w = xa();
    setCell(w.criteria, "D6", 1);
    expect(brief(allIssues(parse(w.sheets, XA_2027)))).toEqual([T("commune.attribute_mismatch", "warning", "D6", 6, "06004")]);
  });

  it("an unreadable mark: its error, and neither plan rules nor attribute comparison on the row", () => {
    const w = huyen();
    setCell(w.criteria, "D7", "có lẽ");
    setCell(w.criteria, cellAddress(7, ntm2Column(HUYEN_2023, 1, "KH")), "Chưa đạt");
    expect(brief(allIssues(parse(w.sheets, HUYEN_2023)))).toEqual([T("flag.invalid_value", "error", "D7", 7, "06151")]);
  });
});

describe("parseNtm2: `Nguồn vốn` with the setup's rows", () => {
  it("a typed subtotal differing from its rows: capital.row_sum_mismatch naming them", () => {
    const w = xa();
    setCell(w.capital, "C5", 1000);
    const issues = allIssues(parse(w.sheets, XA_2027));
    expect(brief(issues)).toEqual([C("capital.row_sum_mismatch", "error", "C5", 5)]);
    expect(issues[0]!.message).toBe(
      "Mục 1 ghi 1.000 nhưng 1.1 + 1.2 = 1.500,5 (triệu đồng). Hãy sửa cho khớp hoặc để trống ô này để hệ thống tự tính.",
    );
    setCell(w.capital, "C5", "1.500,5");
    expect(allIssues(parse(w.sheets, XA_2027))).toEqual([]);
  });

  it("a typed total differing from the rows: capital.total_mismatch", () => {
    const w = xa();
    setCell(w.capital, "C10", 1970);
    expect(brief(allIssues(parse(w.sheets, XA_2027)))).toEqual([C("capital.total_mismatch", "error", "C10", 10)]);
    setCell(w.capital, "C10", 1970.5);
    expect(allIssues(parse(w.sheets, XA_2027))).toEqual([]);
  });

  it("rows by numeric STT or by label alone, amounts in tỷ đồng; an unknown row and a missing row are warnings", () => {
    const w = xa();
    setCell(w.capital, "A6", 1.1);
    setCell(w.capital, "A9", "");
    setCell(w.capital, "B9", "- Nhân dân đóng góp (tiền, ngày công)");
    setCell(w.capital, "C4", "Kế hoạch năm 2027 (tỷ đồng)");
    for (const [cell, v] of [
      ["C6", 1.2],
      ["C7", 0.3],
      ["C8", 0.45],
      ["C9", 0.02],
    ] as const)
      setCell(w.capital, cell, v);
    const r = parse(w.sheets, XA_2027);
    expect(allIssues(r)).toEqual([]);
    expect(r.ok && r.value.capital).toEqual({ "1.1": 1_200_000, "1.2": 300_000, "2": 450_000, "3": 20_000 });
    setCell(w.capital, "A8", "2.1");
    expect(getCell(w.capital, "B8")).toBe("Vốn lồng ghép Chương trình giảm nghèo bền vững");
    setCell(w.capital, "B8", "Vốn khác");
    expect(brief(allIssues(parse(w.sheets, XA_2027)))).toEqual([
      C("capital.row_missing", "warning", null, null),
      C("capital.unknown_row", "warning", "A8", 8),
    ]);
  });
});
