import type { Issue } from "../result.ts";
import type { Setup, SetupCommune } from "../setup/types.ts";
import type { UnitCommune, UnitSubmission } from "../schemas/unit-submission.ts";
import { SHEETS } from "../template/labels.ts";
import { makeIssue } from "../template/messages.ts";
import { matchKey } from "../text/match.ts";
import { CODE_SLOTS, codeSlot } from "./commune-code-slot.ts";
import { bareName } from "./setup-labels.ts";

/**
 * The rules of a registered commune list (docs/setup.md "The template, version NTM-2"), on a unit's
 * typed communes: E `commune.unknown` (not a commune of this unit this year), W
 * `commune.name_mismatch`, W `commune.missing` (a listed commune of the unit absent), W
 * `commune.attribute_mismatch` (a fixed attribute or the group typed differently: the list wins).
 * Nothing when the setup registers no communes (the 2018 behaviour).
 */
export type ListRuleOptions = {
  /** Rows whose cells could not all be read: their typed attributes are not compared. */
  skipAttributesOf?: ReadonlySet<number>;
};

/**
 * A registered commune list indexed once per list (a setup's lists are read-only): the position of
 * each code (the last one when a code repeats), and for each position the position its code maps to.
 * `positionOf` gives a code's position (-1 when not listed); a long list answers it from a typed
 * array by code slot (commune-code-slot.ts) rather than the Map, as every typed commune asks.
 */
export type RegisteredIndex = {
  size: number;
  indexOf: ReadonlyMap<string, number>;
  canonical: Int32Array;
  positionOf: (code: string) => number;
};
const INDEXES = new WeakMap<readonly SetupCommune[], RegisteredIndex>();
/** Lists shorter than this are looked up in their Map (a slot array is 400 kB). */
const SLOTTED_FROM = 256;

export function registeredIndex(communes: readonly SetupCommune[]): RegisteredIndex {
  const cached = INDEXES.get(communes);
  if (cached !== undefined && cached.size === communes.length) return cached;
  const indexOf = new Map<string, number>();
  for (let j = 0; j < communes.length; j++) indexOf.set(communes[j]!.code, j);
  const canonical = new Int32Array(communes.length);
  for (let j = 0; j < communes.length; j++) canonical[j] = indexOf.get(communes[j]!.code)!;
  let positionOf = (code: string) => indexOf.get(code) ?? -1;
  if (communes.length >= SLOTTED_FROM) {
    // Position + 1 by slot, 0 = not listed; codes without a slot stay in the Map only.
    const slots = new Int32Array(CODE_SLOTS);
    for (let j = 0; j < communes.length; j++) {
      const s = codeSlot(communes[j]!.code);
      if (s >= 0) slots[s] = j + 1;
    }
    positionOf = (code) => {
      const s = codeSlot(code);
      return s >= 0 ? slots[s]! - 1 : (indexOf.get(code) ?? -1);
    };
  }
  const index = { size: communes.length, indexOf, canonical, positionOf };
  INDEXES.set(communes, index);
  return index;
}

const yes = (v: boolean) => ({ vi: v ? `"x" (có)` : "trống (không)", en: v ? `"x" (yes)` : "empty (no)" });

export function checkCommuneList(sub: UnitSubmission, setup: Setup, o: ListRuleOptions = {}): Issue[] {
  if (setup.communes === null) return [];
  const issues: Issue[] = [];
  const registered = setup.communes;
  const { positionOf, canonical } = registeredIndex(registered);
  const unitName = (code: string) => setup.units.find((u) => u.code === code)?.name ?? code;
  const cols = sub.source?.columns;
  const sheet = sub.source?.criteriaSheet ?? SHEETS.criteria;
  // Labels repeat on every commune: each distinct label is matched once.
  const keys = new Map<string, string>();
  const keyOf = (label: string) => {
    let k = keys.get(label);
    if (k === undefined) keys.set(label, (k = matchKey(label)));
    return k;
  };
  const columnOf = new Map(Object.entries(cols?.labels ?? {}).map(([label, col]) => [keyOf(label), col]));
  const at = (c: UnitCommune, column: string | null | undefined) => {
    const row = c.source?.row ?? null;
    return { sheet: c.source?.sheet ?? sheet, cell: row !== null && column ? `${column}${row}` : null, row, commune: c.code };
  };

  // Registered positions typed in the sheet (a typed code outside the list matters to no registered commune).
  const present = new Uint8Array(registered.length);
  for (const c of sub.communes) {
    const j = positionOf(c.code);
    if (j >= 0) present[j] = 1;
    const reg = j < 0 ? undefined : registered[j];
    if (!reg || reg.unit !== sub.unit) {
      const owner = reg
        ? {
            owner: ` (xã thuộc đơn vị ${reg.unit} - ${unitName(reg.unit)})`,
            ownerEn: ` (it belongs to unit ${reg.unit} - ${unitName(reg.unit)})`,
          }
        : {};
      issues.push(makeIssue("commune.unknown", at(c, cols?.code), { code: c.code, unit: sub.unit, year: setup.year, ...owner }));
      continue;
    }
    if (c.name !== "" && c.name !== reg.name && bareName(c.name) !== bareName(reg.name)) {
      issues.push(makeIssue("commune.name_mismatch", at(c, cols?.name), { code: c.code, value: c.name, expected: reg.name }));
    }
    if (c.source && o.skipAttributesOf?.has(c.source.row)) continue;
    if (setup.criteriaSet.communeGroups && c.group !== null && c.group !== reg.group) {
      issues.push(
        makeIssue("commune.attribute_mismatch", at(c, cols?.group), {
          code: c.code,
          label: "Nhóm xã",
          value: String(c.group),
          expected: reg.group === null ? "trống" : String(reg.group),
          expectedEn: reg.group === null ? "empty" : String(reg.group),
        }),
      );
    }
    for (const label in c.attributes) {
      const typed = c.attributes[label]!;
      const k = keyOf(label);
      let registeredLabel: string | undefined;
      for (const l in reg.attributes) {
        if (keyOf(l) === k) {
          registeredLabel = l;
          break;
        }
      }
      if (registeredLabel === undefined || reg.attributes[registeredLabel] === typed) continue;
      const r = { label: registeredLabel, v: reg.attributes[registeredLabel]! };
      issues.push(
        makeIssue("commune.attribute_mismatch", at(c, columnOf.get(k)), {
          code: c.code,
          label: r.label,
          value: yes(typed).vi,
          valueEn: yes(typed).en,
          expected: yes(r.v).vi,
          expectedEn: yes(r.v).en,
        }),
      );
    }
  }
  for (let j = 0; j < registered.length; j++) {
    const reg = registered[j]!;
    if (reg.unit !== sub.unit || present[canonical[j]!] === 1) continue;
    issues.push(makeIssue("commune.missing", { sheet }, { code: reg.code, name: reg.name, unit: sub.unit, year: setup.year }));
  }
  return issues;
}
