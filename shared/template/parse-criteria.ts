import type { Issue } from "../result.ts";
import type { CriteriaSet } from "../reference/criteria.ts";
import type { GroupKey } from "../reference/groups.ts";
import type { SourceColumns } from "../schemas/submission.ts";
import type { SheetInput } from "./input.ts";
import type { Grid } from "./grid.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { detectLegacyEncoding } from "../text/legacy-encoding.ts";
import { columnLetter } from "./a1.ts";
import { CRITERIA_COLUMNS, CRITERION_LABEL, HEADER_SEARCH_ROWS, SHEETS, SUB_COLUMNS, TABLE_END_PREFIX, TABLE_END_WORDS } from "./labels.ts";
import { address, sheetColumn, sheetRow, toGrid, width } from "./grid.ts";
import { legacyIssue, makeIssue, showValue } from "./messages.ts";
import { readCommuneCode } from "./commune-code.ts";
import { isEmptyCell, readYesNo } from "./yes-no.ts";

/** One data row of `Tiêu chí` as read (before the rules of check-submission.ts). */
export type ParsedCommune = {
  /** Null when `Mã xã` is missing or invalid (an issue says so). */
  code: string | null;
  /** NFC, trimmed; "" when missing. */
  name: string;
  flags: Record<GroupKey, boolean>;
  /** Sorted criterion numbers achieved in HT / KH. */
  baseline: number[];
  plan: number[];
  /** 1-based worksheet row. */
  row: number;
  /** True when a cell of the row (or the header) could not be read: plan rules are not run on it. */
  incomplete: boolean;
};

export type CriteriaPiece = {
  /** Sheet name as found (the template's name when missing). */
  sheet: string;
  /** False when the sheet or its `Mã xã` header is missing: no commune rule can be run. */
  found: boolean;
  communes: ParsedCommune[];
  /** Column letters; criteria not found have "" (only possible when a header issue was raised). */
  columns: SourceColumns | null;
  /** True when every criterion column and `Tên xã` were found. */
  headerComplete: boolean;
};

type FlagKey = GroupKey;
const FLAG_KEYS: readonly FlagKey[] = ["border", "pilotDifficult", "ntmTarget", "districtDifficult"];

const LABELS = new Map<string, "stt" | "code" | "name" | "count" | FlagKey>();
for (const [k, list] of Object.entries(CRITERIA_COLUMNS)) {
  for (const label of list) LABELS.set(matchKey(label), k as "stt");
}
const CODE_KEY = matchKey(CRITERIA_COLUMNS.code[0]);
const BASELINE = new Set(SUB_COLUMNS.baseline.map(matchKey));
const PLAN = new Set(SUB_COLUMNS.plan.map(matchKey));
const END_WORDS = new Set(TABLE_END_WORDS.map(matchKey));
const END_PREFIX = matchKey(TABLE_END_PREFIX);

/** Short labels only: avoids normalising long titles while looking for header cells. */
function labelKey(v: unknown): string | null {
  return typeof v === "string" && v.length <= 120 ? matchKey(v) : null;
}

function isEndWord(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 200) return false;
  const k = matchKey(v);
  return END_WORDS.has(k) || k.startsWith(END_PREFIX);
}

type CritColumns = { number: number; label: number; baseline: number; plan: number };

/** Reads `Tiêu chí` (docs/template.md): header by labels, then one commune per data row. */
export function parseCriteria(sheet: SheetInput | undefined, criteria: CriteriaSet): { piece: CriteriaPiece; issues: Issue[] } {
  const issues: Issue[] = [];
  const piece: CriteriaPiece = { sheet: SHEETS.criteria, found: false, communes: [], columns: null, headerComplete: false };
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

  const fixed: Partial<Record<"stt" | "code" | "name" | FlagKey, number>> = {};
  const labelled: number[] = [];
  const found: { number: number; c: number; label: string }[] = [];
  for (let c = 0; c < h1Row.length; c++) {
    const v = h1Row[c];
    if (isEmptyCell(v)) continue;
    labelled.push(c);
    const key = labelKey(v);
    if (key === null) continue;
    const kind = LABELS.get(key);
    if (kind !== undefined) {
      if (kind !== "count" && fixed[kind] === undefined) fixed[kind] = c;
      continue;
    }
    const m = CRITERION_LABEL.exec(key);
    if (m) found.push({ number: Number(m[1]), c, label: cleanText(v as string) });
  }

  const byNumber = new Map<number, CritColumns>();
  const known = new Set(criteria.criteria.map((k) => k.number));
  const maxNumber = criteria.criteria.length;
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
    for (let c = f.c; c < next; c++) {
      const k = labelKey(h2Row[c]);
      if (k === null) continue;
      if (baseline < 0 && BASELINE.has(k)) baseline = c;
      else if (plan < 0 && PLAN.has(k)) plan = c;
    }
    byNumber.set(f.number, { number: f.number, label: f.c, baseline, plan });
    for (const [col, sub] of [
      [baseline, SUB_COLUMNS.baseline[0]],
      [plan, SUB_COLUMNS.plan[0]],
    ] as const) {
      if (col < 0) {
        issues.push(makeIssue("header.subcolumn_missing", at, { number: f.number, sub }));
        headerOk = false;
      }
    }
  }
  for (const k of criteria.criteria) {
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
  const crit = criteria.criteria.map((k) => byNumber.get(k.number) ?? { number: k.number, label: -1, baseline: -1, plan: -1 });
  const flagCols = FLAG_KEYS.map((k) => fixed[k] ?? -1);
  piece.columns = {
    code: letter(codeCol),
    name: letter(nameCol),
    flags: {
      border: fixed.border === undefined ? null : letter(fixed.border),
      pilotDifficult: fixed.pilotDifficult === undefined ? null : letter(fixed.pilotDifficult),
      ntmTarget: fixed.ntmTarget === undefined ? null : letter(fixed.ntmTarget),
      districtDifficult: fixed.districtDifficult === undefined ? null : letter(fixed.districtDifficult),
    },
    criteria: crit.map((k) => ({ baseline: letter(k.baseline), plan: letter(k.plan) })),
  };

  readRows(grid, h2 + 1, { codeCol, nameCol, sttCol: fixed.stt ?? -1, flagCols, crit }, headerOk, piece.communes, issues);
  return { piece, issues };
}

