import type { Aggregate } from "../schemas/aggregate.ts";
import type { Round } from "../schemas/api/common.ts";
import type { Cut, StatusUnit } from "../schemas/api/review.ts";
import type { Report, ReportUnit } from "../schemas/report.ts";
import { completeness } from "../review/unit-status.ts";
import { REPORT_SCHEMA_VERSION } from "../schemas/report.ts";
import type { Setup, UnitLevel } from "../setup/types.ts";
import { average, percent, thousandToMillion } from "../money.ts";
import { CAPITAL_TOTAL_KEY, CAPITAL_TOTAL_LABEL, capitalAmounts, capitalPlan } from "./capital-rows.ts";
import { reportGroups } from "./report-groups.ts";
import type { ReportGroupDef } from "./report-groups.ts";

/** One unit's latest submission as the report needs it (the server reads it from D1). */
export type ReportEntry = {
  unit: string;
  aggregate: Aggregate;
  revision: number | null;
  submittedAt: string | null;
  submittedBy: string | null;
  preparedBy: string | null;
  phone: string | null;
  status?: "submitted" | "returned" | "accepted";
};

/**
 * What the report is built from. `review` (the server): the round, the cut, the deadline and every
 * unit's status at the cut (shared/review/unit-status.ts); without it (offline) the round is `plan`,
 * a unit with an entry is `submitted` and the completeness counts entries only.
 */
export type ReportInput = {
  year: number;
  generatedAt: string;
  setup: Setup;
  entries: readonly ReportEntry[];
  review?: { round: Round; cut: Cut; deadline: string | null; statuses: ReadonlyMap<string, StatusUnit> };
  /**
   * A result report (docs/cycle.md "Reports over time"): each unit's result revision (its aggregate
   * has `result`). `entries` are then the plans (each unit's accepted plan, else its latest), whose
   * figures stay exactly those of the plan report; achieved and disbursed come from these, and a
   * unit's revision, submittedAt, submitter and completeness are its result's.
   */
  results?: readonly ReportEntry[];
};

