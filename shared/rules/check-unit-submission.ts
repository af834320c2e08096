import type { Issue } from "../result.ts";
import type { Setup } from "../setup/types.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import { capitalPlan } from "../report/capital-rows.ts";
import { MAX_LINE_THOUSAND } from "../money.ts";
import { isPlanYear } from "../schemas/plan-year.ts";
import { BORDER_DISTRICT_ATTRIBUTE } from "../setup/defaults.ts";
import { DISTRICT_DIFFICULT_REQUIRED } from "../reference/criteria.ts";
import { UNIT_CODE_DIGITS } from "../setup/labels.ts";
import { NTM1_FLAGS_SET, UNIT_CODE_EXAMPLE } from "../template/ntm2-columns.ts";
import { SHEETS } from "../template/labels.ts";
import { makeIssue } from "../template/messages.ts";
import { formatEnMillion, formatVnMillion } from "../text/vn-number.ts";
import { matchKey } from "../text/match.ts";
import { checkCommuneList, registeredIndex } from "./commune-list-rules.ts";
import { checkCommuneRows } from "./commune-rules.ts";
import { checkResult } from "./result-rules.ts";
import { BORDER_COMMUNE_LABELS, DISTRICT_DIFFICULT_LABELS, TARGET_LABELS, bareName, labelMatcher, valueBy } from "./setup-labels.ts";

/**
 * Every rule of docs/template.md and docs/setup.md on a unit's TYPED submission under its year's
 * setup, so the server can re-run them on a JSON body from any client: the unit (a unit of the
 * setup, code of the level's length, its name), year and criteria set; the commune rules with the
 * set's size in place of 19 (shared/rules/commune-rules.ts; the district-chosen commune rule for
 * the 2016-2020 set only; the border rule where the unit has the `Huyện biên giới` attribute, for
 * communes the setup does not register); the commune-list rules (commune-list-rules.ts); capital
 * items that are leaf rows of the setup, each at most the stated maximum. Text is judged as
 * cleaned: callers store `cleanUnitSubmission(sub)` (clean-unit-submission.ts).
 */
export function checkUnitSubmission(sub: UnitSubmission, setup: Setup): Issue[] {
  const info = checkUnitInfo(sub, setup);
  const unitKnown = !info.some((i) => i.code === "info.unit_unknown" || i.code === "info.unit_invalid");
  return [
    ...info,
    ...checkUnitCommunes(sub, setup),
    ...(unitKnown ? checkCommuneList(sub, setup) : []),
    ...checkUnitCapital(sub, setup),
    ...checkResult(sub, setup),
  ];
}

/** `Thông tin` rules: year and set of the setup, the unit a unit of it (code length by level), its name (W). */
export function checkUnitInfo(sub: UnitSubmission, setup: Setup): Issue[] {
  const issues: Issue[] = [];
  const sheet = SHEETS.info;
  const digits = UNIT_CODE_DIGITS[setup.level];
  const example = UNIT_CODE_EXAMPLE[setup.level];
  if (!new RegExp(`^\\d{${digits}}$`).test(sub.unit)) {
    issues.push(
      makeIssue("info.unit_invalid", { sheet }, { value: `"${sub.unit}"`, year: setup.year, level: setup.level, digits, example }),
    );
  } else {
    const unit = setup.units.find((u) => u.code === sub.unit);
    if (!unit) issues.push(makeIssue("info.unit_unknown", { sheet }, { value: sub.unit, year: setup.year }));
    else if (bareName(sub.unitName) !== bareName(unit.name)) {
      issues.push(makeIssue("info.unit_name_mismatch", { sheet }, { value: sub.unitName, code: unit.code, expected: unit.name }));
    }
  }
  if (!isPlanYear(sub.year)) issues.push(makeIssue("info.year_invalid", { sheet }, { value: String(sub.year) }));
  else if (sub.year !== setup.year) issues.push(makeIssue("info.year_mismatch", { sheet }, { value: sub.year, year: setup.year }));
  if (matchKey(sub.criteriaSet) !== matchKey(setup.criteriaSet.id)) {
    issues.push(
      makeIssue("info.criteria_set_mismatch", { sheet }, { value: sub.criteriaSet, year: setup.year, expected: setup.criteriaSet.id }),
    );
  }
  return issues;
}

