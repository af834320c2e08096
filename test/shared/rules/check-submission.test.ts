import { describe, expect, it } from "vitest";
import type { Commune, Submission } from "../../../shared/schemas/submission.ts";
import { checkSubmission } from "../../../shared/rules/check-submission.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { brief } from "../helpers/issues.ts";
import { range, setCell, workbook, critCell } from "../helpers/grid.ts";

const REF = DEFAULT_REFERENCE;
const ALL = range(1, 19);
const NO_FLAGS = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };

function commune(code: string, row: number, c: Partial<Commune> = {}): Commune {
  return { code, name: `Xã ${code}`, flags: NO_FLAGS, baseline: range(1, 8), plan: range(1, 10), source: { sheet: "Tiêu chí", row }, ...c };
}

/** Columns of the generated layout (criterion k: HT at column 8 + 2(k-1)). */
const letters = (n: number) => {
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
const COLUMNS = {
  code: "B",
  name: "C",
  flags: { border: "D", pilotDifficult: "E", ntmTarget: "F", districtDifficult: "G" },
  criteria: ALL.map((k) => ({ baseline: letters(8 + 2 * (k - 1)), plan: letters(9 + 2 * (k - 1)) })),
};

function sub(communes: Commune[], o: Partial<Submission> = {}): Submission {
  return {
    templateVersion: "NTM-1",
    district: "183",
    districtName: "Huyện Cao Lộc",
    year: 2018,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes,
    capital: { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
    source: { criteriaSheet: "Tiêu chí", columns: COLUMNS },
    ...o,
  };
}
const T = (code: string, severity: "error" | "warning", cell: string | null, row: number | null, commune: string | null) => ({
  code,
  severity,
  sheet: "Tiêu chí",
  cell,
  row,
  commune,
});
const I = (code: string, severity: "error" | "warning") => ({ code, severity, sheet: "Thông tin", cell: null, row: null, commune: null });

describe("checkSubmission: a clean submission", () => {
  it("has no issue", () => {
    expect(checkSubmission(sub([commune("06148", 6), commune("06151", 7)]), REF)).toEqual([]);
  });
});

describe("checkSubmission: info rules", () => {
  it("unknown district (E)", () => {
    expect(brief(checkSubmission(sub([commune("06148", 6)], { district: "999" }), REF))).toEqual([I("info.district_unknown", "error")]);
  });
  it("district name mismatch (W); the name without `Huyện` matches", () => {
    expect(brief(checkSubmission(sub([commune("06148", 6)], { districtName: "Huyện Văn Lãng" }), REF))).toEqual([
      I("info.district_name_mismatch", "warning"),
    ]);
    expect(checkSubmission(sub([commune("06148", 6)], { districtName: "CAO LỘC" }), REF)).toEqual([]);
  });
  it("year out of range (E)", () => {
    expect(brief(checkSubmission(sub([commune("06148", 6)], { year: 1990 }), REF))).toEqual([I("info.year_invalid", "error")]);
    expect(checkSubmission(sub([commune("06148", 6)], { year: 2100 }), REF)).toEqual([]);
  });
});

describe("checkSubmission: commune rules", () => {
  it("at least one commune (E)", () => {
    expect(brief(checkSubmission(sub([]), REF))).toEqual([T("commune.none", "error", null, null, null)]);
  });

  it("Mã xã unique (E at the second row's code cell)", () => {
    const issues = checkSubmission(sub([commune("06148", 6), commune("06151", 7), commune("06148", 9)]), REF);
    expect(brief(issues)).toEqual([T("commune.code_duplicate", "error", "B9", 9, "06148")]);
    expect(issues[0]!.message).toContain("dòng 6");
  });

  it("criterion numbers within the set and not repeated (E)", () => {
    const issues = checkSubmission(sub([commune("06148", 6, { baseline: [1, 2, 20], plan: [1, 2, 2, 3, 4, 5] })]), REF);
    expect(brief(issues)).toEqual([
      T("criterion.number_unknown", "error", null, 6, "06148"),
      T("criterion.number_duplicate", "error", null, 6, "06148"),
    ]);
  });

  it("KH looking like new achievements only (E, per commune, at the first lost KH cell)", () => {
    // 6 achieved in HT, 4 of them empty in KH: more than half.
    const bad = commune("06148", 6, { baseline: range(1, 6), plan: [5, 6, 7, 8, 9] });
    const issues = checkSubmission(sub([bad, commune("06151", 7)]), REF);
    expect(brief(issues)).toEqual([T("plan.new_only", "error", "I6", 6, "06148")]);
    expect(issues[0]!.message).toContain("lũy kế");
  });

  it("exactly half lost is not `new only` but regressions (W per cell)", () => {
    const c = commune("06148", 6, { baseline: range(1, 6), plan: [4, 5, 6, 7, 8, 9] });
    expect(brief(checkSubmission(sub([c]), REF))).toEqual([
      T("plan.regression", "warning", "I6", 6, "06148"),
      T("plan.regression", "warning", "K6", 6, "06148"),
      T("plan.regression", "warning", "M6", 6, "06148"),
    ]);
  });

  it("a single regression (W at the KH cell)", () => {
    const c = commune("06148", 12, { baseline: range(1, 8), plan: [1, 2, 3, 4, 5, 6, 7, 9, 10] });
    const issues = checkSubmission(sub([c]), REF);
    expect(brief(issues)).toEqual([T("plan.regression", "warning", "W12", 12, "06148")]);
    expect(issues[0]!.message).toContain("tiêu chí 8");
  });

  it("NTM target with KH under 19 (W at the flag cell); KH 19 passes", () => {
    const flags = { ...NO_FLAGS, ntmTarget: true };
    expect(brief(checkSubmission(sub([commune("06148", 6, { flags, baseline: range(1, 15), plan: range(1, 18) })]), REF))).toEqual([
      T("plan.target_incomplete", "warning", "F6", 6, "06148"),
    ]);
    expect(checkSubmission(sub([commune("06148", 6, { flags, baseline: range(1, 15), plan: ALL })]), REF)).toEqual([]);
  });

  it("KH total under 5 (W); exactly 5 passes", () => {
    expect(brief(checkSubmission(sub([commune("06148", 6, { baseline: [1, 2], plan: [1, 2, 3, 4] })]), REF))).toEqual([
      T("plan.under_five", "warning", "B6", 6, "06148"),
    ]);
    expect(checkSubmission(sub([commune("06148", 6, { baseline: [1, 2], plan: [1, 2, 3, 4, 5] })]), REF)).toEqual([]);
  });

  it("HT already 19 with the target flag (W); 18 passes", () => {
    const flags = { ...NO_FLAGS, ntmTarget: true };
    expect(brief(checkSubmission(sub([commune("06148", 6, { flags, baseline: ALL, plan: ALL })]), REF))).toEqual([
      T("plan.target_already_met", "warning", "F6", 6, "06148"),
    ]);
    expect(checkSubmission(sub([commune("06148", 6, { flags, baseline: range(1, 18), plan: ALL })]), REF)).toEqual([]);
  });

  it("district-chosen difficult commune lacking 10, 11, 14, 15 or 18 in KH (W); all present passes", () => {
    const flags = { ...NO_FLAGS, districtDifficult: true };
    const issues = checkSubmission(sub([commune("06148", 6, { flags, baseline: range(1, 5), plan: [...range(1, 5), 10, 11, 14] })]), REF);
    expect(brief(issues)).toEqual([T("plan.district_difficult_missing", "warning", "G6", 6, "06148")]);
    expect(issues[0]!.message).toContain("15, 18");
    expect(
      checkSubmission(sub([commune("06148", 6, { flags, baseline: range(1, 5), plan: [...range(1, 5), 10, 11, 14, 15, 18] })]), REF),
    ).toEqual([]);
  });

  it("border commune in a non-border district (W); in a border district passes", () => {
    const flags = { ...NO_FLAGS, border: true };
    expect(brief(checkSubmission(sub([commune("06148", 6, { flags })], { district: "184", districtName: "Huyện Văn Quan" }), REF))).toEqual(
      [T("flag.border_not_border_district", "warning", "D6", 6, "06148")],
    );
    expect(checkSubmission(sub([commune("06148", 6, { flags })]), REF)).toEqual([]);
  });

  it("without source columns/rows the issues carry no cell", () => {
    const c: Commune = { code: "06148", name: "X", flags: NO_FLAGS, baseline: [1, 2, 3], plan: [2, 3, 4, 5, 6] };
    const { source: _, ...noSource } = sub([c]);
    expect(brief(checkSubmission(noSource, REF))).toEqual([T("plan.regression", "warning", null, null, "06148")]);
  });

  it("a grid's source columns and rows give real cells through parseWorkbook", () => {
    const sheets = workbook();
    setCell(sheets[1]!, critCell(3, "KH", 0), "Chưa đạt");
    sheets[1]!.address = "C2";
    const r = parseWorkbook(sheets, REF);
    expect(r.ok).toBe(true);
    expect(brief(r.ok ? r.warnings : [])).toEqual([T("plan.regression", "warning", "O7", 7, "06148")]);
  });
});
