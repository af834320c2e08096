import type { Issue } from "../result.ts";
import type { CommuneGroup } from "../setup/types.ts";
import type { Grid } from "./grid.ts";
import type { TableRow, TableSpec } from "./read-criteria-table.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { detectLegacyEncoding } from "../text/legacy-encoding.ts";
import { TABLE_END_PREFIX, TABLE_END_WORDS } from "./labels.ts";
import { address, sheetRow } from "./grid.ts";
import { legacyIssue, makeIssue, showValue } from "./messages.ts";
import { readCommuneCode } from "./commune-code.ts";
import { readGroup } from "./commune-group.ts";
import { isEmptyCell, readYesNo } from "./yes-no.ts";

/**
 * The data rows of the commune table (docs/template.md), once read-criteria-table.ts has found its
 * header: blank rows skipped, the table's end (`Tổng cộng`, `Ghi chú...`), and per row its code,
 * name, group, yes/no marks and HT/KH, every unreadable cell an issue at its address.
 */
export type CritColumns = { number: number; label: number; baseline: number; plan: number; achieved: number };
/** Grid column indexes of the table (-1 when absent). */
export type Layout = { codeCol: number; nameCol: number; sttCol: number; groupCol: number; markCols: number[]; crit: CritColumns[] };

const END_WORDS = new Set(TABLE_END_WORDS.map(matchKey));
const END_PREFIX = matchKey(TABLE_END_PREFIX);

function isEndWord(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 200) return false;
  const k = matchKey(v);
  return END_WORDS.has(k) || k.startsWith(END_PREFIX);
}

/** A cell of data row r: where its issue points. */
function placeAt(grid: Grid, r: number, c: number, commune: string | null): Place {
  return { sheet: grid.name, cell: address(grid, r, c), row: sheetRow(grid, r), commune };
}

const SCRATCH_BASELINE: number[] = [];
const SCRATCH_PLAN: number[] = [];
const SCRATCH_ACHIEVED: number[] = [];

