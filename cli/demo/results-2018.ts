/**
 * The 2018 demo results (cycle.md "Rounds", result round): what each of the eleven districts
 * actually achieved by 31 December 2018 against its demo plan (plan-2018.ts), deterministic.
 *
 * Per district (OUTCOMES): some over-achieve (criteria achieved beyond KH on `extra` communes, one
 * criterion each, and Cao Lộc's 15-18 commune reaching all 19), some miss (`missed` planned
 * additions not achieved, for two of them one of them on an NTM target commune, which then stays
 * below 19), the others achieve exactly their plan. TH always keeps HT (TH ⊇ HT: no criterion is
 * lost). Capital disbursed per leaf = plan × `disbursedPercent` / 100, rounded to whole million VND
 * (half up): below, at or over plan by district.
 */
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { fromNtm1 } from "../../shared/setup/from-ntm1.ts";
import { seededRandom } from "./plan-2018.ts";

export type DistrictOutcome = {
  /** Communes (not NTM, at most 14 planned) achieving one criterion beyond their plan. */
  extra: number;
  /** The district's 15-18 commune achieves all 19 (one NTM commune more than planned). */
  completeUpper: boolean;
  /** Planned additions (KH, not HT) not achieved. */
  missed: number;
  /** One of the misses is on an NTM target commune (one NTM commune less than planned). */
  targetMissed: boolean;
  /** Capital disbursed, percent of the plan, per leaf source. */
  disbursedPercent: number;
};

const exact = (disbursedPercent: number): DistrictOutcome => ({
  extra: 0,
  completeUpper: false,
  missed: 0,
  targetMissed: false,
  disbursedPercent,
});

/** The eleven districts' 2018 outcomes (reference order). */
export const OUTCOMES: Readonly<Record<string, DistrictOutcome>> = {
  "178": exact(100),
  "180": { ...exact(97), extra: 6 },
  "181": { ...exact(88), missed: 5, targetMissed: true },
  "182": exact(100),
  "183": { ...exact(104), extra: 5, completeUpper: true },
  "184": { ...exact(91), missed: 7 },
  "185": exact(100),
  "186": { ...exact(102), extra: 4 },
  "187": { ...exact(95), missed: 3 },
  "188": { ...exact(85), missed: 9, targetMissed: true },
  "189": { ...exact(110), extra: 2 },
};

export const RESULT_PREPARED_ON = "2019-01-10";

export type DistrictResult = {
  district: string;
  /** The demo plan the result is measured against. */
  plan: Submission;
  /** The result as a unit submits it (round `result`, TH per commune, capital disbursed). */
  result: UnitSubmission;
  outcome: DistrictOutcome;
};

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const CRITERIA = Array.from({ length: 19 }, (_, i) => i + 1);

/** TH of each commune of one district (index = the plan's commune order). */
function achievedOf(plan: Submission, o: DistrictOutcome): number[][] {
  const rnd = seededRandom(20181231 + Number(plan.district));
  const th = plan.communes.map((c) => new Set(c.plan));
  const ntmTargets = plan.communes.map((c, i) => ({ c, i })).filter(({ c }) => c.flags.ntmTarget);
  // Misses: planned additions of communes that are not NTM targets, plus one on a target when asked.
  const pairs = plan.communes.flatMap((c, i) =>
    c.flags.ntmTarget ? [] : c.plan.filter((k) => !c.baseline.includes(k)).map((k) => ({ i, k })),
  );
  const misses = shuffle(pairs, rnd).slice(0, o.missed - (o.targetMissed ? 1 : 0));
  if (o.targetMissed) {
    const t = ntmTargets[0];
    if (!t) throw new Error(`demo results 2018: district ${plan.district} has no NTM target`);
    const added = t.c.plan.filter((k) => !t.c.baseline.includes(k));
    misses.push({ i: t.i, k: added[0]! });
  }
  if (misses.length !== o.missed) throw new Error(`demo results 2018: district ${plan.district} cannot miss ${o.missed}`);
  for (const { i, k } of misses) th[i]!.delete(k);
  // Extras: one criterion beyond the plan on each of `extra` communes with at most 14 planned.
  const open = shuffle(
    plan.communes.map((c, i) => ({ c, i })).filter(({ c }) => c.plan.length <= 14),
    rnd,
  ).slice(0, o.extra);
  if (open.length !== o.extra) throw new Error(`demo results 2018: district ${plan.district} cannot add ${o.extra}`);
  for (const { c, i } of open) {
    const beyond = CRITERIA.filter((k) => !c.plan.includes(k));
    th[i]!.add(beyond[Math.floor(rnd() * beyond.length)]!);
  }
  if (o.completeUpper) {
    const upper = plan.communes.findIndex((c) => c.plan.length >= 15 && c.plan.length <= 18);
    if (upper < 0) throw new Error(`demo results 2018: district ${plan.district} has no 15-18 commune`);
    for (const k of CRITERIA) th[upper]!.add(k);
  }
  return th.map((s) => [...s].sort((a, b) => a - b));
}

/** Plan × percent / 100 in whole million VND (half up), as integer thousand VND. */
export function disbursedAmount(planThousand: number, percent: number): number {
  return Math.floor((planThousand * percent + 50_000) / 100_000) * 1000;
}

/** The eleven district results of 2018, from the eleven demo plans (plan-2018.ts), in their order. */
export function buildResults2018(plans: readonly Submission[]): DistrictResult[] {
  return plans.map((plan) => {
    const outcome = OUTCOMES[plan.district];
    if (!outcome) throw new Error(`demo results 2018: no outcome for district ${plan.district}`);
    const general = fromNtm1(plan);
    const achieved = achievedOf(plan, outcome);
    const disbursed = Object.fromEntries(
      Object.entries(general.capital).map(([stt, t]) => [stt, disbursedAmount(t, outcome.disbursedPercent)]),
    );
    const result: UnitSubmission = {
      ...general,
      round: "result",
      preparedOn: RESULT_PREPARED_ON,
      communes: general.communes.map((c, i) => ({ ...c, achieved: achieved[i]! })),
      disbursed,
    };
    return { district: plan.district, plan, result, outcome };
  });
}
