/** Capital sources (nguồn vốn) of docs/domain.md, in report order. */
export const CAPITAL_KEYS = ["direct", "central", "local", "integrated", "enterprise", "credit", "community", "other", "total"] as const;
export type CapitalKey = (typeof CAPITAL_KEYS)[number];

/** Sources a district types; `direct` (1.1 + 1.2) and `total` are derived. */
export const CAPITAL_LEAF_KEYS = ["central", "local", "integrated", "enterprise", "credit", "community", "other"] as const;
export type CapitalLeafKey = (typeof CAPITAL_LEAF_KEYS)[number];

export type CapitalSource = {
  key: CapitalKey;
  /** STT as the template writes it; null for the total row. */
  stt: string | null;
  /** Full label written by the generator. */
  label: string;
  /** The start of the label that identifies the row when STT is missing. */
  labelStart: string;
  labelEn: string;
  /** Leaf keys this row sums (subtotals and total only). */
  sumOf?: readonly CapitalLeafKey[];
};

export const CAPITAL_SOURCES: readonly CapitalSource[] = [
  {
    key: "direct",
    stt: "1",
    label: "Vốn đầu tư trực tiếp cho Chương trình",
    labelStart: "Vốn đầu tư trực tiếp",
    labelEn: "Direct investment for the Program",
    sumOf: ["central", "local"],
  },
  { key: "central", stt: "1.1", label: "Vốn ngân sách Trung ương", labelStart: "Vốn ngân sách Trung ương", labelEn: "Central budget" },
  { key: "local", stt: "1.2", label: "Vốn ngân sách địa phương", labelStart: "Vốn ngân sách địa phương", labelEn: "Local budget" },
  {
    key: "integrated",
    stt: "2",
    label: "Vốn lồng ghép từ các Chương trình, dự án khác",
    labelStart: "Vốn lồng ghép",
    labelEn: "Integrated from other programs and projects",
  },
  {
    key: "enterprise",
    stt: "3",
    label: "Vốn huy động từ doanh nghiệp, HTX và các tổ chức kinh tế",
    labelStart: "Vốn huy động từ doanh nghiệp",
    labelEn: "Enterprises, cooperatives and economic organisations",
  },
  { key: "credit", stt: "4", label: "Vốn tín dụng", labelStart: "Vốn tín dụng", labelEn: "Credit" },
  {
    key: "community",
    stt: "5",
    label: "Huy động đóng góp của cộng đồng dân cư",
    labelStart: "Huy động đóng góp của cộng đồng",
    labelEn: "Community contributions",
  },
  { key: "other", stt: "6", label: "Huy động khác", labelStart: "Huy động khác", labelEn: "Other mobilisation" },
  {
    key: "total",
    stt: null,
    label: "Tổng cộng",
    labelStart: "Tổng cộng",
    labelEn: "Total",
    sumOf: ["central", "local", "integrated", "enterprise", "credit", "community", "other"],
  },
];
