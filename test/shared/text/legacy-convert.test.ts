import { describe, expect, it } from "vitest";
import {
  convertCells,
  convertLegacy,
  fontEncoding,
  isTcvn3CapitalFont,
  readsAsVietnamese,
  textCells,
} from "../../../shared/text/legacy-convert.ts";
import { isVietnameseSyllable } from "../../../shared/text/vietnamese-syllable.ts";

/**
 * The expectations are built from the Unicode side: base letter + combining tone, NFC. The legacy
 * side is written here from the published code charts as byte codes (each byte is the Latin-1
 * character Excel shows), independently of shared/text/legacy-tables.ts.
 */
const TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]; // none, huyền, hỏi, ngã, sắc, nặng
const BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
const unicode = (base: string, tone: number) => (base + TONES[tone]).normalize("NFC");
const bytes = (...codes: number[]) => String.fromCharCode(...codes);

/** TCVN 5712:1993 VN3 (ABC), per base: the codes of none, huyền, hỏi, ngã, sắc, nặng. */
const TCVN3: Record<(typeof BASES)[number], number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};

/** VNI-Windows: tone marks after a plain vowel, ơ (0xF4) or ư (0xF6). */
const VNI_TONE = [null, 0xf8, 0xfb, 0xf5, 0xf9, 0xef];
/** VNI: circumflex + tone after a / e / o (â à å ã á ä), breve + tone after a (ê è ú ü é ë). */
const VNI_CIRCUMFLEX = [0xe2, 0xe0, 0xe5, 0xe3, 0xe1, 0xe4];
const VNI_BREVE = [0xea, 0xe8, 0xfa, 0xfc, 0xe9, 0xeb];

function vni(base: (typeof BASES)[number], tone: number): string {
  const toned = (b: number) => (tone === 0 ? bytes(b) : bytes(b, VNI_TONE[tone]!));
  switch (base) {
    case "ă":
      return bytes(0x61, VNI_BREVE[tone]!);
    case "â":
      return bytes(0x61, VNI_CIRCUMFLEX[tone]!);
    case "ê":
      return bytes(0x65, VNI_CIRCUMFLEX[tone]!);
    case "ô":
      return bytes(0x6f, VNI_CIRCUMFLEX[tone]!);
    case "ơ":
      return toned(0xf4);
    case "ư":
      return toned(0xf6);
    case "i":
      return bytes([0x69, 0xec, 0xe6, 0xf3, 0xed, 0xf2][tone]!); // i is one character with its tone
    case "y":
      return tone === 5 ? bytes(0xee) : toned(0x79); // ỵ is one character
    default:
      return toned(base.charCodeAt(0));
  }
}

const LETTERS = BASES.flatMap((base) => TONES.map((_, tone) => ({ base, tone, letter: unicode(base, tone) })));

