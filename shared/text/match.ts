/**
 * Text matching of docs/template.md: NFC, trim, collapse inner white space (incl. NBSP and line
 * breaks), case folding. Use `matchKey` to compare labels, keys and cell values.
 */
const WS = /[\s\u00a0\u2007\u202f\u200b\ufeff]+/g;

/** NFC + trimmed + inner white space collapsed: how stored names (communes) are kept. */
export function cleanText(text: string): string {
  return text.normalize("NFC").replace(WS, " ").trim();
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
