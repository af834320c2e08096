/** Commune groups, set by flag columns of the template. */
export const GROUP_KEYS = ["border", "pilotDifficult", "ntmTarget", "districtDifficult"] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export const GROUPS: readonly { key: GroupKey; label: string; labelEn: string }[] = [
  { key: "border", label: "Xã biên giới", labelEn: "Border communes" },
  { key: "pilotDifficult", label: "Xã điểm đặc biệt khó khăn", labelEn: "Pilot especially-difficult communes" },
  { key: "ntmTarget", label: "Xã phấn đấu đạt chuẩn NTM", labelEn: "NTM target communes" },
  { key: "districtDifficult", label: "Xã ĐBKK do huyện chọn", labelEn: "District-chosen especially-difficult communes" },
];
