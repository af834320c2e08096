/**
 * Setups for the setup benchmarks (codes invented, all valid): a country's worth of communes at level
 * `xã` (each commune its own unit), a province of districts at level `huyện` with a registered commune
 * list, and the typed `Setup` of either (checked by the shared rules, as the Worker checks a PUT body).
 */
import { checkSetup } from "../shared/setup/check-setup.ts";
import type { SetupJson } from "../shared/setup/schema.ts";
import type { Setup } from "../shared/setup/types.ts";

export const BORDER = "Xã biên giới";
export const ADVANCED = "Xã NTM nâng cao";

/** A commune's fixed columns, the same for every dataset: group 1-3 in turn, every 7th on the border. */
function communeOf(code: string, i: number, unit: string, formerBase: number) {
  return {
    code,
    name: `Xã Thử Nghiệm ${i + 1}`,
    unit,
    group: ((i % 3) + 1) as 1 | 2 | 3,
    attributes: { [BORDER]: i % 7 === 0 },
    formerCodes: i % 5 === 0 ? [String(formerBase + i)] : [],
  };
}

/**
 * Level `xã`, set 2026-2030: `n` communes with codes 10000, 10001, …, each its own unit, so the
 * setup lists `n` units and `n` communes. `variant` changes one deadline day (1-28): a different
 * content, stored as a new version, with the same size.
 */
export function communeLevelSetup(n: number, year: number, variant = 0): SetupJson {
  const codes = Array.from({ length: n }, (_, i) => String(10_000 + i));
  const day = String((variant % 28) + 1).padStart(2, "0");
  return {
    year,
    criteriaSet: { id: "2026-2030" },
    level: "xã",
    units: codes.map((code, i) => ({ code, name: `Xã Thử Nghiệm ${i + 1}`, attributes: {} })),
    communes: codes.map((code, i) => communeOf(code, i, code, 40_000)),
    planFlags: [ADVANCED],
    deadlines: { plan: `${year}-03-${day}`, result: null },
  };
}

/**
 * Level `huyện`, set 2026-2030: `units` districts (codes 100, 101, …) sharing `communes` registered
 * communes (codes 10000, … spread in turn), every 3rd district on the border.
 */
export function districtLevelSetup(units: number, communes: number, year: number): SetupJson {
  const codes = Array.from({ length: units }, (_, i) => String(100 + i));
  return {
    year,
    criteriaSet: { id: "2026-2030" },
    level: "huyện",
    units: codes.map((code, i) => ({ code, name: `Huyện Thử Nghiệm ${i + 1}`, attributes: { "Huyện biên giới": i % 3 === 0 } })),
    communes: Array.from({ length: communes }, (_, i) => communeOf(String(10_000 + i), i, codes[i % units]!, 40_000)),
    planFlags: [ADVANCED],
    deadlines: { plan: `${year}-03-31`, result: null },
  };
}

/** The setup JSON as the shared rules type it (what the Worker stores), or an error naming the first issue. */
export function typedSetup(json: SetupJson): Setup {
  const r = checkSetup(json, json.year);
  if (!r.ok) {
    const first = r.issues.find((i) => i.severity === "error");
    throw new Error(`bench setup ${json.year} is not valid: ${first?.code} ${first?.messageEn}`);
  }
  return r.value;
}
