import { columnLetter, rangeAddress } from "../template/a1.ts";
import { emptyModel, put } from "../template/build-template.ts";
import { fitRowHeights } from "../template/row-height.ts";
import type { CellSpec, SheetModel } from "../template/sheet-model.ts";
import type { Setup } from "../setup/types.ts";
import {
  bandOfKey,
  bandWorkbookLabel,
  keyLabel,
  PROVINCE_HEADERS,
  setupKeys,
  TARGET_SHEETS,
  UNIT_CODE_LABEL,
  UNIT_NAME_LABEL,
  YEAR_KEY_LABEL,
} from "./keys.ts";
import type { Targets } from "./schema.ts";

const HEADER_ROW = 3;

/** The label a key has in the workbook: a band as `Đạt 15-18 tiêu chí` / `Dưới 5 tiêu chí`, others as the report labels them. */
export function workbookLabel(setup: Setup, key: string): string {
  const band = key.startsWith("band:") ? bandOfKey(setup, key) : null;
  return band ? bandWorkbookLabel(band) : keyLabel(setup, key);
}

/**
 * The `Chỉ tiêu` workbook of a year (cycle.md "Targets") for its setup: sheet `Chỉ tiêu tỉnh`
 * listing `Năm kế hoạch` (filled) and every key of the setup (NTM, bands, criteria, capital) with an
 * empty value (or the given targets), and sheet `Chỉ tiêu đơn vị` with the setup's units, one row
 * each, and a column per key. Read back by `readTargetsWorkbook`, the given targets come back.
 */
export function buildTargetsWorkbook(setup: Setup, targets: Targets | null = null): SheetModel[] {
  const keys = setupKeys(setup);
  const province = emptyModel(TARGET_SHEETS.province);
  put(province, 1, 1, `CHỈ TIÊU NĂM ${setup.year}`);
  put(
    province,
    2,
    1,
    "Ghi chú: chỉ ghi các chỉ tiêu cần theo dõi; để trống là không đặt chỉ tiêu. Số xã là số nguyên; vốn tính bằng triệu đồng.",
  );
  put(province, HEADER_ROW, 1, PROVINCE_HEADERS.key);
  put(province, HEADER_ROW, 2, PROVINCE_HEADERS.value);
  put(province, HEADER_ROW + 1, 1, YEAR_KEY_LABEL);
  put(province, HEADER_ROW + 1, 2, setup.year);
  keys.forEach((k, i) => {
    put(province, HEADER_ROW + 2 + i, 1, workbookLabel(setup, k));
    put(province, HEADER_ROW + 2 + i, 2, targets?.province[k] ?? null);
  });
  const last = HEADER_ROW + 1 + keys.length;
  province.columnWidths = [60, 16];
  province.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "note" },
    { range: `A${HEADER_ROW}:B${HEADER_ROW}`, style: "header" },
    { range: `B${HEADER_ROW + 1}:B${last}`, style: "input" },
  );
  province.numberFormats.push({ range: `B${HEADER_ROW + 2}:B${last}`, format: "#,##0.###" });
  province.decimalValidations.push({ range: `B${HEADER_ROW + 2}:B${last}`, prompt: "Số không âm" });
  province.freeze = { rows: HEADER_ROW, columns: 0 };
  province.rowHeights = fitRowHeights(province, [1, 2, HEADER_ROW]);

  const units = emptyModel(TARGET_SHEETS.units);
  put(units, 1, 1, `CHỈ TIÊU GIAO CHO ĐƠN VỊ NĂM ${setup.year}`);
  put(units, 2, 1, "Ghi chú: không bắt buộc; mỗi đơn vị một dòng, để trống là không giao chỉ tiêu đó.");
  const headers = [UNIT_CODE_LABEL, UNIT_NAME_LABEL, ...keys.map((k) => workbookLabel(setup, k))];
  for (const [i, h] of headers.entries()) put(units, HEADER_ROW, i + 1, h);
  setup.units.forEach((u, r) => {
    const given = targets?.units[u.code] ?? {};
    const row: CellSpec[] = [u.code, u.name, ...keys.map((k) => given[k] ?? null)];
    for (const [i, v] of row.entries()) put(units, HEADER_ROW + 1 + r, i + 1, v);
  });
  const lastUnit = HEADER_ROW + Math.max(1, setup.units.length);
  const n = headers.length;
  units.columnWidths = [12, 26, ...keys.map(() => 16)];
  units.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "note" },
    { range: rangeAddress(HEADER_ROW, 1, HEADER_ROW, n), style: "header" },
    { range: rangeAddress(HEADER_ROW + 1, 3, lastUnit, n), style: "input" },
  );
  units.numberFormats.push(
    { range: `A${HEADER_ROW + 1}:A${lastUnit}`, format: "@" },
    { range: `C${HEADER_ROW + 1}:${columnLetter(n)}${lastUnit}`, format: "#,##0.###" },
  );
  units.freeze = { rows: HEADER_ROW, columns: 2 };
  units.rowHeights = fitRowHeights(units, [1, 2, HEADER_ROW]);
  for (const m of [province, units]) for (let i = 0; i < m.cells.length; i++) m.cells[i] ??= [];
  return [province, units];
}
