/**
 * A filled NTM-2 workbook as Excel's `Range.values` gives it, built in memory (no exceljs): the
 * generated template of one unit of a setup (shared/template/build-template-ntm2.ts) with its
 * pre-filled communes, then typed like a unit would: HT/KH of every criterion, the plan flags, the
 * counts and totals Excel would show, the capital amounts (million VND, one decimal).
 */
import { seededRandom } from "../cli/demo/plan-2018.ts";
import type { Setup } from "../shared/setup/types.ts";
import { ntm2Layout } from "../shared/template/build-criteria-ntm2.ts";
import { buildNtm2Template } from "../shared/template/build-template-ntm2.ts";
import type { SheetInput } from "../shared/template/input.ts";
import { SHEETS } from "../shared/template/labels.ts";
import { ntm2Columns } from "../shared/template/ntm2-columns.ts";
import { isFormula } from "../shared/template/sheet-model.ts";
import type { CellSpec } from "../shared/template/sheet-model.ts";

type Cell = string | number | boolean;

/** The template's cells as values: formulas kept aside (null here, evaluated where Excel would show a number). */
function gridOf(cells: readonly CellSpec[][]): { values: Cell[][]; formulas: Map<string, string> } {
  const width = Math.max(1, ...cells.map((r) => r.length));
  const formulas = new Map<string, string>();
  const values = cells.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      const spec = row[c];
      if (isFormula(spec)) {
        formulas.set(`${r},${c}`, spec.formula);
        return "";
      }
      return spec ?? "";
    }),
  );
  return { values, formulas };
}

/** The NTM-2 workbook of `unitCode` in `setup`, every pre-filled commune typed; `seed` varies the answers. */
export function filledNtm2Workbook(setup: Setup, unitCode: string, seed = 1): SheetInput[] {
  const unit = setup.units.find((u) => u.code === unitCode);
  if (!unit) throw new Error(`no unit ${unitCode} in the bench setup`);
  const columns = ntm2Columns(setup);
  const n = setup.criteriaSet.criteria.length;
  const L = ntm2Layout(columns, n);
  const communes = (setup.communes ?? []).filter((c) => c.unit === unitCode).length;
  const rand = seededRandom(seed);
  const flagColumns = columns.marks.flatMap((m, i) => (m.kind === "flag" ? [L.markColumns[i]! - 1] : []));
  const c0 = L.firstCriterionColumn - 1;

  return buildNtm2Template(setup, unit).map((m) => {
    const { values, formulas } = gridOf(m.cells);
    if (m.name === SHEETS.criteria) {
      for (let i = 0; i < communes; i++) {
        const row = values[L.firstDataRow - 1 + i]!;
        const level = Math.floor(rand() * (n + 1));
        let ht = 0;
        let kh = 0;
        for (let k = 0; k < n; k++) {
          const base = k < level;
          const plan = base || rand() < 0.2;
          row[c0 + 2 * k] = base ? "Đạt" : "Chưa đạt";
          row[c0 + 2 * k + 1] = plan ? "Đạt" : "Chưa đạt";
          if (base) ht++;
          if (plan) kh++;
        }
        row[L.countColumn - 1] = ht;
        row[L.countColumn] = kh;
        // `Phấn đấu đạt chuẩn NTM` where the plan meets every criterion, the province's flag now and then.
        if (flagColumns[0] !== undefined && kh === n && ht < n) row[flagColumns[0]] = "x";
        if (flagColumns[1] !== undefined && rand() < 0.05) row[flagColumns[1]] = "x";
      }
    }
    if (m.name === SHEETS.capital) {
      // Leaves: amounts in tenths of a million; a row with sub-rows and the total show their sums.
      const tenths = new Map<number, number>();
      values.forEach((row, r) => {
        if (formulas.has(`${r},2`) || typeof row[0] !== "string" || !/^\d+(\.\d+)?$/.test(row[0])) return;
        const t = Math.round(rand() * 1e6);
        tenths.set(r, t);
        row[2] = t / 10;
      });
      values.forEach((row, r) => {
        const f = formulas.get(`${r},2`);
        if (f === undefined) return;
        const sum = [...f.matchAll(/C(\d+)/g)].reduce((a, ref) => a + (tenths.get(Number(ref[1]) - 1) ?? 0), 0);
        tenths.set(r, sum);
        row[2] = sum / 10;
      });
    }
    // The counts of the `Tổng cộng` row are left "" (the parser recomputes every count).
    return { name: m.name, address: "A1", values };
  });
}

/** Cells of a workbook (rows × columns of each grid). */
export const cellCount = (sheets: readonly SheetInput[]) => sheets.reduce((a, s) => a + s.values.reduce((b, r) => b + r.length, 0), 0);
