import { describe, expect, it } from "vitest";
import { knownSetup, planTemplate, unitsOf } from "../../../addin/model/template-plan.ts";
import { fromApiFailure } from "../../../addin/model/ui-error.ts";
import { LANG_SON_DISTRICTS } from "../../../shared/reference/districts.ts";
import { SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import type { Setup } from "../../../shared/setup/types.ts";

const districts = LANG_SON_DISTRICTS.map((d) => ({ code: d.code, name: d.name }));

const SETUP_2027: Setup = {
  year: 2027,
  criteriaSet: SET_2026_2030,
  level: "xã",
  units: [
    { code: "06001", name: "Xã Thất Khê", attributes: {} },
    { code: "06002", name: "Xã Đoàn Kết", attributes: {} },
  ],
  communes: [
    { code: "06001", name: "Xã Thất Khê", unit: "06001", group: 3, attributes: {}, formerCodes: [] },
    { code: "06002", name: "Xã Đoàn Kết", unit: "06002", group: 2, attributes: {}, formerCodes: [] },
  ],
  planFlags: [],
  capitalRows: [{ stt: "1", label: "Ngân sách trung ương" }],
  deadlines: { plan: null, result: null },
  origin: "applied",
};
/** 2018 re-stated by an administrator: the same districts, but an applied setup. */
const APPLIED_2018: Setup = { ...builtInSetup(2018)!, origin: "applied" };

const unreachable = fromApiFailure({
  status: null,
  code: "network.unreachable",
  params: { server: "x", detail: "y" },
  serverMessage: null,
  issues: [],
});

describe("planTemplate: which template Tạo biểu mẫu writes", () => {
  it("NTM-2 of the year's setup when an administrator applied one, for the unit of the token", () => {
    expect(planTemplate(2027, "06002", { status: "ready", setup: SETUP_2027 }, districts)).toEqual({
      kind: "ntm2",
      unit: { code: "06002", name: "Xã Đoàn Kết" },
      setup: SETUP_2027,
    });
  });

  it("NTM-2 also for a built-in year once a setup was applied for it", () => {
    const plan = planTemplate(2018, "183", { status: "ready", setup: APPLIED_2018 }, districts);
    expect(plan).toMatchObject({ kind: "ntm2", unit: { code: "183", name: "Huyện Cao Lộc" } });
  });

  it("NTM-1 for a built-in year the server serves by its defaults (today's template)", () => {
    expect(planTemplate(2018, "183", { status: "ready", setup: builtInSetup(2018)! }, districts)).toEqual({
      kind: "ntm1",
      unit: { code: "183", name: "Huyện Cao Lộc" },
    });
  });

  it("NTM-1 for a built-in year without a session or when the server cannot be reached", () => {
    expect(planTemplate(2019, "183", null, districts)).toEqual({ kind: "ntm1", unit: { code: "183", name: "Huyện Cao Lộc" } });
    expect(planTemplate(2019, "183", { status: "error", error: unreachable }, districts)).toEqual({
      kind: "ntm1",
      unit: { code: "183", name: "Huyện Cao Lộc" },
    });
  });

  it("an error for a unit that is not in the year's setup", () => {
    expect(planTemplate(2027, "183", { status: "ready", setup: SETUP_2027 }, districts)).toEqual({
      kind: "error",
      error: { source: "addin", code: "errorUnitNotInSetup", params: { code: "183", year: 2027 }, status: null, issues: [], detail: null },
    });
  });

  it("an error for a year with no setup (404 setup.missing): nothing is written", () => {
    expect(planTemplate(2027, "06001", { status: "missing" }, districts)).toMatchObject({
      kind: "error",
      error: { code: "errorSetupMissingForTemplate", params: { year: 2027 } },
    });
  });

  it("the server's failure for another year it could not answer; the token is needed without a session", () => {
    expect(planTemplate(2027, "06001", { status: "error", error: unreachable }, districts)).toEqual({ kind: "error", error: unreachable });
    expect(planTemplate(2027, "06001", null, districts)).toMatchObject({
      kind: "error",
      error: { code: "errorNeedTokenForSetup", params: { year: 2027 } },
    });
  });
});

describe("unitsOf: the units the pane offers for a year", () => {
  it("the setup's units and level when the server answered", () => {
    expect(unitsOf(2027, { status: "ready", setup: SETUP_2027 }, districts)).toEqual({
      level: "xã",
      units: [
        { code: "06001", name: "Xã Thất Khê" },
        { code: "06002", name: "Xã Đoàn Kết" },
      ],
    });
  });

  it("the 11 districts for a built-in year without an answer; none for another year", () => {
    const built = unitsOf(2018, null, districts);
    expect(built.level).toBe("huyện");
    expect(built.units).toHaveLength(11);
    expect(unitsOf(2027, { status: "missing" }, districts)).toEqual({ level: "huyện", units: [] });
  });

  it("a unit token's own unit is always named: its district's name, or its code; its level told by the code", () => {
    expect(unitsOf(2027, { status: "missing" }, districts, "183")).toEqual({
      level: "huyện",
      units: [{ code: "183", name: "Huyện Cao Lộc" }],
    });
    expect(unitsOf(2027, null, districts, "06002")).toEqual({ level: "xã", units: [{ code: "06002", name: "06002" }] });
    const listed = unitsOf(2027, { status: "ready", setup: SETUP_2027 }, districts, "06002");
    expect(listed.units).toHaveLength(2);
    expect(listed.level).toBe("xã");
    expect(unitsOf(2027, { status: "ready", setup: SETUP_2027 }, districts, "183").units.at(-1)).toEqual({
      code: "183",
      name: "Huyện Cao Lộc",
    });
  });
});

describe("knownSetup", () => {
  it("maps the loaded state; null while loading", () => {
    expect(knownSetup({ status: "loading", setup: null, error: null })).toBeNull();
    expect(knownSetup({ status: "ready", setup: SETUP_2027, error: null })).toEqual({ status: "ready", setup: SETUP_2027 });
    expect(knownSetup({ status: "missing", setup: null, error: unreachable })).toEqual({ status: "missing" });
    expect(knownSetup({ status: "error", setup: null, error: unreachable })).toEqual({ status: "error", error: unreachable });
  });
});
