import type { Issue, Result } from "../result.ts";
import { hasErrors } from "../result.ts";
import type { SheetInput } from "../template/input.ts";
import { checkSetup } from "./check-setup.ts";
import { SETUP_SHEETS } from "./labels.ts";
import { readBands, readCapitalRows, readCriteria, readPlanFlags } from "./read-lists.ts";
import { findSheet } from "./read-table.ts";
import { readCommunes, readUnits } from "./read-units.ts";
import { readYearSheet } from "./read-year-sheet.ts";
import type { SetupJson } from "./schema.ts";
import type { Setup } from "./types.ts";

/**
 * The `Thiết lập` workbook (docs/setup.md "The setup workbook") → a plan year's setup, in two steps:
 * every cell read (sheets `Năm`, `Đơn vị`, `Xã`, optional `Bộ tiêu chí`, `Nhóm số tiêu chí`,
 * `Nguồn vốn`, `Cờ kế hoạch`; matching as in the template), then, when every cell could be read, the
 * setup's rules (`checkSetup`) with each row's sheet and cell. Nothing half-read: any error gives
 * `ok: false` with every issue found. Cell errors come first and alone: rules that count rows (a
 * unit's communes, duplicates) would only echo a row that could not be read.
 */
export function readSetupWorkbook(sheets: readonly SheetInput[]): Result<Setup> {
  return readSetupWorkbookAndJson(sheets).result;
}

/**
 * `readSetupWorkbook`, and the setup JSON as read (with each row's sheet and row), the body for
 * `PUT /api/v1/setup/:year` so that the server's issues point at cells too; null when unreadable.
 */
export function readSetupWorkbookAndJson(sheets: readonly SheetInput[]): { result: Result<Setup>; json: SetupJson | null } {
  const read = readSetupJson(Array.isArray(sheets) ? sheets : []);
  if (!read.ok) return { result: read, json: null };
  const checked = checkSetup(read.value, read.value.year);
  const result: Result<Setup> = checked.ok
    ? { ok: true, value: checked.value, warnings: [...read.warnings, ...checked.warnings] }
    : { ok: false, issues: [...read.warnings, ...checked.issues] };
  return { result, json: read.value };
}

/** The workbook read cell by cell into the setup JSON (with sources), before the setup's rules. */
export function readSetupJson(sheets: readonly SheetInput[]): Result<SetupJson & { year: number }> {
  const issues: Issue[] = [];
  const sheet = (name: string) => findSheet(sheets, name);
  const year = readYearSheet(sheet(SETUP_SHEETS.year), issues);
  const level = year?.level ?? null;
  const units = readUnits(sheet(SETUP_SHEETS.units), level, issues);
  const communes = readCommunes(sheet(SETUP_SHEETS.communes), level, issues);
  const criteria = readCriteria(sheet(SETUP_SHEETS.criteria), issues);
  const bands = readBands(sheet(SETUP_SHEETS.bands), issues);
  const capital = readCapitalRows(sheet(SETUP_SHEETS.capital), issues);
  const flags = readPlanFlags(sheet(SETUP_SHEETS.planFlags), issues);
  if (hasErrors(issues) || !year || year.year === null || year.criteriaSet === null || year.level === null || !units) {
    return { ok: false, issues };
  }
  const json: SetupJson & { year: number } = {
    year: year.year,
    criteriaSet: {
      id: year.criteriaSet,
      ...(criteria ? { criteria: criteria.items } : {}),
      ...(bands ? { bands: bands.items } : {}),
    },
    level: year.level,
    units: units.units,
    communes: communes?.communes ?? null,
    planFlags: flags?.items ?? [],
    ...(capital ? { capitalRows: capital.items } : {}),
    deadlines: year.deadlines,
    source: {
      year: { sheet: year.sheet, cells: year.cells },
      units: units.source,
      ...(communes ? { communes: communes.source } : {}),
      ...(criteria ? { criteria: criteria.source } : {}),
      ...(bands ? { bands: bands.source } : {}),
      ...(capital ? { capital: capital.source } : {}),
      ...(flags ? { planFlags: flags.source } : {}),
    },
  };
  return { ok: true, value: json, warnings: issues };
}
