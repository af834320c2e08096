import { buildReport } from "../../shared/report/build-report.ts";
import type { ReportEntry } from "../../shared/report/build-report.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import { readStoredAggregate } from "../../shared/schemas/aggregate.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { loadReportInputs } from "../db/reports.ts";
import type { Db } from "../db/types.ts";

/**
 * The report of `year` under the year's setup (the caller loads it: worker/db/setups.ts) from each
 * unit's latest revision's stored aggregate: one D1 batch of a constant number of statements,
 * whatever the number of units. Aggregates stored before setups (schema 1) are read as the
 * 2016-2020 shape they are.
 */
export async function reportForYear(db: Db, year: number, setup: Setup, now: Date, round: Round = "plan"): Promise<Report> {
  const { latest } = await loadReportInputs(db, year, round);
  const entries: ReportEntry[] = latest.map((r) => ({
    unit: r.unit,
    aggregate: readStoredAggregate(r.aggregate),
    revision: r.revision,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    preparedBy: r.prepared_by,
    phone: r.phone,
    status: "submitted",
  }));
  return buildReport({ year, generatedAt: now.toISOString(), setup, entries });
}
