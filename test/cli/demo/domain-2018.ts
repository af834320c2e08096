import { expect } from "vitest";
import type { Report } from "../../../shared/schemas/report.ts";

/** The 2018 figures of docs/domain.md, typed from the spec (not from the generator's constants). */
const CRITERIA: [number, number, number, number, number | null][] = [
  // number, start, planned, added, planned %   (1 and the starts of 7 and 8 are not stated: checked apart)
  [2, 47, 58, 11, 28.0],
  [3, 132, 151, 19, 72.9],
  [4, 109, 115, 6, 55.6],
  [5, 39, 54, 15, 26.1],
  [6, 41, 52, 11, 25.1],
  [9, 85, 106, 21, 51.2],
  [10, 54, 58, 4, 28.0],
  [11, 55, 64, 9, 30.9],
  [12, 207, 207, 0, 100.0],
  [13, 63, 90, 27, 43.5],
  [14, 173, 187, 14, 90.3],
  [15, 81, 107, 26, 51.7],
  [16, 64, 90, 26, 43.5],
  [17, 38, 53, 15, 25.6],
  [18, 40, 55, 15, 26.6],
  [19, 163, 186, 23, 89.9],
];

export function expectDomain2018(r: Report): void {
  expect(r.year).toBe(2018);
  expect(r.overview.communes).toBe(207);
  expect(r.overview.ntm).toEqual({ baseline: 36, plan: 48, added: 12 });
  expect(r.units).toHaveLength(11);
  expect(r.units.every((d) => d.status === "submitted")).toBe(true);
  expect(r.bands.map((b) => [b.band, b.plan, b.planPercent])).toEqual([
    ["19", 48, 23.2],
    ["15-18", 2, 1.0],
    ["10-14", 29, 14.0],
    ["5-9", 128, 61.8],
    ["<5", 0, 0.0],
  ]);
  expect(r.bands[0]!.baseline).toBe(36);
  for (const [n, start, plan, added, pct] of CRITERIA) {
    expect(r.criteria[n - 1], `criterion ${n}`).toMatchObject({ number: n, baseline: start, plan, added, planPercent: pct });
  }
  expect(r.criteria[1]).toEqual({ number: 2, name: "Giao thông", baseline: 47, plan: 58, added: 11, planPercent: 28.0 });
  expect(r.criteria[6]).toMatchObject({ number: 7, plan: 168, planPercent: 81.2 });
  expect(r.criteria[7]).toMatchObject({ number: 8, plan: 61, planPercent: 29.5 });
  expect(r.criteria[7]!.added).toBeGreaterThanOrEqual(10);
  // "9.5-10" in the plan text; criteria 2-19 sum to 1,862 planned.
  expect(r.criteria.slice(1).reduce((s, c) => s + c.plan, 0)).toBe(1862);
  expect(r.overview.avgCriteria.plan).toBeGreaterThanOrEqual(9.5);
  expect(r.overview.avgCriteria.plan).toBeLessThanOrEqual(10);
  for (const c of r.criteria) expect(c.added, `criterion ${c.number} regresses`).toBeGreaterThanOrEqual(0);

  const group = (g: string) => r.groups.find((x) => x.group === g)!;
  expect(group("border")).toMatchObject({ communes: 20, avgCriteria: { plan: 9.35 } });
  expect(group("pilotDifficult")).toMatchObject({ communes: 5, avgCriteria: { plan: 13 } });
  expect(group("ntmTarget")).toMatchObject({ communes: 12, avgCriteria: { plan: 19 } });
  expect(group("ntmTarget").avgCriteria.baseline!).toBeLessThan(19);
  expect(group("districtDifficult").communes).toBe(11);

  expect(r.capital.sources.map((s) => [s.key, s.amount, s.percent])).toEqual([
    // direct (1 = 1.1 + 1.2), central, local, integrated, enterprise, credit, community, other, total
    ["1", 437_100, 17.3],
    ["1.1", 273_800, 10.8],
    ["1.2", 163_300, 6.5],
    ["2", 229_300, 9.1],
    ["3", 35_000, 1.4],
    ["4", 1_700_000, 67.3],
    ["5", 120_000, 4.7],
    ["6", 5_000, 0.2],
    ["total", 2_526_400, 100],
  ]);
  expect(r.capital.byUnit).toHaveLength(11);
}
