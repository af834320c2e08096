/** The report the fuzz expects, consolidated locally with the shared core (not a test file). */
import type { CriteriaSet } from "../../../shared/reference/criteria.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";
import type { Setup } from "../../../shared/setup/types.ts";

/** A unit's last accepted submission of a year (201, or 200 deduplicated to the latest revision). */
export type Accepted = { id: string; revision: number; submission: Submission };

/** Text of the stored revision (the store normalises it: NFC, trimmed; issue 12 also cleans names). */
export type StoredText = { preparedBy: string | null; phone: string | null };

/**
 * buildReport over the aggregates of each unit's last accepted submission, under the year's setup as
 * the server holds it; each aggregated as the submit path does (an NTM-1 submission with the
 * reference criteria). The fuzz years' setups have no deadline, so every unit that submitted is on
 * time: 0 days late, as the server states it (an offline report leaves daysLate null).
 */
export function localReport(
  year: number,
  setup: Setup,
  criteria: CriteriaSet,
  accepted: ReadonlyMap<string, Accepted>,
  text: ReadonlyMap<string, StoredText>,
): Report {
  const entries = [...accepted].map(([unit, a]) => ({
    unit,
    aggregate: aggregateSubmission(a.submission, criteria),
    revision: a.revision,
    submittedAt: null,
    submittedBy: null,
    preparedBy: text.get(unit)?.preparedBy ?? null,
    phone: text.get(unit)?.phone ?? null,
    status: "submitted" as const,
  }));
  if (setup.deadlines.plan !== null)
    throw new Error(`localReport: the setup of ${year} has a plan deadline; submission times are the server's`);
  const report = buildReport({ year, generatedAt: "", setup, entries });
  return { ...report, units: report.units.map((u) => (u.status === "missing" ? u : { ...u, daysLate: 0 })) };
}

/**
 * A report without what only the server can know: when it was generated, its cut (the last action),
 * when and by whom each unit submitted.
 */
export function comparable(report: Report): unknown {
  const { generatedAt: _generatedAt, cut: _cut, units, ...rest } = report;
  return { ...rest, units: units.map(({ submittedAt: _at, submittedBy: _by, ...d }) => d) };
}
