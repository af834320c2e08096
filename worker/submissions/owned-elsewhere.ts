import type { Issue } from "../../shared/result.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { SHEETS } from "../../shared/template/labels.ts";
import { makeIssue } from "../../shared/template/messages.ts";
import type { OwnerRow } from "../db/submissions.ts";

/**
 * `commune.owned_elsewhere` issues: one per commune of `sub` (either template version) whose code
 * another unit's latest revision of the year holds, naming that unit with its name in the year's
 * setup (`nameOf`) when it has one; pointing at the `Mã xã` cell when the client sent source
 * rows/columns.
 */
export function ownedElsewhereIssues(
  sub: Submission | UnitSubmission,
  owners: readonly OwnerRow[],
  nameOf: (unit: string) => string | null,
): Issue[] {
  const byCode = new Map(owners.map((o) => [o.code, o]));
  const issues: Issue[] = [];
  for (const c of sub.communes) {
    const owner = byCode.get(c.code);
    if (!owner) continue;
    const row = c.source?.row ?? null;
    const column = sub.source?.columns.code ?? null;
    const name = nameOf(owner.unit);
    issues.push(
      makeIssue(
        "commune.owned_elsewhere",
        {
          sheet: c.source?.sheet ?? sub.source?.criteriaSheet ?? SHEETS.criteria,
          cell: row !== null && column !== null ? `${column}${row}` : null,
          row,
          commune: c.code,
        },
        { code: c.code, district: name ? `${owner.unit} (${name})` : owner.unit, year: sub.year },
      ),
    );
  }
  return issues;
}
