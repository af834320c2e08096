import { GROUPS } from "../reference/groups.ts";
import type { GroupKey } from "../reference/groups.ts";
import { NTM1_LABELS } from "../setup/from-ntm1.ts";
import type { Setup } from "../setup/types.ts";
import { NTM_TARGET_FLAG } from "../setup/types.ts";
import { CRITERIA_COLUMNS } from "../template/labels.ts";
import { matchKey } from "../text/match.ts";

/**
 * The groups a report averages (docs/setup.md "Report changes"), from the setup:
 * - the `2016-2020` set keeps the four groups of docs/domain.md under their keys (`border` is the
 *   commune attribute `Xã biên giới`, the other three are plan flags, as NTM-1 templates type them,
 *   or fixed attributes where the setup's commune list makes them one);
 * - any other set: `group1`..`group3` when the set uses commune groups, `attr:<label>` for each fixed
 *   attribute of the commune list (without a commune list: `Xã biên giới`, the attribute every
 *   template has), `flag:<label>` for `Phấn đấu đạt chuẩn NTM` and each plan flag of the setup.
 * Labels match as template labels do (NFC, case, spaces).
 */
export type GroupSource =
  | { kind: "attribute"; labels: readonly string[] }
  | { kind: "flag"; labels: readonly string[]; orAttribute?: boolean }
  | { kind: "communeGroup"; group: 1 | 2 | 3 };

export type ReportGroupDef = { key: string; label: string; source: GroupSource };

/** What the groups depend on. */
export type GroupBasis = Pick<Setup, "criteriaSet" | "communes" | "planFlags">;

const NTM1_GROUP_SOURCES: Record<GroupKey, GroupSource> = {
  border: { kind: "attribute", labels: CRITERIA_COLUMNS.border },
  pilotDifficult: { kind: "flag", labels: CRITERIA_COLUMNS.pilotDifficult, orAttribute: true },
  ntmTarget: { kind: "flag", labels: [NTM_TARGET_FLAG, ...CRITERIA_COLUMNS.ntmTarget], orAttribute: true },
  districtDifficult: { kind: "flag", labels: CRITERIA_COLUMNS.districtDifficult, orAttribute: true },
};

/** The set whose report keeps the four groups of docs/domain.md. */
export const DOMAIN_GROUPS_SET = "2016-2020";

/** Labels in first-seen order, one per match key. */
function distinct(labels: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of labels) {
    const k = matchKey(l);
    if (k === "" || seen.has(k)) continue;
    seen.add(k);
    out.push(l);
  }
  return out;
}

/** Fixed attribute labels of the commune list (first-seen order), or `Xã biên giới` without one. */
export function attributeLabels(basis: Pick<Setup, "communes">): string[] {
  if (basis.communes === null) return [NTM1_LABELS.border];
  return distinct(basis.communes.flatMap((c) => Object.keys(c.attributes)));
}

/** The report's groups for a setup, in report order. */
export function reportGroups(basis: GroupBasis): ReportGroupDef[] {
  if (basis.criteriaSet.id === DOMAIN_GROUPS_SET) {
    return GROUPS.map((g) => ({ key: g.key, label: g.label, source: NTM1_GROUP_SOURCES[g.key] }));
  }
  const out: ReportGroupDef[] = [];
  if (basis.criteriaSet.communeGroups) {
    for (const group of [1, 2, 3] as const)
      out.push({ key: `group${group}`, label: `Xã nhóm ${group}`, source: { kind: "communeGroup", group } });
  }
  for (const label of attributeLabels(basis)) out.push({ key: `attr:${label}`, label, source: { kind: "attribute", labels: [label] } });
  for (const label of distinct([NTM_TARGET_FLAG, ...basis.planFlags])) {
    out.push({ key: `flag:${label}`, label, source: { kind: "flag", labels: [label] } });
  }
  return out;
}
