import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { StoredCommuneRow, StoredHead } from "../db/revisions.ts";
import { fromStoredCommune } from "./commune-bits.ts";
import type { CommuneLabels } from "./unit-commune-bits.ts";
import { fromStoredUnitCommune } from "./unit-commune-bits.ts";

const NO_LABELS: CommuneLabels = { attributes: [], flags: [] };

/**
 * A revision's submission from a header and its commune rows (the source of truth), in the version
 * it was sent in: NTM-1 with its four flags, NTM-2 with its group, attributes and plan flags read
 * from the bits of its label list `labels` (JSON; worker/migrations/0005_unit_submissions.sql).
 */
export function submissionOf(
  version: string,
  header: object,
  labels: string | null,
  communes: readonly StoredCommuneRow[],
): Submission | UnitSubmission {
  if (version === "NTM-2") {
    const h = header as Omit<UnitSubmission, "communes">;
    const list = labels === null ? NO_LABELS : (JSON.parse(labels) as CommuneLabels);
    return { ...h, communes: communes.map((r) => fromStoredUnitCommune(r, list, h)) };
  }
  const h = header as Omit<Submission, "communes">;
  return { ...h, communes: communes.map((r) => fromStoredCommune(r, h)) };
}

/** A stored revision's submission as stored (cleaned): its header row and commune rows. */
export function storedSubmission(head: StoredHead, communes: readonly StoredCommuneRow[]): Submission | UnitSubmission {
  return submissionOf(head.template_version, JSON.parse(head.header) as object, head.commune_labels, communes);
}
