/**
 * Detection of Vietnamese typed in a legacy 8-bit encoding (docs/template.md "Matching text"),
 * TCVN3 / ABC (`.VnTime` fonts: `Hoµng §ång`) or VNI (`VNI-Times`: `Hoaøng Ñoàng`), in two steps:
 *
 * 1. the character heuristic of legacy-heuristic.ts (one pass, early exit for text without any
 *    0xA1-0xFF character, so clean text costs what it did), which never fires on Unicode Vietnamese
 *    nor on ASCII but does on some foreign Latin-1 words (`Año`, `Zürich`, `São Paulo`);
 * 2. only when it fires: the text converted from that encoding (legacy-convert.ts, TCVN3 without a
 *    font, i.e. lower/mixed case) must read as Vietnamese, the same guard the converter applies. A
 *    foreign name (`Zürich` → `Zữrich`) is then not legacy, and the parser accepts it.
 *
 * Conversion: legacy-convert.ts (`ntm convert`), or Unikey's "Chuyển mã".
 */
import type { Catalogue, Texts } from "./catalogue.ts";
import { renderBoth } from "./catalogue.ts";
import { convertLegacy, readsAsVietnamese } from "./legacy-convert.ts";
import type { LegacyEncoding } from "./legacy-heuristic.ts";
import { guessLegacyEncoding } from "./legacy-heuristic.ts";

export type { LegacyEncoding } from "./legacy-heuristic.ts";

/**
 * The legacy encoding `text` is typed in, or null for Unicode / ASCII text and for foreign words
 * that only look legacy: the heuristic's guess, kept when the text converted from it reads as
 * Vietnamese (every converted word that is not plain ASCII is a Vietnamese syllable).
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const guess = guessLegacyEncoding(text);
  if (guess === null) return null;
  return readsAsVietnamese(convertLegacy(text.normalize("NFC"), guess)) ? guess : null;
}

/** The name of each legacy encoding in messages. */
export const ENCODING_NAMES: Catalogue<LegacyEncoding> = {
  tcvn3: { vi: "TCVN3 (ABC, phông .VnTime)", en: "TCVN3 (ABC, .VnTime fonts)" },
  vni: { vi: "VNI (phông VNI-Times)", en: "VNI (VNI-Times fonts)" },
};

/** The CLI command that converts a whole file (legacy-convert.ts), named in the parser's message. */
export const CONVERT_COMMAND: Texts = {
  vi: "chuyển cả tệp bằng lệnh: ntm convert <tệp.xlsx> --out <tệp mới.xlsx>",
  en: "convert the whole file with: ntm convert <file.xlsx> --out <new file.xlsx>",
};

/** The encoding as the parser's `text.legacy_encoding` names it, with the command that converts the file. */
export function conversionHint(encoding: LegacyEncoding): Texts {
  const name = renderBoth(ENCODING_NAMES, encoding);
  const paren = (t: string, cmd: string) => (t.endsWith(")") ? `${t.slice(0, -1)}; ${cmd})` : `${t} (${cmd})`);
  return { vi: paren(name.vi, CONVERT_COMMAND.vi), en: paren(name.en, CONVERT_COMMAND.en) };
}
