import type { Setup, SetupUnit } from "../setup/types.ts";
import type { UnitCommune, UnitSubmission } from "../schemas/unit-submission.ts";
import type { SheetModel } from "./sheet-model.ts";
import type { Ntm2Layout } from "./criteria-grid.ts";
import { matchKey } from "../text/match.ts";
import { rangeAddress } from "./a1.ts";
import { ALLOW, emptyModel, fillRows, put } from "./build-template.ts";
import { unitCommunes } from "./build-criteria-ntm2.ts";
import {
  criterionValidation,
  gridWidths,
  markValidations,
  ntm2Layout,
  putCommuneRow,
  putGridHeader,
  putHeading,
  putRowCounts,
  putTotalRow,
  unitLine,
} from "./criteria-grid.ts";
import { CRITERION_CHOICES, FLAG_CHOICES, SHEETS, SUB_COLUMNS } from "./labels.ts";
import { ntm2Columns } from "./ntm2-columns.ts";
import { ACHIEVED_SUB, NO_PLAN_NOTE } from "./result-labels.ts";
import { fitRowHeights } from "./row-height.ts";

/** Where things are on the generated result `Tiêu chí`: HT, KH, TH under each criterion and under the count. */
export type ResultLayout = Ntm2Layout;

/** The NTM-2 layout with three sub-columns; the header at row 5 when there is no plan (row 4 is the note saying so). */
export function resultLayout(setup: Setup, hasPlan: boolean): ResultLayout {
  return ntm2Layout(ntm2Columns(setup), setup.criteriaSet.criteria.length, 3, hasPlan ? 4 : 5);
}

/** A commune row of the result template: from the plan, or from the setup's list (HT/KH empty). */
type Row = { code: string; name: string; group: number | null; marks: Record<string, boolean>; baseline: number[]; plan: number[] };

function rowsOf(setup: Setup, unit: SetupUnit, plan: UnitSubmission | null): Row[] | null {
  if (plan) {
    return plan.communes.map((c: UnitCommune) => ({
      code: c.code,
      name: c.name,
      group: c.group,
      marks: { ...c.attributes, ...c.flags },
      baseline: c.baseline,
      plan: c.plan,
    }));
  }
  const listed = unitCommunes(setup, unit.code);
  return listed === null
    ? null
    : listed.map((c) => ({ code: c.code, name: c.name, group: c.group, marks: { ...c.attributes }, baseline: [], plan: [] }));
}

/** A yes/no mark by the column's accepted labels (a plan of NTM-1 names `Xã biên giới` its own way). */
function markOf(marks: Record<string, boolean>, labels: readonly string[]): boolean {
  const keys = new Set(labels.map(matchKey));
  return Object.entries(marks).some(([k, v]) => v && keys.has(matchKey(k)));
}

/**
 * `Tiêu chí` of the result template (docs/template.md "Biểu kết quả thực hiện"): under each
 * criterion label HT, KH (pre-filled from the unit's plan, locked) and TH (to fill, the drop-down of
 * KH); the commune rows are the plan's (else the setup's list for the unit, else blank rows), their
 * code, name, group and marks locked as the NTM-2 template locks pre-filled communes. Without a
 * plan, row 4 says so and HT/KH stay empty.
 */
export function buildResultCriteriaSheet(setup: Setup, unit: SetupUnit, plan: UnitSubmission | null, blankRows = 30): SheetModel {
  const m = emptyModel(SHEETS.criteria);
  const columns = ntm2Columns(setup);
  const crit = setup.criteriaSet.criteria;
  const L = resultLayout(setup, plan !== null);
  const rows = rowsOf(setup, unit, plan);
  const dataRows = Math.max(rows === null ? blankRows : rows.length, 1);
  const { headerRow: h1, firstDataRow: first, countColumn: countCol } = L;
  const h2 = h1 + 1;
  const last = first + dataRows - 1;
  const totalRow = last + 1;
  const lastCol = countCol + 2;
  const htCol = (i: number) => L.firstCriterionColumn + 3 * i;
  const year = setup.year;

  putHeading(
    m,
    lastCol,
    `BIỂU KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM ${year}`,
    unitLine(setup, unit),
    `HT: đạt đến 31/12/${year - 1}; KH: kế hoạch đạt đến 31/12/${year}; TH: thực tế đạt đến 31/12/${year} (lũy kế, cả tiêu chí đã đạt). ` +
      `HT, KH lấy từ kế hoạch của đơn vị (không sửa). Ở cột TH chọn "Đạt" hoặc "Chưa đạt".`,
  );
  if (!plan) {
    put(m, 4, 1, NO_PLAN_NOTE);
    m.merges.push(rangeAddress(4, 1, 4, lastCol));
    m.styles.push({ range: "A4", style: "note" });
  }
  putGridHeader(m, L, columns, crit, [SUB_COLUMNS.baseline[0], SUB_COLUMNS.plan[0], ACHIEVED_SUB[0]]);

  const yesNo = (has: boolean) => (has ? CRITERION_CHOICES[0] : CRITERION_CHOICES[1]);
  for (let r = first; r <= last; r++) {
    const i = r - first;
    const row = rows?.[i];
    putCommuneRow(m, L, r, i, row);
    if (row) {
      columns.marks.forEach((c, j) => {
        if (markOf(row.marks, c.labels)) put(m, r, L.markColumns[j]!, FLAG_CHOICES[0]);
      });
      if (plan) {
        crit.forEach((c, k) => {
          put(m, r, htCol(k), yesNo(row.baseline.includes(c.number)));
          put(m, r, htCol(k) + 1, yesNo(row.plan.includes(c.number)));
        });
      }
    }
    putRowCounts(m, L, crit, 3, r);
  }
  putTotalRow(m, L, crit, 3, first, last);

  m.columnWidths = gridWidths(L, crit, 3);
  // Typed by the unit: TH always; code..marks only on blank rows (no plan, no commune list).
  const thCells = crit.map((_, k) => rangeAddress(first, htCol(k) + 2, last, htCol(k) + 2));
  const blank = rows === null;
  m.styles.push(
    { range: rangeAddress(h1, 1, h2, lastCol), style: "header" },
    { range: rangeAddress(first, 2, last, countCol - 1), style: "computed" },
    ...(blank ? [{ range: rangeAddress(first, 1, last, L.firstCriterionColumn - 1), style: "input" as const }] : []),
    ...thCells.map((range) => ({ range, style: "input" as const })),
    { range: rangeAddress(first, countCol, last, lastCol), style: "computed" },
    { range: rangeAddress(totalRow, 1, totalRow, lastCol), style: "total" },
  );
  m.numberFormats.push({ range: rangeAddress(first, L.codeColumn, last, L.codeColumn), format: "@" });
  markValidations(m, L, first, last, blank ? (L.markColumns[0] ?? L.firstCriterionColumn) : L.firstCriterionColumn, blank);
  for (const range of thCells) m.validations.push(criterionValidation(range));
  m.freeze = { rows: h2, columns: 3 };
  const unlocked = blank ? [rangeAddress(first, 1, last, L.firstCriterionColumn - 1), ...thCells] : thCells;
  m.protection = { unlocked, allow: ALLOW };
  m.print = { orientation: "landscape", repeatRows: `${h1}:${h2}` };
  m.rowHeights = fitRowHeights(m, [1, 2, 3, ...(plan ? [] : [4]), h1, h2]);
  fillRows(m);
  return m;
}
