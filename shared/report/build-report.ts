import type { ReferenceData } from "../reference/index.ts";
import type { Aggregate } from "../schemas/aggregate.ts";
import type { Report, ReportDistrict } from "../schemas/report.ts";
import { BAND_KEYS } from "../reference/bands.ts";
import { CAPITAL_KEYS, CAPITAL_LEAF_KEYS } from "../reference/capital-sources.ts";
import type { CapitalKey } from "../reference/capital-sources.ts";
import { GROUP_KEYS } from "../reference/groups.ts";
import { average, percent, thousandToMillion } from "../money.ts";
import { TEMPLATE_VERSION } from "../template/labels.ts";
import { addAggregates, emptyAggregate } from "./aggregate.ts";

/** One district's latest submission as the report needs it (the server reads it from D1). */
export type ReportEntry = {
  district: string;
  aggregate: Aggregate;
  revision: number | null;
  submittedAt: string | null;
  submittedBy: string | null;
  preparedBy: string | null;
  phone: string | null;
  status?: "submitted" | "returned" | "accepted";
};

export type ReportInput = { year: number; generatedAt: string; reference: ReferenceData; entries: ReportEntry[] };

/** Codes sort numerically ("99" before "178"), then as text: the order never depends on the input. */
function compareCodes(a: string, b: string): number {
  const na = a.replace(/^0+/, ""),
    nb = b.replace(/^0+/, "");
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && na.length !== nb.length) return na.length - nb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order on entries, so the choice among two entries of one district is order-independent. */
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

/** Capital of an aggregate by report key, in integer thousand VND. */
export function capitalThousands(agg: Aggregate): Record<CapitalKey, number> {
  const c = agg.capital;
  const total = CAPITAL_LEAF_KEYS.reduce((s, k) => s + c[k], 0);
  return {
    direct: c.central + c.local,
    central: c.central,
    local: c.local,
    integrated: c.integrated,
    enterprise: c.enterprise,
    credit: c.credit,
    community: c.community,
    other: c.other,
    total,
  };
}

/**
 * The consolidated report of docs/report.md. Every district of the reference data gets a row (in
 * reference order; `missing` with zeros and nulls when it has no entry). Entries of districts that
 * are not in the reference data (e.g. removed since they submitted) still count and are listed
 * after the reference districts, by code. Should one district have several entries, the newest
 * (highest revision, then latest submittedAt) is used. The result does not depend on entry order.
 */
/** The row of a district that has not submitted: listed, never guessed. */
export function missingDistrict(code: string, name: string): ReportDistrict {
  return {
    code,
    name,
    status: "missing",
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

export function buildReport(input: ReportInput): Report {
  const { reference } = input;
  const criteria = reference.criteria;
  const latest = new Map<string, ReportEntry>();
  for (const e of input.entries) {
    const prev = latest.get(e.district);
    if (!prev || newer(e, prev) > 0) latest.set(e.district, e);
  }
  const refCodes = reference.districts.map((d) => d.code);
  const known = new Set(refCodes);
  const unknown = [...latest.keys()].filter((c) => !known.has(c)).sort(compareCodes);

  const districts: ReportDistrict[] = [];
  const byDistrict: Report["capital"]["byDistrict"] = [];
  let total = emptyAggregate(criteria);
  for (const code of [...refCodes, ...unknown]) {
    const name = reference.districts.find((d) => d.code === code)?.name ?? `Mã huyện ${code} (ngoài danh mục)`;
    const e = latest.get(code);
    if (!e) {
      districts.push(missingDistrict(code, name));
      continue;
    }
    const a = e.aggregate;
    total = addAggregates(total, a);
    const money = capitalThousands(a);
    districts.push({
      code,
      name,
      status: e.status ?? "submitted",
      revision: e.revision,
      submittedAt: e.submittedAt,
      submittedBy: e.submittedBy,
      preparedBy: e.preparedBy,
      phone: e.phone,
      communes: a.communes,
      ntmPlan: a.ntm.plan,
      avgCriteriaPlan: average(a.criteriaSum.plan, a.communes),
      capitalTotal: thousandToMillion(money.total),
    });
    byDistrict.push({ code, amounts: Object.fromEntries(CAPITAL_KEYS.map((k) => [k, thousandToMillion(money[k])])) });
  }

  const n = total.communes;
  const money = capitalThousands(total);
  return {
    year: input.year,
    generatedAt: input.generatedAt,
    templateVersion: TEMPLATE_VERSION,
    districts,
    overview: {
      communes: n,
      ntm: { baseline: total.ntm.baseline, plan: total.ntm.plan, added: total.ntm.plan - total.ntm.baseline },
      avgCriteria: { baseline: average(total.criteriaSum.baseline, n), plan: average(total.criteriaSum.plan, n) },
    },
    bands: BAND_KEYS.map((band, i) => {
      const plan = total.bands.plan[i] ?? 0;
      return { band, baseline: total.bands.baseline[i] ?? 0, plan, planPercent: percent(plan, n) };
    }),
    criteria: criteria.criteria.map((c, i) => {
      const baseline = total.criteria.baseline[i] ?? 0,
        plan = total.criteria.plan[i] ?? 0;
      return { number: c.number, name: c.name, baseline, plan, added: plan - baseline, planPercent: percent(plan, n) };
    }),
    groups: GROUP_KEYS.map((group) => {
      const g = total.groups[group];
      return {
        group,
        communes: g.communes,
        avgCriteria: { baseline: average(g.criteriaSum.baseline, g.communes), plan: average(g.criteriaSum.plan, g.communes) },
      };
    }),
    capital: {
      unit: "million VND",
      sources: CAPITAL_KEYS.map((key) => ({ key, amount: thousandToMillion(money[key]), percent: percent(money[key], money.total) })),
      byDistrict,
    },
  };
}
