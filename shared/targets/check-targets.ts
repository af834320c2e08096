import type { Issue, Result } from "../result.ts";
import { UNIT_CODE_DIGITS } from "../setup/labels.ts";
import type { Setup } from "../setup/types.ts";
import { keyInSetup, keyShown, kindOfKey } from "./keys.ts";
import type { TargetKind } from "./keys.ts";
import { targetsIssue } from "./messages.ts";
import type { TargetsPlace } from "./messages.ts";
import type { Targets, TargetsJson } from "./schema.ts";

/** Largest capital target, million VND: 10^12 (10^15 thousand VND stays an exact integer). */
const MAX_MILLION = 1e12;

/** True when `value` is a valid target of `kind`: a whole count ≥ 0, or million VND ≥ 0 with ≤ 3 decimals. */
export function validValue(kind: TargetKind, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  if (kind === "count") return Number.isSafeInteger(value);
  return value <= MAX_MILLION && Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;
}

/** A value as shown in a message: Vietnamese decimal comma. */
const shown = (v: number): string => String(v).replace(".", ",");

/**
 * The targets JSON checked against the year's setup (cycle.md "Targets"): the year is `year`;
 * every key has a key form and is one the setup has (its criteria, bands, capital STT); every value
 * is valid for its kind; every unit is a unit of the setup (a shorter code is padded with zeros to
 * the level's digits). Each issue at the cell the body's `source` gives. The result has canonical
 * keys (a band by its setup key) and only the keys given; nothing half-checked: any error → ok false.
 */
export function checkTargets(json: TargetsJson, setup: Setup, year: number): Result<Targets> {
  const issues: Issue[] = [];
  const src = json.source ?? {};
  const at = (path: string): TargetsPlace => {
    const s = src[path];
    return s ? { sheet: s.sheet, cell: s.cell, row: rowOf(s.cell) } : {};
  };
  if (json.year !== year) issues.push(targetsIssue("targets.year_mismatch", at("year"), { year: json.year, expected: year }));

  const values = (entries: Record<string, number>, prefix: string): Record<string, number> => {
    const out: Record<string, number> = {};
    const firstAt = new Map<string, string>();
    for (const [key, value] of Object.entries(entries)) {
      const place = at(`${prefix}/${key}`);
      const kind = kindOfKey(key);
      if (kind === null) {
        issues.push(targetsIssue("targets.key_unknown", place, { key }));
        continue;
      }
      const canonical = keyInSetup(setup, key);
      if (canonical === null) {
        issues.push(targetsIssue("targets.key_not_in_setup", place, { key: keyShown(key), year }));
        continue;
      }
      if (!validValue(kind, value)) {
        issues.push(
          targetsIssue(kind === "count" ? "targets.count_invalid" : "targets.amount_invalid", place, {
            key: keyShown(key),
            value: shown(value),
          }),
        );
        continue;
      }
      if (canonical in out) {
        issues.push(targetsIssue("targets.key_duplicate", place, { key: keyShown(key), first: firstAt.get(canonical) ?? "" }));
        continue;
      }
      firstAt.set(canonical, place.sheet && place.cell ? `${place.sheet}!${place.cell}` : keyShown(key));
      out[canonical] = value;
    }
    return out;
  };

  const province = values(json.province, "province");
  const digits = UNIT_CODE_DIGITS[setup.level];
  const known = new Set(setup.units.map((u) => u.code));
  const units: Record<string, Record<string, number>> = {};
  for (const [code, entries] of Object.entries(json.units ?? {})) {
    const padded = /^\d+$/.test(code) && code.length < digits ? code.padStart(digits, "0") : code;
    if (!known.has(padded)) {
      issues.push(targetsIssue("targets.unit_unknown", at(`units/${code}`), { unit: code, year }));
      continue;
    }
    if (padded in units) {
      issues.push(targetsIssue("targets.unit_duplicate", at(`units/${code}`), { unit: padded, first: "" }));
      continue;
    }
    units[padded] = values(entries, `units/${code}`);
  }
  if (issues.length > 0) return { ok: false, issues };
  // Setup order: units as the setup lists them.
  const ordered: Record<string, Record<string, number>> = {};
  for (const u of setup.units) if (units[u.code]) ordered[u.code] = units[u.code]!;
  return { ok: true, value: { year, province, units: ordered }, warnings: [] };
}

function rowOf(cell: string): number | null {
  const m = /(\d+)$/.exec(cell);
  return m ? Number(m[1]) : null;
}
