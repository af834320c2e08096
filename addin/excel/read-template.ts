import type { SheetInput } from "../../shared/template/input.ts";
import { SHEETS } from "../../shared/template/labels.ts";
import { rangeAddress, sheetAddress, topLeft } from "../../shared/template/a1.ts";
import type { Features } from "./port.ts";
import { supports } from "./features.ts";
import type { RunContext } from "./run.ts";
import { MAX_REQUEST_BYTES, OP_BYTES, RequestBudget, splitRead } from "./chunks.ts";
import { findSheet } from "./sheets.ts";
import type { SheetInfo } from "./sheets.ts";

/** The template sheets the parser reads (the report sheet is not input). */
export const TEMPLATE_SHEETS = [SHEETS.info, SHEETS.criteria, SHEETS.capital, SHEETS.indicators] as const;

/** A used range as loaded: its address and size (null: the sheet has no used cell). */
export type UsedRange = { address: string; rowCount: number; columnCount: number } | null;

/** What the first sync of a read found: every sheet's name and position, and used ranges by sheet name. */
export type LocatedTemplate = { sheets: SheetInfo[]; used: Map<string, UsedRange> };

/**
 * Sync 1 of a read: the names and positions of all sheets and, on ExcelApi 1.4+, in the same
 * sync, the used range of each template sheet under its expected name
 * (`getItemOrNullObject(name).getUsedRangeOrNullObject(true)`; Excel matches sheet names without
 * case). A sheet the parser matches under a differently typed name (NFD, spacing) has no used
 * range here: readTemplate loads it with one more sync.
 */
export async function locateTemplate(rc: RunContext, features: Features): Promise<LocatedTemplate> {
  const ws = rc.context.workbook.worksheets;
  ws.load("items/name,items/position");
  const direct = supports(features, "getItemOrNullObject")
    ? TEMPLATE_SHEETS.map((name) => {
        const sheet = ws.getItemOrNullObject(name);
        sheet.load("name");
        const range = sheet.getUsedRangeOrNullObject(true);
        range.load("address,rowCount,columnCount");
        return { sheet, range };
      })
    : [];
  await rc.sync();
  const sheets = ws.items.map((s) => ({ name: s.name, position: s.position }));
  const used = new Map<string, UsedRange>();
  for (const { sheet, range } of direct) {
    if (sheet.isNullObject) continue;
    used.set(sheet.name, range.isNullObject ? null : { address: range.address, rowCount: range.rowCount, columnCount: range.columnCount });
  }
  return { sheets, used };
}

/**
 * Reads every template sheet's used range as `Range.values`: sync 1 the sheet names with the used
 * ranges (locateTemplate, unless the caller ran it already), one more sync only for used ranges it
 * could not get (ExcelApi < 1.4, or a sheet under a differently typed name), then the values in row
 * chunks under the request limit (one sync for a district workbook). A sheet without used cells
 * reads as `A1` holding "", as Excel's getUsedRange gives it.
 */
export async function readTemplate(
  rc: RunContext,
  features: Features,
  maxBytes: number = MAX_REQUEST_BYTES,
  located?: LocatedTemplate,
): Promise<SheetInput[]> {
  const { sheets, used } = located ?? (await locateTemplate(rc, features));
  const wanted = sheets.filter((s) => TEMPLATE_SHEETS.some((t) => findSheet([s], t))).sort((a, b) => a.position - b.position);
  if (wanted.length === 0) return [];

  const ws = rc.context.workbook.worksheets;
  const missing = wanted.filter((s) => !used.has(s.name));
  if (missing.length > 0) {
    const valuesOnly = supports(features, "usedRangeValuesOnly");
    const ranges = missing.map((s) => {
      const sheet = ws.getItem(s.name);
      const range = valuesOnly ? sheet.getUsedRange(true) : sheet.getUsedRange();
      range.load("address,rowCount,columnCount");
      return { name: s.name, range };
    });
    await rc.sync();
    for (const { name, range } of ranges)
      used.set(name, { address: range.address, rowCount: range.rowCount, columnCount: range.columnCount });
  }

  const budget = new RequestBudget(() => rc.sync(), maxBytes);
  const reads: { name: string; address: string; parts: Excel.Range[] | null }[] = [];
  for (const s of wanted) {
    const u = used.get(s.name) ?? null;
    if (u === null) {
      reads.push({ name: s.name, address: sheetAddress(s.name, "A1"), parts: null });
      continue;
    }
    const { row, column } = topLeft(u.address);
    const parts: Excel.Range[] = [];
    for (const chunk of splitRead(u.rowCount, u.columnCount, maxBytes - OP_BYTES, budget.remaining(OP_BYTES))) {
      await budget.reserve(chunk.bytes + OP_BYTES);
      const r1 = row + chunk.start;
      const part = ws.getItem(s.name).getRange(rangeAddress(r1, column, r1 + chunk.count - 1, column + u.columnCount - 1));
      part.load("values");
      parts.push(part);
    }
    reads.push({ name: s.name, address: u.address, parts });
  }
  await budget.flush();

  return reads.map((r) => ({
    name: r.name,
    address: r.address,
    values: r.parts === null ? [[""]] : r.parts.flatMap((p) => p.values as unknown[][]),
  }));
}
