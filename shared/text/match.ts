/**
 * Text matching of docs/template.md: NFC, trim, collapse inner white space (incl. NBSP and line
 * breaks), case folding. Use `matchKey` to compare labels, keys and cell values.
 */
/** White space (JS `\s`: tab, line breaks, NBSP, U+2028/9, ...) and NEL (U+0085), collapsed to one space. */
const WS = /[\s\u0085]+/g;
/**
 * Invisible characters, removed: C0/C1 controls other than the white space above, soft hyphen,
 * zero-width space / joiners (U+200B..U+200D), direction marks and embeddings, word joiner and
 * invisible operators (U+2060..U+2064), bidi isolates, BOM (U+FEFF). Explicit ranges, no `\p{}`:
 * Office 2019's EdgeHTML cannot parse Unicode property escapes.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
/** Anything `cleanText` would change besides NFC: an invisible, a non-space white space, a double space or an edge space. */
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it detects
  /[\u0000-\u001f\u007f-\u00a0\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]| {2}|^ | $/;

/**
 * How stored text (names of communes and districts, preparer, phone) is kept: NFC, invisible
 * characters (zero-width, controls) removed, inner white space collapsed to one space, trimmed.
 * Run BEFORE a required check: a name of spaces, of U+200B or of U+0000 cleans to "".
 */
export function cleanText(text: string): string {
  if (isCleanNfc(text)) return text;
  const nfc = text.normalize("NFC");
  if (!NEEDS_CLEANING.test(nfc)) return nfc;
  return nfc.replace(INVISIBLE, "").replace(WS, " ").trim();
}

/**
 * True when `text` is already what `cleanText` returns, decided by one pass over its code units
 * (no `normalize`, no regex): every character printable and below U+0300 (Latin-1, Latin
 * Extended-A/B, IPA: NFC quick check Yes, combining class 0) or a precomposed letter of Latin
 * Extended Additional (U+1E00..U+1EFF, the Vietnamese ones), no double space, no space at either
 * end. Such a string is NFC and has nothing to clean. Anything else takes the full path.
 */
function isCleanNfc(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 0x20) return false;
      if (c === 0x20) {
        if (prevSpace) return false;
        prevSpace = true;
        continue;
      }
    } else if (c < 0x300) {
      if (c <= 0xa0 || c === 0xad) return false;
    } else if (c < 0x1e00 || c > 0x1eff) return false;
    prevSpace = false;
  }
  return true;
}

/** The comparison key: cleanText + Vietnamese-safe lower case. */
export function matchKey(text: string): string {
  return cleanText(text).toLowerCase();
}

/** True when `text` "is" `word` after matching. */
export function isWord(text: unknown, word: string): boolean {
  return typeof text === "string" && matchKey(text) === matchKey(word);
}

/** Removes Vietnamese diacritics (for unaccented alternatives like `Dat`, `Khong`). */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}
