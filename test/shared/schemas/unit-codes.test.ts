import { describe, expect, it } from "vitest";
import { districtCodeSchema } from "../../../shared/schemas/api/common.ts";
import { unitCodeSchema } from "../../../shared/schemas/unit-submission.ts";

describe("unit codes at their own length", () => {
  it("Mã huyện in the API: exactly 3 digits", () => {
    expect(districtCodeSchema.safeParse("183").success).toBe(true);
    for (const bad of ["18", "0183", "1830", "18a", " 183", ""]) expect(districtCodeSchema.safeParse(bad).success).toBe(false);
  });

  it("Mã đơn vị: 3 digits (huyện) or 5 digits (xã), nothing else", () => {
    for (const good of ["183", "06148"]) expect(unitCodeSchema.safeParse(good).success).toBe(true);
    for (const bad of ["0183", "006148", "6148", "18", "061480"]) expect(unitCodeSchema.safeParse(bad).success).toBe(false);
  });
});
