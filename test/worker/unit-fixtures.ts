/** NTM-2 bodies and the tiny commune-level setups they are checked under (workers tests; not a test file). */
import type { UnitCommune, UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { SetupJson } from "../../shared/setup/schema.ts";
import { columnLetter } from "../../shared/template/a1.ts";

export const BORDER = "Xã biên giới";
export const TARGET = "Phấn đấu đạt chuẩn NTM";
export const ADVANCED = "Xã NTM nâng cao";

/** The three communes of the tiny setups: code, name, group, border. */
export const TINY = [
  { code: "06148", name: "Xã Thất Khê", group: 1, border: true },
  { code: "06151", name: "Xã Đoàn Kết", group: 2, border: false },
  { code: "06157", name: "Xã Tân Tiến", group: 3, border: true },
] as const;

/**
 * A setup of `year` at level xã (each commune reports for itself) with the 10 criteria of
 * 2026-2030: the three communes of TINY (or `communes`, e.g. one regrouped or one left out), the
 * `Xã biên giới` attribute, the plan flag `Xã NTM nâng cao`, two capital rows.
 */
export function tinySetup(
  year: number,
  communes: readonly { code: string; name: string; group: number; border: boolean }[] = TINY,
): SetupJson {
  return {
    year,
    criteriaSet: { id: "2026-2030" },
    level: "xã",
    units: communes.map((c) => ({ code: c.code, name: c.name, attributes: {} })),
    communes: communes.map((c) => ({
      code: c.code,
      name: c.name,
      unit: c.code,
      group: c.group,
      attributes: { [BORDER]: c.border },
      formerCodes: [],
    })),
    planFlags: [ADVANCED],
    capitalRows: [
      { stt: "1", label: "Ngân sách trung ương" },
      { stt: "2", label: "Ngân sách địa phương" },
    ],
  };
}

export const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** The columns of an NTM-2 `Tiêu chí` sheet: B code, C name, D group, E-G labels, then HT/KH of each criterion from H. */
export const UNIT_COLUMNS: NonNullable<UnitSubmission["source"]>["columns"] = {
  code: "B",
  name: "C",
  group: "D",
  labels: { [BORDER]: "E", [TARGET]: "F", [ADVANCED]: "G" },
  criteria: upTo(10).map((k) => ({ baseline: columnLetter(8 + 2 * (k - 1)), plan: columnLetter(9 + 2 * (k - 1)) })),
};

/** A typed commune row of an NTM-2 template (row from 6 on, as the generated template has it). */
export function unitCommune(
  c: { code: string; name: string; group: number | null; border: boolean },
  baseline: number[],
  plan: number[],
  flags: { target?: boolean; advanced?: boolean } = {},
  row = 6,
): UnitCommune {
  return {
    code: c.code,
    name: c.name,
    group: c.group as UnitCommune["group"],
    attributes: { [BORDER]: c.border },
    flags: { [TARGET]: flags.target ?? false, [ADVANCED]: flags.advanced ?? false },
    baseline,
    plan,
    source: { sheet: "Tiêu chí", row },
  };
}

/** A valid NTM-2 body of unit `unit` (a commune of TINY) for `year`. */
export function unitSubmission(
  year: number,
  unit: string,
  communes: UnitCommune[],
  capital: Record<string, number> = {},
  extra: Partial<UnitSubmission> = {},
): UnitSubmission {
  const name = TINY.find((c) => c.code === unit)?.name ?? `Xã ${unit}`;
  return {
    templateVersion: "NTM-2",
    unit,
    unitName: name,
    year,
    criteriaSet: "2026-2030",
    preparedBy: "Lăng Văn Bình",
    phone: "0205 3870 111",
    preparedOn: `${year}-01-20`,
    communes,
    capital,
    source: { criteriaSheet: "Tiêu chí", columns: UNIT_COLUMNS },
    ...extra,
  };
}

/** The three bodies of TINY's units: 10/10 criteria (NTM, advanced flag), 7 → 9 (target), 3 → 5. */
export function tinyBodies(year: number): UnitSubmission[] {
  const [a, b, c] = TINY;
  return [
    unitSubmission(year, a.code, [unitCommune(a, upTo(10), upTo(10), { advanced: true })], { "1": 1_500_000, "2": 250_500 }),
    unitSubmission(year, b.code, [unitCommune(b, upTo(7), upTo(9), { target: true })], { "1": 800_000 }),
    unitSubmission(year, c.code, [unitCommune(c, [1, 2, 3], upTo(5))], { "2": 120_000 }),
  ];
}
