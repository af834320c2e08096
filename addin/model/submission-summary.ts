import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { CAPITAL_LEAF_KEYS } from "../../shared/reference/capital-sources.ts";
import type { ThousandVnd } from "../../shared/money.ts";

/** What the "Gửi" screen shows about a submission before it is sent. */
export type SubmissionSummary = {
  /** The reporting unit's code (a district's 3 digits, or a commune's 5) and name as typed. */
  unit: string;
  name: string;
  year: number;
  communes: number;
  /** Communes planned (KH) to meet every criterion of the set. */
  ntmPlan: number;
  /**
   * Sum of the capital leaves, integer thousand VND: exact, as the parsers keep each leaf at most
   * 10^15 and a setup has at most a few dozen leaves (their sum stays below 2^53). Shown with
   * addin/i18n formatMoney (shared/money.ts).
   */
  capitalThousand: ThousandVnd;
};

const planned = (plan: readonly number[], criteriaCount: number) => new Set(plan).size >= criteriaCount;

export function summarizeSubmission(sub: Submission, criteriaCount: number): SubmissionSummary {
  return {
    unit: sub.district,
    name: sub.districtName,
    year: sub.year,
    communes: sub.communes.length,
    ntmPlan: sub.communes.filter((c) => planned(c.plan, criteriaCount)).length,
    capitalThousand: CAPITAL_LEAF_KEYS.reduce((s, k) => s + sub.capital[k], 0),
  };
}

/** An NTM-2 submission: `criteriaCount` is the size of the year's set; the capital items are the setup's leaf rows. */
export function summarizeUnitSubmission(sub: UnitSubmission, criteriaCount: number): SubmissionSummary {
  return {
    unit: sub.unit,
    name: sub.unitName,
    year: sub.year,
    communes: sub.communes.length,
    ntmPlan: sub.communes.filter((c) => planned(c.plan, criteriaCount)).length,
    capitalThousand: Object.values(sub.capital).reduce((s, v) => s + v, 0),
  };
}
