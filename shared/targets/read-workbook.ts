import type { Issue, Result } from "../result.ts";
import { hasErrors } from "../result.ts";
import { isPlanYear } from "../schemas/plan-year.ts";
import { findSheet } from "../setup/read-table.ts";
import type { Setup } from "../setup/types.ts";
import type { Grid } from "../template/grid.ts";
import { address, cell, sheetRow, toGrid } from "../template/grid.ts";
import type { SheetInput } from "../template/input.ts";
import { showValue } from "../template/messages.ts";
import { isEmptyCell } from "../template/yes-no.ts";
import { cleanText, isWord } from "../text/match.ts";
import { readAmount } from "../text/vn-number.ts";
import { checkTargets } from "./check-targets.ts";
import { isHeaderLabel, isYearLabel, parseKeyLabel, TARGET_SHEETS, UNIT_CODE_LABEL, UNIT_NAME_LABEL } from "./keys.ts";
import type { TargetKind } from "./keys.ts";
import { targetsIssue } from "./messages.ts";
import type { TargetsPlace } from "./messages.ts";
import type { Targets, TargetsJson, TargetsSource } from "./schema.ts";

/** Rows searched for the header of `Chỉ tiêu đơn vị` (as in the template). */
const HEADER_ROWS = 20;

/**
 * The `Chỉ tiêu` workbook (cycle.md "Targets") → the targets JSON, every value with its cell
 * (`source`), before the setup's rules: sheet `Chỉ tiêu tỉnh` (key in the first filled cell of a row,
 * value in the cell to its right; any order; blank rows, a title, the `Chỉ tiêu` header row and notes
 * without a value are skipped; a known key with an empty value is no target) and the optional sheet
 * `Chỉ tiêu đơn vị` (header `Mã đơn vị`, an optional `Tên đơn vị`, then key columns; one row per
 * unit). Values are read like the template's amounts (shared/text/vn-number.ts): a number cell, or
 * Vietnamese text such as `2.526.400` or `437,1`. Any cell that cannot be read is an issue at it.
 */
export function readTargetsJson(sheets: readonly SheetInput[]): Result<TargetsJson> {
  const issues: Issue[] = [];
  const list = Array.isArray(sheets) ? sheets : [];
  const source: TargetsSource = {};
  const provinceSheet = findSheet(list, TARGET_SHEETS.province);
  if (!provinceSheet) {
    issues.push(targetsIssue("targets.sheet_missing", { sheet: TARGET_SHEETS.province }, { sheet: TARGET_SHEETS.province }));
    return { ok: false, issues };
  }
  const grid = toGrid(provinceSheet);
  let year: number | null = null;
  let yearSeen = false;
  const province: Record<string, number> = {};
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    let c = 0;
    while (c < row.length && isEmptyCell(row[c])) c++;
    if (c >= row.length) continue;
    const label = row[c];
    const value = cell(grid, r, c + 1);
    const place = placeAt(grid, r, c + 1);
    if (typeof label === "string" && isYearLabel(label)) {
      if (yearSeen) continue;
      yearSeen = true;
      source.year = { sheet: grid.name, cell: place.cell! };
      year = readYear(value, place, issues);
      continue;
    }
    if (isEmptyCell(value)) continue; // a title, a note, a key left empty: no target
    if (typeof label === "string" && isHeaderLabel(label)) continue;
    const parsed = typeof label === "string" ? parseKeyLabel(label) : null;
    const labelPlace = placeAt(grid, r, c);
    if (!parsed) {
      issues.push(targetsIssue("targets.key_unknown", labelPlace, { key: cleanText(String(label)) }));
      continue;
    }
    const n = readValue(value, parsed.kind, cleanText(label as string), place, issues);
    if (n === null) continue;
    if (parsed.key in province) {
      issues.push(
        targetsIssue("targets.key_duplicate", labelPlace, {
          key: cleanText(label as string),
          first: source[`province/${parsed.key}`]?.cell ?? "",
        }),
      );
      continue;
    }
    province[parsed.key] = n;
    source[`province/${parsed.key}`] = { sheet: grid.name, cell: place.cell! };
  }
  if (!yearSeen) issues.push(targetsIssue("targets.year_missing", { sheet: grid.name }));

  const units = readUnitsSheet(findSheet(list, TARGET_SHEETS.units), source, issues);
  if (hasErrors(issues) || year === null) return { ok: false, issues };
  return { ok: true, value: { year, province, units, source }, warnings: issues };
}

/** `readTargetsJson` then `checkTargets` against the year's setup; also the JSON (the PUT body, with cells), null when unreadable. */
export function readTargetsWorkbook(sheets: readonly SheetInput[], setup: Setup): { result: Result<Targets>; json: TargetsJson | null } {
  const read = readTargetsJson(sheets);
  if (!read.ok) return { result: read, json: null };
  return { result: checkTargets(read.value, setup, setup.year), json: read.value };
}

function placeAt(grid: Grid, r: number, c: number): TargetsPlace {
  return { sheet: grid.name, cell: address(grid, r, c), row: sheetRow(grid, r) };
}

