/**
 * Every name and label of the `Thiết lập` workbook (docs/setup.md "The setup workbook"), in one
 * place: the builder writes these forms, the reader matches them like the template (NFC, case,
 * spaces; shared/text/match.ts).
 */
export const SETUP_SHEETS = {
  year: "Năm",
  units: "Đơn vị",
  communes: "Xã",
  criteria: "Bộ tiêu chí",
  bands: "Nhóm số tiêu chí",
  capital: "Nguồn vốn",
  planFlags: "Cờ kế hoạch",
} as const;
export type SetupSheet = keyof typeof SETUP_SHEETS;

/** Keys of `Năm` (column A), values in column B. */
export const YEAR_KEYS = {
  year: "Năm kế hoạch",
  criteriaSet: "Bộ tiêu chí",
  level: "Cấp đơn vị báo cáo",
  plan: "Hạn nộp kế hoạch",
  result: "Hạn nộp kết quả",
} as const;
export type YearKey = keyof typeof YEAR_KEYS;

/** Values of `Cấp đơn vị báo cáo`. */
export const LEVEL_WORDS = { huyện: "Huyện", xã: "Xã" } as const;

/** Fixed columns of each table (the first is the one that finds the header row). */
export const UNIT_COLUMNS = { code: "Mã đơn vị", name: "Tên đơn vị" } as const;
export const COMMUNE_COLUMNS = {
  code: "Mã xã",
  name: "Tên xã",
  unit: "Mã đơn vị",
  group: "Nhóm xã",
  former: "Mã xã cũ",
} as const;
export const CRITERIA_SET_COLUMNS = { number: "Số", name: "Tên tiêu chí", nameEn: "Tên tiếng Anh" } as const;
export const BAND_COLUMNS = { label: "Nhãn", min: "Từ", max: "Đến" } as const;
export const CAPITAL_ROW_COLUMNS = { stt: "STT", label: "Nguồn vốn" } as const;
export const PLAN_FLAG_COLUMNS = { label: "Cờ kế hoạch" } as const;

/** A header cell starting with this is a note column, never an attribute. */
export const NOTE_PREFIX = "Ghi chú";

/** The drop-down of commune groups (nhóm xã 1, 2, 3). */
export const GROUP_CHOICES = ["1", "2", "3"] as const;
/** The drop-down of yes/no attribute cells (empty = no). */
export const YES_CHOICES = ["x"] as const;

/** Digits of a unit code at each level: huyện 3, xã 5. */
export const UNIT_CODE_DIGITS = { huyện: 3, xã: 5 } as const;

/**
 * The report key of a band (`19`, `15-18`, `<5`): one number when min = max, `<max+1` for a band
 * from 0, else `min-max`. The keys of the built-in sets are exactly these.
 */
export function bandKey(min: number, max: number): string {
  if (min === max) return String(min);
  if (min === 0) return `<${max + 1}`;
  return `${min}-${max}`;
}

/** The label a band gets when the workbook leaves `Nhãn` empty (`Đạt 8-9 tiêu chí`, `Dưới 5 tiêu chí`). */
export function defaultBandLabel(min: number, max: number): string {
  if (min === max) return `Đạt ${min} tiêu chí`;
  if (min === 0) return `Dưới ${max + 1} tiêu chí`;
  return `Đạt ${min}-${max} tiêu chí`;
}
