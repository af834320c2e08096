/** Bands of communes by number of criteria met (nhóm xã theo số tiêu chí đạt), in report order. */
export const BAND_KEYS = ["19", "15-18", "10-14", "5-9", "<5"] as const;
export type BandKey = (typeof BAND_KEYS)[number];

export type Band = { key: BandKey; label: string; min: number; max: number };

export const BANDS: readonly Band[] = [
  { key: "19", label: "Đạt 19 tiêu chí", min: 19, max: 19 },
  { key: "15-18", label: "Đạt 15-18 tiêu chí", min: 15, max: 18 },
  { key: "10-14", label: "Đạt 10-14 tiêu chí", min: 10, max: 14 },
  { key: "5-9", label: "Đạt 5-9 tiêu chí", min: 5, max: 9 },
  { key: "<5", label: "Dưới 5 tiêu chí", min: 0, max: 4 },
];

/** The band of a commune meeting `met` criteria. */
export function bandOf(met: number): BandKey {
  for (const b of BANDS) if (met >= b.min && met <= b.max) return b.key;
  return "<5";
}
