import type { CriteriaSetDef, SetupUnit, UnitLevel } from "../../shared/setup/types.ts";
import { readReference, referenceStatements } from "./reference.ts";
import { builtInRecord, unitFromRow } from "./setup-rows.ts";
import type { SetupUnitRow } from "./setup-rows.ts";
import { isBuiltInYear } from "./setups.ts";
import type { Db } from "./types.ts";

/** A custom criteria set as the setups that used it last defined it. */
export type CustomSetRow = { set: CriteriaSetDef; version: number };

/** The latest version of each custom criteria set, by id. One query. */
export async function listCustomCriteriaSets(db: Db): Promise<CustomSetRow[]> {
  const { results } = await db
    .prepare(
      "SELECT c.version, c.definition FROM custom_criteria_sets c " +
        "WHERE c.version = (SELECT MAX(version) FROM custom_criteria_sets WHERE id = c.id) ORDER BY c.id",
    )
    .all<{ version: number; definition: string }>();
  return results.map((r) => ({ set: JSON.parse(r.definition) as CriteriaSetDef, version: r.version }));
}

/** Whether `unit` is a unit of any stored setup version or of the reference districts. One statement. */
export async function isKnownUnit(db: Db, unit: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT EXISTS (SELECT 1 FROM setup_units WHERE code = ?1) OR EXISTS (SELECT 1 FROM districts WHERE code = ?1) AS known")
    .bind(unit)
    .first<{ known: number }>();
  return row?.known === 1;
}

/** Where a page of units starts: the setup version it reads (null = built in) and the last position read. */
export type UnitKey = { version: number | null; sort: number };

export type UnitsPage = { version: number | null; level: UnitLevel; units: (SetupUnit & { sort: number })[] };

/**
 * A page of the units of `year`'s setup, in the setup's order: `limit` units after `after` (null =
 * from the first). The first page reads the current version; the next pages read the version the
 * cursor names (versions are never changed), so a setup applied meanwhile neither repeats nor
 * skips a unit of the listing. Null when the year has no setup (or the cursor's version no longer
 * resolves). One batch of 2 statements (4 for a year 2016-2020).
 */
export async function listSetupUnits(db: Db, year: number, after: UnitKey | null, limit: number): Promise<UnitsPage | null> {
  const pinnedBuiltIn = after !== null && after.version === null;
  const version = after?.version ?? null;
  const setup = "(SELECT id FROM setups WHERE year = ?1 AND (?2 IS NULL OR version = ?2) ORDER BY version DESC LIMIT 1)";
  const results = await db.batch([
    db.prepare(`SELECT version, level FROM setups WHERE id = ${setup}`).bind(year, version),
    db
      .prepare(`SELECT code, name, attributes, sort FROM setup_units WHERE setup_id = ${setup} AND sort > ?3 ORDER BY sort LIMIT ?4`)
      .bind(year, version, after?.sort ?? -1, limit),
    ...(isBuiltInYear(year) ? referenceStatements(db) : []),
  ]);
  const head = results[0]?.results[0] as { version: number; level: UnitLevel } | undefined;
  if (head && !pinnedBuiltIn) {
    const rows = (results[1]?.results ?? []) as (SetupUnitRow & { sort: number })[];
    return { version: head.version, level: head.level, units: rows.map((r) => ({ ...unitFromRow(r), sort: r.sort })) };
  }
  if (version !== null || !isBuiltInYear(year)) return null;
  const record = builtInRecord(year, readReference(results[2]?.results ?? [], results[3]?.results ?? []));
  if (!record) return null;
  const from = (after?.sort ?? -1) + 1;
  const units = record.setup.units.slice(from, from + limit).map((u, i) => ({ ...u, sort: from + i }));
  return { version: null, level: record.setup.level, units };
}
