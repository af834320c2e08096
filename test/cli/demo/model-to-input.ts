import type { SheetInput } from "../../../shared/template/input.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { isFormula } from "../../../shared/template/sheet-model.ts";

/** A SheetModel as Excel's Range.values would give it before any recalculation (formulas read ""). */
export function modelToInput(m: SheetModel): SheetInput {
  const width = Math.max(1, ...m.cells.map((r) => r.length));
  const values = m.cells.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i];
      return v === null || v === undefined || isFormula(v) ? "" : v;
    }),
  );
  return { name: m.name, address: "A1", values };
}
