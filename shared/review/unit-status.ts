import type { CellComment, Completeness, ReviewAction, StatusUnit, UnitStatus } from "../schemas/api/review.ts";
import { daysLate, onTime } from "./deadline.ts";

/** A unit's revisions of a round as the status needs them (the server reads them at a cut). */
export type UnitRevisions = {
  /** The latest revision and when it was stored. */
  latest: { revision: number; submittedAt: string };
  /** When revision 1 was stored. */
  firstSubmittedAt: string;
};

/** The unit's latest review action of the round (at the cut). */
export type LatestReview = {
  action: ReviewAction;
  revision: number | null;
  comment: string | null;
  cells: readonly CellComment[];
  at: string;
  actor: string;
};

export type StatusInput = {
  code: string;
  name: string;
  revisions: UnitRevisions | null;
  review: LatestReview | null;
  deadline: string | null;
};

/**
 * A unit's status in a round (docs/review.md):
 * - `missing`: nothing stored;
 * - `accepted`: the latest review action accepts a revision (the round is locked for the unit);
 * - `returned`: the latest review action returns the unit's latest revision (a later submission
 *   clears it);
 * - `late`: the first revision was stored after the deadline (a unit on time that revises later
 *   stays on time);
 * - `submitted` otherwise. A reopen clears acceptance: back to `submitted` or `late`.
 */
export function unitStatus(input: StatusInput): StatusUnit {
  const { revisions, review, deadline } = input;
  const base = { code: input.code, name: input.name, reviewedAt: review?.at ?? null, reviewedBy: review?.actor ?? null };
  if (revisions === null) {
    return {
      ...base,
      status: "missing",
      revision: null,
      submittedAt: null,
      firstSubmittedAt: null,
      daysLate: null,
      acceptedRevision: null,
      comment: null,
      cells: [],
    };
  }
  const first = revisions.firstSubmittedAt;
  let status: UnitStatus = onTime(first, deadline) ? "submitted" : "late";
  let comment: string | null = null;
  let cells: readonly CellComment[] = [];
  let acceptedRevision: number | null = null;
  if (review?.action === "accept") {
    status = "accepted";
    acceptedRevision = review.revision;
  } else if (review?.action === "return" && review.revision === revisions.latest.revision) {
    status = "returned";
    comment = review.comment;
    cells = review.cells;
  } else if (review?.action === "reopen") {
    comment = review.comment;
  }
  return {
    ...base,
    status,
    revision: revisions.latest.revision,
    submittedAt: revisions.latest.submittedAt,
    firstSubmittedAt: first,
    daysLate: daysLate(first, deadline),
    acceptedRevision,
    comment,
    cells: cells.map((c) => ({ ...c })),
  };
}

/** Submitted, on time and accepted out of the units expected (the setup's units). */
export function completeness(units: readonly StatusUnit[]): Completeness {
  let submitted = 0;
  let onTimeCount = 0;
  let accepted = 0;
  for (const u of units) {
    if (u.status === "missing") continue;
    submitted++;
    if (u.daysLate === 0) onTimeCount++;
    if (u.status === "accepted") accepted++;
  }
  return { expected: units.length, submitted, onTime: onTimeCount, accepted };
}
