import { buildReport } from "../../shared/report/build-report.ts";
import type { ReportEntry } from "../../shared/report/build-report.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import { readStoredAggregate } from "../../shared/schemas/aggregate.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { loadRoundAtCut } from "../db/round-at-cut.ts";
import type { RevisionAtCut, RoundAtCut } from "../db/round-at-cut.ts";
import type { Db } from "../db/types.ts";
import { setupMissing } from "../http/errors.ts";
import { cutOf, roundStatus } from "../review/round-status.ts";

/**
 * Which report: the round, the cut (`asOf`, null = now) and whether only accepted revisions count.
 * `setup`: a setup to use instead of the stored one (benchmarks and tests of years without one).
 */
export type ReportQuery = { year: number; round: Round; asOf: string | null; accepted: boolean; setup?: Setup };

/**
 * The report of a year and round as it stood at a cut (docs/review.md "Reports over time"): the
 * setup, deadlines, reviews and each unit's latest (or accepted) revision at the cut, each with its
 * aggregate under the setup of the cut. One D1 batch of a constant number of statements
 * (worker/db/round-at-cut.ts), whatever the number of units and revisions. The report states its
 * cut; the same cut gives the same report, all but `generatedAt`. Throws 404 `setup.missing`.
 */
export async function reportForYear(db: Db, q: ReportQuery, now: Date): Promise<Report> {
  const data = await loadRoundAtCut(db, q.year, q.round, q.asOf === null ? null : Date.parse(q.asOf), q.accepted);
  return reportFromCut(data, q, now);
}

/** The report from what `loadRoundAtCut` read. */
export function reportFromCut(data: RoundAtCut, q: ReportQuery, now: Date): Report {
  const setup = q.setup ?? data.setup?.setup;
  if (!setup) throw setupMissing(q.year);
  const status = roundStatus(data, setup, q.round);
  return buildReport({
    year: q.year,
    generatedAt: now.toISOString(),
    setup,
    entries: reportEntries(data.counted),
    review: { round: q.round, cut: cutOf(data, q.accepted), deadline: status.deadline, statuses: status.byUnit },
  });
}

/** The report's entries from the revisions counted at a cut, with their stored aggregates. */
export function reportEntries(rows: readonly RevisionAtCut[]): ReportEntry[] {
  return rows.map((r) => ({
    unit: r.unit,
    aggregate: readStoredAggregate(r.aggregate),
    revision: r.revision,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    preparedBy: r.prepared_by,
    phone: r.phone,
  }));
}
