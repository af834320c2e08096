import type { Issue } from "../result.ts";
import { legacyIssue, showValue } from "../template/messages.ts";
import { isEmptyCell, readYesNo } from "../template/yes-no.ts";
import { detectLegacyEncoding } from "../text/legacy-encoding.ts";
import { cleanText, matchKey, stripDiacritics } from "../text/match.ts";
import { setupIssue } from "./messages.ts";
import type { SetupPlace } from "./messages.ts";

/**
 * Cell values of the `Thiết lập` workbook, read like the template's (docs/template.md): text cleaned
 * (NFC, spaces), yes/no as the template accepts it, codes as number or digit text. Each reader adds
 * an issue at the cell for what it cannot read.
 */

/** Codes longer than this are not codes (the JSON schema's limit). */
const MAX_CODE_DIGITS = 10;

/**
 * A code cell as digits: a number cell (a positive integer) or digit text, left-padded with zeros to
 * `digits` when shorter (Excel drops the leading zero of `06148`), as `readCode` does; a code LONGER
 * than `digits` is kept as typed, so that the setup's rules name it (`setup.unit_code_length`).
 * Null when the cell is empty (`missing` issue by the caller) or unreadable (issue added).
 */
export function readDigits(value: unknown, digits: number, place: SetupPlace, issues: Issue[]): string | null {
  if (isEmptyCell(value)) return null;
  let text: string | null = null;
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) text = String(value);
  else if (typeof value === "string") text = cleanText(value);
  if (text === null || !/^\d+$/.test(text) || /^0+$/.test(text) || text.length > MAX_CODE_DIGITS) {
    issues.push(setupIssue("setup.code_invalid", place, { value: showValue(value), digits }));
    return null;
  }
  return text.padStart(digits, "0");
}

/** Free text (names, labels): cleaned; numbers as typed; legacy-encoded text is an error; over `max` an error. */
export function readText(value: unknown, max: number, place: SetupPlace, issues: Issue[]): string {
  let text = "";
  if (typeof value === "string") text = cleanText(value);
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  if (text === "") return "";
  const legacy = detectLegacyEncoding(text);
  if (legacy) issues.push(legacyIssue(place, value, legacy));
  if (text.length > max) issues.push(setupIssue("setup.text_too_long", place, { max }));
  return text;
}

/** A yes/no attribute cell: empty is no. */
export function readFlag(value: unknown, label: string, place: SetupPlace, issues: Issue[]): boolean {
  const yes = readYesNo(value);
  if (yes === null) issues.push(setupIssue("setup.yes_no_invalid", place, { value: showValue(value), label }));
  return yes === true;
}

/** A whole number (`Số`, `Từ`, `Đến`): a number cell or digit text. */
export function readInteger(value: unknown, place: SetupPlace, issues: Issue[]): number | null {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  const text = typeof value === "string" ? cleanText(value) : "";
  if (/^\d{1,6}$/.test(text)) return Number(text);
  issues.push(setupIssue("setup.number_invalid", place, { value: showValue(value) }));
  return null;
}

/**
 * `Nhóm xã`: empty is none; a number, or text `2` / `Nhóm 2` / `nhom 2`. Any whole number is passed
 * on (the setup's rules refuse one outside 1-3 with `setup.group_invalid`); anything else is
 * `setup.group_invalid` here. Undefined when unreadable.
 */
export function readGroup(value: unknown, commune: string, place: SetupPlace, issues: Issue[]): number | null | undefined {
  if (isEmptyCell(value)) return null;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  const text = typeof value === "string" ? stripDiacritics(matchKey(value)).replace(/^nhom\s*/, "") : "";
  if (/^-?\d{1,3}$/.test(text)) return Number(text);
  issues.push(setupIssue("setup.group_invalid", place, { code: commune, value: showValue(value) }));
  return undefined;
}

/** `Mã xã cũ`: codes separated by commas, semicolons or spaces; a number cell is one code. */
export function readFormerCodes(value: unknown, commune: string, place: SetupPlace, issues: Issue[]): string[] {
  if (isEmptyCell(value)) return [];
  const parts =
    typeof value === "number"
      ? [value]
      : typeof value === "string"
        ? cleanText(value)
            .split(/[,;\s]+/)
            .filter((p) => p !== "")
        : [value];
  const out: string[] = [];
  for (const p of parts) {
    const bad = () => issues.push(setupIssue("setup.former_code_invalid", place, { code: commune, value: showValue(p) }));
    const text = typeof p === "number" ? (Number.isSafeInteger(p) && p > 0 ? String(p) : null) : typeof p === "string" ? p : null;
    if (text === null || !/^\d{1,5}$/.test(text) || /^0+$/.test(text)) bad();
    else out.push(text.padStart(5, "0"));
  }
  return out;
}

/** STT of a capital row: text as typed, a number as Excel shows it (1.1 → `1.1`). */
export function readStt(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" ? cleanText(value) : "";
}
