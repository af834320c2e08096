import { emptyModel } from "../template/build-template.ts";
import { columnLetter, rangeAddress } from "../template/a1.ts";
import { fitRowHeights } from "../template/row-height.ts";
import type { CellSpec, SheetModel } from "../template/sheet-model.ts";
import { BUILT_IN_SETS, builtInSet } from "./criteria-sets.ts";
import { DEFAULT_CAPITAL_ROWS } from "./defaults.ts";
import {
  BAND_COLUMNS,
  CAPITAL_ROW_COLUMNS,
  COMMUNE_COLUMNS,
  CRITERIA_SET_COLUMNS,
  GROUP_CHOICES,
  LEVEL_WORDS,
  PLAN_FLAG_COLUMNS,
  SETUP_SHEETS,
  UNIT_COLUMNS,
  YEAR_KEYS,
  YES_CHOICES,
} from "./labels.ts";
import type { Setup } from "./types.ts";

/** Attribute columns of a blank workbook. */
const BLANK_UNIT_ATTRIBUTES = ["Huyện biên giới"];
const BLANK_COMMUNE_ATTRIBUTES = ["Xã biên giới"];
/** Empty rows with drop-downs below the data of each table. */
const SPARE_ROWS = 200;
const HEADER_ROW = 3;

export type SetupWorkbookOptions = {
  /** Extra `Ghi chú` lines on sheet `Năm` (e.g. that the demo's codes are invented). */
  notes?: readonly string[];
};

/**
 * The `Thiết lập` workbook (docs/setup.md) as platform-neutral sheets: blank for `year`, or pre-filled
 * from a setup (`ntm setup template --from <y0>`: another year's setup, its deadlines left empty;
 * `ntm setup export`: the year's own). Read back with `readSetupWorkbook`, a pre-filled workbook
 * gives the same setup. A built-in set is named by id and its `Bộ tiêu chí` sheet left empty (a
 * custom set is written out); bands, capital rows and plan flags are written as the setup has them.
 * Drop-downs: set id, level, yes/no attributes, commune group 1-3. Row heights: the title, note and
 * header rows fitted to their labels (shared/template/row-height.ts), data rows the default.
 */
