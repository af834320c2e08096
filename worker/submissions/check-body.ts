import type { Issue } from "../../shared/result.ts";
import { checkCommuneList } from "../../shared/rules/commune-list-rules.ts";
import { checkSubmission } from "../../shared/rules/check-submission.ts";
import { checkUnitSubmission } from "../../shared/rules/check-unit-submission.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { fromNtm1, ntm1Reference } from "../../shared/setup/from-ntm1.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { SHEETS } from "../../shared/template/labels.ts";
import { makeIssue } from "../../shared/template/messages.ts";
import { serverIssues } from "./server-issues.ts";

/**
 * Every rule of the templates on a cleaned body under its year's setup, as the parsers apply them
 * (shared/template/read-template.ts), so that the server refuses what a client refuses:
 *  - NTM-2: `checkUnitSubmission` (the unit a unit of the setup, the set's criteria, the commune list);
 *  - NTM-1: the rules of docs/template.md with the setup's districts and set (`ntm1Reference`), the
 *    server's own check of the district (server-issues.ts), and the commune-list rules when the
 *    setup registers communes; `info.version_not_for_setup` where NTM-1 cannot express the setup
 *    (level xã, or a set of other than 19 criteria).
 * For a year 2016-2020 on its built-in setup the NTM-1 checks are exactly those before setups.
 */
export function checkBody(sub: Submission | UnitSubmission, setup: Setup): Issue[] {
  if (sub.templateVersion === "NTM-2") return checkUnitSubmission(sub, setup);
  const reference = ntm1Reference(setup);
  if (reference === null) {
    const size = setup.criteriaSet.criteria.length;
    return [
      makeIssue(
        "info.version_not_for_setup",
        { sheet: SHEETS.info },
        { year: setup.year, level: setup.level, set: setup.criteriaSet.id, size },
      ),
    ];
  }
  const shared = checkSubmission(sub, reference);
  const listed = setup.units.some((u) => u.code === sub.district) ? checkCommuneList(fromNtm1(sub, setup.criteriaSet.id), setup) : [];
  return [...serverIssues(sub, reference, shared), ...shared, ...listed];
}
