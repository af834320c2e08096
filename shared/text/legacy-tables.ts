/**
 * The legacy Vietnamese encodings as data, one row per letter × tone: the Unicode letter (lower
 * case), its TCVN3 character and its VNI character sequence (both as Excel shows them: each byte as
 * the Latin-1 character of the same code, so `ơ` is TCVN3 0xAC `¬` and VNI 0xF4 `ô`).
 *
 * - TCVN3 = TCVN 5712:1993 "VN3", the ABC set of the `.VnTime` fonts: 60 toned vowels and the 7
 *   lower-case letters ă â ê ô ơ ư đ each one byte in A8-FE, plus the 7 capitals Ă Â Ê Ô Ơ Ư Đ in
 *   A1-A7. Toned capitals do not exist in the set: the `H` fonts (`.VnTimeH`) draw the same codes
 *   (and ASCII a-z) as capitals. Source: the TCVN 5712:1993 VN3 code chart (Unikey's "TCVN3
 *   (ABC)"), checked against the published converter table of github.com/hdbd789/clinic
 *   `Source/PhongKham/PhongKham/Helpers/Converter.cs` (`tcvnchars` / `unichars`).
 * - VNI = VNI-Windows, the encoding of the `VNI-Times` fonts: a base letter (ASCII vowel, `ô` for
 *   ơ, `ö` for ư) followed by one mark character (â circumflex, ê breve, and for the circumflex and
 *   breve vowels one character for mark + tone), i and ỵ as single characters, `ñ` for đ; capitals
 *   are the upper case of every character (`AÙ` Á, `Ô` Ơ, `Ñ` Đ). Source: the VNI-Windows table of
 *   Dao Hai Lam's xvnkb (github.com/lamdao/xvnkb `vni.h`), the same as Unikey's "VNI Windows".
 *
 * Tones in the order: none, huyền, hỏi, ngã, sắc, nặng.
 */
export type LegacyRow = readonly [unicode: string, tcvn3: string, vni: string];

export const LEGACY_ROWS: readonly LegacyRow[] = [
  // a
  ["a", "a", "a"],
  ["à", "µ", "aø"],
  ["ả", "¶", "aû"],
  ["ã", "·", "aõ"],
  ["á", "¸", "aù"],
  ["ạ", "¹", "aï"],
  // ă
  ["ă", "¨", "aê"],
  ["ằ", "»", "aè"],
  ["ẳ", "¼", "aú"],
  ["ẵ", "½", "aü"],
  ["ắ", "¾", "aé"],
  ["ặ", "Æ", "aë"],
  // â
  ["â", "©", "aâ"],
  ["ầ", "Ç", "aà"],
  ["ẩ", "È", "aå"],
  ["ẫ", "É", "aã"],
  ["ấ", "Ê", "aá"],
  ["ậ", "Ë", "aä"],
  // e
  ["e", "e", "e"],
  ["è", "Ì", "eø"],
  ["ẻ", "Î", "eû"],
  ["ẽ", "Ï", "eõ"],
  ["é", "Ð", "eù"],
  ["ẹ", "Ñ", "eï"],
  // ê
  ["ê", "ª", "eâ"],
  ["ề", "Ò", "eà"],
  ["ể", "Ó", "eå"],
  ["ễ", "Ô", "eã"],
  ["ế", "Õ", "eá"],
  ["ệ", "Ö", "eä"],
  // i
  ["i", "i", "i"],
  ["ì", "×", "ì"],
  ["ỉ", "Ø", "æ"],
  ["ĩ", "Ü", "ó"],
  ["í", "Ý", "í"],
  ["ị", "Þ", "ò"],
  // o
  ["o", "o", "o"],
  ["ò", "ß", "oø"],
  ["ỏ", "á", "oû"],
  ["õ", "â", "oõ"],
  ["ó", "ã", "où"],
  ["ọ", "ä", "oï"],
  // ô
  ["ô", "«", "oâ"],
  ["ồ", "å", "oà"],
  ["ổ", "æ", "oå"],
  ["ỗ", "ç", "oã"],
  ["ố", "è", "oá"],
  ["ộ", "é", "oä"],
  // ơ
  ["ơ", "¬", "ô"],
  ["ờ", "ê", "ôø"],
  ["ở", "ë", "ôû"],
  ["ỡ", "ì", "ôõ"],
  ["ớ", "í", "ôù"],
  ["ợ", "î", "ôï"],
  // u
  ["u", "u", "u"],
  ["ù", "ï", "uø"],
  ["ủ", "ñ", "uû"],
  ["ũ", "ò", "uõ"],
  ["ú", "ó", "uù"],
  ["ụ", "ô", "uï"],
  // ư
  ["ư", "\u00ad", "ö"],
  ["ừ", "õ", "öø"],
  ["ử", "ö", "öû"],
  ["ữ", "÷", "öõ"],
  ["ứ", "ø", "öù"],
  ["ự", "ù", "öï"],
  // y
  ["y", "y", "y"],
  ["ỳ", "ú", "yø"],
  ["ỷ", "û", "yû"],
  ["ỹ", "ü", "yõ"],
  ["ý", "ý", "yù"],
  ["ỵ", "þ", "î"],
  // đ
  ["đ", "®", "ñ"],
];

/** TCVN3 capitals that exist in the `.VnTime` fonts themselves (A1-A7). */
export const TCVN3_CAPITALS: readonly (readonly [unicode: string, tcvn3: string])[] = [
  ["Ă", "¡"],
  ["Â", "¢"],
  ["Ê", "£"],
  ["Ô", "¤"],
  ["Ơ", "¥"],
  ["Ư", "¦"],
  ["Đ", "§"],
];
