import { cleanText } from "../text/match.ts";

/**
 * Codes of docs/template.md: `Mã xã` has exactly 5 digits, `Mã huyện` exactly 3 (the national
 * administrative unit codes). Excel drops the leading zero of `06148` when the cell is a number,
 * so a number cell (a positive integer) is read as digits left-padded with zeros to the length;
 * digit text shorter than the length is padded the same way (it came from such a number, pasted
 * or exported as text). More digits than the length is invalid: `006199` is not `06199` (it would
 * count the commune twice), nor is `0183` district `183`. All zeros is invalid.
 */
export type CodeReading = { ok: true; code: string } | { ok: false; empty: boolean };

export const COMMUNE_CODE_DIGITS = 5;
export const DISTRICT_CODE_DIGITS = 3;
/** A stored `Mã xã`: exactly 5 digits. */
export const COMMUNE_CODE = /^\d{5}$/;
/** A stored `Mã huyện`: exactly 3 digits. */
export const DISTRICT_CODE = /^\d{3}$/;

/** Hoisted: readCode runs once per commune row (a literal inside it would be a new object each call). */
const DIGITS = /^\d+$/;
const ZEROS = /^0+$/;

/** Reads a code cell of `digits` digits (see above). */
export function readCode(value: unknown, digits: number): CodeReading {
  if (value === "" || value === null || value === undefined) return { ok: false, empty: true };
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1 || value >= 10 ** digits) return { ok: false, empty: false };
    return { ok: true, code: String(value).padStart(digits, "0") };
  }
  if (typeof value !== "string") return { ok: false, empty: false };
  const text = value.length === digits && DIGITS.test(value) ? value : cleanText(value);
  if (text === "") return { ok: false, empty: true };
  if (!DIGITS.test(text) || text.length > digits || ZEROS.test(text)) return { ok: false, empty: false };
  return { ok: true, code: text.padStart(digits, "0") };
}

/** `Mã xã`: exactly 5 digits (number cells and shorter digit text left-padded). */
export function readCommuneCode(value: unknown): CodeReading {
  return readCode(value, COMMUNE_CODE_DIGITS);
}

/** `Mã huyện`: exactly 3 digits (number cells and shorter digit text left-padded). */
export function readDistrictCode(value: unknown): CodeReading {
  return readCode(value, DISTRICT_CODE_DIGITS);
}
