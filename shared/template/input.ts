/**
 * What every client hands the parser, per sheet (docs/template.md "The input"): its name, the address
 * of the grid's top-left cell (Excel's used range need not start at A1), and the values exactly as
 * Excel's `Range.values` gives them: rows of number | string | boolean, empty cells "", merged cells
 * holding the value in the top-left cell only, dates as serial numbers. Typed `unknown` because the
 * parser must survive any grid.
 */
export type SheetInput = {
  name: string;
  /** e.g. `B3` or `'Tiêu chí'!B3:AU40`; only the top-left cell matters. */
  address: string;
  values: unknown[][];
  /**
   * Optional, same shape as `values`: each cell's font name where the reader has it (null where
   * not), for the TCVN3/VNI conversion (shared/text/legacy-convert.ts: `.VnTimeH` means capitals).
   * The parser does not read it.
   */
  fonts?: (string | null)[][];
};
