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
export type CritColumns = { number: number; label: number; baseline: number; plan: number };
/** Grid column indexes of the table (-1 when absent). */
export type Layout = { codeCol: number; nameCol: number; sttCol: number; groupCol: number; markCols: number[]; crit: CritColumns[] };

const END_WORDS = new Set(TABLE_END_WORDS.map(matchKey));
const END_PREFIX = matchKey(TABLE_END_PREFIX);

function isEndWord(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 200) return false;
  const k = matchKey(v);
  return END_WORDS.has(k) || k.startsWith(END_PREFIX);
}

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
      // A row with a code reaches the shared rules, which report a name that cleans to "" at this
      // cell, as they do for the API; a row without one is reported here.
      if (communeName === "" && code === null) issues.push(makeIssue("commune.name_missing", place(nameCol), { code: "" }));
    }

    let group: CommuneGroup | null = null;
    if (groupCol >= 0) {
      const g = readGroup(row[groupCol]);
      if (g.ok) group = g.group;
      else
        issues.push(
          badCell(row[groupCol], place(groupCol)) ??
            makeIssue("commune.group_invalid", place(groupCol), { value: showValue(row[groupCol]) }),
        );
    }

    const marks = markCols.map(() => false);
    for (let i = 0; i < markCols.length; i++) {
      const c = markCols[i]!;
      if (c < 0) continue;
      const v = row[c];
      const yes = readYesNo(v);
      if (yes === null) {
        incomplete = true;
        issues.push(
          badCell(v, place(c)) ?? makeIssue("flag.invalid_value", place(c), { value: showValue(v), label: spec.marks[i]!.labels[0] }),
        );
      } else marks[i] = yes;
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
    out.push({ code, name: communeName, marks, group, baseline, plan, row: wsRow, incomplete });
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

/** No typed mark, group or criterion cell (STT numbers and formulas do not count). */
function isBlankData(row: readonly unknown[], l: Layout): boolean {
  for (const c of l.markCols) if (c >= 0 && !isEmptyCell(row[c])) return false;
  if (l.groupCol >= 0 && !isEmptyCell(row[l.groupCol])) return false;
  for (const k of l.crit) {
    if (k.baseline >= 0 && !isEmptyCell(row[k.baseline])) return false;
    if (k.plan >= 0 && !isEmptyCell(row[k.plan])) return false;
  }
  return true;
}
