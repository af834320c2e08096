/**
 * A plan year's setup (cấu hình năm kế hoạch): the programme as data (docs/setup.md). Everything a
 * template, a rule or a report needs to know about a year comes from here, so the 2018 plan (11
 * districts, 19 criteria) and a 2027 plan (61 communes reporting for themselves, 10 criteria) run
 * through the same code.
 */

/** One criterion of a set: `number` is 1..n in order. */
export type SetupCriterion = { number: number; name: string; nameEn: string };

/**
 * A band of communes by number of criteria met (nhóm xã theo số tiêu chí đạt). `key` is the label
 * the report uses (`"19"`, `"15-18"`, `"<5"`); bands cover 0..size without gaps or overlaps and
 * are listed from the highest.
 */
export type SetupBand = { key: string; label: string; min: number; max: number };

/** A criteria set (bộ tiêu chí): built-in (`2016-2020`, `2021-2025`, `2026-2030`) or custom. */
export type CriteriaSetDef = {
  id: string;
  /** The decision that issued it, e.g. `QĐ 1980/QĐ-TTg (17/10/2016)`; null for a custom set. */
  decision: string | null;
  criteria: readonly SetupCriterion[];
  bands: readonly SetupBand[];
  /** Whether the set uses commune groups 1/2/3 (the 2026-2030 set). */
  communeGroups: boolean;
};

/** Cấp đơn vị báo cáo: districts (3-digit codes) or communes (5-digit codes). */
export type UnitLevel = "huyện" | "xã";

/** A reporting unit (đơn vị báo cáo) and its yes/no attributes by label (`Huyện biên giới`). */
export type SetupUnit = { code: string; name: string; attributes: Readonly<Record<string, boolean>> };

/** A commune group of the 2026-2030 set (nhóm 1, 2, 3), null where the set has none. */
export type CommuneGroup = 1 | 2 | 3;

/** A registered commune: its unit, group, fixed attributes (`Xã biên giới`) and former codes. */
export type SetupCommune = {
  code: string;
  name: string;
  unit: string;
  group: CommuneGroup | null;
  attributes: Readonly<Record<string, boolean>>;
  /** Codes of the former communes it was formed from (a merger); empty when none. */
  formerCodes: readonly string[];
};

/** A row of `Nguồn vốn`: STT (`1`, `1.1`, ...) and label. A row with children sums them. */
export type SetupCapitalRow = { stt: string; label: string };

export type Setup = {
  year: number;
  criteriaSet: CriteriaSetDef;
  level: UnitLevel;
  units: readonly SetupUnit[];
  /** The registered commune list; null when the province does not register one (level huyện). */
  communes: readonly SetupCommune[] | null;
  /** Plan flags typed in the template besides `Phấn đấu đạt chuẩn NTM` (sheet `Cờ kế hoạch`). */
  planFlags: readonly string[];
  capitalRows: readonly SetupCapitalRow[];
  /** Initial deadlines (ISO dates) of the plan and result rounds, null when not set. */
  deadlines: { plan: string | null; result: string | null };
  /** `builtin`: the defaults of 2016-2020 (no setup step); `applied`: stored by an administrator. */
  origin: "builtin" | "applied";
};

/** The plan flag every set has. */
export const NTM_TARGET_FLAG = "Phấn đấu đạt chuẩn NTM";
