import type { Issue } from "../result.ts";
import type { CommuneGroup } from "../setup/types.ts";
import type { SheetInput } from "./input.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { columnLetter } from "./a1.ts";
import type { CritColumns, Layout } from "./read-criteria-rows.ts";
import { CRITERIA_COLUMNS, CRITERION_LABEL, HEADER_SEARCH_ROWS, SHEETS, SUB_COLUMNS } from "./labels.ts";
import { readRows } from "./read-criteria-rows.ts";
import { address, sheetColumn, sheetRow, toGrid, width } from "./grid.ts";
import { makeIssue } from "./messages.ts";
import { ACHIEVED_SUB } from "./result-labels.ts";
import { isEmptyCell } from "./yes-no.ts";

/**
 * The commune table of `Tiêu chí` (docs/template.md), for any template version: the header found by
 * its labels, then one row per commune. What varies by version is the spec: the criteria of the set,
 * the yes/no columns (NTM-1: the four flags; NTM-2: the setup's attributes and plan flags) and the
 * optional `Nhóm xã` column. parse-criteria.ts (NTM-1) and parse-ntm2.ts read through it.
 */
export type TableSpec = {
  criteria: readonly { number: number }[];
  /** Yes/no columns; each by its accepted labels, the first the one the generator writes. */
  marks: readonly { labels: readonly string[] }[];
  /** Accepted labels of the commune group column, or null when the set has no groups. */
  group: readonly string[] | null;
  /** A result template: a `TH` sub-column under each criterion too (docs/template.md "Biểu kết quả thực hiện"). */
  achieved?: boolean;
};

/** One data row as read (before the rules of shared/rules). */
export type TableRow = {
  /** Null when `Mã xã` is missing or invalid (an issue says so). */
  code: string | null;
  /** NFC, trimmed; "" when missing. */
  name: string;
  /** Index i holds spec.marks[i]; false where the column is missing or the cell unreadable. */
  marks: boolean[];
  group: CommuneGroup | null;
  /** Sorted criterion numbers achieved in HT / KH. */
  baseline: number[];
  plan: number[];
  /** Sorted criterion numbers achieved in TH (spec.achieved only). */
  achieved?: number[];
  /** 1-based worksheet row. */
  row: number;
  /** True when a cell of the row (or the header) could not be read: plan rules are not run on it. */
  incomplete: boolean;
};

/** Column letters as found; "" for a criterion column not found (only with a header issue). */
export type TableColumns = {
  code: string;
  name: string;
  group: string | null;
  /** Index i holds spec.marks[i]; null when the column is absent. */
  marks: (string | null)[];
  /** Index i holds criterion spec.criteria[i]: its HT and KH columns. */
  criteria: { baseline: string; plan: string; achieved?: string }[];
};

export type TablePiece = {
  /** Sheet name as found (the template's name when missing). */
  sheet: string;
  /** False when the sheet or its `Mã xã` header is missing: no commune rule can be run. */
  found: boolean;
  rows: TableRow[];
  columns: TableColumns | null;
  /** True when every criterion column and `Tên xã` were found. */
  headerComplete: boolean;
};

type Fixed = "stt" | "code" | "name" | "count" | "group";
const FIXED: readonly [Fixed, readonly string[]][] = [
  ["stt", CRITERIA_COLUMNS.stt],
  ["code", CRITERIA_COLUMNS.code],
  ["name", CRITERIA_COLUMNS.name],
  ["count", CRITERIA_COLUMNS.count],
];
const CODE_KEY = matchKey(CRITERIA_COLUMNS.code[0]);
const BASELINE = new Set(SUB_COLUMNS.baseline.map(matchKey));
const PLAN = new Set(SUB_COLUMNS.plan.map(matchKey));
const ACHIEVED = new Set(ACHIEVED_SUB.map(matchKey));

/** Short labels only: avoids normalising long titles while looking for header cells. */
function labelKey(v: unknown): string | null {
  return typeof v === "string" && v.length <= 120 ? matchKey(v) : null;
}

