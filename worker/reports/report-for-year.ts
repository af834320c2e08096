import { buildReport } from "../../shared/report/build-report.ts";
import { attachTargets } from "../../shared/targets/compare.ts";
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
 * aggregate under the setup of the cut; a result report also reads the plan round's revisions
 * (accepted, else latest) for its plan figures. One D1 batch of a constant number of statements
 * (worker/db/round-at-cut.ts), whatever the number of units and revisions. The report states its
 * cut; the same cut gives the same report, all but `generatedAt`. Throws 404 `setup.missing`.
 */
export async function reportForYear(db: Db, q: ReportQuery, now: Date): Promise<Report> {
  const asOfMs = q.asOf === null ? null : Date.parse(q.asOf);
  const data = await loadRoundAtCut(db, q.year, q.round, asOfMs, q.accepted, q.round === "result");
  return reportFromCut(data, q, now);
}

/** The report from what `loadRoundAtCut` read. */
export function reportFromCut(data: RoundAtCut, q: ReportQuery, now: Date): Report {
  const setup = q.setup ?? data.setup?.setup;
  if (!setup) throw setupMissing(q.year);
  const status = roundStatus(data, setup, q.round);
  const report = buildReport({
    year: q.year,
    generatedAt: now.toISOString(),
    setup,
    // A result report: the plan figures from each unit's accepted (else latest) plan at the cut,
    // achieved from the result revisions counted (docs/cycle.md "Reports over time").
    ...(q.round === "result"
      ? { entries: reportEntries(data.plans ?? []), results: reportEntries(data.counted) }
      : { entries: reportEntries(data.counted) }),
    review: { round: q.round, cut: cutOf(data, q.accepted), deadline: status.deadline, statuses: status.byUnit },
  });
  return data.targets ? withTargets(report, data, setup, q.round) : report;
}

/**
 * The report with the year's targets at the cut (docs/cycle.md "Targets"): the province's against its
 * plan figures, each unit's against the aggregate of the plan it counts (a result report: the plan round's).
 */
function withTargets(report: Report, data: RoundAtCut, setup: Setup, round: Round): Report {
  const plans = round === "result" ? (data.plans ?? []) : data.counted;
  const aggregates = new Map(plans.map((r) => [r.unit, readStoredAggregate(r.aggregate)]));
  return attachTargets(report, data.targets!.targets, setup, aggregates);
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
