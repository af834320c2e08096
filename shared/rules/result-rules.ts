import type { Issue } from "../result.ts";
import type { Setup } from "../setup/types.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import { capitalPlan } from "../report/capital-rows.ts";
import { MAX_LINE_THOUSAND } from "../money.ts";
import { SHEETS } from "../template/labels.ts";
import { makeIssue } from "../template/messages.ts";
import { formatEnMillion, formatVnMillion } from "../text/vn-number.ts";

/** Where the parser read each disbursed leaf (by STT), so the capital issues point at their cell. */
export type DisbursedCells = Readonly<Record<string, { cell: string; row: number }>>;

/**
 * The rules of a result submission (`round: "result"`, docs/template.md "Biểu kết quả thực hiện"),
 * run by the parser and re-run by the server on a JSON body: TH numbers are criteria of the set,
 * each once (`criterion.number_unknown` / `criterion.number_duplicate`, sub TH); a criterion achieved
 * in HT and not in TH is `result.criterion_lost` (W, at the TH cell); the disbursed items are leaf
 * rows of the setup (`capital.key_unknown`), each at most the line maximum (`capital.amount_too_large`),
 * and one above its plan is `result.disbursed_over_plan` (W). A plan submission has none of these.
 * `skipRows`: rows the parser could not read completely (their rules would only guess).
 */
export function checkResult(
  sub: UnitSubmission,
  setup: Setup,
  where: { disbursedCells?: DisbursedCells; skipRows?: ReadonlySet<number> } = {},
): Issue[] {
  if (sub.round !== "result") return [];
  const issues: Issue[] = [];
  const cols = sub.source?.columns;
  const sheet = sub.source?.criteriaSheet ?? SHEETS.criteria;
  const numbers = setup.criteriaSet.criteria.map((c) => c.number);
  const indexOf = new Map(numbers.map((n, i) => [n, i]));
  const max = Math.max(0, ...numbers);
  for (const c of sub.communes) {
    const row = c.source?.row ?? null;
    if (row !== null && where.skipRows?.has(row)) continue;
    const place = (n: number | null) => {
      const column = n === null ? undefined : cols?.criteria[indexOf.get(n) ?? -1]?.achieved;
      return { sheet: c.source?.sheet ?? sheet, cell: row !== null && column ? `${column}${row}` : null, row, commune: c.code };
    };
    const achieved = c.achieved ?? [];
    const seen = new Set<number>();
    for (const n of achieved) {
      if (!indexOf.has(n)) issues.push(makeIssue("criterion.number_unknown", place(null), { number: n, max }));
      else if (seen.has(n)) issues.push(makeIssue("criterion.number_duplicate", place(null), { number: n, sub: "TH" }));
      seen.add(n);
    }
    for (const n of c.baseline) {
      if (indexOf.has(n) && !seen.has(n)) issues.push(makeIssue("result.criterion_lost", place(n), { code: c.code, number: n }));
    }
  }

  const leaves = capitalPlan(setup.capitalRows).leaves;
  const labelOf = new Map(setup.capitalRows.map((r) => [r.stt, r.label]));
  const disbursed = sub.disbursed ?? {};
  for (const stt of Object.keys(disbursed)) {
    if (!leaves.includes(stt)) issues.push(makeIssue("capital.key_unknown", { sheet: SHEETS.capital }, { stt, year: setup.year }));
  }
  for (const stt of leaves) {
    const amount = disbursed[stt];
    if (amount === undefined) continue;
    const at = { sheet: SHEETS.capital, cell: where.disbursedCells?.[stt]?.cell ?? null, row: where.disbursedCells?.[stt]?.row ?? null };
    const label = labelOf.get(stt) ?? "";
    if (amount > MAX_LINE_THOUSAND) {
      issues.push(
        makeIssue("capital.amount_too_large", at, {
          value: `${formatVnMillion(amount)} ("${label}")`,
          valueEn: `${formatEnMillion(amount)} ("${label}")`,
          max: formatVnMillion(MAX_LINE_THOUSAND),
          maxEn: formatEnMillion(MAX_LINE_THOUSAND),
        }),
      );
      continue;
    }
    const planned = sub.capital[stt] ?? 0;
    if (amount > planned) {
      issues.push(
        makeIssue("result.disbursed_over_plan", at, {
          stt,
          label,
          disbursed: formatVnMillion(amount),
          disbursedEn: formatEnMillion(amount),
          planned: formatVnMillion(planned),
          plannedEn: formatEnMillion(planned),
        }),
      );
    }
  }
  return issues;
}
