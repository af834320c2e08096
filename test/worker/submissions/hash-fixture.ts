/**
 * Fixed submissions whose content hashes were computed by the original canonicalisation
 * (generic stable JSON of `canonicalContent(normalizeText(sub))`, SHA-256 hex) before it was
 * rewritten: stored revisions dedupe against these values, so they must never change.
 */
import type { Submission } from "../../../shared/schemas/submission.ts";

const NO_FLAGS = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };

/** NFD and untrimmed text, communes out of code order, criteria out of order with repeats, source rows. */
export const PINNED_FULL: Submission = {
  templateVersion: "NTM-1",
  district: "183",
  districtName: "  Huyện Cao Lộc ".normalize("NFD"),
  year: 2018,
  preparedBy: " Nguyễn Văn Ánh".normalize("NFD"),
  phone: "0205 3812 345 ",
  preparedOn: "2018-01-15",
  communes: [
    {
      code: "06148",
      name: " Xã Hoàng Đồng".normalize("NFD"),
      flags: { ...NO_FLAGS, districtDifficult: true },
      baseline: [3, 1, 19, 3],
      plan: [19, 2, 1, 3],
      source: { sheet: "Tiêu chí".normalize("NFD"), row: 8 },
    },
    {
      code: "06118",
      name: 'Xã Đồng Đăng "A"\\',
      flags: { border: true, pilotDifficult: true, ntmTarget: true, districtDifficult: false },
      baseline: [],
      plan: [5, 4],
      source: { sheet: "Tiêu chí", row: 6 },
    },
    {
      code: "06121",
      name: "Xã Thụy Hùng",
      flags: NO_FLAGS,
      baseline: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      plan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      source: { sheet: "Tiêu chí", row: 7 },
    },
  ],
  capital: { central: 1_234_567, local: 0, integrated: 42, enterprise: 9_007_199_254_740_991, credit: 1, community: 20_000, other: 7 },
  source: {
    criteriaSheet: "Tiêu chí",
    columns: {
      code: "B",
      name: "C",
      flags: { border: "D", pilotDifficult: null, ntmTarget: "F", districtDifficult: "G" },
      criteria: [
        { baseline: "H", plan: "I" },
        { baseline: "J", plan: "K" },
      ],
    },
  },
};

/** Nulls where allowed, no source anywhere, a control character and an emoji in a name. */
export const PINNED_BARE: Submission = {
  templateVersion: "NTM-1",
  district: "178",
  districtName: "",
  year: 2100,
  preparedBy: null,
  phone: null,
  preparedOn: null,
  communes: [{ code: "0000000001", name: "Xã\tMới 🌾\u2028", flags: NO_FLAGS, baseline: [52, 1], plan: [99] }],
  capital: { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
};
