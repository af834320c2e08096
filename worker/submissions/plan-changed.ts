import type { Issue } from "../../shared/result.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { SHEETS } from "../../shared/template/labels.ts";
import { makeIssue } from "../../shared/template/messages.ts";
import type { PlanToCompare } from "../db/submissions.ts";
import { criteriaToBits } from "./commune-bits.ts";

const hasBit = (bits: number, n: number): boolean => Math.floor(bits / 2 ** (n - 1)) % 2 === 1;
const said = (on: boolean) => (on ? { vi: `"Đạt"`, en: `"Đạt" (achieved)` } : { vi: `"Chưa đạt"`, en: `"Chưa đạt" (not achieved)` });

/**
 * The server's comparison of a result with the unit's plan (docs/cycle.md "Rounds"): HT and KH of a
 * result are the plan's (pre-filled and locked in the template), so each criterion of the set whose
 * HT or KH differs from the plan's is a warning `result.plan_changed` at that cell of `Tiêu chí` (the
 * HT or KH column of the criterion on the commune's row, when the body says where they were read),
 * else at the commune's row. A commune the plan does not have compares with an empty plan row
 * (every criterion `Chưa đạt`). `plan` null (the unit has no plan of the year): one warning
 * `result.no_plan`.
 */
export function planChangedIssues(sub: UnitSubmission, setup: Setup, plan: PlanToCompare | null): Issue[] {
  if (plan === null) return [makeIssue("result.no_plan", { sheet: SHEETS.info }, { unit: sub.unit, year: sub.year })];
  const { revision } = plan;
  const planned = new Map(plan.communes.map((r) => [r.code, r]));
  const sheet = sub.source?.criteriaSheet ?? SHEETS.criteria;
  const columns = sub.source?.columns.criteria;
  const issues: Issue[] = [];
  for (const c of sub.communes) {
    const p = planned.get(c.code);
    const typed = { HT: criteriaToBits(c.baseline), KH: criteriaToBits(c.plan) };
    const expected = { HT: p?.ht ?? 0, KH: p?.kh ?? 0 };
    const row = c.source?.row ?? null;
    for (const criterion of setup.criteriaSet.criteria) {
      const n = criterion.number;
      for (const sub of ["HT", "KH"] as const) {
        const value = hasBit(typed[sub], n);
        const before = hasBit(expected[sub], n);
        if (value === before) continue;
        const col = columns?.[n - 1]?.[sub === "HT" ? "baseline" : "plan"];
        const cell = col !== undefined && row !== null ? `${col}${row}` : null;
        const v = said(value);
        const e = said(before);
        issues.push(
          makeIssue(
            "result.plan_changed",
            { sheet, cell, row, commune: c.code },
            { code: c.code, sub, number: n, value: v.vi, valueEn: v.en, expected: e.vi, expectedEn: e.en, revision },
          ),
        );
      }
    }
  }
  return issues;
}
