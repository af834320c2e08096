import { describe, expect, it } from "vitest";
import type { Result } from "../../../shared/result.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { SET_2016_2020, SET_2021_2025, SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { DEFAULT_CAPITAL_ROWS, builtInSetup } from "../../../shared/setup/defaults.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { allIssues, brief } from "../helpers/issues.ts";
import { huyenSetup, xaSetup } from "./fixtures.ts";

const codes = (r: Result<Setup>) => allIssues(r).map((i) => i.code);
const ok = (r: Result<Setup>): Setup => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.value;
};

describe("checkSetup: valid setups", () => {
  it("2027 at level xã: the built-in set filled in by id, the default capital rows, cleaned names", () => {
    const input = xaSetup();
    input.communes[0]!.name = "  Xã\u00a0Mo\u0323\u0302t ";
    const s = ok(checkSetup(input, 2027));
    expect(s.criteriaSet).toEqual(SET_2026_2030);
    expect(s.level).toBe("xã");
    expect(s.units.map((u) => u.code)).toEqual(["06001", "06002", "06003"]);
    expect(s.communes?.[0]).toEqual({
      code: "06001",
      name: "Xã Một",
      unit: "06001",
      group: 1,
      attributes: { "Xã biên giới": false },
      formerCodes: ["06148"],
    });
    expect(s.communes?.map((c) => c.group)).toEqual([1, 2, 3]);
    expect(s.planFlags).toEqual(["Xã NTM nâng cao"]);
    expect(s.capitalRows).toEqual(DEFAULT_CAPITAL_ROWS);
    expect(s.capitalRows).toHaveLength(8);
    expect(s.deadlines).toEqual({ plan: "2027-03-31", result: "2027-12-15" });
    expect(s.origin).toBe("applied");
    expect(checkSetup(input, 2027).ok && (checkSetup(input, 2027) as { warnings: unknown[] }).warnings).toEqual([]);
  });

  it("2022 at level huyện with a registered commune list", () => {
    const s = ok(checkSetup(huyenSetup(), 2022));
    expect(s.criteriaSet).toEqual(SET_2021_2025);
    expect(s.units[0]).toEqual({ code: "183", name: "Huyện Cao Lộc", attributes: { "Huyện biên giới": true } });
    expect(s.communes).toHaveLength(3);
    expect(s.deadlines).toEqual({ plan: null, result: null });
  });

  it("the built-in 2018 setup as JSON checks to itself (origin aside)", () => {
    const builtin = builtInSetup(2018)!;
    const { origin: _, ...json } = builtin;
    const s = ok(checkSetup(json, 2018));
    expect({ ...s, origin: "builtin" }).toEqual(builtin);
    expect(s.criteriaSet).toEqual(SET_2016_2020);
    expect(s.units).toHaveLength(11);
  });

  it("huyện without a commune list: communes null; an empty list counts as none", () => {
    const input = huyenSetup();
    expect(ok(checkSetup({ ...input, communes: null }, 2022)).communes).toBeNull();
    expect(ok(checkSetup({ ...input, communes: [] }, 2022)).communes).toBeNull();
    const { communes: _, ...withoutKey } = input;
    expect(ok(checkSetup(withoutKey, 2022)).communes).toBeNull();
  });

  it("a setup of 10,000 communes (level xã) checks in well under two seconds", () => {
    const units = Array.from({ length: 10_000 }, (_, i) => ({ code: String(10_000 + i), name: `Xã ${i}`, attributes: {} }));
    const communes = units.map((u, i) => ({
      code: u.code,
      name: u.name,
      unit: u.code,
      group: (i % 3) + 1,
      attributes: {},
      formerCodes: [],
    }));
    const t = performance.now();
    const s = ok(checkSetup({ ...xaSetup(), units, communes }, 2027));
    expect(performance.now() - t).toBeLessThan(2000);
    expect(s.communes).toHaveLength(10_000);
  });
});

