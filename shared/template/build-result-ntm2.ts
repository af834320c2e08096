import type { Result } from "../result.ts";
import type { Setup, SetupUnit } from "../setup/types.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import type { SheetModel } from "./sheet-model.ts";
import type { UnitTemplate } from "./build-template-ntm2.ts";
import { capitalPlan } from "../report/capital-rows.ts";
import { fromNtm1 } from "../setup/from-ntm1.ts";
import { ALLOW, emptyModel, fillRows, put } from "./build-template.ts";
import { NTM2_INFO_ROWS, buildNtm2InfoSheet } from "./build-template-ntm2.ts";
import { buildResultCriteriaSheet } from "./build-result-criteria.ts";
import { CAPITAL_COLUMNS, SHEETS, UNIT_MILLION } from "./labels.ts";
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
  const m = emptyModel(SHEETS.capital);
  const h = 4;
  const first = 5;
  const shape = capitalPlan(setup.capitalRows);
  const rows = setup.capitalRows;
  put(m, 1, 1, `KẾT QUẢ THỰC HIỆN VỐN CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI NĂM ${setup.year}`);
  put(m, 2, 1, `Đơn vị: ${unit.name} (mã ${unit.code}) - Đơn vị tính: ${UNIT_MILLION}`);
  m.merges.push("A1:E1", "A2:E2");
  put(m, h, 1, CAPITAL_COLUMNS.stt);
  put(m, h, 2, CAPITAL_COLUMNS.source);
  put(m, h, 3, `${CAPITAL_COLUMNS.amountPrefix} năm ${setup.year} (${UNIT_MILLION})`);
  put(m, h, 4, `${DISBURSED_PREFIX} (${UNIT_MILLION})`);
  put(m, h, 5, CAPITAL_COLUMNS.note);
  const rowOf = new Map(rows.map((r, i) => [r.stt, first + i]));
  const planLeaves: string[] = [];
  const doneLeaves: string[] = [];
  rows.forEach((r, i) => {
    const row = first + i;
    put(m, row, 1, r.stt);
    put(m, row, 2, r.label);
    if (shape.isLeaf[i]) {
      const amount = plan?.capital[r.stt];
      put(m, row, 3, amount === undefined ? null : million(amount));
      put(m, row, 4, null);
      planLeaves.push(`C${row}`);
      doneLeaves.push(`D${row}`);
    } else {
      const parts = (col: string) => shape.leafIndexes[i]!.map((j) => `${col}${rowOf.get(shape.leaves[j]!)}`).join("+");
      put(m, row, 3, { formula: `=${parts("C")}` });
      put(m, row, 4, { formula: `=${parts("D")}` });
      m.styles.push({ range: `A${row}:E${row}`, style: "computed" });
    }
    put(m, row, 5, null);
  });
  const totalRow = first + rows.length;
  const top = rows.filter((r) => !rows.some((o) => o !== r && r.stt.startsWith(`${o.stt}.`))).map((r) => rowOf.get(r.stt)!);
  put(m, totalRow, 1, null);
  put(m, totalRow, 2, "Tổng cộng");
  for (const [c, col] of [
    [3, "C"],
    [4, "D"],
  ] as const) {
    put(m, totalRow, c, top.length > 0 ? { formula: `=${top.map((r) => `${col}${r}`).join("+")}` } : 0);
  }
  put(m, totalRow, 5, null);
  m.columnWidths = [6, 55, 22, 22, 30];
  m.styles.unshift(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: `A${h}:E${h}`, style: "header" },
    ...doneLeaves.map((a) => ({ range: a, style: "input" as const })),
    { range: `E${first}:E${totalRow}`, style: "input" },
  );
  m.styles.push({ range: `A${totalRow}:E${totalRow}`, style: "total" });
  m.numberFormats.push({ range: `A${first}:A${totalRow}`, format: "@" }, { range: `C${first}:D${totalRow}`, format: "#,##0.###" });
  m.decimalValidations.push(...doneLeaves.map((range) => ({ range, prompt: `Số tiền đã thực hiện (${UNIT_MILLION}), không âm` })));
  m.freeze = { rows: h, columns: 0 };
  m.protection = { unlocked: [...doneLeaves, `E${first}:E${totalRow}`], allow: ALLOW };
  m.print = { orientation: "portrait", repeatRows: `${h}:${h}` };
  m.rowHeights = fitRowHeights(m, [1, 2, h]);
  fillRows(m);
  return m;
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
