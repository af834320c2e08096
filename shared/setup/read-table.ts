import type { Issue } from "../result.ts";
import { columnLetter } from "../template/a1.ts";
import type { Grid } from "../template/grid.ts";
import { address, cell, sheetColumn, sheetRow, toGrid } from "../template/grid.ts";
import type { SheetInput } from "../template/input.ts";
import { isEmptyCell } from "../template/yes-no.ts";
import { cleanText, isWord, matchKey } from "../text/match.ts";
import { NOTE_PREFIX } from "./labels.ts";
import { setupIssue } from "./messages.ts";

/** Rows searched for a header (as in the template). */
const HEADER_ROWS = 20;
/** Header labels that are never attributes: a row number column, note columns. */
const STT = matchKey("STT");
const NOTE = matchKey(NOTE_PREFIX);

/**
 * A table of the `Thiết lập` workbook: the header row is the first of the first 20 holding a cell
 * that is the table's first label; columns are found by label (any order, inserted columns allowed);
 * other labelled columns are extra columns (yes/no attributes) unless their label is `STT` or starts
 * with `Ghi chú`; data rows are the non-blank rows below, up to a row whose cell in the first
 * field's column (the code) starts with `Ghi chú` (a note under the table).
 */
export type Table<F extends string> = {
  grid: Grid;
  /** Grid column of each field found. */
  columns: Partial<Record<F, number>>;
  /** Extra labelled columns (attributes), in sheet order. */
  extras: { label: string; column: number }[];
  /** Grid row of the header and of each data row. */
  headerRow: number;
  rows: number[];
};

export type TableSpec<F extends string> = {
  /** Label of each field; the first field's label finds the header row. */
  fields: Record<F, string>;
  first: NoInfer<F>;
  required: readonly NoInfer<F>[];
  extras: boolean;
};

/** The sheet whose name is `name` after matching, if any. */
export function findSheet(sheets: readonly SheetInput[], name: string): SheetInput | undefined {
  return sheets.find((s) => isWord((s as { name?: unknown }).name, name));
}

/** True when the sheet holds no value at all. */
export function isEmptySheet(sheet: SheetInput): boolean {
  return toGrid(sheet).rows.every((r) => r.every(isEmptyCell));
}

export function readTable<F extends string>(sheet: SheetInput, spec: TableSpec<F>, issues: Issue[]): Table<F> | null {
  const grid = toGrid(sheet);
  const firstKey = matchKey(spec.fields[spec.first]);
  let headerRow = -1;
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_ROWS) && headerRow < 0; r++) {
    if (grid.rows[r]!.some((v) => typeof v === "string" && matchKey(v) === firstKey)) headerRow = r;
  }
  if (headerRow < 0) {
    issues.push(setupIssue("setup.header_not_found", { sheet: grid.name }, { sheet: grid.name, label: spec.fields[spec.first] }));
    return null;
  }
  const byLabel = new Map<string, F>((Object.entries(spec.fields) as [F, string][]).map(([f, label]) => [matchKey(label), f]));
  const columns: Partial<Record<F, number>> = {};
  const extras: { label: string; column: number }[] = [];
  const seen = new Set<string>();
  const at = (c: number) => ({ sheet: grid.name, cell: address(grid, headerRow, c), row: sheetRow(grid, headerRow) });
  const header = grid.rows[headerRow]!;
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v !== "string" || cleanText(v) === "") continue;
    const key = matchKey(v);
    const field = byLabel.get(key);
    if (field === undefined && (!spec.extras || key === STT || key.startsWith(NOTE))) continue;
    if (seen.has(key)) {
      issues.push(setupIssue("setup.column_duplicate", at(c), { sheet: grid.name, label: cleanText(v) }));
      continue;
    }
    seen.add(key);
    if (field !== undefined) columns[field] = c;
    else extras.push({ label: cleanText(v), column: c });
  }
  for (const f of spec.required) {
    if (columns[f] === undefined) {
      issues.push(
        setupIssue(
          "setup.column_missing",
          { sheet: grid.name, row: sheetRow(grid, headerRow) },
          { sheet: grid.name, label: spec.fields[f] },
        ),
      );
    }
  }
  const used = [...(Object.values(columns) as number[]), ...extras.map((e) => e.column)];
  const rows: number[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const lead = cell(grid, r, columns[spec.first] ?? 0);
    if (typeof lead === "string" && matchKey(lead).startsWith(NOTE)) break;
    if (used.some((c) => !isEmptyCell(cell(grid, r, c)))) rows.push(r);
  }
  return { grid, columns, extras, headerRow, rows };
}

/** The table's source for issues: its sheet and each field's (and extra label's) column letter. */
export function tableSource<F extends string>(t: Table<F>): { sheet: string; columns: Record<string, string> } {
  const columns: Record<string, string> = {};
  for (const [f, c] of Object.entries(t.columns) as [string, number][]) columns[f] = columnLetter(sheetColumn(t.grid, c));
  for (const e of t.extras) columns[e.label] = columnLetter(sheetColumn(t.grid, e.column));
  return { sheet: t.grid.name, columns };
}

/** Value, A1 address and row of field `f` (or grid column `c`) on grid row `r`. */
export function fieldCell(t: Table<string>, r: number, c: number | undefined) {
  return {
    value: c === undefined ? undefined : cell(t.grid, r, c),
    place: { sheet: t.grid.name, cell: c === undefined ? null : address(t.grid, r, c), row: sheetRow(t.grid, r) },
  };
}
