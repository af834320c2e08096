import { buildReport } from "../../shared/report/build-report.ts";
import { aggregateSchema } from "../../shared/schemas/aggregate.ts";
import type { Report } from "../../shared/schemas/report.ts";
import { loadReportInputs } from "../db/reports.ts";
import type { Db } from "../db/types.ts";

/** The report of `year` from each district's latest revision's stored aggregate (one D1 batch). */
export async function reportForYear(db: Db, year: number, now: Date): Promise<Report> {
  const { reference, latest } = await loadReportInputs(db, year);
  const entries = latest.map((r) => ({
    district: r.district,
    aggregate: aggregateSchema.parse(JSON.parse(r.aggregate)),
    revision: r.revision,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    preparedBy: r.prepared_by,
    phone: r.phone,
    status: "submitted" as const,
  }));
  return buildReport({ year, generatedAt: now.toISOString(), reference, entries });
}