/** Codes sort numerically ("99" before "178"), then as text: the order never depends on the input. */
function compareCodes(a: string, b: string): number {
  const na = a.replace(/^0+/, ""),
    nb = b.replace(/^0+/, "");
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && na.length !== nb.length) return na.length - nb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order on entries, so the choice among two entries of one unit is order-independent. */
function newer(a: ReportEntry, b: ReportEntry): number {
  const ra = a.revision ?? -1,
    rb = b.revision ?? -1;
  if (ra !== rb) return ra - rb;
  const ta = a.submittedAt ?? "",
    tb = b.submittedAt ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ja = JSON.stringify(a),
    jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** The level of a unit code outside the setup: 3 digits huyện, 5 digits xã, else the setup's. */
function levelOf(code: string, fallback: UnitLevel): UnitLevel {
  return /^\d{3}$/.test(code) ? "huyện" : /^\d{5}$/.test(code) ? "xã" : fallback;
}

/** The name shown for a unit that submitted but is not a unit of the setup. */
export function unlistedUnitName(code: string, level: UnitLevel): string {
  return `${level === "xã" ? "Mã xã" : "Mã huyện"} ${code} (ngoài danh mục)`;
}

/** Completeness of the setup's units: from their statuses at the cut, else (offline) entries count as submitted on time. */
function reportCompleteness(
  input: ReportInput,
  setupCodes: readonly string[],
  latest: ReadonlyMap<string, ReportEntry>,
): Report["completeness"] {
  // latest: the round's entries (the results of a result report).
  const review = input.review;
  if (review) return completeness(setupCodes.flatMap((c) => review.statuses.get(c) ?? []));
  const submitted = setupCodes.filter((c) => latest.has(c)).length;
  return { expected: setupCodes.length, submitted, onTime: submitted, accepted: 0 };
}

/** The row of a unit that has not submitted: listed, never guessed. */
export function missingUnit(code: string, name: string, level: UnitLevel): ReportUnit {
  return {
    code,
    name,
    level,
    templateVersion: null,
    listed: true,
    status: "missing",
    daysLate: null,
    revision: null,
    submittedAt: null,
    submittedBy: null,
    preparedBy: null,
    phone: null,
    communes: 0,
    ntmPlan: 0,
    avgCriteriaPlan: null,
    capitalTotal: 0,
  };
}

/**
 * The consolidated report of docs/report.md under the year's setup (docs/setup.md). Every unit of
 * the setup gets a row, in setup order (`missing` with zeros and nulls when it has no entry).
 * Entries of units that are not in the setup (dropped since they submitted) still count and are
 * listed after, by code. Should one unit have several entries, the newest (highest revision, then
 * latest submittedAt) is used. Bands, criteria, groups and capital rows are the setup's, in its
 * order; an aggregate's key the setup does not have is not shown. The result does not depend on
 * entry order.
 */
export function buildReport(input: ReportInput): Report {
  const { setup } = input;
  const set = setup.criteriaSet;
  const size = set.criteria.length;
  const groups = reportGroups(setup);
  const capital = capitalPlan(setup.capitalRows);

  const newest = (list: readonly ReportEntry[]): Map<string, ReportEntry> => {
    const map = new Map<string, ReportEntry>();
    for (const e of list) {
      const prev = map.get(e.unit);
      if (!prev || newer(e, prev) > 0) map.set(e.unit, e);
    }
    return map;
  };
  const latest = newest(input.entries);
  const results = input.results ? newest(input.results) : null;
  const setupCodes = setup.units.map((u) => u.code);
  const known = new Set(setupCodes);
  const unknown = [...new Set([...latest.keys(), ...(results?.keys() ?? [])])].filter((c) => !known.has(c)).sort(compareCodes);
  const achieved = results ? resultSums(setup, groups, capital.leaves, results.values()) : null;
  const names = new Map(setup.units.map((u) => [u.code, u.name]));

  // Dense province totals in setup order.
  const criteria = { baseline: new Array<number>(size).fill(0), plan: new Array<number>(size).fill(0) };
  const bands = { baseline: set.bands.map(() => 0), plan: set.bands.map(() => 0) };
  const groupSums = groups.map(() => ({ communes: 0, baseline: 0, plan: 0 }));
  const leaves: Record<string, number> = Object.fromEntries(capital.leaves.map((stt) => [stt, 0]));
  let communes = 0;
  const ntm = { baseline: 0, plan: 0 };
  const criteriaSum = { baseline: 0, plan: 0 };

  const units: ReportUnit[] = [];
  const byUnit: Report["capital"]["byUnit"] = [];
  const unlisted: Report["unlisted"] = [];
  for (const code of [...setupCodes, ...unknown]) {
    const listed = known.has(code);
    const level = listed ? setup.level : levelOf(code, setup.level);
    const name = names.get(code) ?? unlistedUnitName(code, level);
    const e = latest.get(code);
    const reviewed = input.review?.statuses.get(code);
    const r = results?.get(code);
    // A result report: the unit's round fields are its result's (none: missing), the figures its plan's.
    const resultFields = (row: ReportUnit): ReportUnit => {
      if (!results) return row;
      const own = r ? roundFields(r, reviewed) : roundFields(null, reviewed);
      const done = r?.aggregate.result;
      return {
        ...row,
        ...own,
        ntmAchieved: done ? done.ntm : null,
        capitalDisbursed: done ? thousandToMillion(capitalAmounts(capital, done.disbursed)[CAPITAL_TOTAL_KEY]!) : null,
      };
    };
    if (!e) {
      const row = missingUnit(code, name, level);
      units.push(resultFields(reviewed ? { ...row, status: reviewed.status, daysLate: reviewed.daysLate } : row));
      continue;
    }
    const a = e.aggregate;
    communes += a.communes;
    ntm.baseline += a.ntm.baseline;
    ntm.plan += a.ntm.plan;
    criteriaSum.baseline += a.criteriaSum.baseline;
    criteriaSum.plan += a.criteriaSum.plan;
    for (let i = 0; i < size; i++) {
      criteria.baseline[i]! += a.criteria.baseline[i] ?? 0;
      criteria.plan[i]! += a.criteria.plan[i] ?? 0;
    }
    set.bands.forEach((b, i) => {
      bands.baseline[i]! += a.bands.baseline[b.key] ?? 0;
      bands.plan[i]! += a.bands.plan[b.key] ?? 0;
    });
    groups.forEach((g, i) => {
      const s = a.groups[g.key];
      if (!s) return;
      const sum = groupSums[i]!;
      sum.communes += s.communes;
      sum.baseline += s.criteriaSum.baseline;
      sum.plan += s.criteriaSum.plan;
    });
    for (const stt of capital.leaves) leaves[stt]! += a.capital[stt] ?? 0;
    for (const c of a.unlisted) unlisted.push({ code: c.code, name: c.name, unit: code });

    const amounts = capitalAmounts(capital, a.capital);
    const row: ReportUnit = {
      code,
      name,
      level,
      templateVersion: a.templateVersion,
      listed,
      status: reviewed?.status ?? e.status ?? "submitted",
      daysLate: reviewed ? reviewed.daysLate : null,
      revision: e.revision,
      submittedAt: e.submittedAt,
      submittedBy: e.submittedBy,
      preparedBy: e.preparedBy,
      phone: e.phone,
      communes: a.communes,
      ntmPlan: a.ntm.plan,
      avgCriteriaPlan: average(a.criteriaSum.plan, a.communes),
      capitalTotal: thousandToMillion(amounts[CAPITAL_TOTAL_KEY]!),
    };
    units.push(resultFields(row));
    byUnit.push({ code, amounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, thousandToMillion(v)])) });
  }

  const money = capitalAmounts(capital, leaves);
  const total = money[CAPITAL_TOTAL_KEY]!;
  const disbursed = achieved ? capitalAmounts(capital, achieved.disbursed) : null;
  const sourceRows = [
    ...setup.capitalRows.map((r) => ({ key: r.stt, label: r.label })),
    { key: CAPITAL_TOTAL_KEY, label: CAPITAL_TOTAL_LABEL },
  ];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    year: input.year,
    generatedAt: input.generatedAt,
    round: input.review?.round ?? (input.results ? "result" : "plan"),
    cut: input.review?.cut ?? null,
    deadline: input.review?.deadline ?? null,
    completeness: reportCompleteness(input, setupCodes, results ?? latest),
    level: setup.level,
    criteriaSet: { id: set.id, size },
    units,
    overview: {
      communes,
      ntm: {
        baseline: ntm.baseline,
        plan: ntm.plan,
        added: ntm.plan - ntm.baseline,
        ...(achieved ? { achieved: achieved.ntm, achievedPercent: percent(achieved.ntm, ntm.plan) } : {}),
      },
      avgCriteria: { baseline: average(criteriaSum.baseline, communes), plan: average(criteriaSum.plan, communes) },
    },
    bands: set.bands.map((b, i) => {
      const plan = bands.plan[i]!;
      const done = achieved ? { achieved: achieved.bands[i]!, achievedPercent: percent(achieved.bands[i]!, plan) } : {};
      return { band: b.key, label: b.label, baseline: bands.baseline[i]!, plan, planPercent: percent(plan, communes), ...done };
    }),
    criteria: set.criteria.map((c, i) => {
      const baseline = criteria.baseline[i]!,
        plan = criteria.plan[i]!;
      const done = achieved ? { achieved: achieved.criteria[i]!, achievedPercent: percent(achieved.criteria[i]!, plan) } : {};
      return { number: c.number, name: c.name, baseline, plan, added: plan - baseline, planPercent: percent(plan, communes), ...done };
    }),
    groups: groups.map((g, i) => {
      const s = groupSums[i]!;
      return {
        group: g.key,
        label: g.label,
        communes: s.communes,
        avgCriteria: {
          baseline: average(s.baseline, s.communes),
          plan: average(s.plan, s.communes),
          ...(achieved ? { achieved: average(achieved.groups[i]!.sum, achieved.groups[i]!.communes) } : {}),
        },
      };
    }),
    capital: {
      unit: "million VND",
      sources: sourceRows.map((r) => ({
        key: r.key,
        label: r.label,
        amount: thousandToMillion(money[r.key] ?? 0),
        percent: percent(money[r.key] ?? 0, total),
        ...(disbursed
          ? { disbursed: thousandToMillion(disbursed[r.key] ?? 0), disbursedPercent: percent(disbursed[r.key] ?? 0, money[r.key] ?? 0) }
          : {}),
      })),
      byUnit,
    },
    unlisted,
  };
}

