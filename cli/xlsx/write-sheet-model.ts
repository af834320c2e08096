import type ExcelJS from "exceljs";
import type { CellStyle, SheetModel } from "../../shared/template/sheet-model.ts";
import { isFormula } from "../../shared/template/sheet-model.ts";
import { eachCell, parseRange } from "../../shared/template/a1.ts";
import { PALETTE, argb } from "../../shared/template/palette.ts";

/**
 * Draws one platform-neutral SheetModel onto an exceljs worksheet: values and formulas, merges,
 * column widths, row heights, named styles, number formats, data validation, frozen panes, protection without
 * a password (data cells unlocked) and print setup.
 */

type Style = Partial<ExcelJS.Style>;

/**
 * The workbook's body font, named in every styled cell: a font without a name is drawn in the
 * reader's default (a serif in LibreOffice), and the row heights are fitted to a sans.
 */
export const FONT_NAME = "Calibri";

/**
 * A named style of the shared palette (shared/template/palette.ts) as an exceljs cell style, for a
 * cell in the first row of the styled range or not (the total's rule runs above the first row).
 * Every part is set, so a later style in a model replaces an earlier one entirely.
 */
export function xlsxStyle(style: CellStyle, firstRow = true): Style {
  const look = PALETTE[style];
  const edge: Partial<ExcelJS.Border> | null = look.grid === null ? null : { style: "thin", color: { argb: argb(look.grid) } };
  const border: Partial<ExcelJS.Borders> = edge ? { top: edge, left: edge, bottom: edge, right: edge } : {};
  if (look.topRule !== null && firstRow) border.top = { style: "medium", color: { argb: argb(look.topRule) } };
  return {
    font: {
      name: FONT_NAME,
      family: 2,
      bold: look.font.bold,
      italic: look.font.italic,
      size: look.font.size,
      color: { argb: argb(look.font.color) },
    },
    fill:
      look.fill === null ? { type: "pattern", pattern: "none" } : { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } },
    border,
    alignment: look.center ? { horizontal: "center", vertical: "middle", wrapText: look.wrap } : { wrapText: look.wrap },
  };
}

/** A formula for exceljs: without the leading `=`. */
export function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/** Quoted list source of a drop-down: `"Đạt,Chưa đạt"`. */
export function listFormula(list: readonly string[]): string {
  return `"${list.map((s) => s.replace(/"/g, '""')).join(",")}"`;
}

type DataValidations = { add(address: string, validation: ExcelJS.DataValidation): void };

export function writeSheetModel(wb: ExcelJS.Workbook, model: SheetModel): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(model.name);

  model.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const h of model.rowHeights) ws.getRow(h.row).height = h.points;

  // Values first (a value written to a merged non-anchor cell would overwrite its anchor).
  model.cells.forEach((row, ri) => {
    row.forEach((spec, ci) => {
      if (spec === null || spec === undefined) return;
      const cell = ws.getCell(ri + 1, ci + 1);
      if (isFormula(spec)) cell.value = { formula: stripEquals(spec.formula) } as ExcelJS.CellFormulaValue;
      else cell.value = spec;
    });
  });
  for (const m of model.merges) ws.mergeCells(m);

  // Styles: computed per cell into a fresh object (merged cells share their anchor's style object).
  const styles = new Map<string, Style>();
  const at = (r: number, c: number): Style => {
    const key = `${r},${c}`;
    let s = styles.get(key);
    if (!s) {
      s = {};
      styles.set(key, s);
    }
    return s;
  };
  for (const { range, style } of model.styles) {
    const top = parseRange(range)?.r1;
    eachCell(range, (r, c) => Object.assign(at(r, c), xlsxStyle(style, r === top)));
  }
  for (const { range, format } of model.numberFormats)
    eachCell(range, (r, c) => {
      at(r, c).numFmt = format;
    });
  if (model.protection) {
    for (const range of model.protection.unlocked)
      eachCell(range, (r, c) => {
        at(r, c).protection = { locked: false };
      });
  }
  for (const [key, s] of styles) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    ws.getCell(r, c).style = { ...s };
  }

  const dv = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  for (const v of model.validations) {
    dv.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(v.list)],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Giá trị không hợp lệ",
      error: `Chọn một trong: ${v.list.join(", ")}`,
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }
  for (const v of model.decimalValidations) {
    dv.add(v.range, {
      type: "decimal",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Số tiền không hợp lệ",
      error: "Nhập một số không âm (triệu đồng).",
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }

  if (model.freeze && (model.freeze.rows > 0 || model.freeze.columns > 0)) {
    ws.views = [{ state: "frozen", xSplit: model.freeze.columns, ySplit: model.freeze.rows }];
  }

  if (model.print) {
    ws.pageSetup.orientation = model.print.orientation;
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
    if (model.print.repeatRows) ws.pageSetup.printTitlesRow = model.print.repeatRows;
  }

  if (model.protection) {
    const a = model.protection.allow;
    // No password: protection guards the layout against accidents, it is not a security measure.
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      insertRows: a.insertRows,
      insertColumns: a.insertColumns,
      deleteRows: a.deleteRows,
      formatCells: a.formatCells,
      formatColumns: a.formatColumns,
      formatRows: a.formatRows,
      autoFilter: a.autoFilter,
      sort: a.sort,
    });
  }
  return ws;
}
