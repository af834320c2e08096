import type { Round } from "../../shared/schemas/api/common.ts";
import type { Db } from "./types.ts";

/** The latest revision of a unit for the year and round, with its stored aggregate. */
export type LatestRow = {
  unit: string;
  revision: number;
  submitted_at: string;
  submitted_by: string;
  prepared_by: string | null;
  phone: string | null;
  template_version: string;
  aggregate: string;
};

/**
 * What a report of `year` and `round` (default `plan`) reads besides the year's setup
 * (worker/db/setups.ts): the aggregate of each unit's latest revision under the year's current
 * setup (`latest_submissions.aggregate`: written with the revision, recomputed when a setup is
 * applied), in unit code order. One statement, whatever the number of units or communes.
 */
export async function loadReportInputs(db: Db, year: number, round: Round = "plan"): Promise<{ latest: LatestRow[] }> {
  const { results } = await db
    .prepare(
      "SELECT s.unit, s.revision, s.submitted_at, s.submitted_by, s.prepared_by, s.phone, s.template_version, l.aggregate " +
        "FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id WHERE l.year = ?1 AND l.round = ?2 ORDER BY s.unit",
    )
    .bind(year, round)
    .all<LatestRow>();
  return { latest: results };
}
