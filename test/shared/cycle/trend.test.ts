import { describe, expect, it } from "vitest";
import { trend } from "../../../shared/cycle/trend.ts";
import type { TrendYearInput } from "../../../shared/cycle/trend.ts";
import { SET_2021_2025, SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";

/**
 * The trend (docs/report.md "Xu hướng qua các năm"): 2025 (set 2021-2025, 19 criteria) communes
 * A 06148, B 06151, C 06154; 2026 (set 2026-2030, 10 criteria): M 06160 formed from A and B, C kept.
 */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const y2025: TrendYearInput = {
  year: 2025,
  criteriaSet: SET_2021_2025,
  communes: [
    { code: "06148", formerCodes: [] },
    { code: "06151", formerCodes: [] },
    { code: "06154", formerCodes: [] },
  ],
  plans: [
    { code: "06148", criteria: upTo(19) },
    { code: "06151", criteria: upTo(10) },
    { code: "06154", criteria: upTo(19) },
  ],
  results: [
    { code: "06148", criteria: upTo(19) },
    { code: "06151", criteria: upTo(19) },
  ],
};
const y2026: TrendYearInput = {
  year: 2026,
  criteriaSet: SET_2026_2030,
  communes: [
    { code: "06160", formerCodes: ["06148", "06151"] },
    { code: "06154", formerCodes: [] },
  ],
  plans: [
    { code: "06160", criteria: upTo(10) },
    { code: "06154", criteria: [1, 2] },
  ],
  results: [],
};

describe("trend: years counted on the last year's communes, through mergers", () => {
  const t = trend(2024, 2027, [{ ...y2025, year: 2024, criteriaSet: null, plans: [], results: [] }, y2025, y2026]);

  it("years with data only; the frame is the last of them", () => {
    expect(t.frameYear).toBe(2026);
    expect(t.years.map((y) => [y.year, y.criteriaSet.id, y.criteriaSet.criteria.length])).toEqual([
      [2025, "2021-2025", 19],
      [2026, "2026-2030", 10],
    ]);
  });

  it("2025 counted as 2026's communes: M meets a criterion only if A and B (with data) both did", () => {
    const y = t.years[0]!;
    expect(y.communes).toEqual({ planned: 2, achieved: 1 }); // C has no result row
    expect(y.stored).toEqual({ planned: 3, achieved: 2 });
    // Planned: M = A ∧ B meets 1-10, C meets 1-19; NTM: only C (B planned 10 of 19).
    expect(y.ntm).toEqual({ planned: 1, achieved: 1 });
    expect(y.criteria.map((c) => [c.number, c.planned, c.achieved])).toEqual(
      upTo(19).map((k) => [k, k <= 10 ? 2 : 1, 1]), // achieved: C has no result row, M from A and B (all 19)
    );
  });

  it("2026 as stored; achieved null without results", () => {
    const y = t.years[1]!;
    expect(y.ntm).toEqual({ planned: 1, achieved: null });
    expect(y.criteria.map((c) => c.planned)).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(y.criteria[0]).toEqual({ number: 1, name: SET_2026_2030.criteria[0]!.name, planned: 2, achieved: null });
  });

  it("a former commune without a row is skipped: M in 2025 from A alone when B sent nothing", () => {
    const only = trend(2025, 2026, [{ ...y2025, plans: [{ code: "06148", criteria: [1, 2] }], results: [] }, y2026]);
    expect(only.years[0]!.criteria.slice(0, 3).map((c) => [c.planned, c.achieved])).toEqual([
      [1, null],
      [1, null],
      [0, null],
    ]);
  });

  it("no year with data: no years, no frame", () => {
    expect(trend(2030, 2031, [])).toEqual({ from: 2030, to: 2031, frameYear: null, years: [] });
  });
});
