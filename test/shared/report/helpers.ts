import type { Aggregate } from "../../../shared/schemas/aggregate.ts";
import type { Commune, Submission } from "../../../shared/schemas/submission.ts";
import { emptyAggregate } from "../../../shared/report/aggregate.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import type { Setup } from "../../../shared/setup/types.ts";

/** The built-in setup of 2018: the 11 districts, the 19 criteria of 2016-2020, no commune list. */
export const SETUP_2018: Setup = builtInSetup(2018)!;

export const ALL = Array.from({ length: 19 }, (_, i) => i + 1);
export const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

const NO_FLAGS = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };

export function commune(code: string, baseline: number[], plan: number[], flags: Partial<Commune["flags"]> = {}): Commune {
  return { code, name: `Xã ${code}`, flags: { ...NO_FLAGS, ...flags }, baseline, plan };
}

export function submission(district: string, communes: Commune[], capital: Partial<Submission["capital"]> = {}, year = 2018): Submission {
  return {
    templateVersion: "NTM-1",
    district,
    districtName: `Huyện ${district}`,
    year,
    preparedBy: `Người lập ${district}`,
    phone: `0205 ${district}`,
    preparedOn: null,
    communes,
    capital: { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0, ...capital },
  };
}

/** An aggregate of `communes` communes with the given fields overridden (for rounding cases). */
export function aggregate(communes: number, f: (a: Aggregate) => void = () => {}): Aggregate {
  const a = emptyAggregate(SETUP_2018, "NTM-1");
  a.communes = communes;
  f(a);
  return a;
}