describe("checkSetup: shape and year", () => {
  it("not a setup at all", () => {
    expect(codes(checkSetup("setup", 2027))).toEqual(["setup.shape_invalid"]);
    expect(codes(checkSetup(null, 2027))).toEqual(["setup.shape_invalid"]);
  });

  it("a group typed as text is a shape problem naming its path", () => {
    const input = xaSetup() as unknown as { communes: { group: unknown }[] };
    input.communes[1]!.group = "2";
    const r = checkSetup(input, 2027);
    expect(codes(r)).toEqual(["setup.shape_invalid"]);
    expect(allIssues(r)[0]!.message).toContain("communes.1.group");
  });

  it("year mismatch: the body's year against the applied year", () => {
    expect(codes(checkSetup(xaSetup(), 2028))).toEqual(["setup.year_mismatch"]);
    expect(allIssues(checkSetup(xaSetup(), 2028))[0]!.message).toBe(
      "Thiết lập ghi năm 2027 nhưng đang áp dụng cho năm 2028. Hãy sửa Năm kế hoạch cho khớp.",
    );
    expect(checkSetup(xaSetup(), 2027).ok).toBe(true);
  });
});

describe("checkSetup: criteria set", () => {
  const custom = {
    id: "LS-2027",
    criteria: [
      { number: 1, name: "Quy hoạch", nameEn: "Planning" },
      { number: 2, name: "Giao thông", nameEn: "" },
    ],
    bands: [
      { label: "Đạt 2", min: 2, max: 2 },
      { label: "", min: 0, max: 1 },
    ],
  };

  it("unknown set id", () => {
    const r = checkSetup({ ...xaSetup(), criteriaSet: { id: "2031-2035" } }, 2027);
    expect(codes(r)).toEqual(["setup.criteria_set_unknown"]);
  });

  it("a custom set with criteria and bands; an empty English name warns and takes the Vietnamese", () => {
    const r = checkSetup({ ...xaSetup(), criteriaSet: custom }, 2027);
    const s = ok(r);
    expect(s.criteriaSet).toEqual({
      id: "LS-2027",
      decision: null,
      criteria: [
        { number: 1, name: "Quy hoạch", nameEn: "Planning" },
        { number: 2, name: "Giao thông", nameEn: "Giao thông" },
      ],
      bands: [
        { key: "2", label: "Đạt 2", min: 2, max: 2 },
        { key: "<2", label: "Dưới 2 tiêu chí", min: 0, max: 1 },
      ],
      communeGroups: true,
    });
    expect(codes(r)).toEqual(["setup.criterion_name_en_missing"]);
  });

  it("a custom set without bands", () => {
    const { bands: _, ...noBands } = custom;
    expect(codes(checkSetup({ ...xaSetup(), criteriaSet: noBands }, 2027))).toEqual([
      "setup.criterion_name_en_missing",
      "setup.bands_missing",
    ]);
  });

  it("a built-in id must carry the built-in criteria; its bands may differ", () => {
    const criteria = SET_2026_2030.criteria.map((c) => ({ ...c, name: c.name.toUpperCase() }));
    expect(checkSetup({ ...xaSetup(), criteriaSet: { id: "2026-2030", criteria } }, 2027).ok).toBe(true);
    criteria[2] = { ...criteria[2]!, name: "Kinh tế" };
    const r = checkSetup({ ...xaSetup(), criteriaSet: { id: "2026-2030", criteria } }, 2027);
    expect(codes(r)).toEqual(["setup.criteria_set_mismatch"]);
    expect(allIssues(r)[0]!.messageEn).toContain("criterion 3 differs");
    const bands = [
      { label: "Đạt 10", min: 10, max: 10 },
      { label: "7-9", min: 7, max: 9 },
      { label: "Dưới 7", min: 0, max: 6 },
    ];
    const s = ok(checkSetup({ ...xaSetup(), criteriaSet: { id: "2026-2030", bands } }, 2027));
    expect(s.criteriaSet.bands.map((b) => b.key)).toEqual(["10", "7-9", "<7"]);
    expect(s.criteriaSet.criteria).toEqual(SET_2026_2030.criteria);
  });

  it("at most 52 criteria", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ number: i + 1, name: `TC ${i + 1}`, nameEn: `C ${i + 1}` }));
    const set = (n: number) => ({ id: "big", criteria: many(n), bands: [{ label: "all", min: 0, max: n }] });
    expect(ok(checkSetup({ ...xaSetup(), criteriaSet: set(52) }, 2027)).criteriaSet.criteria).toHaveLength(52);
    expect(codes(checkSetup({ ...xaSetup(), criteriaSet: set(53) }, 2027))).toEqual(["setup.criteria_too_many"]);
  });

  it("criteria numbered 1..n in order, each named", () => {
    const criteria = [
      { number: 1, name: "A", nameEn: "A" },
      { number: 3, name: "C", nameEn: "C" },
    ];
    const r = checkSetup({ ...xaSetup(), criteriaSet: { ...custom, criteria } }, 2027);
    expect(codes(r)).toEqual(["setup.criterion_number"]);
    expect(allIssues(r)[0]!.messageEn).toContain("Criterion number 3 is where criterion 2 belongs");
    const unnamed = [{ number: 1, name: " ", nameEn: "A" }, custom.criteria[1]!];
    expect(codes(checkSetup({ ...xaSetup(), criteriaSet: { ...custom, criteria: unnamed } }, 2027))).toEqual([
      "setup.criterion_name_missing",
      "setup.criterion_name_en_missing",
    ]);
    expect(codes(checkSetup({ ...xaSetup(), criteriaSet: { ...custom, criteria: [] } }, 2027))).toEqual(["setup.criteria_none"]);
  });
});

