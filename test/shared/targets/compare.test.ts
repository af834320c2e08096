import { describe, expect, it } from "vitest";
import { compareTargets } from "../../../shared/targets/compare.ts";
import type { TargetFigures } from "../../../shared/targets/compare.ts";
import { SETUP_2018 } from "./fixtures.ts";

/** 2018-shaped figures: bands 19/15-18/10-14/5-9/<5, criteria by index, capital in thousand VND. */
const figures = (bands: number[], capital: Record<string, number> = {}): TargetFigures => ({
  ntm: bands[0]!,
  criteria: [207, 58],
  bands: Object.fromEntries(["19", "15-18", "10-14", "5-9", "<5"].map((k, i) => [k, bands[i] ?? 0])),
  capital,
});
const met = (targets: Record<string, number>, f: TargetFigures) =>
  Object.fromEntries(compareTargets(targets, f, SETUP_2018).map((r) => [r.key, [r.plan, r.gap, r.met]]));

describe("compareTargets: the met rule", () => {
  it("NTM and a criterion: plan ≥ target", () => {
    expect(met({ ntm: 10, "criterion:2": 58 }, figures([10]))).toEqual({ ntm: [10, 0, true], "criterion:2": [58, 0, true] });
    expect(met({ ntm: 11, "criterion:2": 59 }, figures([10]))).toEqual({ ntm: [10, -1, false], "criterion:2": [58, -1, false] });
  });

  it("a band: communes in it or a higher band ≥ its target and the higher targets summed (cumulative)", () => {
    // 15-18 has 1 planned against a target of 3, but 19 has 5 against 3: 6 ≥ 6 → met, gap −2.
    expect(met({ "band:19": 3, "band:15-18": 3 }, figures([5, 1]))).toEqual({ "band:19": [5, 2, true], "band:15-18": [1, -2, true] });
    // 19 short: 2 < 3 → not met; 15-18 cumulative 2 + 4 = 6 ≥ 3 + 3 → met.
    expect(met({ "band:19": 3, "band:15-18": 3 }, figures([2, 4]))).toEqual({ "band:19": [2, -1, false], "band:15-18": [4, 1, true] });
    // A higher band without a target counts 0: 10-14 gets 2 + 0 + 1 = 3 < 4 → not met.
    expect(met({ "band:10-14": 4 }, figures([2, 0, 1]))["band:10-14"]).toEqual([1, -3, false]);
    expect(met({ "band:10-14": 3 }, figures([2, 0, 1]))["band:10-14"]).toEqual([1, -2, true]);
  });

  it("the lowest band's target is a ceiling: plan ≤ target", () => {
    expect(met({ "band:<5": 2 }, figures([0, 0, 0, 0, 2]))["band:<5"]).toEqual([2, 0, true]);
    expect(met({ "band:<5": 2 }, figures([0, 0, 0, 0, 1]))["band:<5"]).toEqual([1, -1, true]);
    expect(met({ "band:<5": 2 }, figures([0, 0, 0, 0, 3]))["band:<5"]).toEqual([3, 1, false]);
  });

  it("capital: exact in thousand VND, million VND out; rows in the setup's key order", () => {
    const rows = compareTargets(
      { "capital:total": 1000.5, "capital:1.1": 0.001, ntm: 1 },
      figures([1], { total: 1_000_499, "1.1": 1 }),
      SETUP_2018,
    );
    expect(rows).toEqual([
      { key: "ntm", label: "Số xã đạt chuẩn NTM", target: 1, plan: 1, gap: 0, met: true },
      { key: "capital:total", label: "Tổng vốn (triệu đồng)", target: 1000.5, plan: 1000.499, gap: -0.001, met: false },
      { key: "capital:1.1", label: "Vốn 1.1 - Vốn ngân sách Trung ương (triệu đồng)", target: 0.001, plan: 0.001, gap: 0, met: true },
    ]);
  });
});
