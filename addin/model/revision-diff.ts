import type { ThousandVnd } from "../../shared/money.ts";
import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import { summarizeSubmission } from "./submission-summary.ts";

/** What changed between the district's latest stored revision and the workbook about to be sent. */
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

function sameList(a: readonly number[], b: readonly number[]): boolean {
  const x = [...new Set(a)].sort((p, q) => p - q);
  const y = [...new Set(b)].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function communeChanged(a: Commune, b: Commune): boolean {
  return (
    a.name !== b.name ||
    a.flags.border !== b.flags.border ||
    a.flags.pilotDifficult !== b.flags.pilotDifficult ||
    a.flags.ntmTarget !== b.flags.ntmTarget ||
    a.flags.districtDifficult !== b.flags.districtDifficult ||
    !sameList(a.baseline, b.baseline) ||
    !sameList(a.plan, b.plan)
  );
}

export function diffRevisions(previous: Submission, previousRevision: number, next: Submission, criteriaCount: number): RevisionDiff {
  const before = new Map(previous.communes.map((c) => [c.code, c]));
  const after = new Map(next.communes.map((c) => [c.code, c]));
  const pick = (c: Commune) => ({ code: c.code, name: c.name });
  const added = next.communes.filter((c) => !before.has(c.code)).map(pick);
  const removed = previous.communes.filter((c) => !after.has(c.code)).map(pick);
  const changed = next.communes
    .filter((c) => {
      const old = before.get(c.code);
      return old !== undefined && communeChanged(old, c);
    })
    .map(pick);
  const s0 = summarizeSubmission(previous, criteriaCount);
  const s1 = summarizeSubmission(next, criteriaCount);
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
