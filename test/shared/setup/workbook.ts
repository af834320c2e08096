import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import type { SetupWorkbookOptions } from "../../../shared/setup/build-workbook.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import type { SheetInput } from "../../../shared/template/input.ts";
import { isWord } from "../../../shared/text/match.ts";
import { sheetInput } from "../helpers/grid.ts";

/** The `Thiết lap` workbook as Excel's `Range.values` would give it (from the builder). */
export function setupSheets(year: number, from: Setup | null = null, options: SetupWorkbookOptions = {}): SheetInput[] {
  return buildSetupWorkbook(year, from, options).map((m) => sheetInput(m));
}

/** The sheet named `name` (matching), throwing when there is none. */
export function sheet(sheets: readonly SheetInput[], name: string): SheetInput {
  const s = sheets.find((x) => isWord(x.name, name));
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