describe("convertLegacy: every Vietnamese letter and tone", () => {
  it("covers 72 letters (12 bases × 6 tones), all distinct", () => {
    expect(LETTERS).toHaveLength(72);
    expect(new Set(LETTERS.map((l) => l.letter)).size).toBe(72);
  });

  it.each(LETTERS)("TCVN3 $letter: lower case in .VnTime, capital in .VnTimeH", ({ base, tone, letter }) => {
    const code = bytes(TCVN3[base][tone]!);
    expect(convertLegacy(code, "tcvn3", ".VnTime")).toBe(letter);
    expect(convertLegacy(code, "tcvn3")).toBe(letter);
    expect(convertLegacy(code, "tcvn3", ".VnTimeH")).toBe(letter.toUpperCase());
    expect(convertLegacy(code, "tcvn3", ".VnArialH")).toBe(letter.toUpperCase());
  });

  it.each(LETTERS)("VNI $letter: lower and upper case", ({ base, tone, letter }) => {
    const seq = vni(base, tone);
    expect(convertLegacy(seq, "vni")).toBe(letter);
    expect(convertLegacy(seq.toUpperCase(), "vni", "VNI-Times")).toBe(letter.toUpperCase());
    // A capital base with lower-case marks (title case as some keyboards leave it) is a capital.
    expect(convertLegacy(seq[0]!.toUpperCase() + seq.slice(1), "vni")).toBe(letter[0]!.toUpperCase() + letter.slice(1));
  });

  it("đ and Đ, and the seven TCVN3 capitals of the .VnTime fonts (A1-A7)", () => {
    expect(convertLegacy(bytes(0xae), "tcvn3", ".VnTime")).toBe("đ");
    expect(convertLegacy(bytes(0xae), "tcvn3", ".VnTimeH")).toBe("Đ");
    expect(convertLegacy(bytes(0xa7), "tcvn3", ".VnTime")).toBe("Đ");
    expect(convertLegacy(bytes(0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7), "tcvn3", ".VnTime")).toBe("ĂÂÊÔƠƯĐ");
    expect(convertLegacy(bytes(0xf1), "vni")).toBe("đ");
    expect(convertLegacy(bytes(0xd1), "vni")).toBe("Đ");
  });

  it("whole words and sentences", () => {
    expect(convertLegacy("X· §oµn KÕt", "tcvn3", ".VnTime")).toBe("Xã Đoàn Kết");
    expect(convertLegacy("x· ®oµn kÕt", "tcvn3", ".VnTimeH")).toBe("XÃ ĐOÀN KẾT");
    expect(convertLegacy("HuyÖn Cao Léc", "tcvn3")).toBe("Huyện Cao Lộc");
    expect(convertLegacy("PhÊn ®Êu ®¹t chuÈn n«ng th«n míi", "tcvn3")).toBe("Phấn đấu đạt chuẩn nông thôn mới");
    expect(convertLegacy("Tr\u00adêng Mầm non", "tcvn3")).toBe("Trường Mầm non");
    expect(convertLegacy("Xaõ Ñoaøn Keát", "vni")).toBe("Xã Đoàn Kết");
    expect(convertLegacy("Huyeän Cao Loäc", "vni")).toBe("Huyện Cao Lộc");
    expect(convertLegacy("Phaán ñaáu ñaït chuaån noâng thoân môùi", "vni")).toBe("Phấn đấu đạt chuẩn nông thôn mới");
    expect(convertLegacy("XAÕ ÑOAØN KEÁT", "vni")).toBe("XÃ ĐOÀN KẾT");
    expect(convertLegacy("Thöôøng xuyeân, khuyeán khích, ngöôøi nhaän: 19 tieâu chí", "vni")).toBe(
      "Thường xuyên, khuyến khích, người nhận: 19 tiêu chí",
    );
    expect(convertLegacy("Ñaït", "vni").normalize("NFC")).toBe("Đạt");
  });
});

