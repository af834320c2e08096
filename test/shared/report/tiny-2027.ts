import type { UnitCommune, UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import type { Setup, SetupCommune } from "../../../shared/setup/types.ts";

/**
 * A tiny 2027 plan (docs/setup.md): four communes of Lạng Sơn each reporting for itself (level xã),
 * the 10 criteria of 2026-2030 with the default bands 10 / 8-9 / 5-7 / <5, commune groups 1/2/3,
 * the fixed attribute `Xã biên giới`, the plan flag `NTM nâng cao` and capital rows of its own.
 * Codes are invented for the test.
 */
export const BORDER = "Xã biên giới";
export const ADVANCED = "NTM nâng cao";

const commune = (code: string, name: string, group: 1 | 2 | 3, border: boolean): SetupCommune => ({
  code,
  name,
  unit: code,
  group,
  attributes: { [BORDER]: border },
  formerCodes: [],
});

const COMMUNES: SetupCommune[] = [
  commune("06001", "Xã Thất Khê", 3, true),
  commune("06004", "Xã Đoàn Kết", 2, false),
  commune("06007", "Xã Tân Tiến", 1, false),
  commune("06010", "Xã Tràng Định", 3, true),
];

export const TINY_2027: Setup = {
  year: 2027,
  criteriaSet: SET_2026_2030,
  level: "xã",
  units: COMMUNES.map((c) => ({ code: c.code, name: c.name, attributes: {} })),
  communes: COMMUNES,
  planFlags: [ADVANCED],
  capitalRows: [
    { stt: "1", label: "Ngân sách nhà nước" },
    { stt: "1.1", label: "Ngân sách Trung ương" },
    { stt: "1.2", label: "Ngân sách tỉnh" },
    { stt: "2", label: "Vốn lồng ghép Chương trình giảm nghèo bền vững" },
    { stt: "3", label: "Vốn tín dụng" },
    { stt: "4", label: "Nhân dân đóng góp" },
  ],
  deadlines: { plan: "2027-03-31", result: "2027-12-31" },
  origin: "applied",
};

export const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export function unitCommune(
  code: string,
  name: string,
  baseline: number[],
  plan: number[],
  o: { group?: 1 | 2 | 3 | null; attributes?: Record<string, boolean>; flags?: Record<string, boolean> } = {},
): UnitCommune {
  return { code, name, group: o.group ?? null, attributes: o.attributes ?? {}, flags: o.flags ?? {}, baseline, plan };
}

export function unitSubmission(unit: string, communes: UnitCommune[], capital: Record<string, number> = {}, year = 2027): UnitSubmission {
  return {
    templateVersion: "NTM-2",
    unit,
    unitName: `Đơn vị ${unit}`,
    year,
    criteriaSet: "2026-2030",
    preparedBy: `Người lập ${unit}`,
    phone: `0205 ${unit}`,
    preparedOn: null,
    communes,
    capital,
  };
}

/**
 * The four submissions the report tests use, with figures computed by hand in the tests:
 * 06001 (group 3, border) 8 → 10 criteria, NTM target; 06004 typed group 1 and border, which the
 * setup overrides (group 2, not border), 10 → 10, `NTM nâng cao`; 06007 (group 1) 3 → 6; 06013, a
 * commune the setup no longer has (typed group 2, border), 4 → 9. 06010 does not submit.
 */
export const SUBMISSIONS_2027: UnitSubmission[] = [
  unitSubmission(
    "06001",
    [
      unitCommune("06001", "Xã Thất Khê", upTo(8), upTo(10), {
        group: 3,
        attributes: { [BORDER]: true },
        flags: { "Phấn đấu đạt chuẩn NTM": true, [ADVANCED]: false },
      }),
    ],
    { "1.1": 500_000, "1.2": 120_500, "2": 300_000, "3": 0, "4": 79_500 },
  ),
  unitSubmission(
    "06004",
    [unitCommune("06004", "Xã Đoàn Kết", upTo(10), upTo(10), { group: 1, attributes: { [BORDER]: true }, flags: { [ADVANCED]: true } })],
    { "1.1": 1_000_000, "4": 1 },
  ),
  unitSubmission("06007", [unitCommune("06007", "Xã Tân Tiến", [1, 2, 3], upTo(6), { group: 1 })], { "3": 2_000_000 }),
  unitSubmission("06013", [unitCommune("06013", "Xã Cũ", upTo(4), upTo(9), { group: 2, attributes: { [BORDER]: true } })], { "2": 10_000 }),
];
