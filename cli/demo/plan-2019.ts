/**
 * The 2019 demo plans carried over from the 2018 demo results (cycle.md "Carry-over"): the same
 * eleven districts and communes; HT of 2019 = TH of 2018 (what the result states at 31/12/2018);
 * KH planned further, deterministic: a commune already NTM stays at 19; a commune at 15 or more
 * criteria becomes a 2019 NTM target (KH all 19, flag `Xã phấn đấu đạt chuẩn NTM`); every other
 * commune plans 1 to 3 more criteria (seeded). Border, pilot and district-chosen flags carry over.
 * Capital: each 2018 plan leaf + 5 %, whole million VND (half up).
 */
import type { Submission } from "../../shared/schemas/submission.ts";
import { CAPITAL_LEAF_KEYS } from "../../shared/reference/capital-sources.ts";
import type { DistrictResult } from "./results-2018.ts";
import { disbursedAmount } from "./results-2018.ts";
import { seededRandom } from "./plan-2018.ts";

export const PLAN_2019_YEAR = 2019;
const ALL = Array.from({ length: 19 }, (_, i) => i + 1);
/** From this many criteria at the start of 2019 a commune is a 2019 NTM target. */
export const TARGET_FROM_2019 = 15;
export const CAPITAL_GROWTH_PERCENT = 105;

/** The eleven 2019 plans (NTM-1, as the built-in 2019 template takes them), in the results' order. */
export function buildPlan2019(results: readonly DistrictResult[]): Submission[] {
  return results.map(({ plan, result }, di) => {
    const rnd = seededRandom(2019_0000 + Number(plan.district));
    const communes = plan.communes.map((c, i) => {
      const baseline = [...(result.communes[i]!.achieved ?? [])];
      const missing = ALL.filter((k) => !baseline.includes(k));
      const target = missing.length > 0 && baseline.length >= TARGET_FROM_2019;
      let planned = baseline;
      if (target) planned = ALL;
      else if (missing.length > 0) {
        const more = Math.min(missing.length, 1 + Math.floor(rnd() * 3));
        const chosen = new Set<number>();
        while (chosen.size < more) chosen.add(missing[Math.floor(rnd() * missing.length)]!);
        planned = [...baseline, ...chosen].sort((a, b) => a - b);
      }
      return { ...c, flags: { ...c.flags, ntmTarget: target }, baseline, plan: planned };
    });
    const capital = Object.fromEntries(
      CAPITAL_LEAF_KEYS.map((k) => [k, disbursedAmount(plan.capital[k], CAPITAL_GROWTH_PERCENT)]),
    ) as Submission["capital"];
    return {
      ...plan,
      year: PLAN_2019_YEAR,
      preparedOn: `${PLAN_2019_YEAR}-02-${String(5 + di).padStart(2, "0")}`,
      communes,
      capital,
    };
  });
}
