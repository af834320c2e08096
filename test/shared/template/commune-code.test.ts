import { describe, expect, it } from "vitest";
import { COMMUNE_CODE, DISTRICT_CODE, readCommuneCode, readDistrictCode } from "../../../shared/template/commune-code.ts";

describe("readCommuneCode: exactly 5 digits", () => {
  it("digit text as typed", () => {
    expect(readCommuneCode("06148")).toEqual({ ok: true, code: "06148" });
    expect(readCommuneCode(" 06148 ")).toEqual({ ok: true, code: "06148" });
    expect(readCommuneCode("\u200b06148\u00a0")).toEqual({ ok: true, code: "06148" });
    expect(readCommuneCode("99999")).toEqual({ ok: true, code: "99999" });
  });
  it("a number cell is left-padded to 5 (Excel drops the leading zero), and so is shorter digit text", () => {
    expect(readCommuneCode(6148)).toEqual({ ok: true, code: "06148" });
    expect(readCommuneCode(6199)).toEqual({ ok: true, code: "06199" });
    expect(readCommuneCode(26020)).toEqual({ ok: true, code: "26020" });
    expect(readCommuneCode(1)).toEqual({ ok: true, code: "00001" });
    expect(readCommuneCode("6148")).toEqual({ ok: true, code: "06148" });
  });
  it("more than 5 digits is invalid, leading zeros included: 006199 is not 06199", () => {
    for (const v of ["006199", "000006199", "106199", "1234567890", 106199, 100000]) {
      expect([v, readCommuneCode(v)]).toEqual([v, { ok: false, empty: false }]);
    }
  });
  it("empty is reported as empty, also after cleaning", () => {
    expect(readCommuneCode("")).toEqual({ ok: false, empty: true });
    expect(readCommuneCode("  ")).toEqual({ ok: false, empty: true });
    expect(readCommuneCode("\u200b\u0000")).toEqual({ ok: false, empty: true });
    expect(readCommuneCode(null)).toEqual({ ok: false, empty: true });
  });
  it("anything else is invalid", () => {
    for (const v of ["06 148", "0614A", "x", "06148.0", "12345678901", "0", "00000", 6148.5, -6148, 0, Number.NaN, true, {}]) {
      expect([v, readCommuneCode(v)]).toEqual([v, { ok: false, empty: false }]);
    }
  });
  it("the stored form (schema) is exactly 5 digits", () => {
    expect(COMMUNE_CODE.test("06199")).toBe(true);
    for (const v of ["6199", "006199", "0619a", ""]) expect([v, COMMUNE_CODE.test(v)]).toEqual([v, false]);
  });
});

describe("readDistrictCode: exactly 3 digits", () => {
  it("number and text, shorter ones padded", () => {
    expect(readDistrictCode(183)).toEqual({ ok: true, code: "183" });
    expect(readDistrictCode(" 183 ")).toEqual({ ok: true, code: "183" });
    expect(readDistrictCode(83)).toEqual({ ok: true, code: "083" });
    expect(readDistrictCode("83")).toEqual({ ok: true, code: "083" });
  });
  it("more than 3 digits is invalid: 0183 is not 183", () => {
    for (const v of ["0183", "1183", 1183, "00183", 183.5, "18 3", "000", 0]) {
      expect([v, readDistrictCode(v)]).toEqual([v, { ok: false, empty: false }]);
    }
  });
  it("the stored form (schema) is exactly 3 digits", () => {
    expect(DISTRICT_CODE.test("183")).toBe(true);
    for (const v of ["83", "0183", "18a"]) expect([v, DISTRICT_CODE.test(v)]).toEqual([v, false]);
  });
});
