import type { Setup, SetupCommune } from "../setup/types.ts";
import type { HtPrefill } from "../template/build-criteria-ntm2.ts";

/**
 * Carry-over (docs/cycle.md "Rounds", docs/huong-dan-don-vi.md): the HT that next year's plan
 * template of a unit starts from, computed from the previous year's stored commune rows. Pure: the
 * server (worker/db/carry-over.ts) reads the rows in one batch and calls `carryOver`.
 *
 * - Each previous-year commune's criteria: the TH of its result row (each unit's accepted result
 *   revision, else its latest), else the KH of its plan row (accepted plan, else latest), else none.
 * - A commune of the new list takes its own code's data, or, when the setup names former codes (a
 *   merger), its former communes': a criterion is pre-filled as met only when every former commune
 *   WITH DATA met it; former communes without data are skipped and named in a note; no former
 *   commune with data = HT stays empty.
 * - A change of criteria set between the years (the setups' `criteriaSet.id`): HT stays empty, one note.
 */

/** A stored commune row of the previous year: its code, name and the criteria it met (TH or KH). */
export type PreviousRow = { code: string; name: string; criteria: readonly number[] };

export type PreviousYear = {
  year: number;
  /** The previous year's setup (its criteria set and commune list); null when it has none. */
  setup: Pick<Setup, "criteriaSet" | "communes"> | null;
  /** Rows of the result revisions counted (TH). */
  results: readonly PreviousRow[];
  /** Rows of the plan revisions counted (KH). */
  plans: readonly PreviousRow[];
};

export type CarryBasis = "result" | "plan";

/** A commune of the new list with a pre-filled HT. */
export type CarryCommune = {
  code: string;
  name: string;
  /** The criteria pre-filled as met (ascending); the others of the set are pre-filled as not met. */
  baseline: number[];
  /** `result` when every source row is a result's TH, `plan` when any is a plan's KH. */
  basis: CarryBasis;
  /** The previous-year codes whose data was used (its own code, or its former codes with data). */
  from: string[];
  /** Former codes without data, skipped. */
  skipped: string[];
};

export const CARRY_NOTE_CODES = [
  "carry.set_changed",
  "carry.from_result",
  "carry.from_plan",
  "carry.former_skipped",
  "carry.no_data",
] as const;
export type CarryNoteCode = (typeof CARRY_NOTE_CODES)[number];

/** A note for the unit: stable code, Vietnamese first, the communes (codes) it concerns. */
export type CarryNote = { code: CarryNoteCode; messageVi: string; messageEn: string; communes: string[] };

export type CarryOver = {
  year: number;
  fromYear: number;
  unit: string;
  /** The criteria set ids of the previous year (null: no setup) and of the year. */
  criteriaSet: { from: string | null; to: string };
  communes: CarryCommune[];
  notes: CarryNote[];
};

type Source = { basis: CarryBasis; row: PreviousRow };

const named = (c: { code: string; name: string }) => `${c.name} (${c.code})`;

/** The unit's communes of `setup` and their HT pre-fill from `previous` (see the file comment). */
export function carryOver(setup: Setup, unit: string, previous: PreviousYear): CarryOver {
  const y = previous.year;
  const to = setup.criteriaSet.id;
  const from = previous.setup?.criteriaSet.id ?? null;
  const base = { year: setup.year, fromYear: y, unit, criteriaSet: { from, to } };
  const listed = setup.communes === null ? [] : setup.communes.filter((c) => c.unit === unit);
  if (from !== null && from !== to) {
    return {
      ...base,
      communes: [],
      notes: [
        {
          code: "carry.set_changed",
          messageVi: `Bộ tiêu chí năm ${y} (${from}) khác năm ${setup.year} (${to}): HT để trống, đơn vị tự nhập.`,
          messageEn: `The ${y} criteria set (${from}) differs from ${setup.year}'s (${to}): HT left empty for the unit to fill.`,
          communes: [],
        },
      ],
    };
  }
  const size = setup.criteriaSet.criteria.length;
  const sources = new Map<string, Source>();
  for (const row of previous.plans) sources.set(row.code, { basis: "plan", row });
  for (const row of previous.results) sources.set(row.code, { basis: "result", row });
  const previousName = new Map((previous.setup?.communes ?? []).map((c) => [c.code, c.name]));
  const nameOf = (code: string) => sources.get(code)?.row.name ?? previousName.get(code) ?? null;

  const communes: CarryCommune[] = [];
  const empty: SetupCommune[] = [];
  const notes: CarryNote[] = [];
  const skippedNotes: CarryNote[] = [];
  for (const c of listed) {
    const codes = c.formerCodes.length > 0 ? c.formerCodes : [c.code];
    const used = codes.filter((k) => sources.has(k));
    const skipped = codes.filter((k) => !sources.has(k));
    if (used.length === 0) {
      empty.push(c);
      continue;
    }
    const met = Array.from({ length: size }, (_, i) => i + 1).filter((k) => used.every((u) => sources.get(u)!.row.criteria.includes(k)));
    const basis: CarryBasis = used.every((u) => sources.get(u)!.basis === "result") ? "result" : "plan";
    communes.push({ code: c.code, name: c.name, baseline: met, basis, from: used, skipped });
    if (skipped.length > 0) {
      const list = skipped.map((k) => (nameOf(k) === null ? k : `${nameOf(k)} (${k})`)).join(", ");
      skippedNotes.push({
        code: "carry.former_skipped",
        messageVi: `${named(c)}: bỏ qua xã cũ không có số liệu năm ${y}: ${list}; HT tính theo các xã cũ có số liệu.`,
        messageEn: `${named(c)}: former communes without ${y} data skipped: ${list}; HT from the former communes with data.`,
        communes: [c.code, ...skipped],
      });
    }
  }
  const byBasis = (b: CarryBasis) => communes.filter((c) => c.basis === b);
  const list = (cs: readonly { code: string; name: string }[]) => cs.map(named).join(", ");
  const fromResult = byBasis("result");
  const fromPlan = byBasis("plan");
  if (fromResult.length > 0) {
    notes.push({
      code: "carry.from_result",
      messageVi: `HT lấy từ kết quả thực hiện năm ${y}: ${list(fromResult)}.`,
      messageEn: `HT taken from the ${y} results: ${list(fromResult)}.`,
      communes: fromResult.map((c) => c.code),
    });
  }
  if (fromPlan.length > 0) {
    notes.push({
      code: "carry.from_plan",
      messageVi: `HT lấy từ kế hoạch năm ${y} (chưa có kết quả): ${list(fromPlan)}.`,
      messageEn: `HT taken from the ${y} plan (no result yet): ${list(fromPlan)}.`,
      communes: fromPlan.map((c) => c.code),
    });
  }
  notes.push(...skippedNotes);
  if (empty.length > 0) {
    notes.push({
      code: "carry.no_data",
      messageVi: `Không có số liệu năm ${y}, HT để trống: ${list(empty)}.`,
      messageEn: `No ${y} data, HT left empty: ${list(empty)}.`,
      communes: empty.map((c) => c.code),
    });
  }
  return { ...base, communes, notes };
}

/** The builders' pre-fill (shared/template/build-criteria-ntm2.ts) of a carry-over: HT per commune and the notes (Vietnamese). */
export function prefillOf(carry: CarryOver): HtPrefill {
  return {
    fromYear: carry.fromYear,
    baseline: Object.fromEntries(carry.communes.map((c) => [c.code, c.baseline])),
    notes: carry.notes.map((n) => n.messageVi),
  };
}
