import type { Issue } from "../result.ts";
import { COMMUNE_CODE } from "../template/commune-code.ts";
import { cleanText } from "../text/match.ts";
import { UNIT_CODE_DIGITS } from "./labels.ts";
import { setupIssue } from "./messages.ts";
import { placeOf } from "./place.ts";
import type { SetupJsonParsed } from "./schema.ts";
import type { CommuneGroup, SetupCommune, SetupUnit } from "./types.ts";

export type UnitsAndCommunes = { units: SetupUnit[]; communes: SetupCommune[] | null };

/**
 * Units and the commune list of a setup (docs/setup.md): unit codes of the level's length (huyện 3,
 * xã 5 digits), each once and named; commune codes of 5 digits, each once, in a known unit (the
 * same code under two units is `setup.commune_in_two_units`), named, group 1-3 or none, former codes
 * of 5 digits. The list is required at level xã, where each unit is exactly one commune of the same
 * code; at level huyện a unit without communes in a registered list is a warning.
 */
export function checkUnits(json: SetupJsonParsed, issues: Issue[]): UnitsAndCommunes {
  const level = json.level;
  const digits = UNIT_CODE_DIGITS[level];
  const uSrc = json.source?.units;
  const cSrc = json.source?.communes;
  if (json.units.length === 0) issues.push(setupIssue("setup.units_none", { sheet: uSrc?.sheet ?? null }));

  const units: SetupUnit[] = [];
  const unitRow = new Map<string, number>();
  const unitSource = new Map<string, (typeof json.units)[number]["source"]>();
  json.units.forEach((u, i) => {
    const code = u.code;
    if (code.length !== digits) {
      issues.push(setupIssue("setup.unit_code_length", placeOf(uSrc, u.source, "code"), { code, level, digits }));
      return;
    }
    const first = unitRow.get(code);
    if (first !== undefined) {
      issues.push(setupIssue("setup.unit_duplicate", placeOf(uSrc, u.source, "code"), { code, firstRow: first }));
      return;
    }
    unitRow.set(code, u.source?.row ?? i + 1);
    unitSource.set(code, u.source);
    const name = cleanText(u.name);
    if (name === "") issues.push(setupIssue("setup.unit_name_missing", placeOf(uSrc, u.source, "name"), { code }));
    units.push({ code, name, attributes: cleanAttributes(u.attributes) });
  });

  const list = json.communes;
  if (list === null || list.length === 0) {
    if (level === "xã") issues.push(setupIssue("setup.communes_required", { sheet: cSrc?.sheet ?? null }));
    return { units, communes: null };
  }

  const communes: SetupCommune[] = [];
  const seen = new Map<string, { unit: string; row: number }>();
  const members = new Map<string, string[]>();
  list.forEach((c, i) => {
    const code = c.code;
    const at = (field: string) => placeOf(cSrc, c.source, field, COMMUNE_CODE.test(code) ? code : null);
    if (!COMMUNE_CODE.test(code)) {
      issues.push(setupIssue("setup.commune_code_invalid", at("code"), { code }));
      return;
    }
    const earlier = seen.get(code);
    if (earlier) {
      if (earlier.unit === c.unit) issues.push(setupIssue("setup.commune_duplicate", at("code"), { code, firstRow: earlier.row }));
      else issues.push(setupIssue("setup.commune_in_two_units", at("unit"), { code, unit: earlier.unit, other: c.unit }));
      return;
    }
    seen.set(code, { unit: c.unit, row: c.source?.row ?? i + 1 });
    if (!unitRow.has(c.unit)) issues.push(setupIssue("setup.commune_unit_unknown", at("unit"), { code, unit: c.unit }));
    else {
      const m = members.get(c.unit);
      if (m) m.push(code);
      else members.set(c.unit, [code]);
    }
    const name = cleanText(c.name);
    if (name === "") issues.push(setupIssue("setup.commune_name_missing", at("name"), { code }));
    const group = c.group;
    if (group !== null && group !== 1 && group !== 2 && group !== 3) {
      issues.push(setupIssue("setup.group_invalid", at("group"), { code, value: group }));
    }
    const formerCodes: string[] = [];
    for (const f of c.formerCodes) {
      if (!COMMUNE_CODE.test(f)) issues.push(setupIssue("setup.former_code_invalid", at("former"), { code, value: f }));
      else if (!formerCodes.includes(f)) formerCodes.push(f);
    }
    communes.push({
      code,
      name,
      unit: c.unit,
      group: group as CommuneGroup | null,
      attributes: cleanAttributes(c.attributes),
      formerCodes,
    });
  });

  for (const u of units) {
    const codes = members.get(u.code) ?? [];
    const place = placeOf(uSrc, unitSource.get(u.code), "code");
    if (level === "xã" && !(codes.length === 1 && codes[0] === u.code)) {
      issues.push(setupIssue("setup.unit_not_one_commune", place, { code: u.code, count: codes.length, codes: codes.join(", ") || "-" }));
    } else if (level === "huyện" && codes.length === 0) {
      issues.push(setupIssue("setup.unit_without_communes", place, { code: u.code }));
    }
  }
  return { units, communes };
}

/** Attribute labels cleaned (NFC, spaces); the first of two labels that clean alike wins. */
export function cleanAttributes(attributes: Readonly<Record<string, boolean>>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [label, value] of Object.entries(attributes)) {
    const key = cleanText(label);
    if (key !== "" && !(key in out)) out[key] = value;
  }
  return out;
}
