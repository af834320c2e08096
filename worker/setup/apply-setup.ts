import { aggregateSubmission } from "../../shared/report/aggregate.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { latestAggregateStatements, loadLatestRevisions } from "../db/latest-aggregates.ts";
import type { LatestAggregate, LatestHead } from "../db/latest-aggregates.ts";
import type { StoredCommuneRow } from "../db/revisions.ts";
import { StaleRevisionsError, storeSetup } from "../db/setups.ts";
import type { StoredSetup } from "../db/setups.ts";
import type { Db } from "../db/types.ts";
import { submissionOf } from "../submissions/stored-submission.ts";

/** Attempts when a revision of the year is stored between the read and the write. */
const MAX_ATTEMPTS = 3;

/**
 * What an aggregate needs of a stored latest revision: its commune rows and capital, under a header
 * that names the unit and year (the other header fields do not count in an aggregate).
 */
function aggregateInput(head: LatestHead, year: number, communes: readonly StoredCommuneRow[]): Submission | UnitSubmission {
  const common = { year, preparedBy: null, phone: null, preparedOn: null, capital: JSON.parse(head.capital) };
  // A result revision keeps its round and capital disbursed, so its aggregate keeps the `result` part.
  const result = head.round === "result" ? { round: "result", disbursed: JSON.parse(head.disbursed ?? "{}") } : {};
  const header =
    head.template_version === "NTM-2"
      ? { ...common, ...result, templateVersion: "NTM-2", unit: head.unit, unitName: "", criteriaSet: "" }
      : { ...common, templateVersion: "NTM-1", district: head.unit, districtName: "" };
  return submissionOf(head.template_version, header, head.commune_labels, communes);
}

/**
 * Applies a checked setup of a year (docs/setup.md): stores it as a new version and, in the SAME
 * D1 batch, the aggregate of every latest revision of the year (every round) recomputed under it
 * from the stored commune rows and header (the revisions themselves are never rewritten), so the
 * report follows the setup from the moment it is stored. D1 work: one read batch of 3 statements
 * (worker/db/latest-aggregates.ts), one write batch: the setup's statements (worker/db/setups.ts),
 * one UPDATE per ≤ 1 MB of aggregates, one SELECT. When a revision of the year is stored between
 * the two, the write stores nothing and both run again (at most MAX_ATTEMPTS times in all). An
 * identical re-apply stores nothing and answers the current version.
 */
export async function applySetup(db: Db, setup: Setup, by: { label: string; tokenId: string | null }, now: Date): Promise<StoredSetup> {
  for (let attempt = 1; ; attempt++) {
    const latest = await loadLatestRevisions(db, setup.year);
    const id = crypto.randomUUID();
    const aggregates: LatestAggregate[] = latest.heads.map((h) => ({
      round: h.round,
      unit: h.unit,
      submissionId: h.submission_id,
      aggregate: aggregateSubmission(aggregateInput(h, setup.year, latest.communes.get(h.submission_id) ?? []), setup),
    }));
    const write = {
      id,
      setup,
      appliedAt: now.toISOString(),
      appliedBy: by.label,
      tokenId: by.tokenId,
      revisionsRead: latest.revisions,
    };
    try {
      return await storeSetup(db, write, latestAggregateStatements(db, setup.year, id, aggregates));
    } catch (err) {
      if (!(err instanceof StaleRevisionsError) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}
