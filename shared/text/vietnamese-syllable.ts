/**
 * Whether a word reads as one Vietnamese syllable: (initial consonant) + vowel group + (final
 * consonant), with at most one tone mark. Used to accept a legacy-text conversion only when every
 * converted word is Vietnamese (legacy-convert.ts): a Spanish `Año` that detection takes for
 * TCVN3 would become `Aủo`, which is no syllable, so it is left alone.
 */

/** Initial consonants, longest first (`ngh` before `ng` before `n`; `gi` and `qu` as one). */
const INITIALS = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|kr|dr|bl|pl|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x";

/** Vowel groups (tone marks removed), longest first. */
const VOWELS = [
  "iêu",
  "yêu",
  "oai",
  "oay",
  "oao",
  "oeo",
  "uây",
  "uôi",
  "ươi",
  "ươu",
  "uya",
  "uyê",
  "uyu",
  "ai",
  "ao",
  "au",
  "ay",
  "âu",
  "ây",
  "eo",
  "êu",
  "ia",
  "iê",
  "iu",
  "oa",
  "oă",
  "oe",
  "oi",
  "ôi",
  "ơi",
  "oo",
  "ua",
  "uâ",
  "uê",
  "ui",
  "uô",
  "uơ",
  "uy",
  "ưa",
  "ưi",
  "ươ",
  "ưu",
  "yê",
  "a",
  "ă",
  "â",
  "e",
  "ê",
  "i",
  "o",
  "ô",
  "ơ",
  "u",
  "ư",
  "y",
].join("|");

/** Final consonants; `k` and `h` (and the initials `kr`, `dr`, `bl`, `pl` above) for the place names of the minority languages written in Vietnamese letters: Đắk Lắk, Krông Búk, Chư Pưh. */
const FINALS = "ch|ng|nh|c|k|h|m|n|p|t";

const SYLLABLE = new RegExp(`^(?:${INITIALS})?(?:${VOWELS})(?:${FINALS})?$`);

/** Combining tone marks: huyền, sắc, ngã, hỏi, nặng. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True when `word` (letters only, any case, NFC or NFD) is a Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, "").normalize("NFC"));
}
