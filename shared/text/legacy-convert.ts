/**
 * TCVN3 and VNI → Unicode (NFC), from the tables of legacy-tables.ts. Pure: the CLI, the web page
 * and the task pane offer it where the parser reports `text.legacy_encoding` (issue 11).
 *
 * Only text that the heuristic of legacy-heuristic.ts takes for legacy is ever converted
 * (`convertCells`), and only when every word the conversion changes is then a Vietnamese
 * syllable: a Unicode text, Vietnamese or not (`Đạt`, `Año`, `Señor`), never changes.
 */
import type { SheetInput } from "../template/input.ts";
import { cellAddress, topLeft } from "../template/a1.ts";
import type { LegacyEncoding } from "./legacy-heuristic.ts";
import { guessLegacyEncoding } from "./legacy-heuristic.ts";
import { LEGACY_ROWS, TCVN3_CAPITALS } from "./legacy-tables.ts";
import { isVietnameseSyllable } from "./vietnamese-syllable.ts";

/** TCVN3 character → Unicode letter (lower case, but for the seven A1-A7 capitals). */
const TCVN3_MAP = new Map<string, string>([
  ...LEGACY_ROWS.filter(([u, t]) => u !== t).map(([u, t]) => [t, u] as const),
  ...TCVN3_CAPITALS.map(([u, t]) => [t, u] as const),
]);

/** VNI sequence (lower case, one or two characters) → Unicode letter (lower case). */
const VNI_MAP = new Map<string, string>(LEGACY_ROWS.filter(([u, , v]) => u !== v).map(([u, , v]) => [v, u] as const));

/** True for a TCVN3 capitals font: `.VnTimeH`, `.VnArialH`, `.VnBlackH` (the `H` ends the name). */
export function isTcvn3CapitalFont(font: string | null | undefined): boolean {
  const name = font?.trim() ?? "";
  return /^\.vn/i.test(name) && name.endsWith("H");
}

/** The encoding a font name states: `.Vn…` fonts are TCVN3 (ABC), `VNI-…` fonts VNI; others none. */
export function fontEncoding(font: string | null | undefined): LegacyEncoding | null {
  const name = font?.trim() ?? "";
  if (/^\.vn/i.test(name)) return "tcvn3";
  if (/^vni[-_ ]/i.test(name)) return "vni";
  return null;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function convertTcvn3(text: string, capitals: boolean): string {
  let out = "";
  for (const ch of text) out += TCVN3_MAP.get(ch) ?? ch;
  // The H fonts draw every letter, ASCII included, as a capital.
  return capitals ? out.toUpperCase() : out;
}

/** Longest match first (`oâ` ô before `o`, `ôù` ớ before `ô` ơ); the base letter gives the case. */
function convertVni(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const pair = i + 1 < text.length ? VNI_MAP.get(text.slice(i, i + 2).toLowerCase()) : undefined;
    if (pair !== undefined) {
      out += isUpper(ch) ? pair.toUpperCase() : pair;
      i += 2;
      continue;
    }
    const single = VNI_MAP.get(ch.toLowerCase());
    out += single === undefined ? ch : isUpper(ch) ? single.toUpperCase() : single;
    i++;
  }
  return out;
}

/**
 * `text` typed in `encoding` → the Unicode text (NFC). For TCVN3 the font decides the case: the
 * same codes are capitals in an `H` font (`.VnTimeH`). Every character outside the table is kept.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding, font?: string | null): string {
  const converted = encoding === "tcvn3" ? convertTcvn3(text, isTcvn3CapitalFont(font)) : convertVni(text);
  return converted.normalize("NFC");
}

/**
 * True when every word of the converted text that is not plain ASCII is a Vietnamese syllable: the
 * guard against text that detection takes for legacy but is not (`Año` → `Aủo`, `Señor` → `Seủor`
 * are left alone).
 */
export function readsAsVietnamese(converted: string): boolean {
  return converted
    .normalize("NFC")
    .split(/[^\p{L}\p{M}]+/u)
    .every((w) => /^[A-Za-z]*$/.test(w) || /^[A-ZĐ]+$/.test(w) || isVietnameseSyllable(w));
}

/** A text cell as a reader gives it: where, its value, and its font name where the file has one. */
export type LegacyCell = { sheet: string; cell: string; value: unknown; font?: string | null };

/** One cell to change: its text before and after, and the encoding it was read in. */
export type LegacyChange = { sheet: string; cell: string; before: string; after: string; encoding: LegacyEncoding };

/** Only characters up to U+00FF: what a legacy font's bytes look like (Unicode Vietnamese has ơ ư đ ạ ố … above it). */
const LATIN1_ONLY = /^[^\u0100-\uffff]*$/;

/**
 * The changes that converting the legacy cells makes, in input order. A cell changes only when
 * every converted word reads as Vietnamese (readsAsVietnamese) and either its text looks legacy
 * (guessLegacyEncoding) or it is drawn in a `.Vn…` / `VNI-…` font and has no character above
 * U+00FF and converts to a letter above it (`Quèc Pha` in `.VnTime` is `Quốc Pha`, which the
 * characters alone cannot tell from a Unicode word; `São` would be `Sóo`: left alone). The font names the encoding (it is what Excel draws with), else the heuristic
 * does. (The heuristic, not detectLegacyEncoding of legacy-encoding.ts: that one confirms the
 * guessed encoding without a font, which a font may overrule.)
 */
export function convertCells(cells: readonly LegacyCell[]): LegacyChange[] {
  const changes: LegacyChange[] = [];
  for (const c of cells) {
    if (typeof c.value !== "string") continue;
    const detected = guessLegacyEncoding(c.value);
    const byFont = fontEncoding(c.font);
    if (detected === null && (byFont === null || !LATIN1_ONLY.test(c.value))) continue;
    const encoding = byFont ?? detected;
    if (encoding === null) continue;
    const after = convertLegacy(c.value, encoding, c.font);
    // On the font's word alone, the conversion must also bring a letter only Vietnamese has (ố ơ ư đ ạ …): `São` → `Sóo` does not.
    if (detected === null && LATIN1_ONLY.test(after)) continue;
    if (after !== c.value && readsAsVietnamese(after)) changes.push({ sheet: c.sheet, cell: c.cell, before: c.value, after, encoding });
  }
  return changes;
}

/** Every text cell of the sheets, with its A1 address and its font (the optional `fonts` grid). */
export function textCells(sheets: readonly SheetInput[]): LegacyCell[] {
  const out: LegacyCell[] = [];
  for (const s of sheets) {
    const origin = topLeft(s.address);
    s.values.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      row.forEach((value, c) => {
        if (typeof value !== "string" || value === "") return;
        const font = s.fonts?.[r]?.[c] ?? null;
        out.push({ sheet: s.name, cell: cellAddress(origin.row + r, origin.column + c), value, font });
      });
    });
  }
  return out;
}
