import type { Setup } from "../../../shared/setup/types.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { resultLayout } from "../../../shared/template/build-result-criteria.ts";
import { put } from "../../../shared/template/build-template.ts";
import { ADVANCED, BORDER, upTo } from "./ntm2-fixtures.ts";

/**
 * The plan of 06004 Đoàn Kết (XA_2027) that the result tests start from: group 2, not border,
 * `NTM nâng cao`; HT 1-6, KH 1-8; capital 1.1 1,200 / 1.2 300.5 / 2 450 / 3 20 million VND.
 */
export const PLAN_06004: UnitSubmission = {
  templateVersion: "NTM-2",
  unit: "06004",
  unitName: "Xã Đoàn Kết",
  year: 2027,
  criteriaSet: "2026-2030",
  preparedBy: "Lò Thị Mai",
  phone: null,
  preparedOn: null,
  communes: [
    {
      code: "06004",
      name: "Đoàn Kết",
      group: 2,
      attributes: { [BORDER]: false },
      flags: { "Phấn đấu đạt chuẩn NTM": false, [ADVANCED]: true },
      baseline: upTo(6),
      plan: upTo(8),
    },
  ],
  capital: { "1.1": 1_200_000, "1.2": 300_500, "2": 450_000, "3": 20_000 },
};

/** Grid column (1-based) of criterion k's HT, KH or TH on the generated result `Tiêu chí`. */
export function resultColumn(setup: Setup, k: number, sub: "HT" | "KH" | "TH", hasPlan = true): number {
  return resultLayout(setup, hasPlan).firstCriterionColumn + 3 * (k - 1) + ["HT", "KH", "TH"].indexOf(sub);
}

/** Types TH (criteria `th` Đạt, the rest Chưa đạt) on data row i and disbursed amounts (million VND, by row of `Nguồn vốn`). */
export function fillResult(
  setup: Setup,
  sheets: SheetModel[],
  rows: readonly (readonly number[])[],
  disbursed: Record<number, unknown> = {},
  hasPlan = true,
): void {
  const L = resultLayout(setup, hasPlan);
  rows.forEach((th, i) => {
    for (const c of setup.criteriaSet.criteria)
      put(sheets[1]!, L.firstDataRow + i, resultColumn(setup, c.number, "TH", hasPlan), th.includes(c.number) ? "Đạt" : "Chưa đạt");
  });
  for (const [row, v] of Object.entries(disbursed)) put(sheets[2]!, Number(row), 4, v as never);
}

/** An NTM-1 plan of Cao Lộc (183) for 2018 with one commune, Tân Liên (06148), a border commune. */
export function caoLocPlan2018(o: { ntmTarget: boolean; baseline: number[]; plan: number[]; local: number }): Submission {
  return {
    templateVersion: "NTM-1",
    district: "183",
    districtName: "Huyện Cao Lộc",
    year: 2018,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes: [
      {
        code: "06148",
        name: "Xã Tân Liên",
        flags: { border: true, pilotDifficult: false, ntmTarget: o.ntmTarget, districtDifficult: false },
        baseline: o.baseline,
        plan: o.plan,
      },
    ],
    capital: { central: 1_000_000, local: o.local, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
  };
}
