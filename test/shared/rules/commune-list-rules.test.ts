import { describe, expect, it } from "vitest";
import type { UnitCommune, UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { checkCommuneList, registeredIndex } from "../../../shared/rules/commune-list-rules.ts";
import { cleanUnitSubmission } from "../../../shared/rules/clean-unit-submission.ts";
import { checkUnitSubmission } from "../../../shared/rules/check-unit-submission.ts";
import { brief } from "../helpers/issues.ts";
import { BORDER, FREE_2026, HUYEN_2023, XA_2027, upTo } from "../template/ntm2-fixtures.ts";

/** HUYEN_2023's district 183 lists 06148 Hoàng Đồng, 06151 Tân Liên (border), 06154 Gia Cát; 185 lists 06400, 06403. */
const c = (code: string, name: string, row: number, o: Partial<UnitCommune> = {}): UnitCommune => ({
  code,
  name,
  group: null,
  attributes: {},
  flags: {},
  baseline: upTo(4),
  plan: upTo(6),
  source: { sheet: "Tiêu chí", row },
  ...o,
});
const LISTED_183 = [
  c("06148", "Hoàng Đồng", 6),
  c("06151", "Xã Tân Liên", 7, { attributes: { [BORDER]: true } }),
  c("06154", "Gia Cát", 8),
];
const sub = (setup: Setup, unit: string, communes: UnitCommune[]): UnitSubmission => ({
  templateVersion: "NTM-2",
  unit,
  unitName: setup.units.find((u) => u.code === unit)?.name ?? "",
  year: setup.year,
  criteriaSet: setup.criteriaSet.id,
  preparedBy: null,
  phone: null,
  preparedOn: null,
  communes,
  capital: {},
  source: {
    criteriaSheet: "Tiêu chí",
    columns: { code: "B", name: "C", group: "D", labels: { [BORDER]: "E" }, criteria: [] },
  },
});
const T = (code: string, severity: "error" | "warning", cell: string | null, row: number | null, commune: string | null) => ({
  code,
  severity,
  sheet: "Tiêu chí",
  cell,
  row,
  commune,
});

describe("checkCommuneList", () => {
  it("every listed commune of the unit, as listed (a name with or without `Xã`): nothing to say", () => {
    expect(checkCommuneList(sub(HUYEN_2023, "183", LISTED_183), HUYEN_2023)).toEqual([]);
  });

  it("no registered list: nothing is checked (the 2018 behaviour)", () => {
    expect(checkCommuneList(sub(FREE_2026, "183", [c("99999", "Bất kỳ", 6)]), FREE_2026)).toEqual([]);
  });

  it("E commune.unknown: a code the list does not have, or a commune of another unit (named)", () => {
    const issues = checkCommuneList(sub(HUYEN_2023, "183", [...LISTED_183, c("06999", "Xã Lạ", 9), c("06403", "Hưng Vũ", 10)]), HUYEN_2023);
    expect(brief(issues)).toEqual([T("commune.unknown", "error", "B9", 9, "06999"), T("commune.unknown", "error", "B10", 10, "06403")]);
    expect(issues[0]!.message).toBe(
      "Xã 06999 không có trong danh sách xã của đơn vị 183 năm 2023. Hãy kiểm tra lại Mã xã, hoặc xóa dòng nếu xã không thuộc đơn vị.",
    );
    expect(issues[1]!.messageEn).toBe(
      "Commune 06403 is not in the commune list of unit 183 for 2023 (it belongs to unit 185 - Huyện Bắc Sơn). Check the commune code, or delete the row if the commune is not part of the unit.",
    );
  });

  it("W commune.missing: a listed commune of the unit that the template lacks", () => {
    const issues = checkCommuneList(sub(HUYEN_2023, "183", LISTED_183.slice(0, 2)), HUYEN_2023);
    expect(brief(issues)).toEqual([
      { code: "commune.missing", severity: "warning", sheet: "Tiêu chí", cell: null, row: null, commune: null },
    ]);
    expect(issues[0]!.message).toContain("Xã 06154 (Gia Cát) có trong danh sách xã của đơn vị 183 năm 2023");
  });

  it("W commune.name_mismatch: another name for the code", () => {
    const renamed = [LISTED_183[0]!, { ...LISTED_183[1]!, name: "Tân Liên Mới" }, LISTED_183[2]!];
    const issues = checkCommuneList(sub(HUYEN_2023, "183", renamed), HUYEN_2023);
    expect(brief(issues)).toEqual([T("commune.name_mismatch", "warning", "C7", 7, "06151")]);
    expect(issues[0]!.message).toBe(
      'Xã 06151 ghi tên "Tân Liên Mới" nhưng danh sách xã của năm ghi "Tân Liên". Hệ thống dùng tên trong danh sách; hãy sửa nếu ghi nhầm mã.',
    );
  });

  it("W commune.attribute_mismatch: a fixed attribute (any spelling of its label) or the group typed differently", () => {
    const typed = [
      { ...LISTED_183[0]!, attributes: { "XÃ BIÊN GIỚI": true } },
      { ...LISTED_183[1]!, attributes: {} }, // not typed: nothing to compare
      LISTED_183[2]!,
    ];
    expect(brief(checkCommuneList(sub(HUYEN_2023, "183", typed), HUYEN_2023))).toEqual([
      T("commune.attribute_mismatch", "warning", "E6", 6, "06148"),
    ]);
    const group = checkCommuneList(sub(XA_2027, "06004", [c("06004", "Đoàn Kết", 6, { group: 3 })]), XA_2027);
    expect(brief(group)).toEqual([T("commune.attribute_mismatch", "warning", "D6", 6, "06004")]);
    expect(group[0]!.message).toBe(
      'Xã 06004: cột "Nhóm xã" ghi 3 nhưng danh sách xã của năm ghi 2. Hệ thống dùng giá trị trong danh sách.',
    );
    expect(checkCommuneList(sub(XA_2027, "06004", [c("06004", "Đoàn Kết", 6, { group: null })]), XA_2027)).toEqual([]);
  });

  it("rows whose cells could not all be read are not compared", () => {
    const typed = [{ ...LISTED_183[0]!, attributes: { [BORDER]: true } }, ...LISTED_183.slice(1)];
    expect(checkCommuneList(sub(HUYEN_2023, "183", typed), HUYEN_2023, { skipAttributesOf: new Set([6]) })).toEqual([]);
  });

  it("the index of a list is built once per list: the same list gives the same index, another list its own", () => {
    const list = HUYEN_2023.communes!;
    const index = registeredIndex(list);
    expect(registeredIndex(list)).toBe(index);
    expect([...index.indexOf]).toEqual([
      ["06148", 0],
      ["06151", 1],
      ["06154", 2],
      ["06400", 3],
      ["06403", 4],
    ]);
    const shorter = list.slice(0, 2);
    expect(registeredIndex(shorter)).not.toBe(index);
    expect([...registeredIndex(shorter).indexOf.keys()]).toEqual(["06148", "06151"]);
  });

  it("positionOf gives a code's position, the last when it repeats, -1 when not listed (short and long lists alike)", () => {
    const short = registeredIndex(HUYEN_2023.communes!);
    expect(["06148", "06403", "06149", "6148", ""].map(short.positionOf)).toEqual([0, 4, -1, -1, -1]);
    const base = HUYEN_2023.communes![0]!;
    // 300 communes (a list long enough to be looked up by code slot), one code repeated, one not 5 digits.
    const long = Array.from({ length: 300 }, (_, j) => ({ ...base, code: String(10_000 + j) }));
    long[299] = { ...base, code: "10005" };
    long[298] = { ...base, code: "ABC" };
    const index = registeredIndex(long);
    expect(["10000", "10005", "10297", "10298", "10299", "ABC", "abc", "99999", "1000"].map(index.positionOf)).toEqual([
      0, 299, 297, -1, -1, 298, -1, -1, -1,
    ]);
    expect(index.canonical[5]).toBe(299);
    const setup = { ...HUYEN_2023, communes: long };
    const issues = checkCommuneList(
      sub(setup, "183", [c("10000", base.name, 6), c("99999", "Bất kỳ", 7), c("10005", base.name, 8)]),
      setup,
    );
    expect(issues.map((i) => i.code).filter((code) => code !== "commune.missing")).toEqual(["commune.unknown"]);
    expect(issues[0]!.commune).toBe("99999");
    // Every listed position but 0 and both of the repeated code 10005 (5 and 299, typed once): 300 - 3.
    expect(issues.filter((i) => i.code === "commune.missing")).toHaveLength(297);
  });

  it("a setup with another list (same units) is checked against that list, not a list seen before", () => {
    const typed = LISTED_183.slice(0, 2);
    expect(checkCommuneList(sub(HUYEN_2023, "183", typed), HUYEN_2023).map((i) => [i.code, i.commune ?? i.message.slice(0, 9)])).toEqual([
      ["commune.missing", "Xã 06154 "],
    ]);
    const without = { ...HUYEN_2023, communes: HUYEN_2023.communes!.filter((r) => r.code !== "06154") };
    expect(checkCommuneList(sub(without, "183", typed), without)).toEqual([]);
    const without151 = { ...HUYEN_2023, communes: HUYEN_2023.communes!.filter((r) => r.code !== "06151") };
    expect(brief(checkCommuneList(sub(without151, "183", typed), without151))).toEqual([
      T("commune.unknown", "error", "B7", 7, "06151"),
      { code: "commune.missing", severity: "warning", sheet: "Tiêu chí", cell: null, row: null, commune: null },
    ]);
  });

  it("checkUnitSubmission runs them, except for a unit that is not one of the year's", () => {
    expect(brief(checkUnitSubmission(sub(HUYEN_2023, "183", LISTED_183.slice(1)), HUYEN_2023)).map((i) => i.code)).toEqual([
      "commune.missing",
    ]);
    expect(brief(checkUnitSubmission(sub(HUYEN_2023, "181", LISTED_183), HUYEN_2023)).map((i) => i.code)).toEqual(["info.unit_unknown"]);
  });
});

describe("cleanUnitSubmission", () => {
  it("cleans names, labels and preparer texts; keeps a clean commune as it is", () => {
    const clean = c("06148", "Hoàng Đồng", 6);
    const dirty = c("06151", " Tân\u00a0 Liên\u200b ", 7, {
      attributes: { "Xã  biên giới ": true },
      flags: { ["Phấn đấu đạt chuẩn NTM".normalize("NFD")]: true },
    });
    const s = { ...sub(HUYEN_2023, "183", [clean, dirty]), unitName: "  Huyện Cao Lộc ", preparedBy: " \u200b ", phone: " 0912 " };
    const out = cleanUnitSubmission(s);
    expect([out.unitName, out.preparedBy, out.phone]).toEqual(["Huyện Cao Lộc", null, "0912"]);
    expect(out.communes[0]).toBe(clean);
    expect(out.communes[1]).toMatchObject({ name: "Tân Liên", attributes: { [BORDER]: true }, flags: { "Phấn đấu đạt chuẩn NTM": true } });
    // A name of invisible characters is refused once cleaned, as for NTM-1.
    const blank = cleanUnitSubmission({ ...s, communes: [{ ...clean, name: " \u200b" }, ...LISTED_183.slice(1)] });
    expect(brief(checkUnitSubmission(blank, HUYEN_2023))).toEqual([
      { code: "commune.name_missing", severity: "error", sheet: "Tiêu chí", cell: "C6", row: 6, commune: "06148" },
    ]);
  });
});
