import type { Submission } from "../../shared/schemas/submission.ts";
import { CAPITAL_LEAF_KEYS } from "../../shared/reference/capital-sources.ts";
import type { ThousandVnd } from "../../shared/money.ts";

/** What the "Gửi" screen shows about a submission before it is sent. */
export type SubmissionSummary = {
  district: string;
  year: number;
  communes: number;
  /** Communes planned (KH) to meet every criterion of the set. */
  ntmPlan: number;
  /**
   * Sum of the capital leaves, integer thousand VND: exact, as the parser keeps each leaf at most
   * 10^15 (7 leaves stay below 2^53). Shown with addin/i18n formatMoney (shared/money.ts).
   */
  capitalThousand: ThousandVnd;
};

export function summarizeSubmission(sub: Submission, criteriaCount: number): SubmissionSummary {
  return {
    district: sub.district,
    year: sub.year,
    communes: sub.communes.length,
    ntmPlan: sub.communes.filter((c) => new Set(c.plan).size >= criteriaCount).length,
    capitalThousand: CAPITAL_LEAF_KEYS.reduce((s, k) => s + sub.capital[k], 0),
  };
}
