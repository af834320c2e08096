import type { ReferenceData } from "../../shared/reference/index.ts";
import { readReference, referenceStatements } from "./reference.ts";
import type { Db } from "./types.ts";

export type LatestRow = {
  district: string;
  revision: number;
  submitted_at: string;
  submitted_by: string;
  prepared_by: string | null;
  phone: string | null;
  aggregate: string;
};

/**
 * What a report of `year` needs, in ONE batch of three statements whatever the number of districts
 * or communes: reference data and the latest revision's stored aggregate of each district.
 */
export async function loadReportInputs(db: Db, year: number): Promise<{ reference: ReferenceData; latest: LatestRow[] }> {
  const [d, c, l] = await db.batch([
    ...referenceStatements(db),
    db
      .prepare(
        "SELECT s.district, s.revision, s.submitted_at, s.submitted_by, s.prepared_by, s.phone, s.aggregate " +
          "FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id WHERE l.year = ?1 ORDER BY s.district",
      )
      .bind(year),
  ]);
  return { reference: readReference(d?.results ?? [], c?.results ?? []), latest: (l?.results ?? []) as LatestRow[] };
}
