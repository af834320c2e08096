import { describe, expect, it } from "vitest";
import { applyDecision, bandText, canApplySetup, summarizeSetup } from "../../../addin/model/setup-summary.ts";
import { builtInSetup, DEFAULT_CAPITAL_ROWS } from "../../../shared/setup/defaults.ts";
import { SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import type { Issue } from "../../../shared/result.ts";

/** Three Lạng Sơn communes reporting for themselves in 2027 (level xã, 2026-2030 set). */
const SETUP_2027: Setup = {
  year: 2027,
  criteriaSet: SET_2026_2030,
  level: "xã",
  units: [
    { code: "06001", name: "Xã Thất Khê", attributes: {} },
    { code: "06002", name: "Xã Đoàn Kết", attributes: {} },
    { code: "06003", name: "Xã Tân Tiến", attributes: {} },
  ],
  communes: [
    { code: "06001", name: "Xã Thất Khê", unit: "06001", group: 1, attributes: { "Xã biên giới": false }, formerCodes: [] },
    { code: "06002", name: "Xã Đoàn Kết", unit: "06002", group: 3, attributes: { "Xã biên giới": true }, formerCodes: ["06010", "06011"] },
    { code: "06003", name: "Xã Tân Tiến", unit: "06003", group: 3, attributes: { "Xã biên giới": true }, formerCodes: [] },
  ],
  planFlags: ["Phấn đấu đạt NTM nâng cao"],
  capitalRows: [
    { stt: "1", label: "Ngân sách trung ương" },
    { stt: "2", label: "Ngân sách địa phương" },
  ],
  deadlines: { plan: "2027-03-31", result: null },
  origin: "applied",
};

const META = { version: 2, appliedAt: "2026-11-20T02:15:00.000Z", appliedBy: "Quản trị tỉnh" };

describe("summarizeSetup", () => {
  it("an applied 2027 setup: set 2026-2030 of 10 criteria, level xã, 3 units, 3 communes by group, 4 bands, 2 capital rows, version 2", () => {
    expect(summarizeSetup(SETUP_2027, META)).toEqual({
      year: 2027,
      setId: "2026-2030",
      setSize: 10,
      decision: "QĐ 51/2025/QĐ-TTg (29/12/2025, hiệu lực 15/02/2026)",
      level: "xã",
      units: 3,
      communes: 3,
      groups: { 1: 1, 2: 0, 3: 2 },
      bands: SET_2026_2030.bands,
      capitalRows: SETUP_2027.capitalRows,
      planFlags: ["Phấn đấu đạt NTM nâng cao"],
      origin: "applied",
      version: 2,
      appliedAt: "2026-11-20T02:15:00.000Z",
      appliedBy: "Quản trị tỉnh",
    });
  });

  it("the built-in 2018 setup: 19 criteria, 11 districts, no commune list, no groups, the 2018 capital rows, no version", () => {
    const s = summarizeSetup(builtInSetup(2018)!, META);
    expect(s).toMatchObject({
      year: 2018,
      setId: "2016-2020",
      setSize: 19,
      level: "huyện",
      units: 11,
      communes: null,
      groups: null,
      origin: "builtin",
      version: null,
      appliedAt: null,
      appliedBy: null,
    });
    expect(s.bands.map((b) => b.key)).toEqual(["19", "15-18", "10-14", "5-9", "<5"]);
    expect(s.capitalRows).toBe(DEFAULT_CAPITAL_ROWS);
  });

  it("groups stay null for a set without commune groups even when communes are registered", () => {
    const s = summarizeSetup({ ...SETUP_2027, criteriaSet: builtInSetup(2018)!.criteriaSet }, META);
    expect(s.groups).toBeNull();
    expect(s.communes).toBe(3);
  });

  it("a commune without a group is counted in no group", () => {
    const communes = SETUP_2027.communes!.map((c, i) => (i === 0 ? { ...c, group: null } : c));
    expect(summarizeSetup({ ...SETUP_2027, communes }, META).groups).toEqual({ 1: 0, 2: 0, 3: 2 });
  });
});

describe("bandText", () => {
  it("label with its range; one number when min = max", () => {
    const [top, , , bottom] = SET_2026_2030.bands;
    expect(bandText(top!)).toBe("Đạt 10 tiêu chí (10)");
    expect(bandText(bottom!)).toBe("Dưới 5 tiêu chí (0-4)");
  });
});

describe("applyDecision: nothing is sent on any error", () => {
  const warning: Issue = {
    severity: "warning",
    code: "setup.group_missing",
    message: "m",
    messageEn: "m",
    sheet: "Xã",
    cell: null,
    row: null,
    commune: null,
  };
  const error: Issue = {
    severity: "error",
    code: "setup.unit_duplicate",
    message: "m",
    messageEn: "m",
    sheet: "Đơn vị",
    cell: "A4",
    row: 4,
    commune: null,
  };

  it("sends a clean setup and one with warnings only", () => {
    expect(applyDecision(true, [])).toBe("send");
    expect(applyDecision(true, [warning])).toBe("send");
  });

  it("stops on an error, or on a failed read", () => {
    expect(applyDecision(false, [error, warning])).toBe("stop");
    expect(applyDecision(true, [error])).toBe("stop");
    expect(applyDecision(false, [])).toBe("stop");
  });
});

describe("canApplySetup", () => {
  it("only the admin role", () => {
    expect(canApplySetup("admin")).toBe(true);
    expect(canApplySetup("office")).toBe(false);
    expect(canApplySetup("unit")).toBe(false);
    expect(canApplySetup(null)).toBe(false);
  });
});
