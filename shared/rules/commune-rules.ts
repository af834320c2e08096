import type { Issue } from "../result.ts";
import { cleanText } from "../text/match.ts";
import { makeIssue } from "../template/messages.ts";
import { CODE_SLOTS, codeSlot } from "./commune-code-slot.ts";

/**
 * The `Tiêu chí` rules of docs/template.md on typed communes, for any template version and criteria
 * set: codes and names, criterion numbers, "KH is cumulative", the plan warnings, the rule of the
 * district-chosen commune and the border rule. check-submission.ts (NTM-1) and
 * check-unit-submission.ts (a unit under its year's setup) describe their communes as views.
 */
export type CommuneView = {
  code: string;
  name: string;
  baseline: readonly number[];
  plan: readonly number[];
  source?: { sheet: string; row: number } | undefined;
  /** `Phấn đấu đạt chuẩn NTM`. */
  ntmTarget: boolean;
  /** `Xã ĐBKK do huyện chọn` (2016-2020 set only; false elsewhere). */
  districtDifficult: boolean;
  /** `Xã biên giới` as typed. */
  border: boolean;
};

/** Column letters of the template the communes were read from (cells of issues). */
export type CommuneColumns = {
  code: string;
  /** "" when the header lacks `Tên xã` (reported by the parser): no name rule then. */
  name: string;
  ntmTarget: string | null;
  districtDifficult: string | null;
  border: string | null;
  /** Index i holds the i-th criterion of the set. */
  criteria: readonly { baseline: string; plan: string }[];
};

export type CommuneRuleOptions = {
  /** The criteria of the set, in order. */
  criteria: readonly { number: number }[];
  /** Sheet of issues when a commune has no source. */
  sheet: string;
  columns: CommuneColumns | undefined;
  /** Criteria a district-chosen commune must plan (10, 11, 14, 15, 18 of the 2016-2020 set); [] = rule off. */
  districtDifficultRequired: readonly number[];
  /** The unit's name when it is NOT a border district (border rule on); null = rule off. */
  nonBorderDistrict: string | null;
};

const SLOTS = 100;

/**
 * First commune of each 5-digit code, by slot (commune-code-slot.ts): `FIRST_STAMP[slot]` is the
 * call that saw the code, `FIRST_INDEX[slot]` that commune's index. Shared by every call (each has
 * its own stamp), allocated on the first: no Map of 10,000 codes built per call.
 */
let FIRST_STAMP: Int32Array | null = null;
let FIRST_INDEX: Int32Array | null = null;
let callStamp = 0;

function firstSlots(): { stamps: Int32Array; indexes: Int32Array; stamp: number } {
  if (FIRST_STAMP === null || FIRST_INDEX === null || callStamp >= 0x7fffffff) {
    FIRST_STAMP = new Int32Array(CODE_SLOTS);
    FIRST_INDEX = new Int32Array(CODE_SLOTS);
    callStamp = 0;
  }
  return { stamps: FIRST_STAMP, indexes: FIRST_INDEX, stamp: ++callStamp };
}