describe("checkSetup: bands", () => {
  const withBands = (bands: { label: string; min: number; max: number; key?: string }[]) => ({
    ...xaSetup(),
    criteriaSet: { id: "2026-2030", bands },
  });
  const band = (min: number, max: number) => ({ label: `${min}-${max}`, min, max });

  it("cover 0..10 exactly: listed in any order, returned from the highest", () => {
    const s = ok(checkSetup(withBands([band(0, 4), band(10, 10), band(5, 7), band(8, 9)]), 2027));
    expect(s.criteriaSet.bands.map((b) => [b.key, b.min, b.max])).toEqual([
      ["10", 10, 10],
      ["8-9", 8, 9],
      ["5-7", 5, 7],
      ["<5", 0, 4],
    ]);
  });

  it("overlap", () => {
    const r = checkSetup(withBands([band(10, 10), band(8, 9), band(5, 8), band(0, 4)]), 2027);
    expect(codes(r)).toEqual(["setup.bands_overlap"]);
    expect(allIssues(r)[0]!.messageEn).toBe(
      'Bands "5-8" and "8-9" overlap (both hold 8-8 criteria). Each count must be in exactly one band.',
    );
  });

  it("gap inside and at the top", () => {
    const r = checkSetup(withBands([band(10, 10), band(8, 9), band(0, 4)]), 2027);
    expect(codes(r)).toEqual(["setup.bands_gap"]);
    expect(allIssues(r)[0]!.messageEn).toBe("No band holds 5-7 criteria. The bands must cover 0 to 10 criteria without gaps.");
    const top = checkSetup(withBands([band(5, 9), band(0, 4)]), 2027);
    expect(allIssues(top)[0]!.messageEn).toContain("No band holds 10-10 criteria");
  });

  it("a band outside 0..n or upside down; a key twice", () => {
    expect(codes(checkSetup(withBands([band(5, 11), band(0, 4)]), 2027))).toEqual(["setup.band_invalid"]);
    expect(codes(checkSetup(withBands([band(9, 5), band(0, 4)]), 2027))).toEqual(["setup.band_invalid"]);
    expect(
      codes(
        checkSetup(
          withBands([
            { ...band(5, 10), key: "x" },
            { ...band(0, 4), key: "x" },
          ]),
          2027,
        ),
      ),
    ).toEqual(["setup.band_duplicate"]);
  });
});

