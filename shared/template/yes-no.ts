import { matchKey } from "../text/match.ts";
import { NO_WORDS, YES_WORDS } from "./labels.ts";

/**
 * Yes/no cells (criteria and flags, docs/template.md): after matching, a YES word is true, a NO word
 * (or an empty cell) is false; numbers 1/0 and booleans count as the text forms; anything else is
 * null (invalid). Text results are memoised by the raw string, so a sheet of 10,000 rows of
 * "Đạt" / "Chưa đạt" normalises each distinct text once.
 */
const WORDS = new Map<string, boolean>();
for (const w of YES_WORDS) WORDS.set(matchKey(w), true);
for (const w of NO_WORDS) WORDS.set(matchKey(w), false);

const MEMO = new Map<string, boolean | null>();
const MEMO_LIMIT = 5000;

export function readYesNo(value: unknown): boolean | null {
  if (value === "" || value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== "string") return null;
  const memo = MEMO.get(value);
  if (memo !== undefined) return memo;
  const result = WORDS.get(matchKey(value)) ?? null;
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(value, result);
  return result;
}

/** True when the cell counts as empty (`""`, white space only, null, undefined). */
export function isEmptyCell(value: unknown): boolean {
  if (value === "" || value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  const c = value.charCodeAt(0);
  if (c > 0x20 && c !== 0xa0 && c < 0x1680) return false;
  return /^[\s\u200b\ufeff]*$/.test(value);
}
