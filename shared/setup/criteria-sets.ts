import { CRITERIA_NTM1 } from "../reference/criteria.ts";
import type { CriteriaSetDef, SetupBand, SetupCriterion } from "./types.ts";

/** Bands of the 19-criteria sets (docs/domain.md). */
const BANDS_19: readonly SetupBand[] = [
  { key: "19", label: "Đạt 19 tiêu chí", min: 19, max: 19 },
  { key: "15-18", label: "Đạt 15-18 tiêu chí", min: 15, max: 18 },
  { key: "10-14", label: "Đạt 10-14 tiêu chí", min: 10, max: 14 },
  { key: "5-9", label: "Đạt 5-9 tiêu chí", min: 5, max: 9 },
  { key: "<5", label: "Dưới 5 tiêu chí", min: 0, max: 4 },
];

/** QĐ 51/2025 sets no bands; this product's default, which a province may change. */
const BANDS_10: readonly SetupBand[] = [
  { key: "10", label: "Đạt 10 tiêu chí", min: 10, max: 10 },
  { key: "8-9", label: "Đạt 8-9 tiêu chí", min: 8, max: 9 },
  { key: "5-7", label: "Đạt 5-7 tiêu chí", min: 5, max: 7 },
  { key: "<5", label: "Dưới 5 tiêu chí", min: 0, max: 4 },
];

const RENAMED_2021: Readonly<Record<number, SetupCriterion>> = {
  3: { number: 3, name: "Thủy lợi và phòng, chống thiên tai", nameEn: "Irrigation and disaster prevention" },
  11: { number: 11, name: "Nghèo đa chiều", nameEn: "Multidimensional poverty" },
  12: { number: 12, name: "Lao động", nameEn: "Labour" },
  13: {
    number: 13,
    name: "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    nameEn: "Organisation of production and rural economic development",
  },
};

const CRITERIA_2026: readonly SetupCriterion[] = [
  { number: 1, name: "Quy hoạch", nameEn: "Planning" },
  { number: 2, name: "Hạ tầng kinh tế - xã hội", nameEn: "Socio-economic infrastructure" },
  { number: 3, name: "Phát triển kinh tế nông thôn", nameEn: "Rural economic development" },
  { number: 4, name: "Đào tạo nguồn nhân lực nông thôn", nameEn: "Rural human resources training" },
  { number: 5, name: "Văn hóa, giáo dục, y tế", nameEn: "Culture, education, health" },
  { number: 6, name: "Giảm nghèo và an sinh xã hội", nameEn: "Poverty reduction and social security" },
  { number: 7, name: "Khoa học công nghệ và chuyển đổi số", nameEn: "Science, technology and digital transformation" },
  { number: 8, name: "Môi trường và cảnh quan nông thôn", nameEn: "Environment and rural landscape" },
  {
    number: 9,
    name: "Xây dựng hệ thống chính trị và hành chính công",
    nameEn: "Political system and public administration",
  },
  {
    number: 10,
    name: "Tiếp cận pháp luật và an ninh, quốc phòng",
    nameEn: "Access to law, security and defence",
  },
];

export const SET_2016_2020: CriteriaSetDef = {
  id: "2016-2020",
  decision: "QĐ 1980/QĐ-TTg (17/10/2016)",
  criteria: CRITERIA_NTM1.criteria,
  bands: BANDS_19,
  communeGroups: false,
};

export const SET_2021_2025: CriteriaSetDef = {
  id: "2021-2025",
  decision: "QĐ 318/QĐ-TTg (08/03/2022)",
  criteria: CRITERIA_NTM1.criteria.map((c) => RENAMED_2021[c.number] ?? c),
  bands: BANDS_19,
  communeGroups: false,
};

export const SET_2026_2030: CriteriaSetDef = {
  id: "2026-2030",
  decision: "QĐ 51/2025/QĐ-TTg (29/12/2025, hiệu lực 15/02/2026)",
  criteria: CRITERIA_2026,
  bands: BANDS_10,
  communeGroups: true,
};

/** The national sets, by id, in period order. */
export const BUILT_IN_SETS: readonly CriteriaSetDef[] = [SET_2016_2020, SET_2021_2025, SET_2026_2030];

/** At most this many criteria in a set (a commune's HT/KH are stored as bits of a safe integer). */
export const MAX_CRITERIA = 52;

export function builtInSet(id: string): CriteriaSetDef | null {
  return BUILT_IN_SETS.find((s) => s.id === id) ?? null;
}