export function buildSetupWorkbook(year: number, from: Setup | null = null, options: SetupWorkbookOptions = {}): SheetModel[] {
  const custom = from !== null && builtInSet(from.criteriaSet.id) === null;
  const deadlines = from !== null && from.year === year ? from.deadlines : { plan: null, result: null };
  const unitAttributes = from ? labelsOf(from.units) : BLANK_UNIT_ATTRIBUTES;
  const communeAttributes = from ? labelsOf(from.communes ?? []) : BLANK_COMMUNE_ATTRIBUTES;
  const mark = (v: boolean | undefined): CellSpec => (v ? "x" : null);

  const yearSheet = emptyModel(SETUP_SHEETS.year);
  put(yearSheet, 1, 1, `THIẾT LẬP NĂM KẾ HOẠCH ${year}`);
  const setIds = [...BUILT_IN_SETS.map((s) => s.id), ...(custom && from ? [from.criteriaSet.id] : [])];
  const keys: [string, CellSpec][] = [
    [YEAR_KEYS.year, year],
    [YEAR_KEYS.criteriaSet, from?.criteriaSet.id ?? null],
    [YEAR_KEYS.level, from ? LEVEL_WORDS[from.level] : null],
    [YEAR_KEYS.plan, isoToSerial(deadlines.plan)],
    [YEAR_KEYS.result, isoToSerial(deadlines.result)],
  ];
  keys.forEach(([k, v], i) => {
    put(yearSheet, HEADER_ROW + i, 1, k);
    put(yearSheet, HEADER_ROW + i, 2, v);
  });
  const notes = [
    `Ghi chú: "${YEAR_KEYS.criteriaSet}" là mã bộ tiêu chí (${BUILT_IN_SETS.map((s) => s.id).join(", ")}); bộ tiêu chí riêng: ghi mã riêng, khai báo ở trang "${SETUP_SHEETS.criteria}" (xóa danh sách chọn của ô nếu cần).`,
    `Ghi chú: cấp "${LEVEL_WORDS.huyện}": mã đơn vị 3 chữ số; cấp "${LEVEL_WORDS.xã}": mỗi đơn vị là một xã, mã 5 chữ số, danh sách xã bắt buộc.`,
    `Ghi chú: để trống trang "${SETUP_SHEETS.criteria}" và "${SETUP_SHEETS.bands}" để dùng bộ tiêu chí quốc gia và các nhóm mặc định.`,
    ...(options.notes ?? []).map((n) => (n.startsWith("Ghi chú") ? n : `Ghi chú: ${n}`)),
  ];
  const notesRow = HEADER_ROW + keys.length + 1;
  for (const [i, n] of notes.entries()) put(yearSheet, notesRow + i, 1, n);
  const lastKey = HEADER_ROW + keys.length - 1;
  yearSheet.columnWidths = [26, 24];
  yearSheet.styles.push(
    { range: "A1", style: "title" },
    { range: `A${HEADER_ROW}:A${lastKey}`, style: "header" },
    { range: `B${HEADER_ROW}:B${lastKey}`, style: "input" },
    { range: rangeAddress(notesRow, 1, notesRow + notes.length - 1, 1), style: "note" },
  );
  yearSheet.numberFormats.push({ range: `B${HEADER_ROW + 3}:B${lastKey}`, format: "dd/mm/yyyy" });
  yearSheet.rowHeights = fitRowHeights(yearSheet, [1, ...keys.map((_, i) => HEADER_ROW + i)]);
  yearSheet.validations.push(
    { range: `B${HEADER_ROW + 1}`, list: setIds, prompt: "Mã bộ tiêu chí" },
    { range: `B${HEADER_ROW + 2}`, list: [LEVEL_WORDS.huyện, LEVEL_WORDS.xã], prompt: "Huyện hoặc Xã" },
  );

  const units = table(
    SETUP_SHEETS.units,
    `ĐƠN VỊ BÁO CÁO NĂM ${year}`,
    "Mỗi đơn vị một dòng; cột thuộc tính: x = có, để trống = không (cột Huyện biên giới chỉ dùng ở cấp Huyện).",
    [
      { label: UNIT_COLUMNS.code, width: 12, text: true },
      { label: UNIT_COLUMNS.name, width: 30 },
      ...unitAttributes.map((label) => ({ label, width: 14, list: YES_CHOICES })),
    ],
  );
  for (const u of from?.units ?? []) units.add([u.code, u.name, ...unitAttributes.map((a) => mark(u.attributes[a]))]);

  const communes = table(
    SETUP_SHEETS.communes,
    `DANH SÁCH XÃ NĂM ${year}`,
    `Nhóm xã: 1, 2 hoặc 3 (bộ 2026-2030); ${COMMUNE_COLUMNS.former}: các mã cách nhau bằng dấu phẩy.`,
    [
      { label: COMMUNE_COLUMNS.code, width: 10, text: true },
      { label: COMMUNE_COLUMNS.name, width: 24 },
      { label: COMMUNE_COLUMNS.unit, width: 12, text: true },
      { label: COMMUNE_COLUMNS.group, width: 9, list: GROUP_CHOICES },
      ...communeAttributes.map((label) => ({ label, width: 14, list: YES_CHOICES })),
      { label: COMMUNE_COLUMNS.former, width: 24, text: true },
    ],
  );
  for (const c of from?.communes ?? []) {
    communes.add([
      c.code,
      c.name,
      c.unit,
      c.group,
      ...communeAttributes.map((a) => mark(c.attributes[a])),
      c.formerCodes.join(", ") || null,
    ]);
  }

  const criteria = table(
    SETUP_SHEETS.criteria,
    "BỘ TIÊU CHÍ RIÊNG",
    "Để trống khi dùng bộ tiêu chí quốc gia; tiêu chí đánh số 1, 2, 3... (tối đa 52).",
    [
      { label: CRITERIA_SET_COLUMNS.number, width: 6 },
      { label: CRITERIA_SET_COLUMNS.name, width: 45 },
      { label: CRITERIA_SET_COLUMNS.nameEn, width: 45 },
    ],
  );
  if (custom && from) for (const c of from.criteriaSet.criteria) criteria.add([c.number, c.name, c.nameEn]);

  const bands = table(
    SETUP_SHEETS.bands,
    "NHÓM XÃ THEO SỐ TIÊU CHÍ ĐẠT",
    "Các nhóm phủ kín từ 0 đến số tiêu chí của bộ, không chồng nhau; để trống để dùng nhóm mặc định.",
    [
      { label: BAND_COLUMNS.label, width: 24 },
      { label: BAND_COLUMNS.min, width: 8 },
      { label: BAND_COLUMNS.max, width: 8 },
    ],
  );
  for (const b of from?.criteriaSet.bands ?? []) bands.add([b.label, b.min, b.max]);

  const capital = table(
    SETUP_SHEETS.capital,
    "CÁC DÒNG NGUỒN VỐN CỦA BIỂU MẪU",
    "STT dạng 1, 1.1, 2...; dòng có dòng con bằng tổng các dòng con.",
    [
      { label: CAPITAL_ROW_COLUMNS.stt, width: 8, text: true },
      { label: CAPITAL_ROW_COLUMNS.label, width: 55 },
    ],
  );
  for (const r of from?.capitalRows ?? DEFAULT_CAPITAL_ROWS) capital.add([r.stt, r.label]);

  const flags = table(
    SETUP_SHEETS.planFlags,
    "CÁC CỜ THÊM CỦA BIỂU MẪU",
    'Mỗi dòng một cờ (ví dụ "Xã NTM nâng cao"); "Phấn đấu đạt chuẩn NTM" luôn có.',
    [{ label: PLAN_FLAG_COLUMNS.label, width: 40 }],
  );
  for (const f of from?.planFlags ?? []) flags.add([f]);

  for (let i = 0; i < yearSheet.cells.length; i++) yearSheet.cells[i] ??= [];
  return [yearSheet, units.done(), communes.done(), criteria.done(), bands.done(), capital.done(), flags.done()];
}

