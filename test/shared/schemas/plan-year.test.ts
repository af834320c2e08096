import { describe, expect, it } from "vitest";
import {
  isPlanYear,
  MAX_PLAN_YEAR,
  MIN_PLAN_YEAR,
  parsePlanYear,
  planYearSchema,
  planYearTextSchema,
} from "../../../shared/schemas/plan-year.ts";

describe("plan year", () => {
  it("is an integer from 2000 to 2100", () => {
    expect([MIN_PLAN_YEAR, MAX_PLAN_YEAR]).toEqual([2000, 2100]);
    for (const y of [2000, 2018, 2100]) {
      expect(isPlanYear(y)).toBe(true);
      expect(planYearSchema.safeParse(y).success).toBe(true);
    }
    for (const y of [1999, 2101, 2018.5, Number.NaN, "2018", null]) {
      expect(isPlanYear(y)).toBe(false);
      expect(planYearSchema.safeParse(y).success).toBe(false);
    }
  });

  it("parses from text: exactly 4 digits in the range", () => {
    expect(parsePlanYear("2018")).toBe(2018);
    expect(planYearTextSchema.parse("2100")).toBe(2100);
    for (const t of ["1999", "2101", "18", "02018", "2018.0", " 2018", "abcd", ""]) {
      expect(parsePlanYear(t), t).toBeNull();
      expect(planYearTextSchema.safeParse(t).success, t).toBe(false);
    }
  });
});
