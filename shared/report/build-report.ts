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

  const latest = new Map<string, ReportEntry>();
  for (const e of input.entries) {
    const prev = latest.get(e.unit);
    if (!prev || newer(e, prev) > 0) latest.set(e.unit, e);
  }
  const setupCodes = setup.units.map((u) => u.code);
  const known = new Set(setupCodes);
  const unknown = [...latest.keys()].filter((c) => !known.has(c)).sort(compareCodes);
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
    if (!e) {
      const row = missingUnit(code, name, level);
      units.push(reviewed ? { ...row, status: reviewed.status, daysLate: reviewed.daysLate } : row);
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
    units.push({
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
    });
    byUnit.push({ code, amounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, thousandToMillion(v)])) });
  }

  const money = capitalAmounts(capital, leaves);
  const total = money[CAPITAL_TOTAL_KEY]!;
  const sourceRows = [
    ...setup.capitalRows.map((r) => ({ key: r.stt, label: r.label })),
    { key: CAPITAL_TOTAL_KEY, label: CAPITAL_TOTAL_LABEL },
  ];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    year: input.year,
    generatedAt: input.generatedAt,
    round: input.review?.round ?? "plan",
    cut: input.review?.cut ?? null,
    deadline: input.review?.deadline ?? null,
    completeness: reportCompleteness(input, setupCodes, latest),
    level: setup.level,
    criteriaSet: { id: set.id, size },
    units,
    overview: {
      communes,
      ntm: { baseline: ntm.baseline, plan: ntm.plan, added: ntm.plan - ntm.baseline },
      avgCriteria: { baseline: average(criteriaSum.baseline, communes), plan: average(criteriaSum.plan, communes) },
    },
    bands: set.bands.map((b, i) => {
      const plan = bands.plan[i]!;
      return { band: b.key, label: b.label, baseline: bands.baseline[i]!, plan, planPercent: percent(plan, communes) };
    }),
    criteria: set.criteria.map((c, i) => {
      const baseline = criteria.baseline[i]!,
        plan = criteria.plan[i]!;
      return { number: c.number, name: c.name, baseline, plan, added: plan - baseline, planPercent: percent(plan, communes) };
    }),
    groups: groups.map((g, i) => {
      const s = groupSums[i]!;
      return {
        group: g.key,
        label: g.label,
        communes: s.communes,
        avgCriteria: { baseline: average(s.baseline, s.communes), plan: average(s.plan, s.communes) },
      };
    }),
    capital: {
      unit: "million VND",
      sources: sourceRows.map((r) => ({
        key: r.key,
        label: r.label,
        amount: thousandToMillion(money[r.key] ?? 0),
        percent: percent(money[r.key] ?? 0, total),
      })),
      byUnit,
    },
    unlisted,
  };
}
