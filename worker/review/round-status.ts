import { completeness, unitStatus } from "../../shared/review/unit-status.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { CellComment, Completeness, Cut, StatusUnit } from "../../shared/schemas/api/review.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { RoundAtCut } from "../db/round-at-cut.ts";

/** A round's deadline at the cut: the office's latest, else the setup's, else none. */
export function deadlineAt(data: RoundAtCut, setup: Setup, round: Round): { deadline: string | null; source: "office" | "setup" | "none" } {
  const office = data.deadlines.find((d) => d.round === round);
  if (office) return { deadline: office.deadline, source: "office" };
  const fromSetup = setup.deadlines[round];
  return fromSetup ? { deadline: fromSetup, source: "setup" } : { deadline: null, source: "none" };
}

/** The cut as the API states it: the time of its last action (null when there is none) and its sequence number. */
export function cutOf(data: RoundAtCut, accepted: boolean): Cut {
  return { asOf: data.cut.atMs === null ? null : new Date(data.cut.atMs).toISOString(), seq: data.cut.seq, accepted };
}

export type RoundStatus = { deadline: string | null; units: StatusUnit[]; completeness: Completeness; byUnit: Map<string, StatusUnit> };

/**
 * Every unit's status at the cut (docs/review.md): the setup's units in its order, then units that
 * submitted but are not in the setup (not counted as expected).
 */
export function roundStatus(data: RoundAtCut, setup: Setup, round: Round): RoundStatus {
  const { deadline } = deadlineAt(data, setup, round);
  const latest = new Map(data.latest.map((r) => [r.unit, r]));
  const reviews = new Map(data.reviews.map((r) => [r.unit, r]));
  const statusOf = (code: string, name: string): StatusUnit => {
    const rev = latest.get(code);
    const review = reviews.get(code);
    return unitStatus({
      code,
      name,
      deadline,
      revisions: rev
        ? { latest: { revision: rev.revision, submittedAt: rev.submitted_at }, firstSubmittedAt: rev.first_submitted_at }
        : null,
      review: review
        ? {
            action: review.action,
            revision: review.revision,
            comment: review.comment,
            cells: JSON.parse(review.cells) as CellComment[],
            at: review.at,
            actor: review.actor,
          }
        : null,
    });
  };
  const listed = setup.units.map((u) => statusOf(u.code, u.name));
  const known = new Set(setup.units.map((u) => u.code));
  const extra = data.latest.filter((r) => !known.has(r.unit)).map((r) => statusOf(r.unit, r.unit));
  const units = [...listed, ...extra];
  return { deadline, units, completeness: completeness(listed), byUnit: new Map(units.map((u) => [u.code, u])) };
}
