import type { Issue } from "../result.ts";
import type { SheetInput } from "./input.ts";
import type { InfoKey } from "./labels.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { detectLegacyEncoding } from "../text/legacy-encoding.ts";
import { INFO_KEYS, SHEETS, TEMPLATE_VERSION } from "./labels.ts";
import type { Grid } from "./grid.ts";
import { address, cell, sheetRow, toGrid } from "./grid.ts";
import { legacyIssue, makeIssue, showValue } from "./messages.ts";
import { isEmptyCell } from "./yes-no.ts";
import { readDistrictCode } from "./commune-code.ts";
import { isPlanYear } from "../schemas/plan-year.ts";

/** What `Thông tin` says (docs/template.md), before the reference checks of check-submission.ts. */
export type InfoPiece = {
  /** Sheet name as found (the template's name when the sheet is missing). */
  sheet: string;
  districtCode: string | null;
  districtName: string | null;
  year: number | null;
  preparedBy: string | null;
  phone: string | null;
  /** ISO yyyy-mm-dd. */
  preparedOn: string | null;
  templateVersion: typeof TEMPLATE_VERSION;
  /** Worksheet address (A1) and row of each key's value cell, for issues found later. */
  cells: Partial<Record<InfoKey, { cell: string; row: number }>>;
};

const KEY_BY_MATCH = new Map<string, InfoKey>((Object.entries(INFO_KEYS) as [InfoKey, string][]).map(([k, label]) => [matchKey(label), k]));
const REQUIRED: readonly InfoKey[] = ["districtCode", "districtName", "year"];
/** Texts longer than this are cut (with a warning, an error for the name); the submission schema's limits. */
export const MAX_TEXT = { preparedBy: 200, phone: 50, districtName: 200 } as const;

/** Reads `Thông tin`: key in one cell (column A in the template), value in the cell to its right. */
export function parseInfo(sheet: SheetInput | undefined): { info: InfoPiece; issues: Issue[] } {
  const issues: Issue[] = [];
  const info: InfoPiece = {
    sheet: SHEETS.info,
    districtCode: null,
    districtName: null,
    year: null,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    templateVersion: TEMPLATE_VERSION,
    cells: {},
  };
  if (!sheet) {
    issues.push(makeIssue("sheet.missing", { sheet: SHEETS.info }, { sheet: SHEETS.info }));
    return { info, issues };
  }
  const grid = toGrid(sheet);
  info.sheet = grid.name;
  const { values, cells } = scanKeys(grid, KEY_BY_MATCH);
  info.cells = cells;
  const at = (key: InfoKey) => ({ sheet: info.sheet, cell: info.cells[key]?.cell ?? null, row: info.cells[key]?.row ?? null });

  for (const key of REQUIRED) {
    if (isBlank(values[key])) issues.push(makeIssue("info.missing_key", at(key), { key: INFO_KEYS[key] }));
  }

  const code = values.districtCode;
  if (!isEmptyCell(code)) {
    const read = readDistrictCode(code);
    if (read.ok) info.districtCode = read.code;
    else issues.push(makeIssue("info.district_invalid", at("districtCode"), { value: showValue(code) }));
  }

  info.districtName = readText(values.districtName, MAX_TEXT.districtName, at("districtName"), issues, "error");
  info.year = readYear(values.year, at("year"), issues);
  const preparer = readPreparer(values, at, issues);
  info.preparedBy = preparer.preparedBy;
  info.phone = preparer.phone;
  info.preparedOn = preparer.preparedOn;

  const version = values.templateVersion;
  if (!isEmptyCell(version) && versionOf(version) !== TEMPLATE_VERSION) {
    issues.push(makeIssue("info.version_unsupported", at("templateVersion"), { value: showValue(version), expected: TEMPLATE_VERSION }));
  }
  return { info, issues };
}

/** `NTM-1`, `ntm 2`, ... as `NTM-1` / `NTM-2`; null for anything else (empty included). */
export function versionOf(value: unknown): "NTM-1" | "NTM-2" | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const m = /^ntm-?([12])$/.exec(matchKey(value).replace(/\s/g, ""));
  return m ? (`NTM-${m[1]}` as "NTM-1" | "NTM-2") : null;
}

