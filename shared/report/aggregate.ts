import type { CriteriaSet } from "../reference/criteria.ts";
import type { Aggregate } from "../schemas/aggregate.ts";
import { AGGREGATE_SCHEMA_VERSION } from "../schemas/aggregate.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import { SET_2016_2020 } from "../setup/criteria-sets.ts";
import { DEFAULT_CAPITAL_ROWS } from "../setup/defaults.ts";
import { fromNtm1 } from "../setup/from-ntm1.ts";
import type { Setup } from "../setup/types.ts";
import { matchKey } from "../text/match.ts";
import { capitalPlan } from "./capital-rows.ts";
import type { CapitalPlan } from "./capital-rows.ts";
import { reportGroups } from "./report-groups.ts";
import type { ReportGroupDef } from "./report-groups.ts";

/** What an aggregate depends on: the setup without its units, year, deadlines. */
export type AggregateBasis = Pick<Setup, "criteriaSet" | "communes" | "planFlags" | "capitalRows">;

/** A setup compiled once for aggregating (dense lookups; cached per setup object). */
type Compiled = {
  basis: AggregateBasis;
  size: number;
  maxNumber: number;
  /** criterion number → index, or -1. */
  indexOf: Int32Array;
  /** criteria met (0..size) → band index, or -1 where the bands leave a gap. */
  bandOfMet: Int32Array;
  bandKeys: string[];
  groups: ReportGroupDef[];
  attributeGroups: Map<string, number[]>;
  /** Indexes of the groups an attribute puts a commune in (kind `attribute`, or a flag `orAttribute`). */
  attributeGroupList: number[];
  flagGroups: Map<string, number[]>;
  /** Group index of commune group 1, 2, 3 (index 0 unused), or -1. */
  communeGroupIndex: number[];
  /** Registered communes: group and, per report group, the setup's attribute (-1 not set, 0, 1). */
  registered: Map<string, { group: number | null; attributes: Int8Array }> | null;
  capital: CapitalPlan;
};

const compiledSetups = new WeakMap<AggregateBasis, Compiled>();

function addIndex(map: Map<string, number[]>, label: string, i: number): void {
  const k = matchKey(label);
  const list = map.get(k) ?? [];
  if (!list.includes(i)) list.push(i);
  map.set(k, list);
}

function compile(basis: AggregateBasis): Compiled {
  const cached = compiledSetups.get(basis);
  if (cached) return cached;
  const criteria = basis.criteriaSet.criteria;
  const maxNumber = criteria.reduce((m, c) => Math.max(m, c.number), 0);
  const indexOf = new Int32Array(maxNumber + 1).fill(-1);
  criteria.forEach((c, i) => {
    indexOf[c.number] = i;
  });
  const bands = basis.criteriaSet.bands;
  const bandOfMet = new Int32Array(criteria.length + 1).fill(-1);
  for (let met = 0; met <= criteria.length; met++) bandOfMet[met] = bands.findIndex((b) => met >= b.min && met <= b.max);

  const groups = reportGroups(basis);
  const attributeGroups = new Map<string, number[]>();
  const flagGroups = new Map<string, number[]>();
  const communeGroupIndex = [-1, -1, -1, -1];
  const attributeGroupList: number[] = [];
  groups.forEach((g, i) => {
    const s = g.source;
    if (s.kind === "communeGroup") {
      communeGroupIndex[s.group] = i;
      return;
    }
    const asAttribute = s.kind === "attribute" || s.orAttribute === true;
    if (asAttribute) attributeGroupList.push(i);
    for (const l of s.labels) {
      if (asAttribute) addIndex(attributeGroups, l, i);
      if (s.kind === "flag") addIndex(flagGroups, l, i);
    }
  });

  let registered: Compiled["registered"] = null;
  if (basis.communes !== null) {
    registered = new Map();
    for (const c of basis.communes) {
      const attributes = new Int8Array(groups.length).fill(-1);
      for (const [label, on] of Object.entries(c.attributes)) {
        for (const i of attributeGroups.get(matchKey(label)) ?? []) attributes[i] = on ? 1 : 0;
      }
      registered.set(c.code, { group: c.group, attributes });
    }
  }
  const compiled: Compiled = {
    basis,
    size: criteria.length,
    maxNumber,
    indexOf,
    bandOfMet,
    bandKeys: bands.map((b) => b.key),
    groups,
    attributeGroups,
    attributeGroupList,
    flagGroups,
    communeGroupIndex,
    registered,
    capital: capitalPlan(basis.capitalRows),
  };
  compiledSetups.set(basis, compiled);
  return compiled;
}