describe("checkSetup: units and communes", () => {
  it("a unit code twice", () => {
    const input = huyenSetup();
    input.units.push({ code: "183", name: "Cao Lộc again", attributes: {} });
    expect(codes(checkSetup(input, 2022))).toEqual(["setup.unit_duplicate"]);
  });

  it("a commune code twice in one unit, and in two units", () => {
    const twice = huyenSetup();
    twice.communes.push({ ...twice.communes[0]! });
    expect(codes(checkSetup(twice, 2022))).toEqual(["setup.commune_duplicate"]);
    const two = huyenSetup();
    two.communes.push({ ...two.communes[0]!, unit: "185" });
    const r = checkSetup(two, 2022);
    expect(codes(r)).toEqual(["setup.commune_in_two_units"]);
    expect(allIssues(r)[0]!.messageEn).toBe(
      "Commune 06148 is listed under unit 183 and under unit 185. A commune belongs to one unit: delete the wrong row.",
    );
  });

  it("a commune of an unknown unit", () => {
    const input = huyenSetup();
    input.communes[2]!.unit = "186";
    const r = checkSetup(input, 2022);
    expect(codes(r)).toEqual(["setup.commune_unit_unknown", "setup.unit_without_communes"]);
    expect(r.ok).toBe(false);
  });

  it("a group outside 1-3; a missing group is a warning under 2026-2030; groups under 2021-2025 a warning", () => {
    for (const g of [0, 4, -1]) {
      const input = xaSetup();
      input.communes[0]!.group = g;
      expect(codes(checkSetup(input, 2027))).toEqual(["setup.group_invalid"]);
    }
    const missing = xaSetup();
    missing.communes[0]!.group = null;
    const r = checkSetup(missing, 2027);
    expect(r.ok).toBe(true);
    expect(brief(allIssues(r))).toEqual([
      { code: "setup.group_missing", severity: "warning", sheet: null, cell: null, row: null, commune: null },
    ]);
    const unused = huyenSetup();
    unused.communes[0]!.group = 2;
    expect(codes(checkSetup(unused, 2022))).toEqual(["setup.groups_unused"]);
  });

  it("codes of the wrong length for the level", () => {
    const huyen = huyenSetup();
    huyen.units[1]!.code = "06199";
    expect(codes(checkSetup(huyen, 2022))).toEqual(["setup.unit_code_length", "setup.commune_unit_unknown"]);
    const xa = xaSetup();
    xa.units[0]!.code = "183";
    expect(codes(checkSetup(xa, 2027))).toEqual(["setup.unit_code_length", "setup.commune_unit_unknown"]);
    const commune = huyenSetup();
    commune.communes[0]!.code = "6148";
    expect(codes(checkSetup(commune, 2022))).toEqual(["setup.commune_code_invalid"]);
    const former = xaSetup();
    former.communes[1]!.formerCodes = ["06151", "0615"];
    expect(codes(checkSetup(former, 2027))).toEqual(["setup.former_code_invalid"]);
  });

  it("level xã: each unit exactly one commune of the same code", () => {
    const none = xaSetup();
    none.communes.pop();
    const r = checkSetup(none, 2027);
    expect(codes(r)).toEqual(["setup.unit_not_one_commune"]);
    expect(allIssues(r)[0]!.messageEn).toContain("unit 06003 has 0 communes (-)");
    const other = xaSetup();
    other.communes[2]!.unit = "06002";
    const r2 = checkSetup(other, 2027);
    expect(codes(r2)).toEqual(["setup.unit_not_one_commune", "setup.unit_not_one_commune"]);
    expect(allIssues(r2)[0]!.messageEn).toContain("unit 06002 has 2 communes (06002, 06003)");
  });

  it("level xã requires the commune list", () => {
    expect(codes(checkSetup({ ...xaSetup(), communes: null }, 2027))).toEqual(["setup.communes_required"]);
    expect(codes(checkSetup({ ...xaSetup(), communes: [] }, 2027))).toEqual(["setup.communes_required"]);
  });

  it("no units; names required", () => {
    expect(codes(checkSetup({ ...huyenSetup(), units: [], communes: null }, 2022))).toEqual(["setup.units_none"]);
    const noName = huyenSetup();
    noName.units[0]!.name = "\u200b";
    noName.communes[0]!.name = "";
    expect(codes(checkSetup(noName, 2022))).toEqual(["setup.unit_name_missing", "setup.commune_name_missing"]);
  });

  it("issues point at the cell when the input carries its source", () => {
    const input = huyenSetup();
    input.communes[2]!.unit = "186";
    input.communes[2]!.source = { sheet: "Xã", row: 7 };
    input.source = { communes: { sheet: "Xã", columns: { code: "A", name: "B", unit: "C" } } };
    expect(brief(allIssues(checkSetup(input, 2022)))[0]).toEqual({
      code: "setup.commune_unit_unknown",
      severity: "error",
      sheet: "Xã",
      cell: "C7",
      row: 7,
      commune: "06199",
    });
  });
});

