import type { Issue } from "../result.ts";
import type { SetupPlace } from "./messages.ts";

/** Where a row of the setup came from (schema.ts `source` of a row). */
export type RowSource = { sheet: string; row: number } | undefined;
/** Where a table came from: its sheet, each field's column, and for a string list each item's row. */
export type TableSource = { sheet: string; columns: Record<string, string>; rows?: number[] | undefined } | undefined;

/**
 * The place of an issue about `field` of one row: the row's sheet and row, and the cell where the
 * table names the field's column. Without a source (a setup sent as JSON only) the place is empty
 * and the message names the code or label concerned.
 */
export function placeOf(table: TableSource, row: RowSource, field: string | null, commune: string | null = null): SetupPlace {
  const sheet = row?.sheet ?? table?.sheet ?? null;
  const r = row?.row ?? null;
  const column = field !== null ? table?.columns[field] : undefined;
  return { sheet, row: r, cell: column && r !== null ? `${column}${r}` : null, commune };
}

/** The place of item `index` of a string list (plan flags) whose table source lists each item's row. */
export function listPlace(table: TableSource, index: number, field: string): SetupPlace {
  const row = table?.rows?.[index];
  return placeOf(table, table && row !== undefined ? { sheet: table.sheet, row } : undefined, field);
}

/** True when an error was added to `issues` after index `before` (warnings do not count). */
export function errorsSince(issues: readonly Issue[], before: number): boolean {
  for (let i = before; i < issues.length; i++) if (issues[i]!.severity === "error") return true;
  return false;
}
