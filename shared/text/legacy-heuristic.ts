/**
 * The character heuristic behind legacy-text detection (docs/template.md "Matching text"):
 *
 * - TCVN3 / ABC (`.VnTime` fonts): each Vietnamese letter is one byte, which Excel shows as a
 *   Latin-1 character: `Đạt` → `§¹t`, `Không` → `Kh«ng`, `Hoàng Đồng` → `Hoµng §ång`.
 * - VNI (`VNI-Times`): an ASCII vowel followed by Latin-1 "mark" characters: `Đạt` → `Ñaït`,
 *   `Chưa đạt` → `Chöa ñaït`, `Không` → `Khoâng`, `Tân Liên` → `Taân Lieân`.
 *
 * Built to never fire on real Vietnamese in Unicode (NFC or NFD) nor on ASCII: it only counts
 * characters and pairs that no Vietnamese Unicode word contains. Its own module so that both
 * legacy-convert.ts (which converts what it guesses) and legacy-encoding.ts (which confirms the
 * guess with a conversion) can use it without an import cycle.
 */

export type LegacyEncoding = "tcvn3" | "vni";

/**
 * TCVN3 letters shown as Latin-1 symbols (A1-AE: Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ; B5-B9 and BB-BE:
 * à ả ã á ạ ằ ẳ ẵ ắ). Never part of a Unicode Vietnamese word. `«` `»` `·` and the soft hyphen
 * are also punctuation, so they count only inside a word (see `countsAsTcvn3`).
 */
const TCVN3_SYMBOLS = new Set("¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾");
/** TCVN3 letters shown as Latin-1 letters that Vietnamese does not use (ặ ầ ậ ẻ ẽ é ẹ ệ ì ỉ ĩ ị ò ...). */
const TCVN3_FOREIGN_LETTERS = new Set("ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ");
/** VNI tone marks after a vowel: sắc ù, huyền ø, hỏi û, ngã õ, nặng ï (and upper case). */
const VNI_TONES = new Set("ùøûõïÙØÛÕÏ");
/** VNI circumflex (+tone) after a / e / o: â á à å ã ä. */
const VNI_CIRCUMFLEX = new Set("âáàåãäÂÁÀÅÃÄ");
/** VNI breve (+tone) after a: ê é è ú ü ë. */
const VNI_BREVE = new Set("êéèúüëÊÉÈÚÜË");

const ASCII_VOWELS = new Set("aeiouyAEIOUY");
/** VNI bases that take a tone mark after them: ASCII vowels, ơ (ô) and ư (ö). */
const VNI_TONE_BASES = new Set("aeiouyAEIOUYôöÔÖ");

function isAsciiLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return isAsciiLetter(ch) || (c >= 0xa1 && c <= 0xff && c !== 0xd7 && c !== 0xf7 && c !== 0xb7);
}

function countsAsTcvn3(ch: string, prev: string | undefined, next: string | undefined): boolean {
  if (ch === "«" || ch === "»" || ch === "\u00ad") return isWordChar(prev) && isWordChar(next);
  if (ch === "·") return isWordChar(prev);
  return isWordChar(prev) || isWordChar(next);
}

/** Words typed in TCVN3 whose every character is also a Vietnamese letter: `Cã` (Có). */
const TCVN3_WORDS = new Set(["cã", "cao léc", "léc"]);

/**
 * The legacy encoding `text` looks typed in from its characters alone, or null for Unicode / ASCII
 * text. One pass over the UTF-16 code units (every signal is a BMP character), with an early exit
 * for text without any 0xA1-0xFF character; NFD text is composed first. It also fires on some
 * foreign Latin-1 words (`Año`, `Zürich`): detectLegacyEncoding (legacy-encoding.ts) adds the check
 * that the conversion reads as Vietnamese.
 */
export function guessLegacyEncoding(text: string): LegacyEncoding | null {
  let any = false;
  let decomposed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xa1 && c <= 0xff) any = true;
    else if (c >= 0x300 && c <= 0x36f) decomposed = true;
  }
  if (!any) return null;
  const t = decomposed ? text.normalize("NFC") : text;
  let tcvnSymbols = 0;
  let tcvnLetters = 0;
  let vni = 0;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (code < 0xa1 || code > 0xff) continue;
    const ch = t[i]!;
    const prev = i > 0 ? t[i - 1] : undefined;
    const next = t[i + 1];
    // A Latin-1 capital right after a small letter (`NhÊt`, `TiÕn`, `ThÞnh`): TCVN3's small ấ ế ị are
    // those codes; neither Unicode Vietnamese nor VNI (whose marks follow the case of their letter) writes it.
    if (code >= 0xc0 && code <= 0xde && code !== 0xd7 && prev !== undefined && prev !== prev.toUpperCase()) {
      tcvnSymbols++;
      continue;
    }
    if (TCVN3_SYMBOLS.has(ch) && countsAsTcvn3(ch, prev, next)) tcvnSymbols++;
    if (TCVN3_FOREIGN_LETTERS.has(ch) && countsAsTcvn3(ch, prev, next)) tcvnLetters++;
    if (prev !== undefined) {
      if (VNI_TONES.has(ch) && VNI_TONE_BASES.has(prev)) vni++;
      else if ((ch === "â" || ch === "Â") && "aeoAEO".includes(prev)) vni++;
      else if (VNI_CIRCUMFLEX.has(ch) && "aeAE".includes(prev)) vni++;
      else if ("åäÅÄ".includes(ch) && "oO".includes(prev)) vni++;
      else if (VNI_BREVE.has(ch) && "aA".includes(prev)) vni++;
    }
    // VNI đ / Đ starts a syllable: `ñaït`, `Ñoàng`; TCVN3 ñ (ủ) follows a consonant.
    if ((ch === "ñ" || ch === "Ñ") && !isAsciiLetter(prev) && next !== undefined && ASCII_VOWELS.has(next)) vni++;
    // VNI ư (ö) before a vowel or a tone: `Chöa`, `Thöôøng`.
    if ((ch === "ö" || ch === "Ö") && isAsciiLetter(prev) && next !== undefined && (ASCII_VOWELS.has(next) || "ôÔùøûõï".includes(next)))
      vni++;
  }
  if (tcvnSymbols > 0) return "tcvn3";
  if (vni > 0) return "vni";
  if (tcvnLetters > 0) return "tcvn3";
  if (t.length <= 10 && TCVN3_WORDS.has(t.trim().replace(/\s+/g, " ").toLowerCase())) return "tcvn3";
  return null;
}
