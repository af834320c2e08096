import type { ReportChart, ReportSheetModel, ReportTable } from "../../shared/report/report-sheet.ts";
import { DATA_TABLES, RETIRED_TABLES, captionLines } from "../../shared/report/report-sheet.ts";
import { absoluteRows, parseRange, rangeAddress, rectAddress, splitSheet } from "../../shared/template/a1.ts";
import type { Rect } from "../../shared/template/a1.ts";
import type { Features } from "./port.ts";
import { supports } from "./features.ts";
import type { RunContext } from "./run.ts";
import { MAX_REQUEST_BYTES, OP_BYTES, RequestBudget, textBytes } from "./chunks.ts";
import { findSheet } from "./sheets.ts";
import { STYLE_BYTES, applyStyle, fitHeaderRows } from "./styles.ts";
import { formulaCell, setColumnWidths, writeGrid } from "./write-sheet-model.ts";
import type { FormatRect } from "./write-sheet-model.ts";

/** Charts the add-in owns on the report sheet are named with this prefix. */
export const CHART_PREFIX = "NTM_Chart_";

export function chartName(chart: ReportChart): string {
  return `${CHART_PREFIX}${chart.table.replace(/^NTM_/, "")}`;
}

/** Full extent of a model table: header, rows, totals. */
export function tableRect(t: ReportTable): Rect {
  const bottom = t.topRow + t.rows.length + (t.totalsRow ? 1 : 0);
  return { r1: t.topRow, c1: t.leftColumn, r2: bottom, c2: t.leftColumn + t.headers.length - 1 };
}

/** The caption cells above a table's header row (its first column), `lines` of them; null when none. */
export function captionRect(rect: Rect, lines: number): Rect | null {
  return lines > 0 && rect.r1 - lines >= 1 ? { r1: rect.r1 - lines, c1: rect.c1, r2: rect.r1 - 1, c2: rect.c1 } : null;
}

const same = (a: Rect, b: Rect) => a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;

/** Parts of `old` outside `now` (at most a band below and a band to the right). */
export function leftovers(old: Rect, now: Rect): Rect[] {
  const out: Rect[] = [];
  if (old.r2 > now.r2) out.push({ r1: Math.max(old.r1, now.r2 + 1), c1: old.c1, r2: old.r2, c2: old.c2 });
  if (old.c2 > now.c2) out.push({ r1: old.r1, c1: Math.max(old.c1, now.c2 + 1), r2: Math.min(old.r2, now.r2), c2: old.c2 });
  return out.filter((r) => r.r1 <= r.r2 && r.c1 <= r.c2);
}

type Existing = { table: Excel.Table; range: Excel.Range; sheet: string; rect: Rect | null };

export type TablePlan = { name: string; action: "add" | "update" | "resize" | "recreate" };

/**
 * Rewrites the `Tổng hợp` sheet in place. Sync 1: sheet names and workbook tables; sync 2 (when
 * the sheet or an NTM_ table exists): the tables' addresses and the sheet's charts; then all writes
 * (three syncs for the province). Cells outside the model's tables are left alone. A table of the
 * same place and size is updated in place; of another size resized (ExcelApi 1.13) or else deleted
 * and re-added at the same place. Charts named NTM_Chart_* are replaced. Tables of the sheet before
 * setups (NTM_Districts, NTM_CapitalByDistrict), and a table shown only with its data (NTM_Status)
 * that the model no longer has, are deleted, their cells and captions cleared, before anything.
 * A table's captions (the lines above its header row) go with it: cleared where a moved table was.
 */
