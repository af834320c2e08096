import { millionToThousand, thousandToMillion } from "../money.ts";
import { capitalAmounts, capitalPlan } from "../report/capital-rows.ts";
import type { Aggregate } from "../schemas/aggregate.ts";
import type { Report, TargetRow } from "../schemas/report.ts";
import type { Setup } from "../setup/types.ts";
import { keyLabel, NTM_KEY, setupKeys } from "./keys.ts";
import type { Targets } from "./schema.ts";

/** The planned figures a target is compared with: counts of communes, capital in integer thousand VND by STT and `total`. */
export type TargetFigures = {
  ntm: number;
  /** Index i: communes planned to meet criterion i + 1. */
  criteria: readonly number[];
  /** By band key. */
  bands: Readonly<Record<string, number>>;
  capital: Readonly<Record<string, number>>;
};

/** The province's planned figures, from the report (its plan column). */
export function figuresOfReport(report: Report): TargetFigures {
  return {
    ntm: report.overview.ntm.plan,
    criteria: report.criteria.map((c) => c.plan),
    bands: Object.fromEntries(report.bands.map((b) => [b.band, b.plan])),
    capital: Object.fromEntries(report.capital.sources.map((s) => [s.key, millionToThousand(s.amount)])),
  };
}

/** A unit's planned figures, from its aggregate under the setup (null: the unit sent nothing, all zero). */
export function figuresOfAggregate(a: Aggregate | null, setup: Setup): TargetFigures {
  const plan = capitalPlan(setup.capitalRows);
  return {
    ntm: a?.ntm.plan ?? 0,
    criteria: a?.criteria.plan ?? [],
    bands: a?.bands.plan ?? {},
    capital: capitalAmounts(plan, a?.capital ?? {}),
  };
}

/**
 * Targets against planned figures (cycle.md "Targets"), one row per target given, in the
 * setup's key order (NTM, bands, criteria, capital total, capital rows). `gap` = plan − target.
 * `met`: plan ≥ target for NTM, a criterion and capital (compared exactly in thousand VND); for a
 * band, the communes in it or a higher band are at least the targets of it and the higher bands
 * summed (a band without a target counts 0); the lowest band's target is a ceiling (plan ≤ target).
 */
export function compareTargets(targets: Readonly<Record<string, number>>, figures: TargetFigures, setup: Setup): TargetRow[] {
  const bands = setup.criteriaSet.bands;
  const rows: TargetRow[] = [];
  for (const key of setupKeys(setup)) {
    const target = targets[key];
    if (target === undefined) continue;
    const label = keyLabel(setup, key);
    if (key.startsWith("capital:")) {
      const planThousand = figures.capital[key.slice("capital:".length)] ?? 0;
      const targetThousand = millionToThousand(target);
      rows.push({
        key,
        label,
        target,
        plan: thousandToMillion(planThousand),
        gap: thousandToMillion(planThousand - targetThousand),
        met: planThousand >= targetThousand,
      });
      continue;
    }
    if (key.startsWith("band:")) {
      const i = bands.findIndex((b) => `band:${b.key}` === key);
      const plan = figures.bands[bands[i]!.key] ?? 0;
      let met: boolean;
      if (i === bands.length - 1 && bands.length > 1) met = plan <= target;
      else {
        const higher = bands.slice(0, i + 1);
        const planned = higher.reduce((s, b) => s + (figures.bands[b.key] ?? 0), 0);
        const wanted = higher.reduce((s, b) => s + (targets[`band:${b.key}`] ?? 0), 0);
        met = planned >= wanted;
      }
      rows.push({ key, label, target, plan, gap: plan - target, met });
      continue;
    }
    const plan = key === NTM_KEY ? figures.ntm : (figures.criteria[Number(key.slice(10)) - 1] ?? 0);
    rows.push({ key, label, target, plan, gap: plan - target, met: plan >= target });
  }
  return rows;
}

/**
 * The report with the year's targets: `targets` (the province's, against the report's plan figures)
 * and `unitTargets` (each unit with targets, in setup order, against its counted aggregate; a unit
 * that sent nothing has zeros), each present only when there is something to compare.
 */
export function attachTargets(report: Report, targets: Targets, setup: Setup, aggregates: ReadonlyMap<string, Aggregate>): Report {
  const out: Report = { ...report };
  if (Object.keys(targets.province).length > 0) out.targets = compareTargets(targets.province, figuresOfReport(report), setup);
  const units = Object.entries(targets.units).filter(([, t]) => Object.keys(t).length > 0);
  if (units.length > 0) {
    out.unitTargets = units.map(([unit, t]) => ({
      unit,
      targets: compareTargets(t, figuresOfAggregate(aggregates.get(unit) ?? null, setup), setup),
    }));
  }
  return out;
}