function readYear(value: unknown, place: TargetsPlace, issues: Issue[]): number | null {
  const text = typeof value === "string" ? cleanText(value) : null;
  const n = typeof value === "number" ? value : text !== null && /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  if (isPlanYear(n)) return n;
  issues.push(
    isEmptyCell(value)
      ? targetsIssue("targets.year_missing", place)
      : targetsIssue("targets.year_invalid", place, { value: showValue(value) }),
  );
  return null;
}

/**
 * A value cell: a number cell as it is (the rules say whether it is a valid count or amount), text
 * read the Vietnamese way (`1.700.000`, `437,1`, `-3` read as −3 so that the rule names it). Null
 * with an issue when unreadable.
 */
function readValue(value: unknown, kind: TargetKind, key: string, place: TargetsPlace, issues: Issue[]): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const text = cleanText(value);
    const negative = /^[-\u2212]/.test(text);
    const read = readAmount(negative ? text.slice(1) : text);
    if (read.ok && !read.empty) return (negative ? -read.milli : read.milli) / 1000;
  }
  issues.push(targetsIssue(kind === "count" ? "targets.count_invalid" : "targets.amount_invalid", place, { key, value: showValue(value) }));
  return null;
}

/** `Chỉ tiêu đơn vị`: the header row, then one row per unit; absent or empty: no unit targets. */
function readUnitsSheet(sheet: SheetInput | undefined, source: TargetsSource, issues: Issue[]): Record<string, Record<string, number>> {
  const units: Record<string, Record<string, number>> = {};
  if (!sheet) return units;
  const grid = toGrid(sheet);
  if (grid.rows.every((r) => r.every(isEmptyCell))) return units;
  let header = -1;
  let codeColumn = -1;
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.rows.length) && header < 0; r++) {
    const c = grid.rows[r]!.findIndex((v) => isWord(v, UNIT_CODE_LABEL));
    if (c >= 0) [header, codeColumn] = [r, c];
  }
  if (header < 0) {
    issues.push(targetsIssue("targets.header_not_found", { sheet: grid.name }, { sheet: grid.name }));
    return units;
  }
  const columns: { column: number; key: string; kind: TargetKind; label: string }[] = [];
  const headerRow = grid.rows[header]!;
  const seen = new Map<string, string>();
  for (let c = 0; c < headerRow.length; c++) {
    const label = headerRow[c];
    if (c === codeColumn || isEmptyCell(label) || isWord(label, UNIT_NAME_LABEL) || isWord(label, "STT")) continue;
    if (typeof label === "string" && /^ghi chú/i.test(cleanText(label))) continue;
    const parsed = typeof label === "string" ? parseKeyLabel(label) : null;
    const place = placeAt(grid, header, c);
    if (!parsed) {
      issues.push(targetsIssue("targets.key_unknown", place, { key: cleanText(String(label)) }));
      continue;
    }
    if (seen.has(parsed.key)) {
      issues.push(targetsIssue("targets.key_duplicate", place, { key: cleanText(label as string), first: seen.get(parsed.key)! }));
      continue;
    }
    seen.set(parsed.key, place.cell!);
    columns.push({ column: c, key: parsed.key, kind: parsed.kind, label: cleanText(label as string) });
  }
  const rowOfUnit = new Map<string, number>();
  for (let r = header + 1; r < grid.rows.length; r++) {
    const codeValue = cell(grid, r, codeColumn);
    const filled = columns.filter((col) => !isEmptyCell(cell(grid, r, col.column)));
    const codePlace = placeAt(grid, r, codeColumn);
    if (isEmptyCell(codeValue)) {
      if (filled.length > 0) issues.push(targetsIssue("targets.unit_missing", codePlace));
      continue;
    }
    const code = readCode(codeValue);
    if (code === null) {
      issues.push(targetsIssue("targets.unit_code_invalid", codePlace, { value: showValue(codeValue) }));
      continue;
    }
    if (filled.length === 0) continue; // a unit listed without targets
    if (rowOfUnit.has(code)) {
      issues.push(targetsIssue("targets.unit_duplicate", codePlace, { unit: code, first: rowOfUnit.get(code)! }));
      continue;
    }
    rowOfUnit.set(code, codePlace.row!);
    source[`units/${code}`] = { sheet: grid.name, cell: codePlace.cell! };
    const values: Record<string, number> = {};
    for (const col of filled) {
      const place = placeAt(grid, r, col.column);
      const n = readValue(cell(grid, r, col.column), col.kind, col.label, place, issues);
      if (n === null) continue;
      values[col.key] = n;
      source[`units/${code}/${col.key}`] = { sheet: grid.name, cell: place.cell! };
    }
    units[code] = values;
  }
  return units;
}

/** A unit code: a positive whole number or digit text (1-10 digits), as typed (padding is the setup's). */
function readCode(value: unknown): string | null {
  const text =
    typeof value === "number"
      ? Number.isSafeInteger(value) && value > 0
        ? String(value)
        : ""
      : typeof value === "string"
        ? cleanText(value)
        : "";
  return /^\d{1,10}$/.test(text) && !/^0+$/.test(text) ? text : null;
}
