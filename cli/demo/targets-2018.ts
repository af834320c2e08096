/**
 * The 2018 targets of the demo (cycle.md "Targets"): the seed's stated figures (docs/domain.md,
 * plan 42/KH-UBND), entered as the province's targets in a `Chỉ tiêu` workbook
 * (shared/targets/build-workbook.ts): 48 NTM communes, the five bands, criteria 2-19 (criterion 1
 * is not stated), the capital total 2,526,400 and every source, million VND. The eleven demo plans
 * meet every one with gap 0.
 */
import type { Setup } from "../../shared/setup/types.ts";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { Targets } from "../../shared/targets/schema.ts";
import { buildTargetsWorkbook } from "../../shared/targets/build-workbook.ts";
import { CAPITAL_2018_MILLION, CRITERIA_2018, DEMO_YEAR } from "./plan-2018.ts";

/** docs/domain.md "The 2018 provincial plan figures": communes per band. */
export const BANDS_2018: Readonly<Record<string, number>> = { "19": 48, "15-18": 2, "10-14": 29, "5-9": 128, "<5": 0 };

export function targets2018(): Targets {
  const c = CAPITAL_2018_MILLION;
  const direct = c.central + c.local;
  const total = direct + c.integrated + c.enterprise + c.credit + c.community + c.other;
  const province: Record<string, number> = { ntm: BANDS_2018["19"]! };
  for (const [band, n] of Object.entries(BANDS_2018)) province[`band:${band}`] = n;
  // Criterion 1 is not stated by the plan (plan-2018.ts chose it): no target.
  CRITERIA_2018.forEach((x, i) => {
    if (i > 0) province[`criterion:${i + 1}`] = x.plan;
  });
  Object.assign(province, {
    "capital:total": total,
    "capital:1": direct,
    "capital:1.1": c.central,
    "capital:1.2": c.local,
    "capital:2": c.integrated,
    "capital:3": c.enterprise,
    "capital:4": c.credit,
    "capital:5": c.community,
    "capital:6": c.other,
  });
  return { year: DEMO_YEAR, province, units: {} };
}

/** The filled `Chỉ tiêu` workbook of 2018 (`ntm targets apply` takes it). */
export function targetsWorkbook2018(setup: Setup): SheetModel[] {
  return buildTargetsWorkbook(setup, targets2018());
}
