import type { SetupCapitalRow } from "../setup/types.ts";

/**
 * The capital rows of a setup (`Nguồn vốn`: STT, label) as a tree by STT: `1.1` and `1.2` are
 * below `1`; a row with rows below it is a subtotal (the sum of the leaves below it), a row without
 * is a leaf (typed by the unit). The total is the sum of the top rows, so every leaf
 * counts exactly once. The report keys a row by its STT and the total by `total`.
 */
export const CAPITAL_TOTAL_KEY = "total";
export const CAPITAL_TOTAL_LABEL = "Tổng cộng";

export type CapitalPlan = {
  rows: readonly SetupCapitalRow[];
  /** STT of the leaf rows, in setup order. */
  leaves: readonly string[];
  /** Per row (setup order): indexes into `leaves` that the row sums (itself only for a leaf). */
  leafIndexes: readonly (readonly number[])[];
  /** Per row (setup order): whether it is a leaf. */
  isLeaf: readonly boolean[];
};

const plans = new WeakMap<readonly SetupCapitalRow[], CapitalPlan>();

/** The tree of a setup's rows (computed once per rows array). */
export function capitalPlan(rows: readonly SetupCapitalRow[]): CapitalPlan {
  const cached = plans.get(rows);
  if (cached) return cached;
  const isLeaf = rows.map((r) => !rows.some((o) => o.stt.startsWith(`${r.stt}.`)));
  const leaves = rows.filter((_, i) => isLeaf[i]).map((r) => r.stt);
  const leafIndexes = rows.map((r) => {
    const prefix = `${r.stt}.`;
    return leaves.flatMap((stt, j) => (stt === r.stt || stt.startsWith(prefix) ? [j] : []));
  });
  const plan: CapitalPlan = { rows, leaves, leafIndexes, isLeaf };
  plans.set(rows, plan);
  return plan;
}

/**
 * Every row's amount and the total, in integer thousand VND, from the leaves' amounts (by STT;
 * a leaf not given is 0). Keys: each row's STT, then `total`.
 */
export function capitalAmounts(plan: CapitalPlan, leaves: Readonly<Record<string, number>>): Record<string, number> {
  const values = plan.leaves.map((stt) => leaves[stt] ?? 0);
  const out: Record<string, number> = {};
  plan.rows.forEach((r, i) => {
    out[r.stt] = plan.leafIndexes[i]!.reduce((s, j) => s + values[j]!, 0);
  });
  out[CAPITAL_TOTAL_KEY] = values.reduce((s, v) => s + v, 0);
  return out;
}
