import { describe, expect, it } from "vitest";
import { detectLegacyEncoding } from "../../../shared/text/legacy-encoding.ts";

/** Real words typed with .VnTime (TCVN3/ABC) fonts, as Excel shows them. */
const TCVN3: [string, string][] = [
  ["§¹t", "Đạt"],
  ["Ch\u00ada ®¹t", "Chưa đạt"],
  ["Ch\u00ada", "Chưa"],
  ["Cã", "Có"],
  ["Kh«ng", "Không"],
  ["X·", "Xã"],
  ["Hoµng §ång", "Hoàng Đồng"],
  ["T©n Liªn", "Tân Liên"],
  ["Cao Léc", "Cao Lộc"],
  ["Léc B×nh", "Lộc Bình"],
  ["Thñy lîi", "Thủy lợi"],
  ["Huy\u00aan Cao Léc", "Huyện Cao Lộc"],
  ["Giao th«ng", "Giao thông"],
];

/** The same words typed with VNI-Times fonts. */
const VNI: [string, string][] = [
  ["Ñaït", "Đạt"],
  ["Chöa ñaït", "Chưa đạt"],
  ["Chöa", "Chưa"],
  ["Coù", "Có"],
  ["Khoâng", "Không"],
  ["Xaõ", "Xã"],
  ["Hoaøng Ñoàng", "Hoàng Đồng"],
  ["Taân Lieân", "Tân Liên"],
  ["Cao Loäc", "Cao Lộc"],
  ["Thuûy lôïi", "Thủy lợi"],
  ["Giao thoâng", "Giao thông"],
];

/** Real commune and person names typed in TCVN3 and VNI. */
const NAMES: [string, string, "tcvn3" | "vni"][] = [
  ["X· Hîp Thµnh", "Xã Hợp Thành", "tcvn3"],
  ["X· Quúnh S¬n", "Xã Quỳnh Sơn", "tcvn3"],
  ["NguyÔn ThÞ Thóy", "Nguyễn Thị Thúy", "tcvn3"],
  ["Xaõ Hôïp Thaønh", "Xã Hợp Thành", "vni"],
  ["Nguyeãn Thò Thuùy", "Nguyễn Thị Thúy", "vni"],
];

/**
 * Foreign words in Latin-1 that the character heuristic takes for legacy text (legacy-heuristic.ts)
 * but whose conversion is no Vietnamese (`Año` → `Aủo`, `Zürich` → `Zỹrich`): not legacy.
 */
const FOREIGN = [
  "Año",
  "Zürich",
  "Müller",
  "Ñoño",
  "São Paulo",
  "Café",
  "Señor",
  "Xã Zürich",
  "Jürgen",
  "Björk",
  "Straße",
  "François",
  "Citroën",
];

/** Unicode Vietnamese that must never be taken for a legacy encoding. */
const UNICODE = [
  "Đạt",
  "Chưa đạt",
  "Chưa",
  "Có",
  "Không",
  "Xã",
  "CĐ",
  "Đ",
  "Hoàng Đồng",
  "Tân Liên",
  "Cao Lộc",
  "Lộc Bình",
  "Thụy Hùng",
  "Thuỵ Hùng",
  "Quảng Lạc",
  "Hồng Phong",
  "Xuất Lễ",
  "Lộc Yên",
  "Thạch Đạn",
  "Gia Cát",
  "Hợp Thành",
  "Bảo Lâm",
  "Công Sơn",
  "Mẫu Sơn",
  "Yên Trạch",
  "Phú Xá",
  "Hòa Cư",
  "Hoà Cư",
  "Khuất Xá",
  "Quý Hòa",
  "Đình Lập",
  "Hữu Lũng",
  "Chi Lăng",
  "Bắc Sơn",
  "Tràng Định",
  "Văn Quan",
  "Văn Lãng",
  "Huyện Cao Lộc",
  "Thành phố Lạng Sơn",
  "Quê hương",
  "Thuê nhà",
  "Quân đội",
  "Khoá học",
  "Khoẻ mạnh",
  "Huế",
  "Nguyễn Thị Thúy",
  "Ngô Thị Ánh Tuyết",
  "Thủy lợi",
  "Giao thông",
  "Môi trường và an toàn thực phẩm",
  "Hệ thống chính trị và tiếp cận pháp luật",
  "Phấn đấu đạt chuẩn NTM",
  "Xã ĐBKK do huyện chọn",
  "Cơ sở vật chất văn hóa",
  "Quốc phòng và An ninh",
  "Trần Văn Ẩn",
  "Đoàn Kết",
  "Khánh Khê",
  "Tú Xuyên",
  "Hải Yến",
  "Ái Quốc",
  "Yên Khoái",
  "Đồng Ý",
  "Ngọc Khê",
];

