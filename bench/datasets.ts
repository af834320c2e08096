/**
 * Typed submissions for the Worker benchmarks, made the way a client makes them: a filled template
 * grid (bench/grid.ts) parsed by the shared parser. Commune codes are distinct across districts
 * (codeBase) so the ownership rule never refuses them; the plan year is set after parsing.
 */
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import type { Submission } from "../shared/schemas/submission.ts";
import { parseWorkbook } from "../shared/template/parse.ts";
import { filledWorkbook } from "./grid.ts";

export const DISTRICT_CODES: readonly string[] = DEFAULT_REFERENCE.districts.map((d) => d.code);

/** One district's submission of `communes` communes with codes codeBase, codeBase + 1, … */
export function gridSubmission(district: string, communes: number, seed: number, codeBase: number, year: number): Submission {
  const r = parseWorkbook(filledWorkbook(communes, seed, district, codeBase), DEFAULT_REFERENCE);
  if (!r.ok) {
    const first = r.issues.find((i) => i.severity === "error");
    throw new Error(`bench grid of district ${district} does not parse: ${first?.code} ${first?.messageEn}`);
  }
  return { ...r.value, year };
}

/** `total` communes spread over the 11 districts (sizes differ by at most one), distinct codes. */
export function provinceSubmissions(total: number, year: number, seed = 1, codeBase = 10_000): Submission[] {
  const n = DISTRICT_CODES.length;
  let next = codeBase;
  return DISTRICT_CODES.map((code, i) => {
    const size = Math.floor(total / n) + (i < total % n ? 1 : 0);
    const sub = gridSubmission(code, size, seed + i, next, year);
    next += size;
    return sub;
  });
}

export const communeCount = (subs: readonly Submission[]): number => subs.reduce((a, s) => a + s.communes.length, 0);
