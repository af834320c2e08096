/** The report the fuzz expects, consolidated locally with the shared core (not a test file). */
import type { ReferenceData } from "../../../shared/reference/index.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";

/** A district's last accepted submission of a year (201, or 200 deduplicated to the latest revision). */
export type Accepted = { id: string; revision: number; submission: Submission };

/** Text of the stored revision (the store normalises it: NFC, trimmed; issue 12 also cleans names). */
export type StoredText = { preparedBy: string | null; phone: string | null };

/** buildReport over the aggregates of each district's last accepted submission, with the server's reference data. */
export function localReport(
  year: number,
  reference: ReferenceData,
  accepted: ReadonlyMap<string, Accepted>,
  text: ReadonlyMap<string, StoredText>,
): Report {
  const entries = [...accepted].map(([district, a]) => ({
    district,
    aggregate: aggregateSubmission(a.submission, reference.criteria),
    revision: a.revision,
    submittedAt: null,
    submittedBy: null,
    preparedBy: text.get(district)?.preparedBy ?? null,
    phone: text.get(district)?.phone ?? null,
    status: "submitted" as const,
  }));
  return buildReport({ year, generatedAt: "", reference, entries });
}

/** A report without what only the server can know: when it was generated, when and by whom each district submitted. */
export function comparable(report: Report): unknown {
  const { generatedAt: _generatedAt, districts, ...rest } = report;
  return { ...rest, districts: districts.map(({ submittedAt: _at, submittedBy: _by, ...d }) => d) };
}
