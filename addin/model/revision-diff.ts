import type { ThousandVnd } from "../../shared/money.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { cleanText } from "../../shared/text/match.ts";
import type { SubmissionSummary } from "./submission-summary.ts";
import { summarizeSubmission, summarizeUnitSubmission } from "./submission-summary.ts";

/** What changed between the unit's latest stored revision and the workbook about to be sent. */
export type RevisionDiff = {
  previousRevision: number;
  added: { code: string; name: string }[];
  removed: { code: string; name: string }[];
  changed: { code: string; name: string }[];
  ntm: { before: number; after: number };
  /** Capital totals, integer thousand VND. */
  capital: { before: ThousandVnd; after: ThousandVnd };
  /** Nothing in the list above differs. */
  same: boolean;
};

/** A revision of either template version (GET /api/v1/submissions/:id answers both). */
export type Revision = Submission | UnitSubmission;

/**
 * One commune as compared: its code, its name, and `key`, the text of everything whose change makes
 * it "changed" (name, group, attributes and flags, HT and KH), the same for the same content.
 */
type CommuneView = { code: string; name: string; key: string };

/** Criterion numbers as a set: no repeats, in order. */
const numbers = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/**
 * The labels set to true, cleaned as the server stores them (shared/rules/clean-unit-submission.ts),
 * in order: a label left empty and one absent are the same.
 */
const labelsOn = (record: Readonly<Record<string, boolean>>): string[] =>
  [
    ...new Set(
      Object.keys(record)
        .filter((l) => record[l] === true)
        .map(cleanText),
    ),
  ].sort();

/** The communes of either version in one comparable shape (names cleaned as the server stores them). */
function communesOf(sub: Revision): CommuneView[] {
  if (sub.templateVersion === "NTM-2") {
    return sub.communes.map((c) => {
      const name = cleanText(c.name);
      const key = JSON.stringify([name, c.group, labelsOn(c.attributes), labelsOn(c.flags), numbers(c.baseline), numbers(c.plan)]);
      return { code: c.code, name: c.name, key };
    });
  }
  return sub.communes.map((c) => {
    const name = cleanText(c.name);
    const f = c.flags;
    const key = JSON.stringify([
      name,
      [f.border, f.pilotDifficult, f.ntmTarget, f.districtDifficult],
      numbers(c.baseline),
      numbers(c.plan),
    ]);
    return { code: c.code, name: c.name, key };
  });
}

/** NTM communes in the plan and the capital total, counted as the review's summary counts them. */
const summaryOf = (sub: Revision, criteriaCount: number): SubmissionSummary =>
  sub.templateVersion === "NTM-2" ? summarizeUnitSubmission(sub, criteriaCount) : summarizeSubmission(sub, criteriaCount);

/**
 * Two revisions of one template version can be compared; NTM-2 ones only under the same criteria
 * set (`criteriaCount`, the size of the set, counts the NTM communes of both).
 */
function comparable(previous: Revision, next: Revision): boolean {
  if (previous.templateVersion === "NTM-1" || next.templateVersion === "NTM-1") {
    return previous.templateVersion === next.templateVersion;
  }
  return cleanText(previous.criteriaSet) === cleanText(next.criteriaSet);
}

/**
 * What changed from `previous` (stored as revision `previousRevision`) to `next`: communes added,
 * removed and changed (by code, in `next`'s order; removed ones in `previous`'s), NTM communes in
 * the plan and capital totals before and after. `criteriaCount` is the size of the criteria set
 * (19 for NTM-1, the setup's for NTM-2). `notCompared` when the two are of different template
 * versions (NTM-1 and NTM-2) or NTM-2 under different criteria sets.
 */
export function diffRevisions(previous: Submission, previousRevision: number, next: Submission, criteriaCount: number): RevisionDiff;
export function diffRevisions(
  previous: UnitSubmission,
  previousRevision: number,
  next: UnitSubmission,
  criteriaCount: number,
): RevisionDiff | "notCompared";
export function diffRevisions(
  previous: Revision,
  previousRevision: number,
  next: Revision,
  criteriaCount: number,
): RevisionDiff | "notCompared";
export function diffRevisions(
  previous: Revision,
  previousRevision: number,
  next: Revision,
  criteriaCount: number,
): RevisionDiff | "notCompared" {
  if (!comparable(previous, next)) return "notCompared";
  const was = communesOf(previous);
  const now = communesOf(next);
  const before = new Map(was.map((c) => [c.code, c]));
  const after = new Set(now.map((c) => c.code));
  const pick = (c: CommuneView) => ({ code: c.code, name: c.name });
  const added = now.filter((c) => !before.has(c.code)).map(pick);
  const removed = was.filter((c) => !after.has(c.code)).map(pick);
  const changed = now
    .filter((c) => {
      const old = before.get(c.code);
      return old !== undefined && old.key !== c.key;
    })
    .map(pick);
  const s0 = summaryOf(previous, criteriaCount);
  const s1 = summaryOf(next, criteriaCount);
  return {
    previousRevision,
    added,
    removed,
    changed,
    ntm: { before: s0.ntmPlan, after: s1.ntmPlan },
    capital: { before: s0.capitalThousand, after: s1.capitalThousand },
    same:
      added.length === 0 &&
      removed.length === 0 &&
      changed.length === 0 &&
      s0.ntmPlan === s1.ntmPlan &&
      s0.capitalThousand === s1.capitalThousand,
  };
}
