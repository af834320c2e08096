import type { Issue } from "../result.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Commune, Submission } from "../schemas/submission.ts";
import { isPlanYear } from "../schemas/plan-year.ts";
import { DISTRICT_DIFFICULT_REQUIRED } from "../reference/criteria.ts";
import { CAPITAL_LEAF_KEYS, CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { MAX_LINE_THOUSAND } from "../money.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { formatEnMillion, formatVnMillion } from "../text/vn-number.ts";
import { COMMUNE_CODE } from "../template/commune-code.ts";
import { SHEETS } from "../template/labels.ts";
import { makeIssue } from "../template/messages.ts";

/**
 * Every template rule (docs/template.md) that can be checked on the TYPED submission, so the server can
 * re-run them on a JSON body from any client. Cell addresses come from `sub.source.columns` and
 * each commune's `source.row` when present; otherwise issues carry the row / commune only. Text
 * is judged as cleaned (clean-submission.ts): callers store `cleanSubmission(sub)`.
 */
export function checkSubmission(sub: Submission, ref: ReferenceData): Issue[] {
  return [...checkInfo(sub, ref), ...checkCommunes(sub, ref), ...checkCapital(sub)];
}

const SOURCE_OF = new Map(CAPITAL_SOURCES.map((s) => [s.key, s]));

/** `Nguồn vốn` rules on the typed leaves: each line at most MAX_LINE_THOUSAND (shared/money.ts). */
export function checkCapital(sub: Submission): Issue[] {
  const issues: Issue[] = [];
  for (const k of CAPITAL_LEAF_KEYS) {
    const amount = sub.capital[k];
    if (amount > MAX_LINE_THOUSAND) {
      issues.push(
        makeIssue(
          "capital.amount_too_large",
          { sheet: SHEETS.capital },
          {
            value: `${formatVnMillion(amount)} ("${SOURCE_OF.get(k)?.label ?? k}")`,
            valueEn: `${formatEnMillion(amount)} ("${SOURCE_OF.get(k)?.labelEn ?? k}")`,
            max: formatVnMillion(MAX_LINE_THOUSAND),
            maxEn: formatEnMillion(MAX_LINE_THOUSAND),
          },
        ),
      );
    }
  }
  return issues;
}

/** Name of a district without its kind, for a lenient comparison: "Huyện Cao Lộc" ~ "Cao Lộc". */
function bareName(name: string): string {
  return matchKey(name).replace(/^(?:huyện|thành phố|thị xã|tp\.?|h\.)\s*/, "");
}

/** `Thông tin` rules: district known, its name matching (W), year sane. */
export function checkInfo(sub: Submission, ref: ReferenceData): Issue[] {
  const issues: Issue[] = [];
  const sheet = SHEETS.info;
  const district = ref.districts.find((d) => d.code === sub.district);
  if (!district) {
    issues.push(makeIssue("info.district_unknown", { sheet }, { value: sub.district }));
  } else if (bareName(sub.districtName) !== bareName(district.name)) {
    issues.push(
      makeIssue("info.district_name_mismatch", { sheet }, { value: sub.districtName, code: district.code, expected: district.name }),
    );
  }
  if (!isPlanYear(sub.year)) {
    issues.push(makeIssue("info.year_invalid", { sheet }, { value: String(sub.year) }));
  }
  return issues;
}

/** `Tiêu chí` rules on the typed communes. */
export function checkCommunes(sub: Submission, ref: ReferenceData): Issue[] {
  const issues: Issue[] = [];
  const defaultSheet = sub.source?.criteriaSheet ?? SHEETS.criteria;
  const cols = sub.source?.columns;
  const known = new Set(ref.criteria.criteria.map((k) => k.number));
  const total = known.size;
  const maxNumber = Math.max(0, ...known);
  const district = ref.districts.find((d) => d.code === sub.district);
  const required = DISTRICT_DIFFICULT_REQUIRED.filter((n) => known.has(n));
  const indexOf = new Map(ref.criteria.criteria.map((k, i) => [k.number, i]));
  const SLOTS = 100;
  const isKnown = new Uint8Array(SLOTS);
  for (const n of known) if (n >= 0 && n < SLOTS) isKnown[n] = 1;
  const inBaseline = new Uint32Array(SLOTS);
  const inPlan = new Uint32Array(SLOTS);
  let stamp = 0;

  if (sub.communes.length === 0) issues.push(makeIssue("commune.none", { sheet: defaultSheet }));

  const at = (c: Commune, column: string | null | undefined) => {
    const row = c.source?.row ?? null;
    return {
      sheet: c.source?.sheet ?? defaultSheet,
      cell: row !== null && column ? `${column}${row}` : null,
      row,
      commune: c.code,
    };
  };
  const planCell = (c: Commune, n: number) => at(c, cols?.criteria[indexOf.get(n) ?? -1]?.plan);
  /** Stamps a commune's HT or KH criterion numbers into `seen`; their count, or -1 after an issue. */
  const markNumbers = (c: Commune, numbers: readonly number[], seen: Uint32Array, sub: "HT" | "KH"): number => {
    let ok = true;
    for (const n of numbers) {
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

  // The parser leaves the column "" when the header lacks `Tên xã` (reported there): no name rule.
  const checkNames = cols?.name !== "";
  const firstOf = new Map<string, Commune>();
  for (const c of sub.communes) {
    // Every caller but the parser skips the schema (exactly 5 digits) only by mistake: still refused.
    if (!COMMUNE_CODE.test(c.code)) issues.push(makeIssue("commune.code_invalid", at(c, cols?.code), { value: `"${c.code}"` }));
    if (checkNames && cleanText(c.name) === "") issues.push(makeIssue("commune.name_missing", at(c, cols?.name), { code: c.code }));
    const first = firstOf.get(c.code);
    if (first) {
      issues.push(makeIssue("commune.code_duplicate", at(c, cols?.code), { code: c.code, firstRow: first.source?.row ?? "?" }));
    } else {
      firstOf.set(c.code, c);
    }

    // Membership by stamps in typed arrays: no Set per commune (10,000 communes in a few ms).
    stamp++;
    const baselineSize = markNumbers(c, c.baseline, inBaseline, "HT");
    const planSize = markNumbers(c, c.plan, inPlan, "KH");
    const numbersOk = baselineSize >= 0 && planSize >= 0;
    if (!numbersOk) continue;

    let lost: number[] | null = null;
    for (const n of c.baseline) if (inPlan[n] !== stamp) (lost ??= []).push(n);
    // "New achievements only" is decided per commune: the mistake is made row by row by whoever
    // fills the sheet, a whole-sheet ratio would hide one wrong row among many right ones (or flag
    // a district for a few genuine regressions), and the error then points at the row to fix.
    // The typed submission cannot tell an empty KH cell from "Chưa đạt": both are "not achieved".
    // When it fires, that commune's per-cell regression warnings would only repeat it: not added.
    if (lost && lost.length * 2 > c.baseline.length) {
      issues.push(makeIssue("plan.new_only", planCell(c, lost[0]!), { code: c.code, missing: lost.length, achieved: c.baseline.length }));
    } else if (lost) {
      for (const n of lost) issues.push(makeIssue("plan.regression", planCell(c, n), { code: c.code, number: n }));
    }
    if (c.flags.ntmTarget && planSize < total) {
      issues.push(makeIssue("plan.target_incomplete", at(c, cols?.flags.ntmTarget), { code: c.code, count: planSize, total }));
    }
    if (planSize < 5) {
      issues.push(makeIssue("plan.under_five", at(c, cols?.code), { code: c.code, count: planSize }));
    }
    if (c.flags.ntmTarget && c.baseline.length === total) {
      issues.push(makeIssue("plan.target_already_met", at(c, cols?.flags.ntmTarget), { code: c.code, total }));
    }
    if (c.flags.districtDifficult) {
      const missing = required.filter((n) => inPlan[n] !== stamp);
      if (missing.length > 0) {
        issues.push(
          makeIssue("plan.district_difficult_missing", at(c, cols?.flags.districtDifficult), { code: c.code, missing: missing.join(", ") }),
        );
      }
    }
    if (c.flags.border && district && !district.border) {
      issues.push(makeIssue("flag.border_not_border_district", at(c, cols?.flags.border), { code: c.code, district: district.name }));
    }
  }
  return issues;
}
