import type { ReviewInput, ReviewResponse } from "../../shared/schemas/api/review.ts";
import { storeReview } from "../db/reviews.ts";
import type { Db } from "../db/types.ts";
import type { Principal } from "../env.ts";
import { reviewStale, reviewState } from "../http/errors.ts";

/**
 * Returns, accepts or reopens a unit's round (docs/review.md). The check (the named revision is
 * still the latest; the round is or is not accepted) and the write are one D1 batch
 * (worker/db/reviews.ts): a submission or another review cannot come in between. Refusals change
 * nothing: 409 `review.stale` (the office looked at an older revision), 409 `review.invalid_state`
 * (nothing submitted; return or accept an accepted round; reopen one not accepted).
 */
export async function reviewAction(db: Db, principal: Principal, input: ReviewInput, now: Date): Promise<ReviewResponse> {
  const at = now.toISOString();
  const outcome = await storeReview(db, {
    id: crypto.randomUUID(),
    year: input.year,
    round: input.round,
    unit: input.unit,
    action: input.action,
    revision: input.revision ?? null,
    comment: input.comment ?? null,
    cells: input.action === "return" ? (input.cells ?? []) : [],
    at,
    actor: principal.label,
    tokenId: principal.tokenId,
  });
  if (!outcome.stored || outcome.seq === null || outcome.atMs === null) {
    if (input.action === "reopen") throw reviewState("reopen", outcome.locked ? "accepted" : "not_accepted");
    if (outcome.latestRevision === null) throw reviewState(input.action, "missing");
    if (outcome.locked) throw reviewState(input.action, "accepted");
    throw reviewStale(input.revision ?? 0, outcome.latestRevision);
  }
  return {
    unit: input.unit,
    year: input.year,
    round: input.round,
    action: input.action,
    revision: outcome.revision,
    seq: outcome.seq,
    at: new Date(outcome.atMs).toISOString(),
  };
}
