import type { CriteriaSet } from "./criteria.ts";
import type { District } from "./districts.ts";
import { CRITERIA_NTM1 } from "./criteria.ts";
import { LANG_SON_DISTRICTS } from "./districts.ts";

export * from "./criteria.ts";
export * from "./districts.ts";
export * from "./bands.ts";
export * from "./groups.ts";
export * from "./capital-sources.ts";

/** Reference data a rule or a report needs; the server loads it from D1, the CLI uses the defaults. */
export type ReferenceData = { districts: readonly District[]; criteria: CriteriaSet };

export const DEFAULT_REFERENCE: ReferenceData = { districts: LANG_SON_DISTRICTS, criteria: CRITERIA_NTM1 };
