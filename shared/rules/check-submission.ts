import type { Issue } from "../result.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Submission } from "../schemas/submission.ts";
import { isPlanYear } from "../schemas/plan-year.ts";
import { DISTRICT_DIFFICULT_REQUIRED } from "../reference/criteria.ts";
import { CAPITAL_LEAF_KEYS, CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { MAX_LINE_THOUSAND } from "../money.ts";
import { matchKey } from "../text/match.ts";
import { formatEnMillion, formatVnMillion } from "../text/vn-number.ts";
import { SHEETS } from "../template/labels.ts";
import { makeIssue } from "../template/messages.ts";
import { checkCommuneRows } from "./commune-rules.ts";

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

/** `Tiêu chí` rules on the typed communes (shared/rules/commune-rules.ts with the four NTM-1 flags). */
export function checkCommunes(sub: Submission, ref: ReferenceData): Issue[] {
  const cols = sub.source?.columns;
  const district = ref.districts.find((d) => d.code === sub.district);
  return checkCommuneRows(
    sub.communes.map((c) => ({
      code: c.code,
      name: c.name,
      baseline: c.baseline,
      plan: c.plan,
      source: c.source,
      ntmTarget: c.flags.ntmTarget,
      districtDifficult: c.flags.districtDifficult,
      border: c.flags.border,
    })),
    {
      criteria: ref.criteria.criteria,
      sheet: sub.source?.criteriaSheet ?? SHEETS.criteria,
      columns: cols && {
        code: cols.code,
        name: cols.name,
        ntmTarget: cols.flags.ntmTarget,
        districtDifficult: cols.flags.districtDifficult,
        border: cols.flags.border,
        criteria: cols.criteria,
      },
      districtDifficultRequired: DISTRICT_DIFFICULT_REQUIRED,
      nonBorderDistrict: district && !district.border ? district.name : null,
    },
  );
}
