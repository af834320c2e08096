import { aggregateSubmission } from "../../shared/report/aggregate.ts";
import { hasErrors } from "../../shared/result.ts";
import { cleanSubmission } from "../../shared/rules/clean-submission.ts";
import { cleanUnitSubmission } from "../../shared/rules/clean-unit-submission.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { SubmitRequest, SubmitResponse } from "../../shared/schemas/api/submissions.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { CommuneRow } from "../db/submissions.ts";
import {
  isOwnershipConflict,
  isRevisionConflict,
  loadSubmitContext,
  RoundLockedError,
  StaleSetupError,
  storeRevision,
} from "../db/submissions.ts";
import type { Db } from "../db/types.ts";
import type { Principal } from "../env.ts";
import { conflict, malformed, roundLocked, ruleFailure, setupMissing } from "../http/errors.ts";
import { requireOwnUnit, requireUnitOfSetup } from "../auth/unit-scope.ts";
import { contentHash, headerJson } from "./canonical.ts";
import { checkBody } from "./check-body.ts";
import { toCommuneRow } from "./commune-bits.ts";
import { ownedElsewhereIssues } from "./owned-elsewhere.ts";
import { planChangedIssues } from "./plan-changed.ts";
import { communeLabels, labelCount, MAX_COMMUNE_LABELS, toUnitCommuneRows } from "./unit-commune-bits.ts";

/** Attempts when a concurrent write (a revision number, a commune code, a setup) got in between. */
const MAX_ATTEMPTS = 3;

/** The reporting unit a body names: `unit` (NTM-2) or `district` (NTM-1). */
export const unitOf = (sub: SubmitRequest): string => (sub.templateVersion === "NTM-2" ? sub.unit : sub.district);

/**
 * Stores a unit's template (NTM-1 or NTM-2) as a new revision (201), or answers the latest revision
 * when the content is the same (200, deduplicated). The body is cleaned, then checked under the
 * year's current setup (worker/submissions/check-body.ts) and aggregated under it. Throws HttpError:
 * 403 `auth.forbidden` (a unit token, another unit), 404 `setup.missing` (a year without a setup),
 * 403 `unit.not_in_setup` (a unit token whose unit the year's setup does not list), 400 (more
 * labels than the bits of a commune row), 409 `round.locked` (the office accepted the unit's round),
 * 422 (rule errors), 409 (`commune.owned_elsewhere`);
 * nothing is stored then. An NTM-2 body with `round: "result"` is stored in the result round (its
 * own revision numbers, lock and commune ownership); its HT/KH are compared with the unit's plan
 * (accepted, else latest: read in the same read batch) and differences are warnings
 * (`result.plan_changed` per cell, `result.no_plan` without a plan: worker/submissions/plan-changed.ts). D1 work: one read batch (the setup + commune ownership) and one write
 * batch (all or nothing); both again, at most MAX_ATTEMPTS times in all, when another unit took a
 * code, a revision number or a new setup version got in between.
 */
