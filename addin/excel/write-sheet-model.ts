import type { CellSpec, SheetModel } from "../../shared/template/sheet-model.ts";
import { isFormula } from "../../shared/template/sheet-model.ts";
import { absoluteRows, columnLetter, parseRange, rangeAddress, rectAddress } from "../../shared/template/a1.ts";
import type { Rect } from "../../shared/template/a1.ts";
import type { Features } from "./port.ts";
import { supports } from "./features.ts";
import type { RunContext } from "./run.ts";
import { OP_BYTES, type RequestBudget, rowBytes, splitRows, textBytes } from "./chunks.ts";
import { STYLE_BYTES, applyStyle, setRowHeights, widthPoints } from "./styles.ts";

export type FormatRect = Rect & { format: string };

/**
 * A cell as written through `Range.formulas`: formulas as is, empty as "", and text that Excel
 * would take for a formula or strip (leading `=`, `+`, `-`, `@`, `'`) behind an apostrophe.
 */
export function formulaCell(cell: CellSpec | undefined): string | number | boolean {
  if (cell === null || cell === undefined) return "";
  if (isFormula(cell)) return cell.formula;
  if (typeof cell === "string" && /^[=+\-@']/.test(cell)) return `'${cell}`;
  return cell;
}

function fill<T>(n: number, v: T): T[] {
  return new Array<T>(n).fill(v);
}

/**
 * Writes a block of cells with top-left (top, left): per row chunk under the request budget, the
 * number formats intersecting the chunk first (so `@` keeps codes as text), then one 2-D
 * `Range.formulas` array. Formats outside the block are written after it, as whole ranges.
 */
export async function writeGrid(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: readonly (readonly CellSpec[])[],
  width: number,
  formats: readonly FormatRect[],
): Promise<void> {
  const grid = rows.map((r) => {
    const out = fill<string | number | boolean>(width, "");
    for (let c = 0; c < width; c++) out[c] = formulaCell(r[c]);
    return out;
  });
  const sizes = grid.map((row, i) => {
    const r = top + i;
    let n = rowBytes(row);
    for (const f of formats) {
      if (r >= f.r1 && r <= f.r2) n += (f.c2 - f.c1 + 1) * (textBytes(f.format) + 1);
    }
    return n;
  });
  const done = new Set<FormatRect>();
  if (width > 0) {
    for (const chunk of splitRows(sizes, budget.maxBytes - OP_BYTES, budget.remaining(OP_BYTES))) {
      await budget.reserve(chunk.bytes + OP_BYTES);
      const r1 = top + chunk.start;
      const r2 = r1 + chunk.count - 1;
      for (const f of formats) {
        const a = Math.max(r1, f.r1);
        const b = Math.min(r2, f.r2);
        if (a > b) continue;
        if (f.r1 >= r1 && f.r2 <= r2) done.add(f);
        const cols = f.c2 - f.c1 + 1;
        sheet.getRange(rangeAddress(a, f.c1, b, f.c2)).numberFormat = Array.from({ length: b - a + 1 }, () => fill(cols, f.format));
      }
      sheet.getRange(rangeAddress(r1, left, r2, left + width - 1)).formulas = grid.slice(chunk.start, chunk.start + chunk.count);
    }
  }
  const bottom = top + rows.length - 1;
  for (const f of formats) {
    if (done.has(f)) continue;
    // Only the rows outside the written block are left (those inside were written per chunk).
    const parts: Rect[] = [];
    if (width === 0 || rows.length === 0) parts.push(f);
    else {
      if (f.r1 < top) parts.push({ ...f, r2: Math.min(f.r2, top - 1) });
      if (f.r2 > bottom) parts.push({ ...f, r1: Math.max(f.r1, bottom + 1) });
    }
    for (const p of parts) {
      const rowsN = p.r2 - p.r1 + 1;
      const cols = p.c2 - p.c1 + 1;
      await budget.reserve(rowsN * cols * (textBytes(f.format) + 1) + OP_BYTES);
      sheet.getRange(rectAddress(p)).numberFormat = Array.from({ length: rowsN }, () => fill(cols, f.format));
    }
  }
}

function formatRects(model: SheetModel): FormatRect[] {
  const out: FormatRect[] = [];
  for (const nf of model.numberFormats) {
    const r = parseRange(nf.range);
    if (r) out.push({ ...r, format: nf.format });
  }
  return out;
}

/**
 * Writes one SheetModel into an (empty) worksheet: cells and number formats, then column widths,
 * row heights, merges, styles, data validation, freeze panes, protection and print layout, each only where the
 * host supports it (protection last, so nothing after it meets a locked sheet) (else noted in `rc.skipped`).
 */
export async function writeSheetModel(
  rc: RunContext,
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  model: SheetModel,
  features: Features,
): Promise<void> {
  const width = model.cells.reduce((w, r) => Math.max(w, r.length), 0);
  await writeGrid(budget, sheet, 1, 1, model.cells, width, formatRects(model));

  await setColumnWidths(rc, budget, sheet, model.columnWidths, features);
  await setRowHeights(rc, budget, sheet, model.rowHeights, features);

  if (model.merges.length > 0) {
    if (supports(features, "merge")) {
      for (const m of model.merges) {
        await budget.reserve(OP_BYTES);
        sheet.getRange(m).merge(false);
      }
    } else rc.skip("merge");
  }

  for (const s of model.styles) {
    await budget.reserve(STYLE_BYTES);
    applyStyle(sheet.getRange(s.range), s.style);
  }

  if (model.validations.length > 0 || model.decimalValidations.length > 0) {
    if (supports(features, "dataValidation")) {
      for (const v of model.validations) {
        await budget.reserve(OP_BYTES + textBytes(v.list.join(",")));
        const dv = sheet.getRange(v.range).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
        dv.errorAlert = {
          showAlert: true,
          style: "Warning",
          title: "Giá trị không có trong danh sách",
          message: `Chọn một trong: ${v.list.join(", ")}`,
        };
        if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: v.prompt };
      }
      for (const v of model.decimalValidations) {
        await budget.reserve(OP_BYTES);
        const dv = sheet.getRange(v.range).dataValidation;
        dv.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
        dv.errorAlert = { showAlert: true, style: "Stop", title: "Số tiền không hợp lệ", message: "Nhập một số không âm." };
        if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: v.prompt };
      }
    } else rc.skip("dataValidation");
  }

  if (model.freeze && (model.freeze.rows > 0 || model.freeze.columns > 0)) {
    if (supports(features, "freeze")) {
      await budget.reserve(OP_BYTES);
      const { rows, columns } = model.freeze;
      if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(rangeAddress(1, 1, rows, columns));
      else if (rows > 0) sheet.freezePanes.freezeRows(rows);
      else sheet.freezePanes.freezeColumns(columns);
    } else rc.skip("freeze");
  }

  if (model.print) {
    if (supports(features, "pageLayout")) {
      await budget.reserve(OP_BYTES);
      const layout = sheet.pageLayout;
      layout.orientation = model.print.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      if (model.print.repeatRows) layout.setPrintTitleRows(absoluteRows(model.print.repeatRows));
    } else rc.skip("pageLayout");
  }

  if (model.protection) {
    if (supports(features, "protection")) {
      for (const u of model.protection.unlocked) {
        await budget.reserve(OP_BYTES);
        sheet.getRange(u).format.protection.locked = false;
      }
      await budget.reserve(OP_BYTES);
      const a = model.protection.allow;
      sheet.protection.protect({
        allowInsertRows: a.insertRows,
        allowInsertColumns: a.insertColumns,
        allowDeleteRows: a.deleteRows,
        allowFormatCells: a.formatCells,
        allowFormatColumns: a.formatColumns,
        allowFormatRows: a.formatRows,
        allowAutoFilter: a.autoFilter,
        allowSort: a.sort,
      });
    } else rc.skip("protection");
  }
}

/** Column widths in characters (index 0 = column A); ExcelApi 1.2, skipped with a note before. */
export async function setColumnWidths(
  rc: RunContext,
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  widths: readonly number[],
  features: Features,
): Promise<void> {
  if (widths.length === 0) return;
  if (!supports(features, "columnWidth")) {
    rc.skip("columnWidth");
    return;
  }
  for (const [i, w] of widths.entries()) {
    await budget.reserve(OP_BYTES);
    const col = columnLetter(i + 1);
    sheet.getRange(`${col}:${col}`).format.columnWidth = widthPoints(w);
  }
}