export function readRows(grid: Grid, start: number, l: Layout, spec: TableSpec, headerOk: boolean, out: TableRow[], issues: Issue[]): void {
  const name = grid.name;
  const { codeCol, nameCol, sttCol, groupCol, markCols, crit } = l;
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
    if (codeEmpty && nameEmpty && isBlankData(row, l)) continue;

    let incomplete = !headerOk;
    const read = readCommuneCode(codeV);
    const code = read.ok ? read.code : null;
    if (!read.ok) {
      issues.push(
        read.empty
          ? makeIssue("commune.code_missing", placeAt(grid, r, codeCol, code))
          : makeIssue("commune.code_invalid", placeAt(grid, r, codeCol, code), { value: showValue(codeV) }),
      );
    }

    let communeName = "";
    if (nameCol >= 0) {
      if (!nameEmpty) {
        communeName =
          typeof nameV === "string" ? cleanText(nameV) : typeof nameV === "number" && Number.isFinite(nameV) ? String(nameV) : "";
        const legacy = communeName ? detectLegacyEncoding(communeName) : null;
        if (legacy) issues.push(legacyIssue(placeAt(grid, r, nameCol, code), nameV, legacy));
        else if (communeName.length > 200) issues.push(makeIssue("text.too_long", placeAt(grid, r, nameCol, code), { max: 200 }));
      }
      // A row with a code reaches the shared rules, which report a name that cleans to "" at this
      // cell, as they do for the API; a row without one is reported here.
      if (communeName === "" && code === null)
        issues.push(makeIssue("commune.name_missing", placeAt(grid, r, nameCol, code), { code: "" }));
    }

    let group: CommuneGroup | null = null;
    if (groupCol >= 0) {
      const g = readGroup(row[groupCol]);
      if (g.ok) group = g.group;
      else
        issues.push(
          badCell(row[groupCol], placeAt(grid, r, groupCol, code)) ??
            makeIssue("commune.group_invalid", placeAt(grid, r, groupCol, code), { value: showValue(row[groupCol]) }),
        );
    }

    const marks: boolean[] = new Array(markCols.length);
    for (let i = 0; i < markCols.length; i++) marks[i] = false;
    for (let i = 0; i < markCols.length; i++) {
      const c = markCols[i]!;
      if (c < 0) continue;
      const v = row[c];
      const yes = readYesNo(v);
      if (yes === null) {
        incomplete = true;
        issues.push(
          badCell(v, placeAt(grid, r, c, code)) ??
            makeIssue("flag.invalid_value", placeAt(grid, r, c, code), { value: showValue(v), label: spec.marks[i]!.labels[0] }),
        );
      } else marks[i] = yes;
    }

    // Numbers gathered in scratch lists, then copied at their exact size (10,000 rows stay small).
    let nb = 0;
    let np = 0;
    let na = 0;
    // Criteria columns usually come in number order: the lists are then sorted as read.
    let sorted = true;
    for (let j = 0; j < crit.length; j++) {
      const k = crit[j]!;
      if (k.baseline >= 0) {
        const yes = readYesNo(row[k.baseline]);
        if (yes === null) {
          incomplete = true;
          issues.push(criterionIssue(row[k.baseline], placeAt(grid, r, k.baseline, code), k.number, "HT"));
        } else if (yes) {
          if (nb > 0 && SCRATCH_BASELINE[nb - 1]! > k.number) sorted = false;
          SCRATCH_BASELINE[nb++] = k.number;
        }
      }
      if (k.plan >= 0) {
        const yes = readYesNo(row[k.plan]);
        if (yes === null) {
          incomplete = true;
          issues.push(criterionIssue(row[k.plan], placeAt(grid, r, k.plan, code), k.number, "KH"));
        } else if (yes) {
          if (np > 0 && SCRATCH_PLAN[np - 1]! > k.number) sorted = false;
          SCRATCH_PLAN[np++] = k.number;
        }
      }
      if (k.achieved >= 0) {
        const yes = readYesNo(row[k.achieved]);
        if (yes === null) {
          incomplete = true;
          issues.push(criterionIssue(row[k.achieved], placeAt(grid, r, k.achieved, code), k.number, "TH"));
        } else if (yes) {
          if (na > 0 && SCRATCH_ACHIEVED[na - 1]! > k.number) sorted = false;
          SCRATCH_ACHIEVED[na++] = k.number;
        }
      }
    }
    const baseline = SCRATCH_BASELINE.slice(0, nb);
    const plan = SCRATCH_PLAN.slice(0, np);
    const achieved = spec.achieved ? SCRATCH_ACHIEVED.slice(0, na) : undefined;
    if (!sorted) {
      baseline.sort((a, b) => a - b);
      plan.sort((a, b) => a - b);
      achieved?.sort((a, b) => a - b);
    }
    // Two literals, not a spread: one object per row, of one shape per kind.
    out.push(
      achieved
        ? { code, name: communeName, marks, group, baseline, plan, achieved, row: wsRow, incomplete }
        : { code, name: communeName, marks, group, baseline, plan, row: wsRow, incomplete },
    );
  }
}

type Place = { sheet: string; cell: string; row: number; commune: string | null };

function criterionIssue(v: unknown, place: Place, number: number, sub: "HT" | "KH" | "TH"): Issue {
  return badCell(v, place) ?? makeIssue("criterion.invalid_value", place, { value: showValue(v), number, sub });
}

/** Legacy-encoded text in a yes/no cell gets the specific message instead of "invalid value". */
function badCell(v: unknown, place: Place): Issue | null {
  if (typeof v !== "string") return null;
  const legacy = detectLegacyEncoding(v);
  return legacy ? legacyIssue(place, v, legacy) : null;
}

/** No typed mark, group or criterion cell (STT numbers and formulas do not count). */
function isBlankData(row: readonly unknown[], l: Layout): boolean {
  for (const c of l.markCols) if (c >= 0 && !isEmptyCell(row[c])) return false;
  if (l.groupCol >= 0 && !isEmptyCell(row[l.groupCol])) return false;
  for (const k of l.crit) {
    if (k.baseline >= 0 && !isEmptyCell(row[k.baseline])) return false;
    if (k.plan >= 0 && !isEmptyCell(row[k.plan])) return false;
    if (k.achieved >= 0 && !isEmptyCell(row[k.achieved])) return false;
  }
  return true;
}
