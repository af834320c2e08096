import { cleanText } from "../text/match.ts";

/**
 * `Mã xã` (docs/template.md): digits. Excel drops the leading zero of `06148` when the cell is a
 * number, so a number cell (a positive integer) is read as digits left-padded with zeros to 5;
 * digit text shorter than 5 is padded the same way (it came from such a number). At most 10
 * digits. Anything else is invalid.
 */
export type CommuneCodeReading = { ok: true; code: string } | { ok: false; empty: boolean };

const MAX_DIGITS = 10;

export function readCommuneCode(value: unknown): CommuneCodeReading {
  if (value === "" || value === null || value === undefined) return { ok: false, empty: true };
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1 || value >= 10 ** MAX_DIGITS) return { ok: false, empty: false };
    return { ok: true, code: String(value).padStart(5, "0") };
  }
  if (typeof value !== "string") return { ok: false, empty: false };
  const text = /^\d{5,10}$/.test(value) ? value : cleanText(value);
  if (text === "") return { ok: false, empty: true };
  if (!/^\d+$/.test(text) || text.length > MAX_DIGITS || /^0+$/.test(text)) return { ok: false, empty: false };
  return { ok: true, code: text.padStart(5, "0") };
}
