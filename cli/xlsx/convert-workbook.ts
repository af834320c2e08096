import type ExcelJS from "exceljs";
import type { LegacyChange } from "../../shared/text/legacy-convert.ts";
import type { ExcelModule } from "./workbook-bytes.ts";

/** The Unicode font a converted cell is set in (the `.VnTime` / `VNI-Times` font would draw it wrong). */
export const UNICODE_FONT = "Times New Roman";

/** What the cell holds in exceljs: text (plain, rich, a hyperlink's) is rewritten; a formula's result is not. */
function writable(excel: ExcelModule, cell: ExcelJS.Cell): boolean {
  const t = excel.ValueType;
  return cell.type === t.String || cell.type === t.RichText || cell.type === t.Hyperlink;
}

/** The converted text in the cell, its font set to UNICODE_FONT (a new style object: exceljs may share them). */
function rewrite(excel: ExcelModule, cell: ExcelJS.Cell, after: string): void {
  const v = cell.value;
  if (cell.type === excel.ValueType.Hyperlink && typeof v === "object" && v !== null && "hyperlink" in v) {
    cell.value = { ...v, text: after };
  } else {
    cell.value = after;
  }
  const { scheme: _scheme, charset: _charset, ...font } = cell.font ?? {};
  cell.style = { ...cell.style, font: { ...font, name: UNICODE_FONT } };
}

/**
 * Writes the TCVN3/VNI → Unicode changes into the loaded workbook (`ntm convert`, the web page's
 * "download the converted file"): only those cells' text, their font set to UNICODE_FONT; a cell that
 * holds a formula (its text is a result) is skipped and returned as such.
 */
export function applyLegacyChanges(
  excel: ExcelModule,
  workbook: ExcelJS.Workbook,
  changes: readonly LegacyChange[],
): { changed: LegacyChange[]; skipped: LegacyChange[] } {
  const changed: LegacyChange[] = [];
  const skipped: LegacyChange[] = [];
  for (const c of changes) {
    const cell = workbook.getWorksheet(c.sheet)?.getCell(c.cell);
    if (cell && writable(excel, cell)) {
      rewrite(excel, cell, c.after);
      changed.push(c);
    } else skipped.push(c);
  }
  return { changed, skipped };
}
