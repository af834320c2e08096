import { describe, expect, it } from "vitest";
import { capitalAmounts, capitalPlan } from "../../../shared/report/capital-rows.ts";
import { DEFAULT_CAPITAL_ROWS } from "../../../shared/setup/defaults.ts";

describe("capitalPlan / capitalAmounts", () => {
  it("the 2018 rows: (1) sums (1.1) and (1.2); the total sums the seven leaves once", () => {
    const plan = capitalPlan(DEFAULT_CAPITAL_ROWS);
    expect(plan.leaves).toEqual(["1.1", "1.2", "2", "3", "4", "5", "6"]);
    expect(plan.isLeaf).toEqual([false, true, true, true, true, true, true, true]);
    const amounts = capitalAmounts(plan, {
      "1.1": 273_800_000,
      "1.2": 163_300_000,
      "2": 229_300_000,
      "3": 35_000_000,
      "4": 1_700_000_000,
      "5": 120_000_000,
      "6": 5_000_000,
    });
    expect(amounts).toEqual({
      "1": 437_100_000,
      "1.1": 273_800_000,
      "1.2": 163_300_000,
      "2": 229_300_000,
      "3": 35_000_000,
      "4": 1_700_000_000,
      "5": 120_000_000,
      "6": 5_000_000,
      total: 2_526_400_000,
    });
  });

  it("a custom tree: two subtotals, a nested level, a leaf not given is 0, a typed subtotal is not counted", () => {
    const plan = capitalPlan([
      { stt: "1", label: "Ngân sách" },
      { stt: "1.1", label: "Trung ương" },
      { stt: "1.1.1", label: "Vốn đầu tư" },
      { stt: "1.1.2", label: "Vốn sự nghiệp" },
      { stt: "1.2", label: "Địa phương" },
      { stt: "2", label: "Tín dụng" },
      { stt: "2.1", label: "Ngân hàng Chính sách" },
    ]);
    expect(plan.leaves).toEqual(["1.1.1", "1.1.2", "1.2", "2.1"]);
    expect(capitalAmounts(plan, { "1.1.1": 7, "1.1.2": 5, "2.1": 100, "1": 1_000_000 })).toEqual({
      "1": 12,
      "1.1": 12,
      "1.1.1": 7,
      "1.1.2": 5,
      "1.2": 0,
      "2": 100,
      "2.1": 100,
      total: 112,
    });
  });

  it("`1.10` is not below `1.1` (STT are compared by segments, not by text prefix)", () => {
    const plan = capitalPlan([
      { stt: "1.1", label: "A" },
      { stt: "1.10", label: "B" },
    ]);
    expect(plan.leaves).toEqual(["1.1", "1.10"]);
    expect(capitalAmounts(plan, { "1.1": 1, "1.10": 2 })).toEqual({ "1.1": 1, "1.10": 2, total: 3 });
  });
});
