import type { ApiClient } from "../../shared/api/client.ts";
import type { CheckPlan, Review, SendBody } from "./district-flow.ts";
import { diffRevisions } from "./revision-diff.ts";
import { summarizeSubmission, summarizeUnitSubmission } from "./submission-summary.ts";
import type { UiError } from "./ui-error.ts";
import { fromApiFailure } from "./ui-error.ts";

/**
 * What the send screen shows before `Gửi` (task pane and web page): the summary of the checked body
 * and its difference from the unit's latest stored revision (null: the first one). `criteriaCount`:
 * the NTM-1 reference's criteria; an NTM-2 body counts its setup's set.
 */
export async function reviewOf(
  client: ApiClient,
  body: SendBody,
  plan: CheckPlan,
  criteriaCount: number,
): Promise<{ ok: true; review: Review } | { ok: false; error: UiError }> {
  const size = body.version === "NTM-2" && plan.kind === "setup" ? plan.setup.criteriaSet.criteria.length : criteriaCount;
  const submission = body.submission;
  const summary = body.version === "NTM-2" ? summarizeUnitSubmission(body.submission, size) : summarizeSubmission(body.submission, size);
  const unit = summary.unit;
  // Only the latest revision is needed: with year and unit given, GET /submissions lists them newest
  // revision first (shared/schemas/api/submissions.ts), so one row is enough.
  const list = await client.submissions({ year: submission.year, unit, limit: 1 });
  if (!list.ok) return { ok: false, error: fromApiFailure(list.failure) };
  const latest = list.value.submissions
    .filter((r) => (r.unit ?? r.district) === unit && r.year === submission.year)
    .sort((a, b) => b.revision - a.revision)[0];
  let diff: Review["diff"] = null;
  if (latest) {
    const prev = await client.submission(latest.id);
    if (!prev.ok) return { ok: false, error: fromApiFailure(prev.failure) };
    // A revision stored from the other template version (NTM-1 and NTM-2) is `notCompared`.
    diff = diffRevisions(prev.value.submission, latest.revision, submission, size);
  }
  return { ok: true, review: { body, summary, diff } };
}