/** Reads the commune table of `sheet` under `spec`: header by labels, then one entry per data row. */
export function readCriteriaTable(sheet: SheetInput | undefined, spec: TableSpec): { piece: TablePiece; issues: Issue[] } {
  const issues: Issue[] = [];
  const piece: TablePiece = { sheet: SHEETS.criteria, found: false, rows: [], columns: null, headerComplete: false };
  if (!sheet) {
    issues.push(makeIssue("sheet.missing", { sheet: SHEETS.criteria }, { sheet: SHEETS.criteria }));
    return { piece, issues };
  }
  const grid = toGrid(sheet);
  piece.sheet = grid.name;
  const name = grid.name;

  // H1: the first row (within 20) holding a cell that is `Mã xã`.
  let h1 = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rows.length) && h1 < 0; r++) {
    for (const v of grid.rows[r]!) {
      if (labelKey(v) === CODE_KEY) {
        h1 = r;
        break;
      }
    }
  }
  if (h1 < 0) {
    issues.push(makeIssue("header.not_found", { sheet: name }, { label: CRITERIA_COLUMNS.code[0], sheet: name }));
    return { piece, issues };
  }
  piece.found = true;
  const h2 = h1 + 1;
  const h1Row = grid.rows[h1]!;
  const h2Row = grid.rows[h2] ?? [];
  const w = width(grid);
  const h1Place = { sheet: name, row: sheetRow(grid, h1) };

  // Labels of this spec: the fixed columns, the group column, each yes/no column (by index).
  const labels = new Map<string, Fixed | number>();
  for (const [kind, list] of FIXED) for (const l of list) labels.set(matchKey(l), kind);
  for (const l of spec.group ?? []) labels.set(matchKey(l), "group");
  spec.marks.forEach((m, i) => {
    for (const l of m.labels) if (!labels.has(matchKey(l))) labels.set(matchKey(l), i);
  });

  const fixed: Partial<Record<Fixed, number>> = {};
  const markCols = spec.marks.map(() => -1);
  const labelled: number[] = [];
  const found: { number: number; c: number; label: string }[] = [];
  for (let c = 0; c < h1Row.length; c++) {
    const v = h1Row[c];
    if (isEmptyCell(v)) continue;
    labelled.push(c);
    const key = labelKey(v);
    if (key === null) continue;
    const kind = labels.get(key);
    if (typeof kind === "number") {
      if (markCols[kind]! < 0) markCols[kind] = c;
      continue;
    }
    if (kind !== undefined) {
      if (kind !== "count" && fixed[kind] === undefined) fixed[kind] = c;
      continue;
    }
    const m = CRITERION_LABEL.exec(key);
    if (m) found.push({ number: Number(m[1]), c, label: cleanText(v as string) });
  }

  const byNumber = new Map<number, CritColumns>();
  const known = new Set(spec.criteria.map((k) => k.number));
  const maxNumber = spec.criteria.length;
  let headerOk = true;
  for (const f of found) {
    const at = { ...h1Place, cell: address(grid, h1, f.c) };
    if (!known.has(f.number)) {
      issues.push(makeIssue("header.criterion_unknown", at, { label: f.label, number: f.number, max: maxNumber }));
      headerOk = false;
      continue;
    }
    const first = byNumber.get(f.number);
    if (first) {
      issues.push(makeIssue("header.criterion_duplicate", at, { number: f.number, first: address(grid, h1, first.label) }));
      headerOk = false;
      continue;
    }
    // The label's columns: up to the next labelled H1 cell (a merge, widened by inserted columns).
    const next = labelled.find((c) => c > f.c) ?? w;
    let baseline = -1;
    let plan = -1;
    let achieved = -1;
    for (let c = f.c; c < next; c++) {
      const k = labelKey(h2Row[c]);
      if (k === null) continue;
      if (baseline < 0 && BASELINE.has(k)) baseline = c;
      else if (plan < 0 && PLAN.has(k)) plan = c;
      else if (spec.achieved && achieved < 0 && ACHIEVED.has(k)) achieved = c;
    }
    byNumber.set(f.number, { number: f.number, label: f.c, baseline, plan, achieved });
    for (const [col, sub] of [
      [baseline, SUB_COLUMNS.baseline[0]],
      [plan, SUB_COLUMNS.plan[0]],
      ...(spec.achieved ? ([[achieved, ACHIEVED_SUB[0]]] as const) : []),
    ] as const) {
      if (col < 0) {
        issues.push(makeIssue("header.subcolumn_missing", at, { number: f.number, sub }));
        headerOk = false;
      }
    }
  }
  for (const k of spec.criteria) {
    if (!byNumber.has(k.number)) {
      issues.push(makeIssue("header.criterion_missing", h1Place, { number: k.number }));
      headerOk = false;
    }
  }
  const codeCol = fixed.code!;
  const nameCol = fixed.name ?? -1;
  if (nameCol < 0) {
    issues.push(makeIssue("header.column_missing", h1Place, { label: CRITERIA_COLUMNS.name[0] }));
    headerOk = false;
  }
  piece.headerComplete = headerOk;

  const letter = (c: number) => (c < 0 ? "" : columnLetter(sheetColumn(grid, c)));
  const crit = spec.criteria.map((k) => byNumber.get(k.number) ?? { number: k.number, label: -1, baseline: -1, plan: -1, achieved: -1 });
  const groupCol = fixed.group ?? -1;
  piece.columns = {
    code: letter(codeCol),
    name: letter(nameCol),
    group: groupCol < 0 ? null : letter(groupCol),
    marks: markCols.map((c) => (c < 0 ? null : letter(c))),
    criteria: crit.map((k) =>
      spec.achieved
        ? { baseline: letter(k.baseline), plan: letter(k.plan), achieved: letter(k.achieved) }
        : { baseline: letter(k.baseline), plan: letter(k.plan) },
    ),
  };

  const layout: Layout = { codeCol, nameCol, sttCol: fixed.stt ?? -1, groupCol, markCols, crit };
  readRows(grid, h2 + 1, layout, spec, headerOk, piece.rows, issues);
  return { piece, issues };
}
