import { describe, expect, it } from "vitest";
import { readCommuneCode } from "../../../shared/template/commune-code.ts";

describe("readCommuneCode", () => {
  it("digit text as typed", () => {
    expect(readCommuneCode("06148")).toEqual({ ok: true, code: "06148" });
    expect(readCommuneCode(" 06148 ")).toEqual({ ok: true, code: "06148" });
    expect(readCommuneCode("1234567890")).toEqual({ ok: true, code: "1234567890" });
  });
  it("a number cell is left-padded to 5 (Excel drops the leading zero)", () => {
    expect(readCommuneCode(6148)).toEqual({ ok: true, code: "06148" });
    expect(readCommuneCode(26020)).toEqual({ ok: true, code: "26020" });
    expect(readCommuneCode("6148")).toEqual({ ok: true, code: "06148" });
  });
  it("empty is reported as empty", () => {
    expect(readCommuneCode("")).toEqual({ ok: false, empty: true });
    expect(readCommuneCode("  ")).toEqual({ ok: false, empty: true });
    expect(readCommuneCode(null)).toEqual({ ok: false, empty: true });
  });
  it("anything else is invalid", () => {
    for (const v of ["06 148", "0614A", "x", "06148.0", "12345678901", "0", "00000", 6148.5, -6148, 0, Number.NaN, true, {}]) {
      expect([v, readCommuneCode(v)]).toEqual([v, { ok: false, empty: false }]);
    }
  });
});
