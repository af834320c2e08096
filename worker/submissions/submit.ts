import { aggregateSubmission } from "../../shared/report/aggregate.ts";
import { hasErrors } from "../../shared/result.ts";
import { checkSubmission } from "../../shared/rules/check-submission.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import { isOwnershipConflict, isRevisionConflict, loadSubmitContext, storeRevision } from "../db/submissions.ts";
import type { Db } from "../db/types.ts";
import type { Principal } from "../env.ts";
import { conflict, forbidden, ruleFailure } from "../http/errors.ts";
import { cleanSubmission } from "../../shared/rules/clean-submission.ts";
import { contentHash, headerJson } from "./canonical.ts";
import { toCommuneRow } from "./commune-bits.ts";
import { ownedElsewhereIssues } from "./owned-elsewhere.ts";
import { serverIssues } from "./server-issues.ts";
import type { SubmitResponse } from "../../shared/schemas/api.ts";

const MAX_ATTEMPTS = 3;

/**
 * Stores a district's template as a new revision (201), or answers the latest revision when the
 * content is the same (200, deduplicated). Throws HttpError: 403 (district token, other district),
 * 422 (rule errors; nothing stored), 409 (`commune.owned_elsewhere`; nothing stored).
 * D1 work: one read batch (reference data + ownership) and one write batch (all or nothing).
 */
export async function submitRevision(
  db: Db,
  principal: Principal,
  input: Submission,
  now: Date,
): Promise<{ status: 200 | 201; body: SubmitResponse }> {
  const sub = cleanSubmission(input); // checked and stored as cleaned: a blank name is refused
  if (principal.role === "district" && principal.district !== sub.district) throw forbidden();

  const codes = sub.communes.map((c) => c.code);
  // The read batch travels while the content is serialised and hashed (neither needs its answer).
  const context = loadSubmitContext(db, sub.year, sub.district, codes);
  context.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  const content = serialise(sub);
  content.contentHash.catch(() => undefined);

  const { reference, owners } = await context;
  const shared = checkSubmission(sub, reference);
  const issues = [...serverIssues(sub, reference, shared), ...shared];
  if (hasErrors(issues)) throw ruleFailure(issues);
  const warnings = issues.filter((i) => i.severity === "warning");
  const owned = ownedElsewhereIssues(sub, owners);
  if (owned.length > 0) throw conflict(owned);

  const prepared = {
    ...content,
    contentHash: await content.contentHash,
    aggregate: JSON.stringify(aggregateSubmission(sub, reference.criteria)),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await storeRevision(db, {
        ...prepared,
        id: crypto.randomUUID(),
        submittedBy: principal.label,
        tokenId: principal.tokenId,
        submittedAt: now.toISOString(),
      });
      return {
        status: stored.created ? 201 : 200,
        body: {
          id: stored.id,
          district: sub.district,
          year: sub.year,
          revision: stored.revision,
          deduplicated: !stored.created,
          submittedAt: stored.submittedAt,
          warnings,
        },
      };
    } catch (err) {
      if (isOwnershipConflict(err)) {
        // Another district took one of these codes between our check and our batch.
        const again = ownedElsewhereIssues(sub, (await loadSubmitContext(db, sub.year, sub.district, codes)).owners);
        if (again.length > 0) throw conflict(again);
        if (attempt < MAX_ATTEMPTS) continue;
      }
      if (isRevisionConflict(err) && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

/** What the store keeps of a (cleaned) submission, each serialised once; the hash in flight. */
function serialise(sub: Submission) {
  return {
    district: sub.district,
    year: sub.year,
    contentHash: contentHash(sub),
    templateVersion: sub.templateVersion,
    header: headerJson(sub),
    communes: sub.communes.map(toCommuneRow),
    preparedBy: sub.preparedBy,
    phone: sub.phone,
  };
}