describe("detectLegacyEncoding", () => {
  it.each(TCVN3)("TCVN3 %j (%s)", (text) => expect(detectLegacyEncoding(text)).toBe("tcvn3"));
  it.each(VNI)("VNI %j (%s)", (text) => expect(detectLegacyEncoding(text)).toBe("vni"));

  it.each(NAMES)("real name %j (%s) in %s", (text, _unicode, encoding) => expect(detectLegacyEncoding(text)).toBe(encoding));

  it.each(FOREIGN)("foreign Latin-1 word %j is not legacy", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(detectLegacyEncoding(text.normalize("NFD"))).toBeNull();
  });

  it("a legacy text stays legacy with a foreign word's letters elsewhere only when the whole converts to Vietnamese", () => {
    expect(detectLegacyEncoding("Hoµng §ång")).toBe("tcvn3");
    expect(detectLegacyEncoding("Hoµng §ång Zürich")).toBeNull();
    expect(detectLegacyEncoding("Hoµng §ång Zurich")).toBe("tcvn3");
  });

  it("abbreviations with Đ and the minority-language place names (finals k and h, initials kr) stay legacy", () => {
    expect(detectLegacyEncoding("Mét sè x· §BKK")).toBe("tcvn3");
    expect(detectLegacyEncoding("H§ND")).toBe("tcvn3");
    expect(detectLegacyEncoding("§¾k L¾k")).toBe("tcvn3");
    expect(detectLegacyEncoding("Kr«ng Bók")).toBe("tcvn3");
    expect(detectLegacyEncoding("Xaõ Ñaék Laék")).toBe("vni");
  });

  it("a Latin-1 capital right after a small letter is TCVN3 (ấ ế ị), never VNI", () => {
    expect(detectLegacyEncoding("NhÊt Long")).toBe("tcvn3");
    expect(detectLegacyEncoding("Gia TiÕn")).toBe("tcvn3");
    expect(detectLegacyEncoding("ThÞnh")).toBe("tcvn3");
    expect(detectLegacyEncoding("ÑAÏT")).toBe("vni");
    expect(detectLegacyEncoding("McÉ")).toBeNull();
  });

  it("no false positive on Unicode Vietnamese, NFC, NFD, upper and lower case", () => {
    for (const word of UNICODE) {
      for (const form of [word, word.normalize("NFD"), word.toUpperCase(), word.toUpperCase().normalize("NFD"), word.toLowerCase()]) {
        expect([form, detectLegacyEncoding(form)]).toEqual([form, null]);
      }
    }
  });

  it("no false positive on ASCII and ordinary symbols", () => {
    for (const t of [
      "Dat",
      "Chua dat",
      "x",
      "1",
      "TRUE",
      "-",
      "–",
      "✓",
      "✔",
      "Ghi chú",
      "25°C",
      "m²",
      "2×3",
      "A · B",
      "«Tân»",
      "",
      "06148",
    ]) {
      expect([t, detectLegacyEncoding(t)]).toEqual([t, null]);
    }
  });
});