describe("fonts", () => {
  it("isTcvn3CapitalFont: a .Vn font whose name ends with H", () => {
    expect([".VnTimeH", ".VnArialH", " .VnBlackH ", ".vntimeH"].map(isTcvn3CapitalFont)).toEqual([true, true, true, true]);
    expect([".VnTime", ".VnArial", "Times New Roman", "VNI-TimeH", "", null, undefined].map(isTcvn3CapitalFont)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it("fontEncoding: .Vn… is TCVN3, VNI-… is VNI, others none", () => {
    expect([".VnTime", ".VnTimeH", "VNI-Times", "VNI-Helve", "Times New Roman", "Calibri", null].map(fontEncoding)).toEqual([
      "tcvn3",
      "tcvn3",
      "vni",
      "vni",
      null,
      null,
      null,
    ]);
  });
});

describe("isVietnameseSyllable / readsAsVietnamese", () => {
  it("accepts Vietnamese syllables, refuses what a Spanish or German word converts to", () => {
    const ok = ["Xã", "Đoàn", "Kết", "nghiêng", "Nguyễn", "quốc", "giữa", "khuỷu", "người", "hoặc", "thuở", "chuyện", "yêu", "a"];
    expect(ok.filter((w) => !isVietnameseSyllable(w))).toEqual([]);
    const no = ["Aủo", "Seủor", "Noởl", "Zỹrich", "nạve", "Đandú", "Café", "ảá", "xyz"];
    expect(no.filter(isVietnameseSyllable)).toEqual([]);
  });
  it("checks only the words that are not plain ASCII", () => {
    expect(readsAsVietnamese("TC19: Đạt 100% (NTM-2)")).toBe(true);
    expect(readsAsVietnamese("Aủo nuevo")).toBe(false);
  });
  it("accepts abbreviations with Đ and minority-language place names (finals k, h; initials kr, dr, bl, pl)", () => {
    expect(["Đắk", "Lắk", "Krông", "Búk", "Pưh", "Drai", "Plông"].filter((w) => !isVietnameseSyllable(w))).toEqual([]);
    expect(readsAsVietnamese("Một số xã ĐBKK")).toBe(true);
    expect(readsAsVietnamese("HĐND huyện")).toBe(true);
    expect(convertLegacy("Mét sè x· §BKK", "tcvn3")).toBe("Một số xã ĐBKK");
    expect(readsAsVietnamese("Hđnd")).toBe(false);
  });
});

describe("convertCells", () => {
  const cell = (value: unknown, font: string | null = null, ref = "C6") => ({ sheet: "Tiêu chí", cell: ref, value, font });

  it("lists the legacy cells with before, after and the encoding", () => {
    expect(
      convertCells([
        cell("X· §oµn KÕt", ".VnTime", "C6"),
        cell("x· ®oµn kÕt", ".VnTimeH", "C7"),
        cell("Huyeän Cao Loäc", "VNI-Times", "C8"),
        cell("§¹t", null, "J6"),
        cell("Chöa ñaït", "Calibri", "K6"),
      ]),
    ).toEqual([
      { sheet: "Tiêu chí", cell: "C6", before: "X· §oµn KÕt", after: "Xã Đoàn Kết", encoding: "tcvn3" },
      { sheet: "Tiêu chí", cell: "C7", before: "x· ®oµn kÕt", after: "XÃ ĐOÀN KẾT", encoding: "tcvn3" },
      { sheet: "Tiêu chí", cell: "C8", before: "Huyeän Cao Loäc", after: "Huyện Cao Lộc", encoding: "vni" },
      { sheet: "Tiêu chí", cell: "J6", before: "§¹t", after: "Đạt", encoding: "tcvn3" },
      { sheet: "Tiêu chí", cell: "K6", before: "Chöa ñaït", after: "Chưa đạt", encoding: "vni" },
    ]);
  });

  it("never changes text that only looks legacy: Unicode Vietnamese (NFC, NFD), Spanish, German, French, numbers", () => {
    const unchanged = [
      "Xã Đoàn Kết",
      "Phấn đấu đạt chuẩn nông thôn mới".normalize("NFD"),
      "Huyện Cao Lộc",
      "Đạt",
      "Año nuevo",
      "Señor Muñoz",
      "España",
      "mañana",
      "São Paulo",
      "Camões",
      "Noël",
      "Zürich",
      "naïve",
      "Ñandú",
      "NTM-2",
      "",
    ];
    expect(convertCells(unchanged.map((v) => cell(v, ".VnTime")))).toEqual([]);
    expect(convertCells(unchanged.map((v) => cell(v)))).toEqual([]);
    expect(convertCells([cell(2018), cell(true), cell(null)])).toEqual([]);
  });

  it("a .Vn or VNI- font alone converts Latin-1 text the characters cannot tell from Unicode, when it brings a Vietnamese letter", () => {
    expect(convertCells([cell("Quèc Pha", ".VnTime"), cell("NhÊt Long", ".VnTime")])).toEqual([
      { sheet: "Tiêu chí", cell: "C6", before: "Quèc Pha", after: "Quốc Pha", encoding: "tcvn3" },
      { sheet: "Tiêu chí", cell: "C6", before: "NhÊt Long", after: "Nhất Long", encoding: "tcvn3" },
    ]);
    // Without the font, `Quèc` could be Unicode: left alone; a Unicode word in an old font has letters above U+00FF: left alone.
    expect(convertCells([cell("Quèc Pha"), cell("Quốc Pha", ".VnTime"), cell("São Paulo", ".VnTime")])).toEqual([]);
  });

  it("a .Vn or VNI- font names the encoding over the detection; a result that is no Vietnamese is left alone", () => {
    // `Hoï` reads as VNI (Họ); in a .VnTime font the same characters are TCVN3 `Hoù`, no syllable.
    expect(convertCells([cell("Hoï teân", "VNI-Times")]).map((c) => c.after)).toEqual(["Họ tên"]);
    expect(convertCells([cell("Hoï teân")]).map((c) => c.after)).toEqual(["Họ tên"]);
    expect(convertCells([cell("Hoï teân", ".VnTime")])).toEqual([]);
    // `Cñ` (Củ) in a VNI font would be `Cđ`: not converted either.
    expect(convertCells([cell("Cñ Chi", ".VnTime")]).map((c) => c.after)).toEqual(["Củ Chi"]);
    expect(convertCells([cell("Cñ Chi", "VNI-Times")])).toEqual([]);
  });
});

describe("textCells", () => {
  it("every text cell with its A1 address from the grid's top-left, and its font", () => {
    const sheets = [
      {
        name: "Tiêu chí",
        address: "'Tiêu chí'!B5:D6",
        values: [
          ["X· §oµn", 1, ""],
          ["", "Kh«ng", "Đạt"],
        ],
        fonts: [
          [".VnTime", null, null],
          [null, ".VnTimeH", "Times New Roman"],
        ],
      },
      { name: "Thông tin", address: "A1", values: [["Tên"]] },
    ];
    expect(textCells(sheets)).toEqual([
      { sheet: "Tiêu chí", cell: "B5", value: "X· §oµn", font: ".VnTime" },
      { sheet: "Tiêu chí", cell: "C6", value: "Kh«ng", font: ".VnTimeH" },
      { sheet: "Tiêu chí", cell: "D6", value: "Đạt", font: "Times New Roman" },
      { sheet: "Thông tin", cell: "A1", value: "Tên", font: null },
    ]);
  });
});
