import type { Result } from "../result.ts";
import type { Setup, SetupUnit } from "../setup/types.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import type { SheetModel } from "./sheet-model.ts";
import type { UnitTemplate } from "./build-template-ntm2.ts";
import { fromNtm1 } from "../setup/from-ntm1.ts";
import { fillRows, put } from "./build-template.ts";
import { NTM2_INFO_ROWS, buildCapitalSheet, buildNtm2InfoSheet } from "./build-template-ntm2.ts";
import { buildResultCriteriaSheet } from "./build-result-criteria.ts";
import { CAPITAL_COLUMNS, UNIT_MILLION } from "./labels.ts";
import { makeIssue } from "./messages.ts";
import { NTM2_VERSION } from "./ntm2-columns.ts";
import { DISBURSED_PREFIX, RESULT_KIND, ROUND_KEY } from "./result-labels.ts";
import { fitRowHeights } from "./row-height.ts";

/** The row of `Loại biểu` on the result `Thông tin`: after the NTM-2 rows. */
export const ROUND_ROW = 3 + NTM2_INFO_ROWS.length;

/** `Thông tin` of the result template: the NTM-2 rows, then `Loại biểu` = `Kết quả thực hiện` (locked). */
export function buildResultInfoSheet(setup: Setup, unit: SetupUnit): SheetModel {
  const m = buildNtm2InfoSheet(setup, unit);
  put(m, 1, 1, "THÔNG TIN BIỂU MẪU KẾT QUẢ THỰC HIỆN XÂY DỰNG NÔNG THÔN MỚI");
  put(m, ROUND_ROW, 1, ROUND_KEY[0]);
  put(m, ROUND_ROW, 2, RESULT_KIND[0]);
  m.styles.push({ range: `A${ROUND_ROW}`, style: "header" }, { range: `B${ROUND_ROW}`, style: "computed" });
  m.numberFormats.push({ range: `B${ROUND_ROW}`, format: "@" });
  m.rowHeights = fitRowHeights(m, [1]);
  fillRows(m);
  return m;
}

/** Thousand VND → million VND as typed in the template (exact to the thousand). */
const million = (thousand: number) => Math.round(thousand) / 1000;

/**
 * `Nguồn vốn` of the result template: the plan amounts (million VND) pre-filled and locked, a
 * column `Thực hiện (triệu đồng)` beside them to fill; rows with sub-rows and the total are formulas
 * in both. Without a plan the plan column is empty (locked).
 */
export function buildResultCapitalSheet(setup: Setup, unit: SetupUnit, plan: UnitSubmission | null): SheetModel {
  return buildCapitalSheet(setup, unit, `KẾT QUẢ THỰC HIỆN VỐN CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI NĂM ${setup.year}`, [
    {
      header: `${CAPITAL_COLUMNS.amountPrefix} năm ${setup.year} (${UNIT_MILLION})`,
      leaf: (stt) => {
        const amount = plan?.capital[stt];
        return amount === undefined ? null : million(amount);
      },
      typed: false,
    },
    {
      header: `${DISBURSED_PREFIX} (${UNIT_MILLION})`,
      leaf: () => null,
      typed: true,
      prompt: `Số tiền đã thực hiện (${UNIT_MILLION}), không âm`,
    },
  ]);
}

/** A stored or read plan in the general shape: an NTM-1 plan (a built-in year) is brought to it first. */
export function planInGeneralShape(plan: Submission | UnitSubmission | null, setup: Pick<Setup, "criteriaSet">): UnitSubmission | null {
  if (plan === null) return null;
  return plan.templateVersion === "NTM-2" ? plan : fromNtm1(plan, setup.criteriaSet.id);
}

/**
 * The result template (`Kết quả thực hiện`) of one unit of the setup, always the NTM-2 layout (also
 * for a built-in year), from the unit's plan (accepted, else latest; null = none stored): HT/KH
 * and the plan amounts pre-filled and locked, TH and `Thực hiện` to fill. A code that is not a unit
 * of the setup is `info.unit_unknown`.
 */
export function resultTemplate(
  setup: Setup,
  unitCode: string,
  plan: Submission | UnitSubmission | null,
  blankRows?: number,
): Result<UnitTemplate> {
  const code = unitCode.trim();
  const unit = setup.units.find((u) => u.code === code);
  if (!unit) return { ok: false, issues: [makeIssue("info.unit_unknown", {}, { value: code, year: setup.year })] };
  const general = planInGeneralShape(plan, setup);
  const sheets = [
    buildResultInfoSheet(setup, unit),
    buildResultCriteriaSheet(setup, unit, general, blankRows),
    buildResultCapitalSheet(setup, unit, general),
  ];
  return { ok: true, value: { version: NTM2_VERSION, unit, sheets }, warnings: [] };
}
