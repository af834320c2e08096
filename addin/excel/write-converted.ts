import type { LegacyChange } from "../../shared/text/legacy-convert.ts";
import type { RunContext } from "./run.ts";
import { MAX_REQUEST_BYTES, OP_BYTES, RequestBudget, textBytes } from "./chunks.ts";

/** The font converted cells get: a Unicode font every Windows and Mac has. */
export const UNICODE_FONT = "Times New Roman";

/** What the write did: `written` cells changed; `stale` cells (`Sheet!A1`) left alone because they no longer held the previewed text. */
export type ConvertWrite = { written: number; stale: string[] };

/**
 * Writes the previewed conversions inside the caller's one Excel.run: sync 1 reads the current
 * value of each cell to change (a cell edited since the preview is left alone and listed as
 * stale: nothing the user did not see is written), then the converted values and the font
 * `Times New Roman` of those cells, in requests under the limit (one sync for a unit's workbook).
 */
export async function writeConverted(
  rc: RunContext,
  changes: readonly LegacyChange[],
  maxBytes: number = MAX_REQUEST_BYTES,
): Promise<ConvertWrite> {
  if (changes.length === 0) return { written: 0, stale: [] };
  const ws = rc.context.workbook.worksheets;
  const ranges = changes.map((c) => {
    const range = ws.getItem(c.sheet).getRange(c.cell);
    range.load("values");
    return { change: c, range };
  });
  await rc.sync();

  const budget = new RequestBudget(() => rc.sync(), maxBytes);
  const stale: string[] = [];
  let written = 0;
  for (const { change, range } of ranges) {
    if ((range.values as unknown[][])[0]?.[0] !== change.before) {
      stale.push(`${change.sheet}!${change.cell}`);
      continue;
    }
    await budget.reserve(textBytes(change.after) + OP_BYTES * 2);
    range.values = [[change.after]];
    range.format.font.name = UNICODE_FONT;
    written++;
  }
  await budget.flush();
  return { written, stale };
}
