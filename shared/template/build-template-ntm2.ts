import type { Result } from "../result.ts";
import type { Setup, SetupUnit } from "../setup/types.ts";
import type { CellSpec, SheetModel } from "./sheet-model.ts";
import { CRITERIA_NTM1 } from "../reference/criteria.ts";
import { capitalPlan } from "../report/capital-rows.ts";
import { columnLetter } from "./a1.ts";
import { ALLOW, buildTemplate, emptyModel, fillRows, put } from "./build-template.ts";
import { buildNtm2CriteriaSheet, prefillSentence } from "./build-criteria-ntm2.ts";
import type { HtPrefill } from "./build-criteria-ntm2.ts";
import { CAPITAL_COLUMNS, SHEETS, UNIT_MILLION } from "./labels.ts";
import { makeIssue } from "./messages.ts";
import { NTM2_VERSION, UNIT_INFO_KEYS } from "./ntm2-columns.ts";
import { fitRowHeights } from "./row-height.ts";

/** Rows of the generated `Thông tin` of NTM-2: key in A, value in B, from row 3. */
export const NTM2_INFO_ROWS = [
  "unitCode",
  "unitName",
  "year",
  "criteriaSet",
  "preparedBy",
  "phone",
  "preparedOn",
  "templateVersion",
] as const;
/** The unit's preparer rows: the only values of `Thông tin` a unit types. */
const TYPED_INFO = new Set<string>(["preparedBy", "phone", "preparedOn"]);

/** The label of the carry-over notes on `Thông tin` (not a key the parser reads). */
export const PREFILL_NOTES_LABEL = "Ghi chú HT";

/**
 * `Thông tin` of NTM-2: the unit, year and criteria set (locked), the preparer keys to fill. With a
 * carry-over pre-fill: from row 12, `Ghi chú HT` in A and in B the sentence of `Tiêu chí` row 3,
 * then one note a row (shared/cycle/carry-over.ts).
 */
export function buildNtm2InfoSheet(setup: Setup, unit: SetupUnit, prefill?: HtPrefill): SheetModel {
  const m = emptyModel(SHEETS.info);
  put(m, 1, 1, "THÔNG TIN BIỂU MẪU KẾ HOẠCH XÂY DỰNG NÔNG THÔN MỚI");
  const values: Record<(typeof NTM2_INFO_ROWS)[number], CellSpec> = {
    unitCode: unit.code,
    unitName: unit.name,
    year: setup.year,
    criteriaSet: setup.criteriaSet.id,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    templateVersion: NTM2_VERSION,
  };
  NTM2_INFO_ROWS.forEach((key, i) => {
    put(m, 3 + i, 1, UNIT_INFO_KEYS[key][0]);
    put(m, 3 + i, 2, values[key]);
    m.styles.push({ range: `B${3 + i}`, style: TYPED_INFO.has(key) ? "input" : "computed" });
  });
  const last = 2 + NTM2_INFO_ROWS.length;
  const typed = NTM2_INFO_ROWS.flatMap((k, i) => (TYPED_INFO.has(k) ? [3 + i] : []));
  m.columnWidths = [24, 40];
  m.styles.unshift({ range: "A1", style: "title" }, { range: `A3:A${last}`, style: "header" });
  m.numberFormats.push({ range: `B3:B${last}`, format: "@" });
  m.protection = { unlocked: [`B${typed[0]}:B${typed[typed.length - 1]}`], allow: ALLOW };
  if (prefill) {
    const at = PREFILL_NOTES_ROW;
    const lines = [prefillSentence(prefill), ...prefill.notes];
    put(m, at, 1, PREFILL_NOTES_LABEL);
    lines.forEach((text, i) => {
      put(m, at + i, 2, text);
    });
    m.styles.push({ range: `A${at}`, style: "header" }, { range: `B${at}:B${at + lines.length - 1}`, style: "note" });
  }
  m.rowHeights = fitRowHeights(m, [1]);
  fillRows(m);
  return m;
}

/** First row of the carry-over notes on `Thông tin` (row 11 stays free: a result template's `Loại biểu`). */
export const PREFILL_NOTES_ROW = 4 + NTM2_INFO_ROWS.length;

/** An amount column of `Nguồn vốn`: its header, a leaf row's value, and whether the unit types it (else locked). */
export type CapitalAmountColumn =
  | { header: string; leaf: (stt: string) => CellSpec; typed: false }
  | { header: string; leaf: (stt: string) => CellSpec; typed: true; prompt: string };

/**
 * `Nguồn vốn` of a generated template: STT, source, the amount columns (million VND), a note column;
 * in each amount column a row with sub-rows and the total are formulas of the leaves below them.
 */
