import type { Setup, UnitLevel } from "../setup/types.ts";
import { NTM_TARGET_FLAG } from "../setup/types.ts";
import { matchKey } from "../text/match.ts";
import { CRITERIA_COLUMNS, INFO_KEYS } from "./labels.ts";

/**
 * The template NTM-2 (docs/setup.md "The template, version NTM-2"): its version, the keys of
 * `Thông tin` and the columns of `Tiêu chí` that the year's setup decides. One place for the
 * builder (build-template-ntm2.ts), the parser (parse-ntm2.ts) and the demo.
 */
export const NTM2_VERSION = "NTM-2" as const;

/** Keys of `Thông tin`: the first form is written, all are accepted (`Mã huyện` as `Mã đơn vị`, ...). */
export const UNIT_INFO_KEYS = {
  unitCode: ["Mã đơn vị", INFO_KEYS.districtCode],
  unitName: ["Tên đơn vị", INFO_KEYS.districtName],
  year: [INFO_KEYS.year],
  criteriaSet: ["Bộ tiêu chí"],
  preparedBy: [INFO_KEYS.preparedBy],
  phone: [INFO_KEYS.phone],
  preparedOn: [INFO_KEYS.preparedOn],
  templateVersion: [INFO_KEYS.templateVersion],
} as const;
export type UnitInfoKey = keyof typeof UNIT_INFO_KEYS;

/** A unit code of each level (shared/setup/labels.ts UNIT_CODE_DIGITS: huyện 3, xã 5 digits), for messages. */
export const UNIT_CODE_EXAMPLE: Record<UnitLevel, string> = { huyện: "183", xã: "06148" };

/** The commune group column (`Nhóm xã`), written when the set uses groups (2026-2030). */
export const GROUP_LABELS = ["Nhóm xã", "Nhóm"] as const;

/** A yes/no column of `Tiêu chí`: a commune attribute or a plan flag, by its accepted labels. */
export type MarkColumn = {
  /** The label written (the setup's), and the key of the typed value in the submission. */
  label: string;
  labels: readonly string[];
  kind: "attribute" | "flag";
};

export type Ntm2Columns = {
  /** A `Nhóm xã` column. */
  group: boolean;
  /** Attributes first, then flags: the order of the columns. */
  marks: MarkColumn[];
  /** Whether code, name, group and attributes come pre-filled (and locked) from the commune list. */
  registered: boolean;
};

/** The set whose template keeps the flag columns of NTM-1 (docs/domain.md). */
export const NTM1_FLAGS_SET = "2016-2020";

/** Accepted labels of a setup label: the NTM-1 alternatives where it is one of the four NTM-1 columns. */
function labelsOf(label: string): readonly string[] {
  const key = matchKey(label);
  for (const list of [
    CRITERIA_COLUMNS.border,
    CRITERIA_COLUMNS.pilotDifficult,
    CRITERIA_COLUMNS.ntmTarget,
    CRITERIA_COLUMNS.districtDifficult,
  ]) {
    if (list.some((l) => matchKey(l) === key)) return [label, ...list.filter((l) => matchKey(l) !== key)];
  }
  return [label];
}

/**
 * The columns a setup gives `Tiêu chí`, in order: `Nhóm xã` when the set uses groups; the fixed
 * attributes of the commune list (without a list: `Xã biên giới`, typed as in NTM-1); the plan flags:
 * for the 2016-2020 set the three flags of NTM-1, otherwise `Phấn đấu đạt chuẩn NTM`, then the
 * setup's `Cờ kế hoạch`. A label already used is not repeated.
 */
export function ntm2Columns(setup: Pick<Setup, "criteriaSet" | "communes" | "planFlags">): Ntm2Columns {
  const seen = new Set<string>();
  const marks: MarkColumn[] = [];
  const add = (label: string, kind: MarkColumn["kind"]) => {
    const key = matchKey(label);
    if (key === "" || seen.has(key)) return;
    for (const l of labelsOf(label)) seen.add(matchKey(l));
    marks.push({ label, labels: labelsOf(label), kind });
  };
  const attributes = setup.communes === null ? [CRITERIA_COLUMNS.border[0]] : setup.communes.flatMap((c) => Object.keys(c.attributes));
  for (const label of attributes) add(label, "attribute");
  const flags =
    setup.criteriaSet.id === NTM1_FLAGS_SET
      ? [CRITERIA_COLUMNS.pilotDifficult[0], NTM_TARGET_FLAG, CRITERIA_COLUMNS.districtDifficult[0]]
      : [NTM_TARGET_FLAG];
  for (const label of [...flags, ...setup.planFlags]) add(label, "flag");
  return { group: setup.criteriaSet.communeGroups, marks, registered: setup.communes !== null };
}
