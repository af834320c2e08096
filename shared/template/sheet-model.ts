/**
 * A platform-neutral description of a worksheet to write. The .xlsx writer (cli/) and the Excel
 * adapter (addin/excel/) both draw the template and the report sheet from this, so the layout
 * lives in one place. Addresses are A1 without the sheet name; rows and columns are 1-based.
 */
export type CellValue = string | number | boolean | null;
/** A formula in Excel's English (invariant) syntax, starting with `=`. */
export type Formula = { formula: string };
export type CellSpec = CellValue | Formula;

/** A row's height in points (1-based row). */
export type RowHeight = { row: number; points: number };

export type CellStyle = "title" | "subtitle" | "note" | "header" | "input" | "computed" | "total";

export type SheetModel = {
  name: string;
  /** Dense grid starting at A1; rows may be shorter than others (missing cells are empty). */
  cells: CellSpec[][];
  /** Merged ranges, e.g. `A4:A5`. */
  merges: string[];
  /** Column widths in characters, index 0 = column A. */
  columnWidths: number[];
  /** Heights in points of the title and header rows, fitted to their labels; other rows keep the default. */
  rowHeights: RowHeight[];
  /** Named styles applied in this order (later wins). */
  styles: { range: string; style: CellStyle }[];
  /** Number formats, e.g. `@` (text) for codes so leading zeros survive, `#,##0.###` for money. */
  numberFormats: { range: string; format: string }[];
  /** Drop-down lists (data validation, ExcelApi 1.8). */
  validations: { range: string; list: readonly string[]; prompt?: string }[];
  /** Non-negative decimal validation (money cells). */
  decimalValidations: { range: string; prompt?: string }[];
  /** Freeze panes: rows above and columns left of the split (ExcelApi 1.7). */
  freeze: { rows: number; columns: number } | null;
  /** Sheet protection without a password (ExcelApi 1.2): everything locked but `unlocked`. */
  protection: { unlocked: string[]; allow: ProtectionAllowance } | null;
  /** Rows repeated on each printed page and orientation (ExcelApi 1.9). */
  print: { orientation: "landscape" | "portrait"; repeatRows: string | null } | null;
};

export type ProtectionAllowance = {
  insertRows: boolean;
  insertColumns: boolean;
  deleteRows: boolean;
  formatCells: boolean;
  formatColumns: boolean;
  formatRows: boolean;
  autoFilter: boolean;
  sort: boolean;
};

export function isFormula(cell: CellSpec | undefined): cell is Formula {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}