/** An aggregate of no communes under a setup. */
export function emptyAggregate(basis: AggregateBasis, templateVersion: Aggregate["templateVersion"] = "NTM-2"): Aggregate {
  const k = compile(basis);
  const zeros = () => Object.fromEntries(k.bandKeys.map((b) => [b, 0]));
  return {
    schemaVersion: AGGREGATE_SCHEMA_VERSION,
    templateVersion,
    criteriaSet: { id: basis.criteriaSet.id, size: k.size },
    communes: 0,
    ntm: { baseline: 0, plan: 0 },
    criteriaSum: { baseline: 0, plan: 0 },
    criteria: { baseline: Array.from({ length: k.size }, () => 0), plan: Array.from({ length: k.size }, () => 0) },
    bands: { baseline: zeros(), plan: zeros() },
    groups: Object.fromEntries(k.groups.map((g) => [g.key, { communes: 0, criteriaSum: { baseline: 0, plan: 0 } }])),
    capital: Object.fromEntries(k.capital.leaves.map((stt) => [stt, 0])),
    unlisted: [],
  };
}

/**
 * The aggregate of one unit's submission under its year's setup: counts per criterion, per band,
 * per group (a registered commune's group and fixed attributes are the setup's, else as typed),
 * NTM-standard = every criterion of the set, the capital leaves by STT, and the communes the
 * setup's commune list does not have. Criterion numbers outside the set, repeated numbers and
 * capital rows that are not leaves of the setup are ignored (the parser and the rules refuse them).
 * A result-round submission (`round: "result"`) also gets `result`: the same counts of TH (criteria
 * achieved, NTM = all criteria of the set, bands, groups' sums) and capital disbursed by leaf STT;
 * a plan's aggregate has no `result` (absent, so plan aggregates are unchanged byte for byte).
 */
