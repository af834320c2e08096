/**
 * Every name and label of the standard template NTM-1 (docs/template.md), in one place. The generator
 * writes the first form of each; the parser accepts all forms listed.
 */
export const TEMPLATE_VERSION = "NTM-1" as const;

export const SHEETS = {
  info: "Thông tin",
  criteria: "Tiêu chí",
  capital: "Nguồn vốn",
  indicators: "Chỉ tiêu",
  report: "Tổng hợp",
} as const;

export const INFO_KEYS = {
  districtCode: "Mã huyện",
  districtName: "Tên huyện",
  year: "Năm kế hoạch",
  preparedBy: "Người lập",
  phone: "Số điện thoại",
  preparedOn: "Ngày lập",
  templateVersion: "Phiên bản biểu mẫu",
} as const;
export type InfoKey = keyof typeof INFO_KEYS;

/** Column labels of `Tiêu chí`: first form written, all accepted. */
export const CRITERIA_COLUMNS = {
  stt: ["STT"],
  code: ["Mã xã"],
  name: ["Tên xã"],
  border: ["Xã biên giới", "Biên giới"],
  pilotDifficult: ["Xã điểm ĐBKK", "Xã điểm đặc biệt khó khăn"],
  ntmTarget: ["Phấn đấu đạt chuẩn NTM", "Phấn đấu đạt chuẩn", "Đăng ký đạt chuẩn NTM"],
  districtDifficult: ["Xã ĐBKK do huyện chọn", "Xã ĐBKK huyện chọn"],
  count: ["Số tiêu chí đạt"],
} as const;

export const SUB_COLUMNS = {
  baseline: ["HT", "Hiện trạng"],
  plan: ["KH", "Kế hoạch"],
} as const;

/** `^(TC|Tiêu chí|Tiêu chí số)\s*0?(\d{1,2})` then end or a non-digit; applied to a matchKey. */
export const CRITERION_LABEL = /^(?:tiêu chí số|tiêu chí|tc)\s*0?(\d{1,2})(?!\d)/;

/** Generator form of a criterion label: `TC2 - Giao thông`. */
export function criterionLabel(n: number, name: string): string {
  return `TC${n} - ${name}`;
}

/** Words that end the `Tiêu chí` table (in STT or Tên xã with Mã xã empty); `Ghi chú` is a prefix. */
export const TABLE_END_WORDS = ["Tổng cộng", "Tổng", "Cộng"] as const;
export const TABLE_END_PREFIX = "Ghi chú";

/** Yes/no words (docs/template.md). Numbers 1/0 and booleans count as these. */
export const YES_WORDS = ["Đạt", "Đ", "Dat", "x", "1", "TRUE", "✓", "✔", "Có", "Co"] as const;
export const NO_WORDS = ["", "Chưa đạt", "Chưa", "CĐ", "Chua dat", "0", "FALSE", "-", "–", "Không", "Khong"] as const;

/**
 * The yes forms as an Excel array constant for the generated count formulas: every word exactly as
 * listed, plus the number 1 and the boolean TRUE (what Excel holds for a typed 1 or TRUE). MATCH is
 * exact and ignores case, like the parser; only NFD text and stray spaces, which the parser also
 * accepts, are not counted live.
 */
export const YES_ARRAY_CONSTANT = `{${YES_WORDS.map((w) => `"${w}"`).join(",")},1,TRUE}`;

/** What the drop-downs offer (and so what the generated count formulas must agree with). */
export const CRITERION_CHOICES = ["Đạt", "Chưa đạt"] as const;
export const FLAG_CHOICES = ["x"] as const;

export const CAPITAL_COLUMNS = {
  stt: "STT",
  source: "Nguồn vốn",
  /** The amount column is the first whose label starts with this. */
  amountPrefix: "Kế hoạch",
  note: "Ghi chú",
} as const;

export const UNIT_MILLION = "triệu đồng";
export const UNIT_BILLION = "tỷ đồng";

/** The header row must be found within the first N rows of a sheet. */
export const HEADER_SEARCH_ROWS = 20;