/** The round fields of a unit row from its result entry (null: no result), with its status at the cut. */
function roundFields(r: ReportEntry | null, reviewed: StatusUnit | undefined) {
  return {
    templateVersion: r ? r.aggregate.templateVersion : null,
    status: reviewed?.status ?? (r ? (r.status ?? "submitted") : "missing"),
    daysLate: reviewed ? reviewed.daysLate : null,
    revision: r ? r.revision : null,
    submittedAt: r ? r.submittedAt : null,
    submittedBy: r ? r.submittedBy : null,
    preparedBy: r ? r.preparedBy : null,
    phone: r ? r.phone : null,
  } satisfies Partial<ReportUnit>;
}

/**
 * The achieved (TH) sums over the result entries, in setup order: NTM communes, communes per
 * criterion and band, per group the communes of the results and their sum of criteria achieved
 * (the group's achieved average), capital disbursed by leaf STT (thousand VND). An entry without
 * `result` (a plan stored as a result cannot be, but an old row could) adds nothing.
 */
function resultSums(setup: Setup, groups: readonly ReportGroupDef[], leaves: readonly string[], entries: Iterable<ReportEntry>) {
  const set = setup.criteriaSet;
  const sums = {
    ntm: 0,
    criteria: set.criteria.map(() => 0),
    bands: set.bands.map(() => 0),
    groups: groups.map(() => ({ communes: 0, sum: 0 })),
    disbursed: Object.fromEntries(leaves.map((stt) => [stt, 0])) as Record<string, number>,
  };
  for (const e of entries) {
    const r = e.aggregate.result;
    if (!r) continue;
    sums.ntm += r.ntm;
    for (let i = 0; i < sums.criteria.length; i++) sums.criteria[i]! += r.criteria[i] ?? 0;
    set.bands.forEach((b, i) => {
      sums.bands[i]! += r.bands[b.key] ?? 0;
    });
    groups.forEach((g, i) => {
      const s = sums.groups[i]!;
      s.communes += e.aggregate.groups[g.key]?.communes ?? 0;
      s.sum += r.groups[g.key] ?? 0;
    });
    for (const stt of leaves) sums.disbursed[stt]! += r.disbursed[stt] ?? 0;
  }
  return sums;
}