export function aggregateUnit(
  sub: UnitSubmission,
  basis: AggregateBasis,
  templateVersion: Aggregate["templateVersion"] = sub.templateVersion,
): Aggregate {
  const k = compile(basis);
  const { size, maxNumber, indexOf } = k;
  const criteriaBaseline = new Array<number>(size).fill(0);
  const criteriaPlan = new Array<number>(size).fill(0);
  const bandsBaseline = new Array<number>(k.bandKeys.length).fill(0);
  const bandsPlan = new Array<number>(k.bandKeys.length).fill(0);
  const groupCommunes = new Array<number>(k.groups.length).fill(0);
  const groupBaseline = new Array<number>(k.groups.length).fill(0);
  const groupPlan = new Array<number>(k.groups.length).fill(0);
  // Result round only (TH): the same counts of the criteria achieved at 31 December.
  const isResult = sub.round === "result";
  const criteriaAchieved = new Array<number>(isResult ? size : 0).fill(0);
  const bandsAchieved = new Array<number>(isResult ? k.bandKeys.length : 0).fill(0);
  const groupAchieved = new Array<number>(isResult ? k.groups.length : 0).fill(0);
  let ntmAchieved = 0;
  let sumAchieved = 0;
  // A stamp per criterion number marks the commune and side where it was last counted (repeats
  // ignored); a stamp per group marks the commune it was last counted for.
  const stamp = new Int32Array(maxNumber + 1);
  const inGroup = new Int32Array(k.groups.length);
  const typedOn = new Int32Array(k.groups.length);
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
  // Typed labels repeat on every commune: resolve each distinct key once.
  const seenAttribute: Record<string, readonly number[]> = Object.create(null);
  const seenFlag: Record<string, readonly number[]> = Object.create(null);
  const resolve = (seen: Record<string, readonly number[]>, index: Map<string, number[]>, label: string) => {
    const found = index.get(matchKey(label)) ?? [];
    seen[label] = found;
    return found;
  };

  let communes = 0;
  let ntmBaseline = 0;
  let ntmPlan = 0;
  let sumBaseline = 0;
  let sumPlan = 0;
  const unlisted: { code: string; name: string }[] = [];
  let mark = 0;
  for (const c of sub.communes) {
    mark++;
    communes++;
    const baseline = count(c.baseline, criteriaBaseline);
    const plan = count(c.plan, criteriaPlan);
    sumBaseline += baseline;
    sumPlan += plan;
    if (size > 0 && baseline === size) ntmBaseline++;
    if (size > 0 && plan === size) ntmPlan++;
    const bb = k.bandOfMet[baseline]!;
    const bp = k.bandOfMet[plan]!;
    if (bb >= 0) bandsBaseline[bb]!++;
    if (bp >= 0) bandsPlan[bp]!++;
    let achieved = 0;
    if (isResult) {
      achieved = count(c.achieved ?? [], criteriaAchieved);
      sumAchieved += achieved;
      if (size > 0 && achieved === size) ntmAchieved++;
      const ba = k.bandOfMet[achieved]!;
      if (ba >= 0) bandsAchieved[ba]!++;
    }

    const reg = k.registered?.get(c.code);
    if (k.registered !== null && reg === undefined) unlisted.push({ code: c.code, name: c.name });
    const { attributes, flags } = c;
    for (const label in attributes) {
      if (attributes[label] !== true) continue;
      const found = seenAttribute[label] ?? resolve(seenAttribute, k.attributeGroups, label);
      for (let j = 0; j < found.length; j++) typedOn[found[j]!] = mark;
    }
    for (const label in flags) {
      if (flags[label] !== true) continue;
      const found = seenFlag[label] ?? resolve(seenFlag, k.flagGroups, label);
      for (let j = 0; j < found.length; j++) inGroup[found[j]!] = mark;
    }
    for (const g of k.attributeGroupList) {
      const fixed = reg ? reg.attributes[g]! : -1;
      if (fixed === 1 || (fixed === -1 && typedOn[g] === mark)) inGroup[g] = mark;
    }
    const group = reg?.group ?? c.group;
    if (group !== null && k.communeGroupIndex[group]! >= 0) inGroup[k.communeGroupIndex[group]!] = mark;
    for (let g = 0; g < k.groups.length; g++) {
      if (inGroup[g] !== mark) continue;
      groupCommunes[g]!++;
      groupBaseline[g]! += baseline;
      groupPlan[g]! += plan;
      if (isResult) groupAchieved[g]! += achieved;
    }
  }

  const capital: Record<string, number> = {};
  for (const stt of k.capital.leaves) capital[stt] = sub.capital[stt] ?? 0;
  unlisted.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const aggregate: Aggregate = {
    schemaVersion: AGGREGATE_SCHEMA_VERSION,
    templateVersion,
    criteriaSet: { id: basis.criteriaSet.id, size },
    communes,
    ntm: { baseline: ntmBaseline, plan: ntmPlan },
    criteriaSum: { baseline: sumBaseline, plan: sumPlan },
    criteria: { baseline: criteriaBaseline, plan: criteriaPlan },
    bands: {
      baseline: Object.fromEntries(k.bandKeys.map((b, i) => [b, bandsBaseline[i]!])),
      plan: Object.fromEntries(k.bandKeys.map((b, i) => [b, bandsPlan[i]!])),
    },
    groups: Object.fromEntries(
      k.groups.map((g, i) => [g.key, { communes: groupCommunes[i]!, criteriaSum: { baseline: groupBaseline[i]!, plan: groupPlan[i]! } }]),
    ),
    capital,
    unlisted,
  };
  if (isResult) {
    const disbursed: Record<string, number> = {};
    for (const stt of k.capital.leaves) disbursed[stt] = sub.disbursed?.[stt] ?? 0;
    aggregate.result = {
      ntm: ntmAchieved,
      criteriaSum: sumAchieved,
      criteria: criteriaAchieved,
      bands: Object.fromEntries(k.bandKeys.map((b, i) => [b, bandsAchieved[i]!])),
      groups: Object.fromEntries(k.groups.map((g, i) => [g.key, groupAchieved[i]!])),
      disbursed,
    };
  }
  return aggregate;
}

/** The aggregate basis of an NTM-1 year served by reference data: its criteria, no commune list. */
export function ntm1Basis(criteria: CriteriaSet): AggregateBasis {
  return {
    criteriaSet: { ...SET_2016_2020, criteria: criteria.criteria },
    communes: null,
    planFlags: [],
    capitalRows: DEFAULT_CAPITAL_ROWS,
  };
}

const ntm1Bases = new WeakMap<CriteriaSet, AggregateBasis>();

/**
 * The aggregate of a submission of either template version under a setup; an NTM-1 submission is
 * read through `fromNtm1` and keeps `NTM-1` as its template version. With a `CriteriaSet` (the
 * reference data of an NTM-1 year) in place of a setup, the 2016-2020 basis with those criteria.
 */
export function aggregateSubmission(sub: Submission | UnitSubmission, basis: AggregateBasis | CriteriaSet): Aggregate {
  let b: AggregateBasis;
  if ("criteriaSet" in basis) b = basis;
  else {
    b = ntm1Bases.get(basis) ?? ntm1Basis(basis);
    ntm1Bases.set(basis, b);
  }
  if (sub.templateVersion === "NTM-1") return aggregateUnit(fromNtm1(sub), b, "NTM-1");
  return aggregateUnit(sub, b);
}