describe("checkSetup: plan flags and capital rows", () => {
  it("a flag twice; the NTM target flag is built in; a flag named like an attribute", () => {
    expect(codes(checkSetup({ ...xaSetup(), planFlags: ["Xã NTM nâng cao", "xã ntm  NÂNG cao"] }, 2027))).toEqual(["setup.flag_duplicate"]);
    const builtin = checkSetup({ ...xaSetup(), planFlags: ["Phấn đấu đạt chuẩn NTM", "Xã NTM kiểu mẫu"] }, 2027);
    expect(codes(builtin)).toEqual(["setup.flag_builtin"]);
    expect(ok(builtin).planFlags).toEqual(["Xã NTM kiểu mẫu"]);
    expect(codes(checkSetup({ ...xaSetup(), planFlags: ["Xã biên giới"] }, 2027))).toEqual(["setup.label_conflict"]);
    const fixed = xaSetup();
    fixed.communes[0]!.attributes = { "Nhóm xã": true };
    expect(codes(checkSetup(fixed, 2027))).toEqual(["setup.label_conflict"]);
  });

  it("capital rows of the setup: a child after its parent, STT once and readable, labelled", () => {
    const rows = [
      { stt: "1", label: "Ngân sách Trung ương" },
      { stt: "1.1", label: "Vốn đầu tư" },
      { stt: "2", label: "Ngân sách địa phương" },
    ];
    expect(ok(checkSetup({ ...xaSetup(), capitalRows: rows }, 2027)).capitalRows).toEqual(rows);
    expect(codes(checkSetup({ ...xaSetup(), capitalRows: [] }, 2027))).toEqual(["setup.capital_none"]);
    expect(codes(checkSetup({ ...xaSetup(), capitalRows: [...rows, { stt: "I", label: "x" }] }, 2027))).toEqual([
      "setup.capital_stt_invalid",
    ]);
    expect(codes(checkSetup({ ...xaSetup(), capitalRows: [...rows, { stt: "2", label: "x" }] }, 2027))).toEqual([
      "setup.capital_stt_duplicate",
    ]);
    expect(codes(checkSetup({ ...xaSetup(), capitalRows: [...rows, { stt: "3.1", label: "x" }] }, 2027))).toEqual([
      "setup.capital_parent_missing",
    ]);
    expect(codes(checkSetup({ ...xaSetup(), capitalRows: [...rows, { stt: "3", label: " " }] }, 2027))).toEqual([
      "setup.capital_label_missing",
    ]);
  });
});
