/** A criteria set (bộ tiêu chí) is reference data: a later program period changes names and count. */
export type Criterion = { number: number; name: string; nameEn: string };

export type CriteriaSet = {
  /** Template version this set belongs to. */
  templateVersion: "NTM-1";
  period: string;
  criteria: readonly Criterion[];
};

/** Bộ tiêu chí quốc gia về xã NTM giai đoạn 2016-2020 (docs/domain.md). */
export const CRITERIA_NTM1: CriteriaSet = {
  templateVersion: "NTM-1",
  period: "2016-2020",
  criteria: [
    { number: 1, name: "Quy hoạch", nameEn: "Planning" },
    { number: 2, name: "Giao thông", nameEn: "Transport" },
    { number: 3, name: "Thủy lợi", nameEn: "Irrigation" },
    { number: 4, name: "Điện", nameEn: "Electricity" },
    { number: 5, name: "Trường học", nameEn: "Schools" },
    { number: 6, name: "Cơ sở vật chất văn hóa", nameEn: "Cultural facilities" },
    { number: 7, name: "Cơ sở hạ tầng thương mại nông thôn", nameEn: "Rural commercial infrastructure" },
    { number: 8, name: "Thông tin và Truyền thông", nameEn: "Information and communications" },
    { number: 9, name: "Nhà ở dân cư", nameEn: "Housing" },
    { number: 10, name: "Thu nhập", nameEn: "Income" },
    { number: 11, name: "Hộ nghèo", nameEn: "Poor households" },
    { number: 12, name: "Lao động có việc làm", nameEn: "Employment" },
    { number: 13, name: "Tổ chức sản xuất", nameEn: "Organisation of production" },
    { number: 14, name: "Giáo dục và Đào tạo", nameEn: "Education and training" },
    { number: 15, name: "Y tế", nameEn: "Health" },
    { number: 16, name: "Văn hóa", nameEn: "Culture" },
    { number: 17, name: "Môi trường và an toàn thực phẩm", nameEn: "Environment and food safety" },
    { number: 18, name: "Hệ thống chính trị và tiếp cận pháp luật", nameEn: "Political system and access to law" },
    { number: 19, name: "Quốc phòng và An ninh", nameEn: "Defence and security" },
  ],
};

/** Criteria the plan requires of a district-chosen especially-difficult commune by 2020. */
export const DISTRICT_DIFFICULT_REQUIRED = [10, 11, 14, 15, 18] as const;