export async function writeReport(
  rc: RunContext,
  model: ReportSheetModel,
  features: Features,
  maxBytes: number = MAX_REQUEST_BYTES,
): Promise<TablePlan[]> {
  const wb = rc.context.workbook;
  wb.worksheets.load("items/name");
  wb.tables.load("items/name");
  await rc.sync();
  const sheetInfo = findSheet(
    wb.worksheets.items.map((s) => ({ name: s.name })),
    model.name,
  );
  const wanted = new Set(model.tables.map((t) => t.name.toLowerCase()));
  const ours = wb.tables.items.filter((t) => wanted.has(t.name.toLowerCase()));
  const retiredNames = new Set<string>([...RETIRED_TABLES, ...Object.keys(DATA_TABLES)].map((n) => n.toLowerCase()));
  const retiredTables = wb.tables.items.filter((t) => retiredNames.has(t.name.toLowerCase()) && !wanted.has(t.name.toLowerCase()));

  const existing = new Map<string, Existing>();
  const retired: Existing[] = [];
  let charts: Excel.ChartCollection | null = null;
  if (sheetInfo || ours.length > 0 || retiredTables.length > 0) {
    for (const t of ours) {
      const range = t.getRange();
      range.load("address");
      t.load("name,showTotals");
      existing.set(t.name.toLowerCase(), { table: t, range, sheet: "", rect: null });
    }
    for (const t of retiredTables) {
      const range = t.getRange();
      range.load("address");
      retired.push({ table: t, range, sheet: "", rect: null });
    }
    if (sheetInfo) {
      charts = wb.worksheets.getItem(sheetInfo.name).charts;
      charts.load("items/name");
    }
    await rc.sync();
    for (const e of [...existing.values(), ...retired]) {
      e.sheet = splitSheet(e.range.address).sheet ?? "";
      e.rect = parseRange(e.range.address);
    }
  }

  const budget = new RequestBudget(() => rc.sync(), maxBytes);
  const sheetName = sheetInfo?.name ?? model.name;
  const sheet = sheetInfo ? wb.worksheets.getItem(sheetInfo.name) : wb.worksheets.add(model.name);
  const onSheet = (e: Existing) => findSheet([{ name: e.sheet }], sheetName) !== null;

  /** Deletes a table and clears its cells and its `captions` lines above (before any write). */
  const remove = async (e: Existing, captions: number) => {
    await budget.reserve(OP_BYTES * 3);
    e.table.delete();
    if (!e.rect) return;
    const where = wb.worksheets.getItem(e.sheet || sheetName);
    where.getRange(rectAddress(e.rect)).clear();
    const above = captionRect(e.rect, captions);
    if (above) where.getRange(rectAddress(above)).clear();
  };

  // The old tables go first: the new ones take their place (NTM_Units where NTM_Districts was).
  for (const e of retired) await remove(e, captionLines(e.table.name));

  // Plan every table first; deletions go before any add so nothing overlaps.
  const plans: TablePlan[] = [];
  for (const t of model.tables) {
    const e = existing.get(t.name.toLowerCase());
    const want = tableRect(t);
    let action: TablePlan["action"] = "add";
    if (e?.rect && onSheet(e)) {
      if (same(e.rect, want) && e.table.showTotals === Boolean(t.totalsRow)) action = "update";
      else if (e.rect.r1 === want.r1 && e.rect.c1 === want.c1 && supports(features, "tableResize")) action = "resize";
      else {
        action = "recreate";
        if (!supports(features, "tableResize")) rc.skip("tableResize");
      }
    } else if (e) action = "recreate";
    plans.push({ name: t.name, action });
  }
  for (const [i, t] of model.tables.entries()) {
    const e = existing.get(t.name.toLowerCase());
    if (!e || plans[i]!.action !== "recreate") continue;
    await remove(e, t.captions?.length ?? 0);
  }
  if (charts) {
    for (const c of charts.items) {
      if (!c.name.startsWith(CHART_PREFIX)) continue;
      await budget.reserve(OP_BYTES);
      c.delete();
    }
  }

  // Title.
  await budget.reserve(OP_BYTES + STYLE_BYTES);
  const title = sheet.getRange(model.titleCell);
  title.formulas = [[formulaCell(model.title)]];
  applyStyle(title, "title");

  for (const [i, t] of model.tables.entries()) {
    const plan = plans[i]!;
    const captions = t.captions ?? [];
    for (const [k, c] of captions.entries()) {
      await budget.reserve(OP_BYTES + STYLE_BYTES + textBytes(c.text));
      const cell = sheet.getRange(rangeAddress(t.topRow - captions.length + k, t.leftColumn, t.topRow - captions.length + k, t.leftColumn));
      cell.formulas = [[formulaCell(c.text)]];
      applyStyle(cell, c.style);
    }
    const e = existing.get(t.name.toLowerCase());
    const want = tableRect(t);
    const width = t.headers.length;
    const headerBody = rangeAddress(t.topRow, t.leftColumn, t.topRow + t.rows.length, t.leftColumn + width - 1);
    let table: Excel.Table | null = plan.action === "update" || plan.action === "resize" ? (e?.table ?? null) : null;
    if (plan.action === "resize" && e && e.rect) {
      await budget.reserve(OP_BYTES * 4);
      if (e.table.showTotals) e.table.showTotals = false;
      e.table.resize(headerBody);
      for (const r of leftovers(e.rect, want)) sheet.getRange(rectAddress(r)).clear();
    }
    // Header and body: number formats first, then one 2-D formulas array per chunk.
    const formats: FormatRect[] = t.numberFormats
      .map((format, c) => ({
        r1: t.topRow + 1,
        r2: want.r2,
        c1: t.leftColumn + c,
        c2: t.leftColumn + c,
        format,
      }))
      .filter((f) => f.r1 <= f.r2);
    await writeGrid(budget, sheet, t.topRow, t.leftColumn, [t.headers, ...t.rows], width, formats);
    if (!table) {
      await budget.reserve(OP_BYTES * 2);
      table = sheet.tables.add(headerBody, true);
      table.name = t.name;
    }
    if (t.totalsRow) {
      // Switch the totals row on first: Excel fills it with defaults that the values then replace.
      await budget.reserve(OP_BYTES);
      if (plan.action !== "update") table.showTotals = true;
      await writeGrid(budget, sheet, want.r2, t.leftColumn, [t.totalsRow], width, []);
    }
  }

  for (const c of model.charts) {
    const t = model.tables.find((x) => x.name === c.table);
    if (!t) continue;
    const first = c.dataRows?.first ?? 0;
    const last = c.dataRows?.last ?? t.rows.length - 1;
    const r1 = t.topRow + 1 + first;
    const r2 = t.topRow + 1 + last;
    const values = sheet.getRange(rangeAddress(r1, t.leftColumn + c.valueColumn, r2, t.leftColumn + c.valueColumn));
    await budget.reserve(OP_BYTES * 4);
    const chart = sheet.charts.add(c.kind === "bar" ? "BarClustered" : "Pie", values, "Columns");
    chart.name = chartName(c);
    chart.title.text = c.title;
    chart.setPosition(c.anchorCell);
    chart.width = 480;
    chart.height = 300;
    if (supports(features, "chartCategories")) {
      const categories = sheet.getRange(rangeAddress(r1, t.leftColumn + c.categoryColumn, r2, t.leftColumn + c.categoryColumn));
      chart.series.getItemAt(0).setXAxisValues(categories);
    } else rc.skip("chartCategories");
  }

  await setColumnWidths(rc, budget, sheet, model.columnWidths, features);
  await fitHeaderRows(rc, budget, sheet, model, features);

  if (supports(features, "pageLayout")) {
    await budget.reserve(OP_BYTES);
    sheet.pageLayout.orientation = model.print.orientation === "landscape" ? "Landscape" : "Portrait";
    sheet.pageLayout.paperSize = model.print.paperSize;
    sheet.pageLayout.setPrintTitleRows(absoluteRows(model.print.repeatRows));
  } else rc.skip("pageLayout");

  await budget.reserve(OP_BYTES);
  sheet.activate();
  await budget.flush();
  return plans;
}
