import { GROUP_KEYS } from "../../shared/reference/groups.ts";
import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import { SHEETS } from "../../shared/template/labels.ts";
import type { CommuneRow, StoredCommuneRow } from "../db/submissions.ts";

/** Highest criterion number a bitmask holds exactly (2^52 is still a safe integer). */
export const MAX_CRITERION_BITS = 52;

/** Flags bitmask: bit i = GROUP_KEYS[i] (border, pilotDifficult, ntmTarget, districtDifficult). */
export function flagsToBits(flags: Commune["flags"]): number {
  let bits = 0;
  for (let i = 0; i < GROUP_KEYS.length; i++) if (flags[GROUP_KEYS[i]!]) bits += 2 ** i;
  return bits;
}

export function bitsToFlags(bits: number): Commune["flags"] {
  const has = (i: number) => Math.floor(bits / 2 ** i) % 2 === 1;
  return { border: has(0), pilotDifficult: has(1), ntmTarget: has(2), districtDifficult: has(3) };
}

/** Criterion numbers (1..52) → bitmask with bit n-1 set for criterion n. */
export function criteriaToBits(numbers: readonly number[]): number {
  let bits = 0;
  for (const n of numbers) {
    const bit = 2 ** (n - 1);
    if (Math.floor(bits / bit) % 2 === 0) bits += bit; // a repeated number counts once
  }
  return bits;
}

export function bitsToCriteria(bits: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= MAX_CRITERION_BITS && 2 ** (n - 1) <= bits; n++) {
    if (Math.floor(bits / 2 ** (n - 1)) % 2 === 1) out.push(n);
  }
  return out;
}

export function toCommuneRow(c: Commune): CommuneRow {
  return [c.code, c.name, flagsToBits(c.flags), criteriaToBits(c.baseline), criteriaToBits(c.plan), c.source?.row ?? null];
}

/** A stored commune back to the submission's shape (source sheet: the criteria sheet of the header). */
export function fromStoredCommune(r: StoredCommuneRow, header: Pick<Submission, "source">): Commune {
  const commune: Commune = {
    code: r.code,
    name: r.name,
    flags: bitsToFlags(r.flags),
    baseline: bitsToCriteria(r.ht),
    plan: bitsToCriteria(r.kh),
  };
  if (r.source_row !== null) commune.source = { sheet: header.source?.criteriaSheet ?? SHEETS.criteria, row: r.source_row };
  return commune;
}
