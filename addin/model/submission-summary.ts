import type { Submission } from "../../shared/schemas/submission.ts";
import { CAPITAL_LEAF_KEYS } from "../../shared/reference/capital-sources.ts";
import { formatMillion } from "../../shared/money.ts";

/** What the "Gửi" screen shows about a submission before it is sent. */
export type SubmissionSummary = {
  district: string;
  year: number;
  communes: number;
  /** Communes planned (KH) to meet every criterion of the set. */
  ntmPlan: number;
  /** Sum of the capital leaves, integer thousand VND. */
  capitalThousand: number;
  /** The same in million VND as an exact decimal string ("2526400.5"). */
  capitalMillion: string;
};

export function summarizeSubmission(sub: Submission, criteriaCount: number): SubmissionSummary {
  const capitalThousand = CAPITAL_LEAF_KEYS.reduce((s, k) => s + sub.capital[k], 0);
  return {
    district: sub.district,
    year: sub.year,
    communes: sub.communes.length,
    ntmPlan: sub.communes.filter((c) => new Set(c.plan).size >= criteriaCount).length,
    capitalThousand,
    capitalMillion: formatMillion(capitalThousand),
  };
}
