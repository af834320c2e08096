import { CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import { CRITERIA_COLUMNS } from "../template/labels.ts";
import type { ReferenceData } from "../reference/index.ts";
import { CRITERIA_NTM1 } from "../reference/criteria.ts";
import { BORDER_DISTRICT_ATTRIBUTE } from "./defaults.ts";
import type { Setup } from "./types.ts";
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
export function fromNtm1(sub: Submission, criteriaSet = "2016-2020"): UnitSubmission {
  const capital: Record<string, number> = {};
  for (const [key, amount] of Object.entries(sub.capital)) capital[LEAF_STT[key] as string] = amount;
  const cols = sub.source?.columns;
  const labels: Record<string, string> = {};
  if (cols) {
    for (const [key, column] of Object.entries(cols.flags))
      if (column !== null) labels[NTM1_LABELS[key as keyof typeof NTM1_LABELS]] = column;
  }
  return {
    templateVersion: "NTM-2",
    unit: sub.district,
    unitName: sub.districtName,
    year: sub.year,
    criteriaSet,
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
    ...(sub.source && cols
      ? {
          source: {
            criteriaSheet: sub.source.criteriaSheet,
            columns: { code: cols.code, name: cols.name, group: null, labels, criteria: cols.criteria },
          },
        }
      : {}),
  };
}

/**
 * The reference data under which an NTM-1 template is read for a year's setup (template.md's parser
 * with the setup's districts and set), or null when NTM-1 cannot express the setup: units at level
 * `xã` (5-digit codes) or a set of other than 19 criteria. A unit without the `Huyện biên giới`
 * attribute counts as a border district, so the border rule stays silent where the setup says nothing.
 */
export function ntm1Reference(setup: Setup): ReferenceData | null {
  if (setup.level !== "huyện" || setup.criteriaSet.criteria.length !== CRITERIA_NTM1.criteria.length) return null;
  return {
    districts: setup.units.map((u) => ({ code: u.code, name: u.name, border: u.attributes[BORDER_DISTRICT_ATTRIBUTE] ?? true })),
    criteria: { ...CRITERIA_NTM1, period: setup.criteriaSet.id, criteria: setup.criteriaSet.criteria },
  };
}