export function checkCommuneRows(communes: readonly CommuneView[], o: CommuneRuleOptions): Issue[] {
  const issues: Issue[] = [];
  const cols = o.columns;
  const known = new Set(o.criteria.map((k) => k.number));
  const total = known.size;
  const maxNumber = Math.max(0, ...known);
  const required = o.districtDifficultRequired.filter((n) => known.has(n));
  const indexOf = new Map(o.criteria.map((k, i) => [k.number, i]));
  const isKnown = new Uint8Array(SLOTS);
  for (const n of known) if (n >= 0 && n < SLOTS) isKnown[n] = 1;
  const inBaseline = new Uint32Array(SLOTS);
  const inPlan = new Uint32Array(SLOTS);
  let stamp = 0;

  if (communes.length === 0) issues.push(makeIssue("commune.none", { sheet: o.sheet }));

  const at = (c: CommuneView, column: string | null | undefined) => {
    const row = c.source?.row ?? null;
    return { sheet: c.source?.sheet ?? o.sheet, cell: row !== null && column ? `${column}${row}` : null, row, commune: c.code };
  };
  const planCell = (c: CommuneView, n: number) => at(c, cols?.criteria[indexOf.get(n) ?? -1]?.plan);
  /** Stamps a commune's HT or KH criterion numbers into `seen`; their count, or -1 after an issue. */
  const markNumbers = (c: CommuneView, numbers: readonly number[], seen: Uint32Array, sub: "HT" | "KH"): number => {
    let ok = true;
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (!(n >= 0 && n < SLOTS) || !isKnown[n]) {
        issues.push(makeIssue("criterion.number_unknown", at(c, null), { number: n, max: maxNumber }));
        ok = false;
      } else if (seen[n] === stamp) {
        issues.push(makeIssue("criterion.number_duplicate", at(c, null), { number: n, sub }));
        ok = false;
      } else seen[n] = stamp;
    }
    return ok ? numbers.length : -1;
  };

  const checkNames = cols?.name !== "";
  const firsts = firstSlots();
  // Codes that are not 5 digits (reported invalid) have no slot: a Map of those few.
  let firstOfInvalid: Map<string, CommuneView> | null = null;
  for (let index = 0; index < communes.length; index++) {
    const c = communes[index]!;
    const slot = codeSlot(c.code);
    // Every caller but the parser skips the schema (exactly 5 digits) only by mistake: still refused.
    if (slot < 0) issues.push(makeIssue("commune.code_invalid", at(c, cols?.code), { value: `"${c.code}"` }));
    if (checkNames && cleanText(c.name) === "") issues.push(makeIssue("commune.name_missing", at(c, cols?.name), { code: c.code }));
    let first: CommuneView | undefined;
    if (slot >= 0) {
      if (firsts.stamps[slot] === firsts.stamp) first = communes[firsts.indexes[slot]!];
      else {
        firsts.stamps[slot] = firsts.stamp;
        firsts.indexes[slot] = index;
      }
    } else {
      first = (firstOfInvalid ??= new Map()).get(c.code);
      if (!first) firstOfInvalid.set(c.code, c);
    }
    if (first) {
      issues.push(makeIssue("commune.code_duplicate", at(c, cols?.code), { code: c.code, firstRow: first.source?.row ?? "?" }));
    }

    // Membership by stamps in typed arrays: no Set per commune (10,000 communes in a few ms).
    stamp++;
    const baselineSize = markNumbers(c, c.baseline, inBaseline, "HT");
    const planSize = markNumbers(c, c.plan, inPlan, "KH");
    if (baselineSize < 0 || planSize < 0) continue;

    let lost: number[] | null = null;
    for (let i = 0; i < c.baseline.length; i++) {
      const n = c.baseline[i]!;
      if (inPlan[n] !== stamp) (lost ??= []).push(n);
    }
    // "New achievements only" is decided per commune: the mistake is made row by row by whoever
    // fills the sheet, a whole-sheet ratio would hide one wrong row among many right ones (or flag
    // a unit for a few genuine regressions), and the error then points at the row to fix.
    // The typed submission cannot tell an empty KH cell from "Chưa đạt": both are "not achieved".
    // When it fires, that commune's per-cell regression warnings would only repeat it: not added.
    if (lost && lost.length * 2 > c.baseline.length) {
      issues.push(makeIssue("plan.new_only", planCell(c, lost[0]!), { code: c.code, missing: lost.length, achieved: c.baseline.length }));
    } else if (lost) {
      for (const n of lost) issues.push(makeIssue("plan.regression", planCell(c, n), { code: c.code, number: n }));
    }
    if (c.ntmTarget && planSize < total) {
      issues.push(makeIssue("plan.target_incomplete", at(c, cols?.ntmTarget), { code: c.code, count: planSize, total }));
    }
    if (planSize < 5) {
      issues.push(makeIssue("plan.under_five", at(c, cols?.code), { code: c.code, count: planSize }));
    }
    if (c.ntmTarget && c.baseline.length === total) {
      issues.push(makeIssue("plan.target_already_met", at(c, cols?.ntmTarget), { code: c.code, total }));
    }
    if (c.districtDifficult && required.length > 0) {
      const missing = required.filter((n) => inPlan[n] !== stamp);
      if (missing.length > 0) {
        issues.push(
          makeIssue("plan.district_difficult_missing", at(c, cols?.districtDifficult), { code: c.code, missing: missing.join(", ") }),
        );
      }
    }
    if (c.border && o.nonBorderDistrict !== null) {
      issues.push(makeIssue("flag.border_not_border_district", at(c, cols?.border), { code: c.code, district: o.nonBorderDistrict }));
    }
  }
  return issues;
}
