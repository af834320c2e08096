import type { CriteriaSet } from "../reference/criteria.ts";
import type { Aggregate } from "../schemas/aggregate.ts";
import type { Submission } from "../schemas/submission.ts";
import { BAND_KEYS, bandOf } from "../reference/bands.ts";
import { CAPITAL_LEAF_KEYS } from "../reference/capital-sources.ts";
import { GROUP_KEYS } from "../reference/groups.ts";

/**
 * Per-revision aggregate (shared/schemas/aggregate.ts) of one district's submission: integer
 * counts only, so a report adds districts exactly. Criterion numbers outside the set (or repeated)
 * are ignored; the parser and the rules refuse them before this runs.
 */
export function emptyAggregate(criteria: CriteriaSet): Aggregate {
  const n = criteria.criteria.length;
  const zeros = () => Array.from({ length: n }, () => 0);
  const bands = () => BAND_KEYS.map(() => 0);
  const group = () => ({ communes: 0, criteriaSum: { baseline: 0, plan: 0 } });
  return {
    communes: 0,
    ntm: { baseline: 0, plan: 0 },
    criteriaSum: { baseline: 0, plan: 0 },
    criteria: { baseline: zeros(), plan: zeros() },
    bands: { baseline: bands(), plan: bands() },
    groups: { border: group(), pilotDifficult: group(), ntmTarget: group(), districtDifficult: group() },
    capital: { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
  };
}

export function aggregateSubmission(sub: Submission, criteria: CriteriaSet): Aggregate {
  const agg = emptyAggregate(criteria);
  const indexOf = new Map(criteria.criteria.map((c, i) => [c.number, i]));
  const total = criteria.criteria.length;
  for (const c of sub.communes) {
    agg.communes++;
    const met = { baseline: 0, plan: 0 };
    for (const side of ["baseline", "plan"] as const) {
      const seen = new Set<number>();
      for (const n of c[side]) {
        const i = indexOf.get(n);
        if (i === undefined || seen.has(n)) continue;
        seen.add(n);
        agg.criteria[side][i]!++;
        met[side]++;
      }
      agg.criteriaSum[side] += met[side];
      if (total > 0 && met[side] === total) agg.ntm[side]++;
      agg.bands[side][BAND_KEYS.indexOf(bandOf(met[side]))]!++;
    }
    for (const g of GROUP_KEYS) {
      if (!c.flags[g]) continue;
      const group = agg.groups[g];
      group.communes++;
      group.criteriaSum.baseline += met.baseline;
      group.criteriaSum.plan += met.plan;
    }
  }
  for (const k of CAPITAL_LEAF_KEYS) agg.capital[k] = sub.capital[k];
  return agg;
}

function addArrays(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

const addPair = (a: { baseline: number; plan: number }, b: { baseline: number; plan: number }) => ({
  baseline: a.baseline + b.baseline,
  plan: a.plan + b.plan,
});

/** Sum of two aggregates (arrays of different lengths are added position by position). */
export function addAggregates(a: Aggregate, b: Aggregate): Aggregate {
  const groups = {} as Aggregate["groups"];
  for (const g of GROUP_KEYS) {
    groups[g] = {
      communes: a.groups[g].communes + b.groups[g].communes,
      criteriaSum: addPair(a.groups[g].criteriaSum, b.groups[g].criteriaSum),
    };
  }
  const capital = {} as Aggregate["capital"];
  for (const k of CAPITAL_LEAF_KEYS) capital[k] = a.capital[k] + b.capital[k];
  return {
    communes: a.communes + b.communes,
    ntm: addPair(a.ntm, b.ntm),
    criteriaSum: addPair(a.criteriaSum, b.criteriaSum),
    criteria: { baseline: addArrays(a.criteria.baseline, b.criteria.baseline), plan: addArrays(a.criteria.plan, b.criteria.plan) },
    bands: { baseline: addArrays(a.bands.baseline, b.bands.baseline), plan: addArrays(a.bands.plan, b.bands.plan) },
    groups,
    capital,
  };
}