type Layout = { codeCol: number; nameCol: number; sttCol: number; flagCols: number[]; crit: CritColumns[] };

function readRows(grid: Grid, start: number, l: Layout, headerOk: boolean, out: ParsedCommune[], issues: Issue[]): void {
  const name = grid.name;
  const { codeCol, nameCol, sttCol, flagCols, crit } = l;
  let endRow = -1;
  for (let r = start; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const codeV = row[codeCol];
    const codeEmpty = isEmptyCell(codeV);
    const wsRow = sheetRow(grid, r);
    if (endRow >= 0) {
      if (!codeEmpty) {
        const read = readCommuneCode(codeV);
        const code = read.ok ? read.code : showValue(codeV);
        issues.push(
          makeIssue(
            "commune.after_total",
            { sheet: name, cell: address(grid, r, codeCol), row: wsRow, commune: read.ok ? read.code : null },
            { code, endRow },
          ),
        );
      }
      continue;
    }
    const nameV = nameCol >= 0 ? row[nameCol] : undefined;
    const nameEmpty = isEmptyCell(nameV);
    if (codeEmpty && ((sttCol >= 0 && isEndWord(row[sttCol])) || isEndWord(nameV))) {
      endRow = wsRow;
      continue;
    }
    if (codeEmpty && nameEmpty && isBlankData(row, flagCols, crit)) continue;

    let incomplete = !headerOk;
    const read = readCommuneCode(codeV);
    const code = read.ok ? read.code : null;
    const place = (c: number) => ({ sheet: name, cell: address(grid, r, c), row: wsRow, commune: code });
    if (!read.ok) {
      issues.push(
        read.empty
          ? makeIssue("commune.code_missing", place(codeCol))
          : makeIssue("commune.code_invalid", place(codeCol), { value: showValue(codeV) }),
      );
    }

    let communeName = "";
    if (nameCol >= 0) {
      if (!nameEmpty) {
        communeName =
          typeof nameV === "string" ? cleanText(nameV) : typeof nameV === "number" && Number.isFinite(nameV) ? String(nameV) : "";
        const legacy = communeName ? detectLegacyEncoding(communeName) : null;
        if (legacy) issues.push(legacyIssue(place(nameCol), nameV, legacy));
        else if (communeName.length > 200) issues.push(makeIssue("text.too_long", place(nameCol), { max: 200 }));
      }
      // A row with a code reaches the shared rules (check-submission.ts), which report a name that
      // cleans to "" at this cell, as they do for the API; a row without one is reported here.
      if (communeName === "" && code === null) issues.push(makeIssue("commune.name_missing", place(nameCol), { code: "" }));
    }

    const flags: Record<FlagKey, boolean> = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };
    for (let i = 0; i < FLAG_KEYS.length; i++) {
      const c = flagCols[i]!;
      if (c < 0) continue;
      const v = row[c];
      const yes = readYesNo(v);
      if (yes === null) {
        incomplete = true;
        const key = FLAG_KEYS[i]!;
        issues.push(
          badCell(v, place(c)) ?? makeIssue("flag.invalid_value", place(c), { value: showValue(v), label: CRITERIA_COLUMNS[key][0] }),
        );
      } else flags[FLAG_KEYS[i]!] = yes;
    }

    const baseline: number[] = [];
    const plan: number[] = [];
    for (let j = 0; j < crit.length; j++) {
      const k = crit[j]!;
      if (k.baseline >= 0) {
        const yes = readYesNo(row[k.baseline]);
        if (yes === null) {
          incomplete = true;
          issues.push(criterionIssue(row[k.baseline], place(k.baseline), k.number, "HT"));
        } else if (yes) baseline.push(k.number);
      }
      if (k.plan >= 0) {
        const yes = readYesNo(row[k.plan]);
        if (yes === null) {
          incomplete = true;
          issues.push(criterionIssue(row[k.plan], place(k.plan), k.number, "KH"));
        } else if (yes) plan.push(k.number);
      }
    }
    baseline.sort((a, b) => a - b);
    plan.sort((a, b) => a - b);
    out.push({ code, name: communeName, flags, baseline, plan, row: wsRow, incomplete });
  }
}

type Place = { sheet: string; cell: string; row: number; commune: string | null };

function criterionIssue(v: unknown, place: Place, number: number, sub: "HT" | "KH"): Issue {
  return badCell(v, place) ?? makeIssue("criterion.invalid_value", place, { value: showValue(v), number, sub });
}

/** Legacy-encoded text in a yes/no cell gets the specific message instead of "invalid value". */
function badCell(v: unknown, place: Place): Issue | null {
  if (typeof v !== "string") return null;
  const legacy = detectLegacyEncoding(v);
  return legacy ? legacyIssue(place, v, legacy) : null;
}

function isBlankData(row: readonly unknown[], flagCols: number[], crit: CritColumns[]): boolean {
  for (const c of flagCols) if (c >= 0 && !isEmptyCell(row[c])) return false;
  for (const k of crit) {
    if (k.baseline >= 0 && !isEmptyCell(row[k.baseline])) return false;
    if (k.plan >= 0 && !isEmptyCell(row[k.plan])) return false;
  }
  return true;
}