type Column = { label: string; width: number; text?: boolean; list?: readonly string[] };

/** A table sheet: title (row 1), note (row 2), header (row 3), data rows, drop-downs over spare rows. */
function table(name: string, title: string, note: string, columns: readonly Column[]) {
  const m = emptyModel(name);
  put(m, 1, 1, title);
  put(m, 2, 1, note);
  for (const [i, c] of columns.entries()) put(m, HEADER_ROW, i + 1, c.label);
  let rows = 0;
  return {
    add(values: readonly CellSpec[]) {
      rows++;
      for (const [i, v] of values.entries()) put(m, HEADER_ROW + rows, i + 1, v);
    },
    done(): SheetModel {
      const first = HEADER_ROW + 1;
      const last = HEADER_ROW + rows + SPARE_ROWS;
      const n = columns.length;
      m.columnWidths = columns.map((c) => c.width);
      m.styles.push(
        { range: "A1", style: "title" },
        { range: "A2", style: "note" },
        { range: rangeAddress(HEADER_ROW, 1, HEADER_ROW, n), style: "header" },
      );
      if (rows > 0) m.styles.push({ range: rangeAddress(first, 1, HEADER_ROW + rows, n), style: "input" });
      columns.forEach((c, i) => {
        const col = columnLetter(i + 1);
        if (c.text) m.numberFormats.push({ range: `${col}${first}:${col}${last}`, format: "@" });
        if (c.list) m.validations.push({ range: `${col}${first}:${col}${last}`, list: c.list });
      });
      m.freeze = { rows: HEADER_ROW, columns: 0 };
      m.rowHeights = fitRowHeights(m, [1, 2, HEADER_ROW]);
      for (let i = 0; i < m.cells.length; i++) m.cells[i] ??= [];
      return m;
    },
  };
}

/** Attribute labels of the rows, in order of first appearance. */
function labelsOf(rows: readonly { attributes: Readonly<Record<string, boolean>> }[]): string[] {
  const out = new Set<string>();
  for (const r of rows) for (const label of Object.keys(r.attributes)) out.add(label);
  return [...out];
}

/** An ISO date as an Excel serial (1900 system), null for none. */
export function isoToSerial(iso: string | null): number | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function put(m: SheetModel, row: number, column: number, value: CellSpec): void {
  const r = (m.cells[row - 1] ??= []);
  while (r.length < column - 1) r.push(null);
  r[column - 1] = value;
}
