import { CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { LANG_SON_DISTRICTS } from "../reference/districts.ts";
import { SET_2016_2020 } from "./criteria-sets.ts";
import type { Setup, SetupCapitalRow } from "./types.ts";

/** The attribute of a district that the border rule of docs/template.md reads. */
export const BORDER_DISTRICT_ATTRIBUTE = "Huyện biên giới";

/** The 2018 list of `Nguồn vốn` (docs/domain.md), the default capital rows of every setup. */
export const DEFAULT_CAPITAL_ROWS: readonly SetupCapitalRow[] = CAPITAL_SOURCES.filter((s) => s.stt !== null).map((s) => ({
  stt: s.stt as string,
  label: s.label,
}));

/** Years served by the built-in defaults with no setup step. */
export const BUILT_IN_YEARS = { from: 2016, to: 2020 } as const;

/**
 * The built-in setup of a year 2016-2020: the 11 Lạng Sơn districts with the 2016-2020 set, no
 * registered commune list (the 2018 behaviour); null for any other year.
 */
export function builtInSetup(year: number): Setup | null {
  if (year < BUILT_IN_YEARS.from || year > BUILT_IN_YEARS.to) return null;
  return {
    year,
    criteriaSet: SET_2016_2020,
    level: "huyện",
    units: LANG_SON_DISTRICTS.map((d) => ({
      code: d.code,
      name: d.name,
      attributes: { [BORDER_DISTRICT_ATTRIBUTE]: d.border },
    })),
    communes: null,
    planFlags: [],
    capitalRows: DEFAULT_CAPITAL_ROWS,
    deadlines: { plan: null, result: null },
    origin: "builtin",
  };
}
