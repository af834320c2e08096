import type { Setup } from "../../shared/setup/types.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { FilledTemplate } from "./fill-template.ts";
import { CAPITAL_TOTAL_LABEL, capitalAmounts, capitalPlan } from "../../shared/report/capital-rows.ts";
import { buildNtm2Template } from "../../shared/template/build-template-ntm2.ts";
import { ntm2Layout } from "../../shared/template/build-criteria-ntm2.ts";
import { ntm2Columns } from "../../shared/template/ntm2-columns.ts";
import { fillCommunes, fillPreparer, setCell } from "./fill-template.ts";

/** First data row of `Nguồn vốn` in the generated templates (NTM-1 and NTM-2 alike). */
const CAPITAL_FIRST_ROW = 5;

/**
 * The NTM-2 template of a unit (shared/template/build-template-ntm2.ts) filled with its submission
 * the way the drop-downs fill it (`Đạt` / `Chưa đạt`, marks `x`, amounts in million VND), and
 * where everything is, for the typing variations. With a registered commune list the rows are the
 * list's, pre-filled: the submission's communes must be those, in the list's order (planForSetup's
 * are); without one the code, name, group and attributes are typed too.
 */
export function fillNtm2(setup: Setup, sub: UnitSubmission): FilledTemplate {
  const unit = setup.units.find((u) => u.code === sub.unit);
  if (!unit) throw new Error(`${sub.unit} is not a unit of the ${setup.year} setup`);
  const sheets = buildNtm2Template(setup, unit, sub.communes.length);
  const [info, criteria, capital] = sheets as [SheetModel, SheetModel, SheetModel];
  const columns = ntm2Columns(setup);
  const numbers = setup.criteriaSet.criteria.map((c) => c.number);
  const L = ntm2Layout(columns, numbers.length);
  const indexOf = new Map(numbers.map((k, i) => [k, i]));
  const col = (k: number) => L.firstCriterionColumn + 2 * (indexOf.get(k) ?? 0);
  const plan = capitalPlan(setup.capitalRows);
  const amounts = capitalAmounts(plan, sub.capital);
  const filled: FilledTemplate = {
    sheets,
    layout: {
      headerRow: L.headerRow,
      communeRow: (i) => L.firstDataRow + i,
      baselineColumn: col,
      planColumn: (k) => col(k) + 1,
      markColumns: L.markColumns,
      codeColumn: L.codeColumn,
      nameColumn: L.nameColumn,
      countColumn: L.countColumn,
      totalRow: L.firstDataRow + Math.max(sub.communes.length, 1),
    },
    criteria: numbers,
    communes: sub.communes.map((c) => ({
      code: c.code,
      baseline: c.baseline,
      plan: c.plan,
      marks: columns.marks.map((m) => (m.kind === "attribute" ? c.attributes[m.label] : c.flags[m.label]) === true),
    })),
    capital: [
      ...setup.capitalRows.map((r, i) => ({
        row: CAPITAL_FIRST_ROW + i,
        stt: r.stt,
        label: r.label,
        thousand: amounts[r.stt] ?? 0,
        sum: !plan.isLeaf[i],
      })),
      { row: CAPITAL_FIRST_ROW + setup.capitalRows.length, stt: null, label: CAPITAL_TOTAL_LABEL, thousand: amounts.total ?? 0, sum: true },
    ],
  };
  fillPreparer(info, sub);
  sub.communes.forEach((c, i) => {
    const r = L.firstDataRow + i;
    if (setup.communes !== null) {
      if (criteria.cells[r - 1]?.[L.codeColumn - 1] !== c.code) throw new Error(`row ${r} is not commune ${c.code}`);
      return;
    }
    setCell(criteria, r, L.codeColumn, c.code);
    setCell(criteria, r, L.nameColumn, c.name);
    if (L.groupColumn !== null) setCell(criteria, r, L.groupColumn, c.group);
  });
  fillCommunes(criteria, filled);
  for (const row of filled.capital) if (!row.sum) setCell(capital, row.row, 3, row.thousand / 1000);
  return filled;
}
