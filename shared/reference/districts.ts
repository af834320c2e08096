/** A district (huyện / thành phố) of the province: reference data, editable by an administrator. */
export type District = { code: string; name: string; border: boolean };

/** The 11 districts of Lạng Sơn (docs/domain.md), the default reference data seeded into D1. */
export const LANG_SON_DISTRICTS: readonly District[] = [
  { code: "178", name: "Thành phố Lạng Sơn", border: false },
  { code: "180", name: "Huyện Tràng Định", border: true },
  { code: "181", name: "Huyện Bình Gia", border: false },
  { code: "182", name: "Huyện Văn Lãng", border: true },
  { code: "183", name: "Huyện Cao Lộc", border: true },
  { code: "184", name: "Huyện Văn Quan", border: false },
  { code: "185", name: "Huyện Bắc Sơn", border: false },
  { code: "186", name: "Huyện Hữu Lũng", border: false },
  { code: "187", name: "Huyện Chi Lăng", border: false },
  { code: "188", name: "Huyện Lộc Bình", border: true },
  { code: "189", name: "Huyện Đình Lập", border: true },
];
