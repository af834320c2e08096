import { describe, expect, it } from "vitest";
import { communeSchema } from "../../../shared/schemas/submission.ts";

const commune = (baseline: unknown, plan: unknown = [1, 2]) => ({
  code: "06148",
  name: "Xã Hoàng Đồng",
  flags: { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false },
  baseline,
  plan,
});

describe("criterion numbers in the submission schema (one check per array)", () => {
  it("accepts integers 1..99, empty lists and up to 99 numbers", () => {
    for (const ok of [[], [1], [1, 2, 19], [99], Array.from({ length: 99 }, (_, i) => i + 1)]) {
      expect(communeSchema.safeParse(commune(ok)).success, JSON.stringify(ok)).toBe(true);
    }
  });

  it("refuses 0, 100, fractions, text, null, non-arrays and more than 99 numbers, at the array's path", () => {
    const bad: unknown[] = [[0], [100], [1.5], ["3"], [null], [Number.NaN], "1,2", { 0: 1 }, null, Array.from({ length: 100 }, () => 1)];
    for (const b of bad) {
      const r = communeSchema.safeParse(commune(b));
      expect(r.success, JSON.stringify(b)).toBe(false);
      if (!r.success) {
        expect(r.error.issues[0]?.path).toEqual(["baseline"]);
        expect(r.error.issues[0]?.message).toContain("1-99");
      }
    }
    expect(communeSchema.safeParse(commune([1], [0])).success).toBe(false);
  });
});
