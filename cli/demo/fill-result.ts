/**
 * A district's 2018 result template (shared/template/build-result-ntm2.ts: `Kết quả thực hiện`, HT
 * and KH pre-filled from its plan and locked) with TH and the capital `Thực hiện` typed, the way the
 * drop-downs fill it (`Đạt` / `Chưa đạt`, amounts in million VND), then retyped the way a few
 * districts type (RESULT_VARIATIONS, like the plan demo's typing-variations.ts): `Dat` / `Khong`,
 * `1` / `0`, `TRUE` / `FALSE` with amounts as Vietnamese text, `✔` / `-`, NFD text. The live
 * formulas (counts, totals, subtotals) are kept: the parser reads the typed cells only.
 */
import type { Setup } from "../../shared/setup/types.ts";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import { capitalPlan } from "../../shared/report/capital-rows.ts";
import { resultLayout } from "../../shared/template/build-result-criteria.ts";
import { resultTemplate } from "../../shared/template/build-result-ntm2.ts";
import { CRITERION_CHOICES } from "../../shared/template/labels.ts";
import { formatVnMillion } from "../../shared/text/vn-number.ts";
import type { DistrictResult } from "./results-2018.ts";
import { fillPreparer, getCell, setCell } from "./fill-template.ts";

type Mark = string | number | boolean | null;

/** How one district types its result (all optional: the generator's form when empty). */
export type ResultVariation = {
  description: string;
  /** TH achieved / not achieved. */
  yes?: Mark;
  no?: Mark;
  /** `Thực hiện` amounts as Vietnamese text (`1.700.000`, `273.800,5`). */
  textAmounts?: boolean;
  /** Every text in NFD (Unikey/VNI decomposed), sheet names included. */
  nfd?: boolean;
};

export const RESULT_VARIATIONS: Readonly<Record<string, ResultVariation>> = {
  "181": { description: "chữ NFD (Unikey)", nfd: true },
  "182": { description: "TH: Dat / Khong không dấu", yes: "Dat", no: "Khong" },
  "183": { description: "TH: 1 / 0", yes: 1, no: 0 },
  "185": { description: "TH: TRUE / FALSE, số tiền dạng chữ 1.700.000", yes: true, no: false, textAmounts: true },
  "187": { description: "TH: ✔ / -", yes: "✔", no: "-" },
};

export function resultVariationOf(district: string): ResultVariation {
  return RESULT_VARIATIONS[district] ?? { description: "biểu mẫu chuẩn" };
}

/** First data row of the result `Nguồn vốn` and its `Thực hiện` column. */
const CAPITAL_FIRST_ROW = 5;
const DISBURSED_COLUMN = 4;

/** The filled result template of one district under the year's setup, typed with its variation. */
export function fillResult(setup: Setup, r: DistrictResult, v: ResultVariation = resultVariationOf(r.district)): SheetModel[] {
  const built = resultTemplate(setup, r.district, r.plan);
  if (!built.ok) throw new Error(`demo results: ${r.district} is not a unit of the ${setup.year} setup`);
  const [info, criteria, capital] = built.value.sheets as [SheetModel, SheetModel, SheetModel];
  const L = resultLayout(setup, true);
  const numbers = setup.criteriaSet.criteria.map((c) => c.number);
  const [yes, no] = CRITERION_CHOICES;
  fillPreparer(info, r.result);
  r.result.communes.forEach((c, i) => {
    const row = L.firstDataRow + i;
    if (getCell(criteria, row, L.codeColumn) !== c.code) throw new Error(`demo results: row ${row} is not commune ${c.code}`);
    const th = new Set(c.achieved ?? []);
    numbers.forEach((k, j) => {
      const met = th.has(k);
      const mark = met ? (v.yes !== undefined ? v.yes : yes) : v.no !== undefined ? v.no : no;
      setCell(criteria, row, L.firstCriterionColumn + 3 * j + 2, mark);
    });
  });
  const shape = capitalPlan(setup.capitalRows);
  setup.capitalRows.forEach((row, i) => {
    if (!shape.isLeaf[i]) return;
    const t = r.result.disbursed?.[row.stt] ?? 0;
    setCell(capital, CAPITAL_FIRST_ROW + i, DISBURSED_COLUMN, v.textAmounts ? formatVnMillion(t) : t / 1000);
  });
  if (v.textAmounts) {
    capital.numberFormats = capital.numberFormats.filter((x) => x.format !== "#,##0.###");
    capital.decimalValidations = [];
  }
  const sheets = [info, criteria, capital];
  if (v.yes !== undefined || v.no !== undefined) criteria.validations = [];
  if (v.nfd) {
    for (const m of sheets) {
      for (const cells of m.cells) {
        cells.forEach((x, ci) => {
          if (typeof x === "string") cells[ci] = x.normalize("NFD");
        });
      }
      m.name = m.name.normalize("NFD");
      m.validations = m.validations.map((x) => ({ ...x, list: x.list.map((s) => s.normalize("NFD")) }));
    }
  }
  return sheets;
}
