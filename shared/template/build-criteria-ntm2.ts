import type { Setup, SetupCommune, SetupUnit } from "../setup/types.ts";
import type { SheetModel } from "./sheet-model.ts";
import { rangeAddress } from "./a1.ts";
import { ALLOW, emptyModel, fillRows, put } from "./build-template.ts";
import {
  criterionValidation,
  gridWidths,
  markValidations,
  ntm2Layout,
  putCommuneRow,
  putGridHeader,
  putHeading,
  putRowCounts,
  putTotalRow,
  unitLine,
} from "./criteria-grid.ts";
import { CRITERION_CHOICES, FLAG_CHOICES, SHEETS, SUB_COLUMNS } from "./labels.ts";
import { ntm2Columns } from "./ntm2-columns.ts";
import { fitRowHeights } from "./row-height.ts";

export type { Ntm2Layout } from "./criteria-grid.ts";
export { ntm2Layout } from "./criteria-grid.ts";

/**
 * HT pre-filled from the previous year (carry-over, shared/cycle/carry-over.ts): per commune code
 * the criteria met (written `Đạt`, the set's others `Chưa đạt`); the notes for the unit (shown in
 * `Thông tin`). The unit can change every pre-filled HT.
 */
export type HtPrefill = { fromYear: number; baseline: Readonly<Record<string, readonly number[]>>; notes: readonly string[] };

/** The communes of a unit in the setup's list (list order); null when the setup registers none. */
export function unitCommunes(setup: Pick<Setup, "communes">, unit: string): SetupCommune[] | null {
  return setup.communes === null ? null : setup.communes.filter((c) => c.unit === unit);
}

/** The sentence of `Tiêu chí` row 3 (and `Thông tin`) on a carry-over: HT pre-filled, or left empty (no commune with data). */
export function prefillSentence(prefill: HtPrefill): string {
  return Object.keys(prefill.baseline).length > 0
    ? `HT đã điền sẵn từ số liệu năm ${prefill.fromYear} (xem ghi chú ở sheet Thông tin); đơn vị kiểm tra và sửa nếu cần.`
    : `HT chưa điền sẵn từ số liệu năm ${prefill.fromYear} (xem ghi chú ở sheet Thông tin).`;
}

/**
 * `Tiêu chí` of NTM-2 for one unit: the set's criteria (HT/KH each), the `Nhóm xã`, attribute and
 * plan-flag columns of the setup, live counts and a `Tổng cộng` row as NTM-1 has them. With a
 * registered commune list the unit's communes are pre-filled (code, name, group, attributes) and
 * locked: only the plan flags and HT/KH are unlocked. Without one the rows are blank, as in NTM-1.
 */
export function buildNtm2CriteriaSheet(setup: Setup, unit: SetupUnit, blankRows = 30, prefill?: HtPrefill): SheetModel {
  const m = emptyModel(SHEETS.criteria);
  const columns = ntm2Columns(setup);
  const crit = setup.criteriaSet.criteria;
  const L = ntm2Layout(columns, crit.length);
  const communes = unitCommunes(setup, unit.code);
  const dataRows = Math.max(communes === null ? blankRows : communes.length, 1);
  const { headerRow: h1, firstDataRow: first, countColumn: countCol } = L;
  const h2 = h1 + 1;
  const last = first + dataRows - 1;
  const totalRow = last + 1;
  const lastCol = countCol + 1;
  const htCol = (i: number) => L.firstCriterionColumn + 2 * i;
  const firstFlag = L.markColumns[columns.marks.findIndex((c) => c.kind === "flag")] ?? L.firstCriterionColumn;
  const year = setup.year;

  putHeading(
    m,
    lastCol,
    `BIỂU HIỆN TRẠNG VÀ KẾ HOẠCH THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM ${year}`,
    unitLine(setup, unit),
    `HT: đạt đến 31/12/${year - 1}; KH: đạt đến 31/12/${year} (lũy kế, cả tiêu chí đã đạt). ` +
      `Chọn "Đạt" hoặc "Chưa đạt"; cột cờ: "x".` +
      (communes === null ? "" : " Mã xã, tên xã, nhóm và thuộc tính lấy từ danh sách xã của năm (không sửa).") +
      (prefill ? ` ${prefillSentence(prefill)}` : ""),
  );
  putGridHeader(m, L, columns, crit, [SUB_COLUMNS.baseline[0], SUB_COLUMNS.plan[0]]);

  for (let r = first; r <= last; r++) {
    const i = r - first;
    const commune = communes?.[i];
    putCommuneRow(m, L, r, i, commune);
    if (commune) {
      columns.marks.forEach((c, j) => {
        if (c.kind === "attribute" && commune.attributes[c.label] === true) put(m, r, L.markColumns[j]!, FLAG_CHOICES[0]);
      });
      const carried = prefill?.baseline[commune.code];
      if (carried) {
        crit.forEach((c, k) => {
          put(m, r, htCol(k), CRITERION_CHOICES[carried.includes(c.number) ? 0 : 1]);
        });
      }
    }
    putRowCounts(m, L, crit, 2, r);
  }
  putTotalRow(m, L, crit, 2, first, last);

  m.columnWidths = gridWidths(L, crit, 2);
  const lockedFrom = communes === null ? 2 : firstFlag;
  m.styles.push(
    { range: rangeAddress(h1, 1, h2, lastCol), style: "header" },
    ...(communes === null ? [] : [{ range: rangeAddress(first, 2, last, firstFlag - 1), style: "computed" as const }]),
    { range: rangeAddress(first, lockedFrom, last, countCol - 1), style: "input" },
    { range: rangeAddress(first, countCol, last, lastCol), style: "computed" },
    { range: rangeAddress(totalRow, 1, totalRow, lastCol), style: "total" },
  );
  m.numberFormats.push({ range: rangeAddress(first, L.codeColumn, last, L.codeColumn), format: "@" });
  const markFrom = communes === null ? (L.markColumns[0] ?? L.firstCriterionColumn) : firstFlag;
  markValidations(m, L, first, last, markFrom, communes === null);
  m.validations.push(criterionValidation(rangeAddress(first, L.firstCriterionColumn, last, countCol - 1)));
  m.freeze = { rows: h2, columns: 3 };
  m.protection = { unlocked: [rangeAddress(first, communes === null ? 1 : firstFlag, last, countCol - 1)], allow: ALLOW };
  m.print = { orientation: "landscape", repeatRows: `${h1}:${h2}` };
  m.rowHeights = fitRowHeights(m, [1, 2, 3, h1, h2]);
  fillRows(m);
  return m;
}