export async function submitRevision(
  db: Db,
  principal: Principal,
  input: SubmitRequest,
  now: Date,
): Promise<{ status: 200 | 201; body: SubmitResponse }> {
  const sub = input.templateVersion === "NTM-2" ? cleanUnitSubmission(input) : cleanSubmission(input);
  const unit = unitOf(sub);
  requireOwnUnit(principal, unit);
  const codes = sub.communes.map((c) => c.code);
  // The round: an NTM-2 body may be a result (docs/cycle.md "Rounds"); NTM-1 is always a plan.
  const round: Round = sub.templateVersion === "NTM-2" && sub.round === "result" ? "result" : "plan";
  // The read batch travels while the content is serialised and hashed (neither needs its answer).
  let context = loadSubmitContext(db, sub.year, unit, codes, round);
  context.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  const stored = serialise(sub);
  stored.contentHash.catch(() => undefined);

  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) context = loadSubmitContext(db, sub.year, unit, codes, round);
    const { setup: record, owners, locked, plan } = await context;
    if (!record) throw setupMissing(sub.year);
    const setup = record.setup;
    requireUnitOfSetup(principal, setup);
    if (locked) throw roundLocked(unit, sub.year, round);
    const checked = checkBody(sub, setup);
    if (hasErrors(checked)) throw ruleFailure(checked);
    // A result's HT and KH against the unit's plan (accepted, else latest): warnings only.
    const issues =
      round === "result" && sub.templateVersion === "NTM-2" ? [...checked, ...planChangedIssues(sub, setup, plan ?? null)] : checked;
    const names = new Map(setup.units.map((u) => [u.code, u.name]));
    const ownedBy = (rows: typeof owners) => ownedElsewhereIssues(sub, rows, (code) => names.get(code) ?? null);
    const owned = ownedBy(owners);
    if (owned.length > 0) throw conflict(owned);
    try {
      const revision = await storeRevision(db, {
        ...stored,
        round,
        contentHash: await stored.contentHash,
        aggregate: JSON.stringify(aggregateSubmission(sub, setup)),
        setupId: record.id,
        id: crypto.randomUUID(),
        submittedBy: principal.label,
        tokenId: principal.tokenId,
        submittedAt: now.toISOString(),
      });
      return {
        status: revision.created ? 201 : 200,
        body: {
          id: revision.id,
          district: unit,
          unit,
          round,
          year: sub.year,
          revision: revision.revision,
          deduplicated: !revision.created,
          submittedAt: revision.submittedAt,
          warnings: issues.filter((i) => i.severity === "warning"),
        },
      };
    } catch (err) {
      if (err instanceof RoundLockedError) throw roundLocked(err.unit, err.year, err.round);
      // Read again: another unit took a code (409 next time round), a revision number was taken, or
      // a setup was applied (check and aggregate under it).
      const race = isOwnershipConflict(err) || isRevisionConflict(err) || err instanceof StaleSetupError;
      if (!race) throw err;
      if (attempt >= MAX_ATTEMPTS) {
        // Out of attempts: a code another unit took is still a 409, never a 500.
        if (isOwnershipConflict(err)) {
          const again = ownedBy((await loadSubmitContext(db, sub.year, unit, codes, round)).owners);
          if (again.length > 0) throw conflict(again);
        }
        throw err;
      }
    }
  }
}

/** What the store keeps of a (cleaned) submission, each serialised once; the hash in flight. */
function serialise(sub: Submission | UnitSubmission) {
  let communes: CommuneRow[];
  let labels: string | null = null;
  if (sub.templateVersion === "NTM-2") {
    const list = communeLabels(sub);
    if (labelCount(list) > MAX_COMMUNE_LABELS) throw tooManyLabels(labelCount(list));
    communes = toUnitCommuneRows(sub, list);
    labels = JSON.stringify(list);
  } else communes = sub.communes.map(toCommuneRow);
  return {
    district: unitOf(sub),
    year: sub.year,
    contentHash: contentHash(sub),
    templateVersion: sub.templateVersion,
    header: headerJson(sub),
    communeLabels: labels,
    communes,
    preparedBy: sub.preparedBy,
    phone: sub.phone,
  };
}

/** 400: more attribute and flag labels than a commune row has bits for (a shape limit, like MAX_COMMUNES). */
function tooManyLabels(count: number) {
  const message = `at most ${MAX_COMMUNE_LABELS} attribute and plan flag labels in all (${count} given)`;
  return malformed(
    `Biểu mẫu có ${count} nhãn thuộc tính và cờ kế hoạch, quá giới hạn ${MAX_COMMUNE_LABELS}.`,
    `The template has ${count} attribute and plan flag labels, over the limit of ${MAX_COMMUNE_LABELS}.`,
    { issues: [{ path: "communes", code: "too_big", message }] },
  );
}
