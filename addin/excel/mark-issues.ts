import type { Issue } from "../../shared/result.ts";
import { matchKey } from "../../shared/text/match.ts";
import type { Features } from "./port.ts";
import { supports } from "./features.ts";
import type { RunContext } from "./run.ts";
import { OP_BYTES, RequestBudget } from "./chunks.ts";
import { findSheet, loadSheets } from "./sheets.ts";
import type { SheetInfo } from "./sheets.ts";
import { parseRange, rectAddress } from "../../shared/template/a1.ts";
import { MARKS_KEY, saveSetting } from "./settings.ts";
import type { SettingsStore } from "./settings.ts";

/** Error cells red-ish, warning cells yellow-ish (Excel's own "bad" and "neutral" fills). */
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/**
 * A coloured cell, remembered in the document settings so a later call can clear it: `cf` is a
 * conditional format (ExcelApi 1.6; clearing it restores the cell as it was), `fill` a plain fill
 * whose previous colour is kept in `original` (null: no fill).
 */
export type Mark = { sheet: string; cell: string; kind: "cf" | "fill"; original: string | null };

export function readMarks(store: SettingsStore): Mark[] {
  const v = store.get(MARKS_KEY);
  if (!Array.isArray(v)) return [];
  return v.filter(
    (m): m is Mark =>
      typeof m === "object" &&
      m !== null &&
      typeof m.sheet === "string" &&
      typeof m.cell === "string" &&
      (m.kind === "cf" || m.kind === "fill") &&
      (typeof m.original === "string" || m.original === null),
  );
}

const keyOf = (sheet: string, cell: string) => `${matchKey(sheet)}!${cell.toUpperCase()}`;

/**
 * Colours the cells of error and warning issues and clears the marks of cells no longer listed.
 * Sync 1 the sheet names (unless the caller loaded them already), then the changes in one sync
 * (more only past the request budget). In plain-fill mode the current fill of a newly marked cell
 * is loaded in the same batch just before it is recoloured: Excel runs a batch in order, so the
 * load sees the fill as it was. The marked addresses are saved in the document settings.
 */
export async function markIssues(
  rc: RunContext,
  issues: readonly Issue[],
  features: Features,
  store: SettingsStore,
  loaded?: readonly SheetInfo[],
): Promise<Mark[]> {
  const previous = readMarks(store);
  const sheets = loaded ?? (await loadSheets(rc));
  const useCf = supports(features, "conditionalFormats");
  if (!useCf) rc.skip("conditionalFormats");

  const targets = new Map<string, { sheet: string; cell: string; severity: Issue["severity"] }>();
  for (const issue of issues) {
    if (!issue.sheet || !issue.cell) continue;
    const sheet = findSheet(sheets, issue.sheet);
    const rect = parseRange(issue.cell);
    if (!sheet || !rect) continue;
    const cell = rectAddress(rect);
    const key = keyOf(sheet.name, cell);
    const seen = targets.get(key);
    if (!seen || (seen.severity === "warning" && issue.severity === "error"))
      targets.set(key, { sheet: sheet.name, cell, severity: issue.severity });
  }
  const prevByKey = new Map<string, Mark & { actual: string }>();
  for (const m of previous) {
    const sheet = findSheet(sheets, m.sheet);
    if (sheet) prevByKey.set(keyOf(sheet.name, m.cell), { ...m, actual: sheet.name });
  }
  const ws = rc.context.workbook.worksheets;

  const budget = new RequestBudget(() => rc.sync());
  for (const [key, m] of prevByKey) {
    const range = () => ws.getItem(m.actual).getRange(m.cell);
    if (m.kind === "cf") {
      if (supports(features, "conditionalFormats")) {
        await budget.reserve(OP_BYTES);
        range().conditionalFormats.clearAll();
      } else rc.skip("conditionalFormats");
    } else if (!targets.has(key) || useCf) {
      await budget.reserve(OP_BYTES);
      if (m.original === null) range().format.fill.clear();
      else range().format.fill.color = m.original;
    }
  }

  const marks: Mark[] = [];
  // Plain fill: what a cell looked like before its first mark, read in the batch that recolours it.
  const originals = new Map<Mark, Excel.RangeFill>();
  for (const [key, t] of targets) {
    await budget.reserve(OP_BYTES * 3);
    const range = ws.getItem(t.sheet).getRange(t.cell);
    const color = MARK_COLORS[t.severity];
    if (useCf) {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = color;
      marks.push({ sheet: t.sheet, cell: t.cell, kind: "cf", original: null });
    } else {
      const prev = prevByKey.get(key);
      const mark: Mark = { sheet: t.sheet, cell: t.cell, kind: "fill", original: prev?.kind === "fill" ? prev.original : null };
      if (prev?.kind !== "fill") {
        const before = range.format.fill;
        before.load("color");
        originals.set(mark, before);
      }
      range.format.fill.color = color;
      marks.push(mark);
    }
  }
  await budget.flush();
  for (const [mark, fill] of originals) mark.original = fill.color ?? null;
  await saveSetting(store, MARKS_KEY, marks.length > 0 ? marks : null);
  return marks;
}
