import { describe, expect, it } from "vitest";
import type { UnitCommune, UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { checkUnitCapital, checkUnitInfo, checkUnitSubmission } from "../../../shared/rules/check-unit-submission.ts";
import { SET_2021_2025 } from "../../../shared/setup/criteria-sets.ts";
import { brief } from "../helpers/issues.ts";
import { ADVANCED, BORDER, FREE_2019, FREE_2026, HUYEN_2023, XA_2027, upTo } from "../template/ntm2-fixtures.ts";

/**
 * The rules on a unit's TYPED submission (what the server re-runs on a JSON body): every rule of
 * template.md with the set's size, plus the unit, year, set and capital items of the setup.
 */
const TARGET = "Phấn đấu đạt chuẩn NTM";

function commune(code: string, row: number, c: Partial<UnitCommune> = {}): UnitCommune {
  return {
    code,
    name: `Xã ${code}`,
    group: null,
    attributes: {},
    flags: {},
    baseline: upTo(4),
    plan: upTo(6),
    source: { sheet: "Tiêu chí", row },
    ...c,
  };
}

function sub(setup: Setup, unit: string, communes: UnitCommune[], o: Partial<UnitSubmission> = {}): UnitSubmission {
  return {
    templateVersion: "NTM-2",
    unit,
    unitName: setup.units.find((u) => u.code === unit)?.name ?? "?",
    year: setup.year,
    criteriaSet: setup.criteriaSet.id,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes,
    capital: {},
    ...o,
  };
}

/** XA_2027's 06004 as the list registers it. */
const doanKet = (c: Partial<UnitCommune> = {}) =>
  commune("06004", 6, { name: "Đoàn Kết", group: 2, attributes: { [BORDER]: false }, ...c });
const INFO = (code: string, severity: "error" | "warning") => ({
  code,
  severity,
  sheet: "Thông tin",
  cell: null,
  row: null,
  commune: null,
});
const T = (code: string, severity: "error" | "warning", cell: string | null, row: number | null, c: string | null) => ({
  code,
  severity,
  sheet: "Tiêu chí",
  cell,
  row,
  commune: c,
});

describe("checkUnitSubmission: a clean submission", () => {
  it("has no issue (level xã, 10 criteria, a listed commune; level huyện without a list)", () => {
    expect(checkUnitSubmission(sub(XA_2027, "06004", [doanKet()], { capital: { "1.1": 5, "3": 0 } }), XA_2027)).toEqual([]);
    expect(checkUnitSubmission(sub(FREE_2026, "183", [commune("06148", 6), commune("06151", 7)]), FREE_2026)).toEqual([]);
  });
});

describe("checkUnitInfo", () => {
  it("unit code of the level's length: 5 digits at level xã, 3 at level huyện", () => {
    expect(brief(checkUnitInfo(sub(XA_2027, "183", []), XA_2027))).toEqual([INFO("info.unit_invalid", "error")]);
    expect(brief(checkUnitInfo(sub(FREE_2026, "06148", []), FREE_2026))).toEqual([INFO("info.unit_invalid", "error")]);
    expect(checkUnitInfo(sub(FREE_2026, "183", []), FREE_2026)).toEqual([]);
  });

  it("the unit must be a unit of the setup", () => {
    const issues = checkUnitInfo(sub(FREE_2026, "181", []), FREE_2026);
    expect(brief(issues)).toEqual([INFO("info.unit_unknown", "error")]);
    expect(issues[0]!.message).toBe(
      'Mã đơn vị "181" không phải đơn vị báo cáo của năm 2026. Hãy kiểm tra lại mã, hoặc tạo lại biểu mẫu cho đơn vị mình từ cấu hình năm 2026.',
    );
  });

  it("its name: `Cao Lộc` is `Huyện Cao Lộc`; `Huyện Lộc Bình` is a warning", () => {
    expect(checkUnitInfo(sub(FREE_2026, "183", [], { unitName: "Cao Lộc" }), FREE_2026)).toEqual([]);
    expect(brief(checkUnitInfo(sub(FREE_2026, "183", [], { unitName: "Huyện Lộc Bình" }), FREE_2026))).toEqual([
      INFO("info.unit_name_mismatch", "warning"),
    ]);
  });

  it("the year of the setup, a plan year at all, and the setup's criteria set", () => {
    expect(brief(checkUnitInfo(sub(FREE_2026, "183", [], { year: 2025 }), FREE_2026))).toEqual([INFO("info.year_mismatch", "error")]);
    expect(brief(checkUnitInfo(sub(FREE_2026, "183", [], { year: 1999 }), FREE_2026))).toEqual([INFO("info.year_invalid", "error")]);
    expect(brief(checkUnitInfo(sub(FREE_2026, "183", [], { criteriaSet: "2016-2020" }), FREE_2026))).toEqual([
      INFO("info.criteria_set_mismatch", "error"),
    ]);
  });
});

describe("checkUnitSubmission: commune rules with the set's size", () => {
  const rules = (setup: Setup, unit: string, communes: UnitCommune[]) => brief(checkUnitSubmission(sub(setup, unit, communes), setup));

  it("a target commune must plan all 10 criteria of 2026-2030 (9 warned, 10 not); at 10 in HT the flag is warned", () => {
    expect(rules(XA_2027, "06004", [doanKet({ plan: upTo(9), flags: { [TARGET]: true } })])).toEqual([
      T("plan.target_incomplete", "warning", null, 6, "06004"),
    ]);
    expect(rules(XA_2027, "06004", [doanKet({ plan: upTo(10), flags: { [TARGET]: true } })])).toEqual([]);
    expect(rules(XA_2027, "06004", [doanKet({ baseline: upTo(10), plan: upTo(10), flags: { "Phấn đấu đạt chuẩn": true } })])).toEqual([
      T("plan.target_already_met", "warning", null, 6, "06004"),
    ]);
  });

  it("criterion numbers of the set only: 11 is unknown in 2026-2030 (max 10)", () => {
    const issues = checkUnitSubmission(sub(XA_2027, "06004", [doanKet({ plan: [...upTo(6), 11] })]), XA_2027);
    expect(brief(issues)).toEqual([T("criterion.number_unknown", "error", null, 6, "06004")]);
    expect(issues[0]!.message).toBe("Tiêu chí số 11 không có trong bộ tiêu chí (1-10).");
  });

  it("KH is cumulative; under five; a regression", () => {
    expect(rules(XA_2027, "06004", [doanKet({ baseline: upTo(6), plan: [1, 2, 7, 8, 9] })])).toEqual([
      T("plan.new_only", "error", null, 6, "06004"),
    ]);
    expect(rules(XA_2027, "06004", [doanKet({ baseline: upTo(2), plan: upTo(4) })])).toEqual([
      T("plan.under_five", "warning", null, 6, "06004"),
    ]);
    expect(rules(XA_2027, "06004", [doanKet({ baseline: upTo(6), plan: [1, 2, 3, 4, 5, 7] })])).toEqual([
      T("plan.regression", "warning", null, 6, "06004"),
    ]);
  });

  it("`Xã ĐBKK do huyện chọn` needs 10, 11, 14, 15, 18 under 2016-2020 only", () => {
    const flagged = commune("06400", 6, { plan: upTo(9), flags: { "Xã ĐBKK do huyện chọn": true } });
    expect(rules(FREE_2019, "185", [flagged])).toEqual([T("plan.district_difficult_missing", "warning", null, 6, "06400")]);
    expect(rules(FREE_2019, "185", [{ ...flagged, plan: [...upTo(11), 14, 15, 18] }])).toEqual([]);
    const set2021 = { ...FREE_2019, year: 2023, criteriaSet: SET_2021_2025 };
    expect(rules(set2021, "185", [flagged])).toEqual([]);
  });

  it("the border rule reads `Huyện biên giới`: a typed border commune in a non-border unit is warned", () => {
    const border = commune("06400", 6, { attributes: { "Biên giới": true } });
    expect(rules(FREE_2026, "185", [border])).toEqual([T("flag.border_not_border_district", "warning", null, 6, "06400")]);
    expect(rules(FREE_2026, "183", [border])).toEqual([]);
    const noAttribute = { ...FREE_2026, units: FREE_2026.units.map((u) => ({ ...u, attributes: {} })) };
    expect(rules(noAttribute, "185", [border])).toEqual([]);
  });

  it("a registered commune's attributes are the list's business, not the border rule's", () => {
    const tanLien = commune("06151", 6, { name: "Tân Liên", attributes: { [BORDER]: true } });
    const notBorder = { ...HUYEN_2023, units: HUYEN_2023.units.map((u) => ({ ...u, attributes: { "Huyện biên giới": false } })) };
    expect(
      rules(notBorder, "183", [tanLien, commune("06148", 7, { name: "Hoàng Đồng" }), commune("06154", 8, { name: "Gia Cát" })]),
    ).toEqual([]);
  });

  it("cells where the submission says where its columns are", () => {
    const s = sub(XA_2027, "06004", [doanKet({ plan: upTo(9), flags: { [TARGET]: true } })], {
      source: {
        criteriaSheet: "Tiêu chí",
        columns: { code: "B", name: "C", group: "D", labels: { [BORDER]: "E", [TARGET]: "F", [ADVANCED]: "G" }, criteria: [] },
      },
    });
    expect(brief(checkUnitSubmission(s, XA_2027))).toEqual([T("plan.target_incomplete", "warning", "F6", 6, "06004")]);
  });
});

describe("checkUnitCapital", () => {
  it("items must be leaf rows of the setup (1 is a subtotal, 9 unknown); each at most the line maximum", () => {
    expect(checkUnitCapital(sub(XA_2027, "06004", [], { capital: { "1.1": 1, "1.2": 2, "2": 3, "3": 4 } }), XA_2027)).toEqual([]);
    const issues = checkUnitCapital(sub(XA_2027, "06004", [], { capital: { "1": 5, "9": 1, "2": 100_000_000_001 } }), XA_2027);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ["capital.amount_too_large", "error"],
      ["capital.key_unknown", "error"],
      ["capital.key_unknown", "error"],
    ]);
    expect(issues[1]!.message).toBe(
      "Nguồn vốn mục 1 không có trong danh mục nguồn vốn của năm 2027. Hãy dùng các mục của biểu mẫu năm 2027.",
    );
  });
});
