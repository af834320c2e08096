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
