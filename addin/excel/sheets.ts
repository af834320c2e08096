import { matchKey } from "../../shared/text/match.ts";
import type { RunContext } from "./run.ts";

export type SheetInfo = { name: string; position: number };

/** Loads the names and positions of all worksheets (one sync). */
export async function loadSheets(rc: RunContext): Promise<SheetInfo[]> {
  const sheets = rc.context.workbook.worksheets;
  sheets.load("items/name,items/position");
  await rc.sync();
  return sheets.items.map((s) => ({ name: s.name, position: s.position }));
}

/** The workbook's sheet that matches `name` after text matching (NFC, case, spaces), or null. */
export function findSheet<T extends { name: string }>(sheets: readonly T[], name: string): T | null {
  const key = matchKey(name);
  return sheets.find((s) => matchKey(s.name) === key) ?? null;
}