/**
 * `Tiêu chí` rules with the set's criteria (commune-rules.ts). In a result submission HT/KH are the
 * plan's, checked when it was submitted: the `plan.*` rules are not run again (result-rules.ts runs).
 */
export function checkUnitCommunes(sub: UnitSubmission, setup: Setup): Issue[] {
  const issues = checkPlanCommunes(sub, setup);
  return sub.round === "result" ? issues.filter((i) => !i.code.startsWith("plan.")) : issues;
}

function checkPlanCommunes(sub: UnitSubmission, setup: Setup): Issue[] {
  const cols = sub.source?.columns;
  const isTarget = labelMatcher(TARGET_LABELS);
  const isDistrictDifficult = labelMatcher(DISTRICT_DIFFICULT_LABELS);
  const isBorder = labelMatcher(BORDER_COMMUNE_LABELS);
  const ntm1Flags = setup.criteriaSet.id === NTM1_FLAGS_SET;
  const unit = setup.units.find((u) => u.code === sub.unit);
  const borderUnit = unit?.attributes[BORDER_DISTRICT_ATTRIBUTE];
  const registered = setup.communes === null ? null : registeredIndex(setup.communes).positionOf;
  return checkCommuneRows(
    sub.communes.map((c) => ({
      code: c.code,
      name: c.name,
      baseline: c.baseline,
      plan: c.plan,
      source: c.source,
      ntmTarget: valueBy(c.flags, isTarget) === true,
      districtDifficult: ntm1Flags && valueBy(c.flags, isDistrictDifficult) === true,
      // The setup decides a registered commune's attributes (checkCommuneList compares them).
      border: valueBy(c.attributes, isBorder) === true && !(registered !== null && registered(c.code) >= 0),
    })),
    {
      criteria: setup.criteriaSet.criteria,
      sheet: sub.source?.criteriaSheet ?? SHEETS.criteria,
      columns: cols && {
        code: cols.code,
        name: cols.name,
        ntmTarget: valueBy(cols.labels, isTarget) ?? null,
        districtDifficult: valueBy(cols.labels, isDistrictDifficult) ?? null,
        border: valueBy(cols.labels, isBorder) ?? null,
        criteria: cols.criteria,
      },
      districtDifficultRequired: ntm1Flags ? DISTRICT_DIFFICULT_REQUIRED : [],
      nonBorderDistrict: unit && borderUnit === false ? unit.name : null,
    },
  );
}

/** `Nguồn vốn` rules on the typed items: each a leaf row of the setup, at most MAX_LINE_THOUSAND. */
export function checkUnitCapital(sub: UnitSubmission, setup: Setup): Issue[] {
  const issues: Issue[] = [];
  const leaves = capitalPlan(setup.capitalRows).leaves;
  const labelOf = new Map(setup.capitalRows.map((r) => [r.stt, r.label]));
  for (const stt of leaves) {
    const amount = sub.capital[stt];
    if (amount !== undefined && amount > MAX_LINE_THOUSAND) {
      issues.push(
        makeIssue(
          "capital.amount_too_large",
          { sheet: SHEETS.capital },
          {
            value: `${formatVnMillion(amount)} ("${labelOf.get(stt)}")`,
            valueEn: `${formatEnMillion(amount)} ("${labelOf.get(stt)}")`,
            max: formatVnMillion(MAX_LINE_THOUSAND),
            maxEn: formatEnMillion(MAX_LINE_THOUSAND),
          },
        ),
      );
    }
  }
  for (const stt of Object.keys(sub.capital)) {
    if (!leaves.includes(stt)) issues.push(makeIssue("capital.key_unknown", { sheet: SHEETS.capital }, { stt, year: setup.year }));
  }
  return issues;
}
