import type { CriteriaSetDef } from "../setup/types.ts";

/**
 * The multi-year trend (docs/report.md "Xu hướng qua các năm", docs/cycle.md "Reports over time"):
 * per year with data, NTM communes and each criterion's communes, planned (KH) and achieved (TH),
 * counted on ONE list of communes so that the years compare: the communes of the frame year (the
 * last year of the range with data), followed back through mergers.
 *
 * - Frame: the frame year's registered commune list, else the codes stored that year.
 * - Tracing: a commune of year y+1 stands for its former codes in year y when the setup of y+1 names
 *   any (a merger), else for its own code. Chained year by year back to each counted year.
 * - A frame commune counts in year y when at least one of its year-y communes has a row (plan rows
 *   for `planned`, result rows for `achieved`); it meets criterion k when every one of those WITH A
 *   ROW met k (criterion k of year y's set); it is NTM when every one with a row met all criteria of
 *   year y's set. Year-y rows that trace to no frame commune are not counted (`stored` shows them).
 * - `achieved` is null for a year without result rows.
 */

/** A stored commune row counted for a year: code and the criteria met (KH or TH). */
export type TrendRow = { code: string; criteria: readonly number[] };

export type TrendYearInput = {
  year: number;
  /** The year's criteria set; null when the year has no setup (then it is left out). */
  criteriaSet: CriteriaSetDef | null;
  /** The year's registered commune list (code, former codes); null when it registers none. */
  communes: readonly { code: string; formerCodes: readonly string[] }[] | null;
  /** Rows of each unit's accepted (else latest) plan revision: KH. */
  plans: readonly TrendRow[];
  /** Rows of each unit's accepted (else latest) result revision: TH. */
  results: readonly TrendRow[];
};

export type TrendCount = { planned: number; achieved: number | null };

export type TrendYear = {
  year: number;
  criteriaSet: { id: string; criteria: { number: number; name: string }[] };
  /** Frame communes with a row that year (plan / result). */
  communes: TrendCount;
  /** Commune rows stored that year (plan / result), traced or not. */
  stored: TrendCount;
  ntm: TrendCount;
  criteria: ({ number: number; name: string } & TrendCount)[];
};

export type Trend = { from: number; to: number; frameYear: number | null; years: TrendYear[] };

const hasData = (y: TrendYearInput) => y.criteriaSet !== null && (y.plans.length > 0 || y.results.length > 0);

/** The year-y codes each frame commune stands for, stepping back from the frame year. */
function traceBack(frame: readonly string[], frameYear: number, year: number, byYear: Map<number, TrendYearInput>): Map<string, string[]> {
  const out = new Map(frame.map((c) => [c, [c]]));
  for (let y = frameYear; y > year; y--) {
    const former = new Map((byYear.get(y)?.communes ?? []).map((c) => [c.code, c.formerCodes]));
    for (const [c, codes] of out) {
      out.set(c, [...new Set(codes.flatMap((k) => (former.get(k)?.length ? [...former.get(k)!] : [k])))]);
    }
  }
  return out;
}

type Tally = { communes: number; ntm: number; criteria: number[] };

function tally(traced: Map<string, string[]>, rows: readonly TrendRow[], size: number): Tally {
  const met = new Map<string, ReadonlySet<number>>();
  for (const r of rows) if (!met.has(r.code)) met.set(r.code, new Set(r.criteria));
  const t: Tally = { communes: 0, ntm: 0, criteria: Array.from({ length: size }, () => 0) };
  for (const codes of traced.values()) {
    const sets = codes.flatMap((k) => (met.has(k) ? [met.get(k)!] : []));
    if (sets.length === 0) continue;
    t.communes++;
    let all = size > 0;
    for (let k = 1; k <= size; k++) {
      if (sets.every((s) => s.has(k))) t.criteria[k - 1]!++;
      else all = false;
    }
    if (all) t.ntm++;
  }
  return t;
}

export function trend(from: number, to: number, inputs: readonly TrendYearInput[]): Trend {
  const byYear = new Map(inputs.map((y) => [y.year, y]));
  const years = inputs.filter((y) => y.year >= from && y.year <= to && hasData(y)).sort((a, b) => a.year - b.year);
  const last = years[years.length - 1];
  if (!last) return { from, to, frameYear: null, years: [] };
  const frame =
    last.communes !== null ? last.communes.map((c) => c.code) : [...new Set([...last.plans, ...last.results].map((r) => r.code))].sort();
  return {
    from,
    to,
    frameYear: last.year,
    years: years.map((y) => {
      const set = y.criteriaSet!;
      const size = set.criteria.length;
      const traced = traceBack(frame, last.year, y.year, byYear);
      const plan = tally(traced, y.plans, size);
      const done = y.results.length > 0 ? tally(traced, y.results, size) : null;
      return {
        year: y.year,
        criteriaSet: { id: set.id, criteria: set.criteria.map((c) => ({ number: c.number, name: c.name })) },
        communes: { planned: plan.communes, achieved: done?.communes ?? null },
        stored: { planned: new Set(y.plans.map((r) => r.code)).size, achieved: done ? new Set(y.results.map((r) => r.code)).size : null },
        ntm: { planned: plan.ntm, achieved: done?.ntm ?? null },
        criteria: set.criteria.map((c, i) => ({
          number: c.number,
          name: c.name,
          planned: plan.criteria[i]!,
          achieved: done ? done.criteria[i]! : null,
        })),
      };
    }),
  };
}