export function buildCapitalSheet(setup: Setup, unit: SetupUnit, title: string, amounts: readonly CapitalAmountColumn[]): SheetModel {
  const m = emptyModel(SHEETS.capital);
  const h = 4;
  const first = 5;
  const shape = capitalPlan(setup.capitalRows);
  const rows = setup.capitalRows;
  const letters = amounts.map((_, j) => columnLetter(3 + j));
  const noteCol = 3 + amounts.length;
  const note = columnLetter(noteCol);
  put(m, 1, 1, title);
  put(m, 2, 1, `Đơn vị: ${unit.name} (mã ${unit.code}) - Đơn vị tính: ${UNIT_MILLION}`);
  m.merges.push(`A1:${note}1`, `A2:${note}2`);
  put(m, h, 1, CAPITAL_COLUMNS.stt);
  put(m, h, 2, CAPITAL_COLUMNS.source);
  amounts.forEach((a, j) => {
    put(m, h, 3 + j, a.header);
  });
  put(m, h, noteCol, CAPITAL_COLUMNS.note);
  const rowOf = new Map(rows.map((r, i) => [r.stt, first + i]));
  const typed: { cell: string; prompt: string }[] = [];
  rows.forEach((r, i) => {
    const row = first + i;
    put(m, row, 1, r.stt);
    put(m, row, 2, r.label);
    if (shape.isLeaf[i]) {
      amounts.forEach((a, j) => {
        put(m, row, 3 + j, a.leaf(r.stt));
        if (a.typed) typed.push({ cell: `${letters[j]}${row}`, prompt: a.prompt });
      });
    } else {
      letters.forEach((col, j) => {
        put(m, row, 3 + j, { formula: `=${shape.leafIndexes[i]!.map((k) => `${col}${rowOf.get(shape.leaves[k]!)}`).join("+")}` });
      });
      m.styles.push({ range: `A${row}:${note}${row}`, style: "computed" });
    }
    put(m, row, noteCol, null);
  });
  const totalRow = first + rows.length;
  const top = rows.filter((r) => !rows.some((o) => o !== r && r.stt.startsWith(`${o.stt}.`))).map((r) => rowOf.get(r.stt)!);
  put(m, totalRow, 1, null);
  put(m, totalRow, 2, "Tổng cộng");
  letters.forEach((col, j) => {
    put(m, totalRow, 3 + j, top.length > 0 ? { formula: `=${top.map((r) => `${col}${r}`).join("+")}` } : 0);
  });
  put(m, totalRow, noteCol, null);
  m.columnWidths = [6, 55, ...amounts.map(() => 22), 30];
  m.styles.unshift(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: `A${h}:${note}${h}`, style: "header" },
    ...typed.map((t) => ({ range: t.cell, style: "input" as const })),
    { range: `${note}${first}:${note}${totalRow}`, style: "input" },
  );
  m.styles.push({ range: `A${totalRow}:${note}${totalRow}`, style: "total" });
  m.numberFormats.push(
    { range: `A${first}:A${totalRow}`, format: "@" },
    { range: `C${first}:${letters[letters.length - 1]}${totalRow}`, format: "#,##0.###" },
  );
  m.decimalValidations.push(...typed.map((t) => ({ range: t.cell, prompt: t.prompt })));
  m.freeze = { rows: h, columns: 0 };
  m.protection = { unlocked: [...typed.map((t) => t.cell), `${note}${first}:${note}${totalRow}`], allow: ALLOW };
  m.print = { orientation: "portrait", repeatRows: `${h}:${h}` };
  m.rowHeights = fitRowHeights(m, [1, 2, h]);
  fillRows(m);
  return m;
}

/** `Nguồn vốn` of NTM-2: the setup's rows in million VND, the plan amount typed by the unit. */
export function buildNtm2CapitalSheet(setup: Setup, unit: SetupUnit): SheetModel {
  return buildCapitalSheet(setup, unit, `KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI NĂM ${setup.year}`, [
    {
      header: `${CAPITAL_COLUMNS.amountPrefix} năm ${setup.year} (${UNIT_MILLION})`,
      leaf: () => null,
      typed: true,
      prompt: `Số tiền (${UNIT_MILLION}), không âm`,
    },
  ]);
}

/** The NTM-2 template of one unit of the setup: `Thông tin`, `Tiêu chí`, `Nguồn vốn`; HT pre-filled with `prefill`. */
export function buildNtm2Template(setup: Setup, unit: SetupUnit, blankRows?: number, prefill?: HtPrefill): SheetModel[] {
  return [
    buildNtm2InfoSheet(setup, unit, prefill),
    buildNtm2CriteriaSheet(setup, unit, blankRows, prefill),
    buildNtm2CapitalSheet(setup, unit),
  ];
}

export type UnitTemplate = { version: "NTM-1" | "NTM-2"; unit: SetupUnit; sheets: SheetModel[] };

/**
 * The template a unit fills for the setup's year (docs/setup.md): NTM-1 for a year served by the
 * built-in defaults (the 2018 template, unchanged), NTM-2 for any applied setup. A code that is not
 * a unit of the setup is `info.unit_unknown`. `prefill` (carry-over HT) applies to NTM-2 only.
 */
export function unitTemplate(setup: Setup, unitCode: string, blankRows?: number, prefill?: HtPrefill): Result<UnitTemplate> {
  const code = unitCode.trim();
  const unit = setup.units.find((u) => u.code === code);
  if (!unit) {
    return { ok: false, issues: [makeIssue("info.unit_unknown", {}, { value: code, year: setup.year })] };
  }
  if (setup.origin === "builtin") {
    const sheets = buildTemplate({
      district: { code: unit.code, name: unit.name },
      year: setup.year,
      criteria: { ...CRITERIA_NTM1, criteria: setup.criteriaSet.criteria },
      ...(blankRows === undefined ? {} : { rows: blankRows }),
    });
    return { ok: true, value: { version: "NTM-1", unit, sheets }, warnings: [] };
  }
  return { ok: true, value: { version: "NTM-2", unit, sheets: buildNtm2Template(setup, unit, blankRows, prefill) }, warnings: [] };
}
