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
  const total = criteria.criteria.length;
  // Dense lookups instead of a Map and a Set per commune: criterion number → index (or -1), and a
  // stamp per number marking the commune and side where it was last counted (repeats ignored).
  const maxNumber = criteria.criteria.reduce((m, c) => Math.max(m, c.number), 0);
  const indexOf = new Int32Array(maxNumber + 1).fill(-1);
  criteria.criteria.forEach((c, i) => {
    indexOf[c.number] = i;
  });
  const stamp = new Int32Array(maxNumber + 1);
  const bandIndex = Array.from({ length: total + 1 }, (_, met) => BAND_KEYS.indexOf(bandOf(met)));
  let pass = 0;
  const count = (numbers: readonly number[], counts: number[]): number => {
    pass++;
    let met = 0;
    for (const n of numbers) {
      if (!(n >= 0 && n <= maxNumber)) continue;
      const i = indexOf[n]!;
      if (i < 0 || stamp[n] === pass) continue;
      stamp[n] = pass;
      counts[i]!++;
      met++;
    }
    return met;
  };
  for (const c of sub.communes) {
    agg.communes++;
    const baseline = count(c.baseline, agg.criteria.baseline);
    const plan = count(c.plan, agg.criteria.plan);
    agg.criteriaSum.baseline += baseline;
    agg.criteriaSum.plan += plan;
    if (total > 0 && baseline === total) agg.ntm.baseline++;
    if (total > 0 && plan === total) agg.ntm.plan++;
    agg.bands.baseline[bandIndex[baseline]!]!++;
    agg.bands.plan[bandIndex[plan]!]!++;
    for (const g of GROUP_KEYS) {
      if (!c.flags[g]) continue;
      const group = agg.groups[g];
      group.communes++;
      group.criteriaSum.baseline += baseline;
      group.criteriaSum.plan += plan;
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
