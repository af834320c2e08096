import { describe, expect, it } from "vitest";
import { CODE_SLOTS, codeSlot } from "../../../shared/rules/commune-code-slot.ts";

describe("codeSlot", () => {
  it("a stored Mã xã (exactly 5 ASCII digits) is its number, leading zeros included", () => {
    expect(codeSlot("06148")).toBe(6148);
    expect(codeSlot("00000")).toBe(0);
    expect(codeSlot("99999")).toBe(CODE_SLOTS - 1);
  });

  it("anything else has no slot: -1", () => {
    for (const code of ["", "6148", "006148", "0614a", "06 48", "٠٦١٤٨", "06148\n", "-0614", "0614/", "0614:"]) {
      expect(codeSlot(code)).toBe(-1);
    }
  });
});
