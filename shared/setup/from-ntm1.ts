import { CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import { CRITERIA_COLUMNS } from "../template/labels.ts";
import { NTM_TARGET_FLAG } from "./types.ts";

/**
 * Labels an NTM-1 template gives its four flag columns, as the general shape names them: `Xã biên
 * giới` is a commune attribute, the other three are plan flags. The 2016-2020 report keeps the four
 * group keys of docs/domain.md for them (shared/report).
 */
export const NTM1_LABELS = {
  border: CRITERIA_COLUMNS.border[0],
  pilotDifficult: CRITERIA_COLUMNS.pilotDifficult[0],
  ntmTarget: NTM_TARGET_FLAG,
  districtDifficult: CRITERIA_COLUMNS.districtDifficult[0],
} as const;

/** STT of each capital leaf of NTM-1 (`central` → `1.1`). */
const LEAF_STT: Readonly<Record<string, string>> = Object.fromEntries(
  CAPITAL_SOURCES.filter((s) => s.stt !== null && !s.sumOf).map((s) => [s.key, s.stt as string]),
);

/**
 * An NTM-1 submission (a district, the 19 criteria of 2016-2020) in the general NTM-2 shape, so that
 * rules and reports have one input. Nothing is lost: the district is the unit, the four flags become
 * one attribute and three plan flags, the capital leaves are keyed by their STT. The template version
 * stays visible to callers that need it through the original.
 */
export function fromNtm1(sub: Submission): UnitSubmission {
  const capital: Record<string, number> = {};
  for (const [key, amount] of Object.entries(sub.capital)) capital[LEAF_STT[key] as string] = amount;
  return {
    templateVersion: "NTM-2",
    unit: sub.district,
    unitName: sub.districtName,
    year: sub.year,
    criteriaSet: "2016-2020",
    preparedBy: sub.preparedBy,
    phone: sub.phone,
    preparedOn: sub.preparedOn,
    communes: sub.communes.map((c) => ({
      code: c.code,
      name: c.name,
      group: null,
      attributes: { [NTM1_LABELS.border]: c.flags.border },
      flags: {
        [NTM1_LABELS.pilotDifficult]: c.flags.pilotDifficult,
        [NTM1_LABELS.ntmTarget]: c.flags.ntmTarget,
        [NTM1_LABELS.districtDifficult]: c.flags.districtDifficult,
      },
      baseline: c.baseline,
      plan: c.plan,
      ...(c.source ? { source: c.source } : {}),
    })),
    capital,
  };
}
