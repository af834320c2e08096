import type { Issue } from "../result.ts";
import type { Setup, SetupCommune } from "../setup/types.ts";
import type { UnitCommune, UnitSubmission } from "../schemas/unit-submission.ts";
import { SHEETS } from "../template/labels.ts";
import { makeIssue } from "../template/messages.ts";
import { matchKey } from "../text/match.ts";
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

const yes = (v: boolean) => ({ vi: v ? `"x" (có)` : "trống (không)", en: v ? `"x" (yes)` : "empty (no)" });

export function checkCommuneList(sub: UnitSubmission, setup: Setup, o: ListRuleOptions = {}): Issue[] {
  if (setup.communes === null) return [];
  const issues: Issue[] = [];
  const byCode = new Map<string, SetupCommune>();
  for (const c of setup.communes) byCode.set(c.code, c);
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

  const present = new Set<string>();
  for (const c of sub.communes) {
    present.add(c.code);
    const reg = byCode.get(c.code);
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
      const registeredLabel = Object.keys(reg.attributes).find((l) => keyOf(l) === k);
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
  for (const reg of setup.communes) {
    if (reg.unit !== sub.unit || present.has(reg.code)) continue;
    issues.push(makeIssue("commune.missing", { sheet }, { code: reg.code, name: reg.name, unit: sub.unit, year: setup.year }));
  }
  return issues;
}
