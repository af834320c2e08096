import type { Issue } from "../result.ts";
import type { SheetInput } from "../template/input.ts";
import { isEmptyCell } from "../template/yes-no.ts";
import { readDigits, readFlag, readFormerCodes, readGroup, readText } from "./read-cells.ts";
import { fieldCell, isEmptySheet, readTable, tableSource } from "./read-table.ts";
import type { Table } from "./read-table.ts";
import { COMMUNE_COLUMNS, SETUP_SHEETS, UNIT_CODE_DIGITS, UNIT_COLUMNS } from "./labels.ts";
import { setupIssue } from "./messages.ts";
import type { SetupJsonParsed } from "./schema.ts";
import type { UnitLevel } from "./types.ts";

type Units = SetupJsonParsed["units"];
type Communes = NonNullable<SetupJsonParsed["communes"]>;
type Source = { sheet: string; columns: Record<string, string> };

/** Attribute cells of a row: every extra column, empty = no. */
function attributesOf(t: Table<string>, r: number, issues: Issue[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const e of t.extras) {
    const { value, place } = fieldCell(t, r, e.column);
    out[e.label] = readFlag(value, e.label, place, issues);
  }
  return out;
}

/**
 * `Đơn vị`: `Mã đơn vị`, `Tên đơn vị`, then yes/no attribute columns. Codes are read with the
 * level's digits (huyện 3, xã 5; 5 while the level is unknown).
 */
export function readUnits(
  sheet: SheetInput | undefined,
  level: UnitLevel | null,
  issues: Issue[],
): { units: Units; source: Source } | null {
  if (!sheet) {
    issues.push(setupIssue("setup.sheet_missing", { sheet: SETUP_SHEETS.units }, { sheet: SETUP_SHEETS.units }));
    return null;
  }
  const t = readTable(sheet, { fields: UNIT_COLUMNS, first: "code", required: ["code", "name"], extras: true }, issues);
  if (!t) return null;
  const digits = UNIT_CODE_DIGITS[level ?? "xã"];
  const units: Units = [];
  for (const r of t.rows) {
    const code = fieldCell(t, r, t.columns.code);
    const name = fieldCell(t, r, t.columns.name);
    const row = code.place.row;
    if (isEmptyCell(code.value)) {
      issues.push(setupIssue("setup.code_missing", code.place, { label: UNIT_COLUMNS.code }));
      continue;
    }
    const read = readDigits(code.value, digits, code.place, issues);
    const text = readText(name.value, 200, name.place, issues);
    const attributes = attributesOf(t, r, issues);
    if (read !== null) units.push({ code: read, name: text, attributes, source: { sheet: t.grid.name, row } });
  }
  return { units, source: tableSource(t) };
}

/**
 * `Xã`: `Mã xã`, `Tên xã`, `Mã đơn vị`, `Nhóm xã`, yes/no attribute columns, `Mã xã cũ`. Null (no
 * registered list) when the sheet is missing or has no commune row. At level xã `Mã đơn vị` may be
 * left empty (the commune is its own unit); at level huyện it is required.
 */
export function readCommunes(
  sheet: SheetInput | undefined,
  level: UnitLevel | null,
  issues: Issue[],
): { communes: Communes; source: Source } | null {
  if (!sheet || isEmptySheet(sheet)) return null;
  const required = level === "huyện" ? (["code", "name", "unit"] as const) : (["code", "name"] as const);
  const t = readTable(sheet, { fields: COMMUNE_COLUMNS, first: "code", required, extras: true }, issues);
  if (!t) return null;
  const digits = UNIT_CODE_DIGITS[level ?? "xã"];
  const communes: Communes = [];
  for (const r of t.rows) {
    const code = fieldCell(t, r, t.columns.code);
    if (isEmptyCell(code.value)) {
      issues.push(setupIssue("setup.code_missing", code.place, { label: COMMUNE_COLUMNS.code }));
      continue;
    }
    const read = readDigits(code.value, 5, code.place, issues);
    const shown = read ?? "?";
    const name = fieldCell(t, r, t.columns.name);
    const unit = fieldCell(t, r, t.columns.unit);
    const group = fieldCell(t, r, t.columns.group);
    const former = fieldCell(t, r, t.columns.former);
    let unitCode: string | null = null;
    if (!isEmptyCell(unit.value)) unitCode = readDigits(unit.value, digits, unit.place, issues);
    else if (level === "xã") unitCode = read;
    else issues.push(setupIssue("setup.code_missing", unit.place, { label: COMMUNE_COLUMNS.unit }));
    const text = readText(name.value, 200, name.place, issues);
    const g = readGroup(group.value, shown, group.place, issues);
    const formerCodes = readFormerCodes(former.value, shown, former.place, issues);
    const attributes = attributesOf(t, r, issues);
    if (read === null || unitCode === null || g === undefined) continue;
    communes.push({
      code: read,
      name: text,
      unit: unitCode,
      group: g,
      attributes,
      formerCodes,
      source: { sheet: t.grid.name, row: code.place.row },
    });
  }
  return t.rows.length === 0 ? null : { communes, source: tableSource(t) };
}