type Place = { sheet: string; cell: string | null; row: number | null };

/**
 * Key → value cell of `Thông tin`: in each row the first non-empty cell is the key, the cell to its
 * right the value; the first row of a key wins. `keys` maps matchKey(label) → key.
 */
export function scanKeys<K extends string>(
  grid: Grid,
  keys: ReadonlyMap<string, K>,
): { values: Partial<Record<K, unknown>>; cells: Partial<Record<K, { cell: string; row: number }>> } {
  const values: Partial<Record<K, unknown>> = {};
  const cells: Partial<Record<K, { cell: string; row: number }>> = {};
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    let c = 0;
    while (c < row.length && isEmptyCell(row[c])) c++;
    const label = row[c];
    if (typeof label !== "string" || label.length > 200) continue;
    const key = keys.get(matchKey(label));
    if (!key || key in values) continue;
    values[key] = cell(grid, r, c + 1);
    cells[key] = { cell: address(grid, r, c + 1), row: sheetRow(grid, r) };
  }
  return { values, cells };
}

/** `Năm kế hoạch`: a number or four-digit text in the plan-year range; null (with an issue) otherwise. */
export function readYear(year: unknown, place: Place, issues: Issue[]): number | null {
  if (isEmptyCell(year)) return null;
  const n = typeof year === "number" ? year : typeof year === "string" && /^\d{4}$/.test(cleanText(year)) ? Number(cleanText(year)) : NaN;
  if (isPlanYear(n)) return n;
  issues.push(makeIssue("info.year_invalid", place, { value: showValue(year) }));
  return null;
}

/** The preparer keys (`Người lập`, `Số điện thoại`, `Ngày lập`): shown to the office, warnings only. */
export function readPreparer(
  values: Partial<Record<"preparedBy" | "phone" | "preparedOn", unknown>>,
  at: (key: "preparedBy" | "phone" | "preparedOn") => Place,
  issues: Issue[],
): { preparedBy: string | null; phone: string | null; preparedOn: string | null } {
  const preparedBy = readText(values.preparedBy, MAX_TEXT.preparedBy, at("preparedBy"), issues, "warning");
  const phone = readText(values.phone, MAX_TEXT.phone, at("phone"), issues, "warning");
  let preparedOn: string | null = null;
  const date = values.preparedOn;
  if (!isEmptyCell(date)) {
    preparedOn = readDate(date);
    if (preparedOn === null) issues.push(makeIssue("info.date_invalid", at("preparedOn"), { value: showValue(date) }));
  }
  return { preparedBy, phone, preparedOn };
}

/** Empty, or text that cleans to nothing (spaces, zero-width or control characters only). */
export function isBlank(value: unknown): boolean {
  return isEmptyCell(value) || (typeof value === "string" && cleanText(value) === "");
}

/**
 * A free text value: cleaned (shared/text/match.ts `cleanText`: NFC, invisible characters removed,
 * white space collapsed, trimmed); null when nothing is left. Legacy-encoded text is reported (an error for the district
 * name, which the office reads; a warning for preparer details, which are only shown).
 */
export function readText(value: unknown, max: number, place: Place, issues: Issue[], severity: "error" | "warning"): string | null {
  if (isEmptyCell(value)) return null;
  let text: string;
  if (typeof value === "string") {
    text = cleanText(value);
    if (text === "") return null;
  } else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  else return null;
  const legacy = detectLegacyEncoding(text);
  if (legacy) issues.push(legacyIssue(place, value, legacy, severity));
  if (text.length > max) {
    issues.push(makeIssue("text.too_long", place, { max }, severity));
    text = text.slice(0, max);
  }
  return text;
}

const DAY_MS = 86_400_000;
/** Excel's 1900 date system: serial 1 = 1900-01-01, and the phantom 1900-02-29 is serial 60. */
function serialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > 2_958_465 || day === 60) return null;
  const base = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + day * DAY_MS).toISOString().slice(0, 10);
}

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** `Ngày lập`: Excel serial number, dd/mm/yyyy text (also `-` or `.`), or yyyy-mm-dd text. */
export function readDate(value: unknown): string | null {
  if (typeof value === "number") return serialToIso(value);
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) : null;
  }
  if (typeof value !== "string") return null;
  const text = cleanText(value);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}
