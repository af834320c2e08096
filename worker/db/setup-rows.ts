import type { ReferenceData } from "../../shared/reference/index.ts";
import { BORDER_DISTRICT_ATTRIBUTE, builtInSetup } from "../../shared/setup/defaults.ts";
import type { CommuneGroup, CriteriaSetDef, Setup, SetupCapitalRow, SetupCommune, SetupUnit, UnitLevel } from "../../shared/setup/types.ts";

/**
 * Rows of the setup tables (worker/migrations/0004_setups.sql) read back into the `Setup` of
 * shared/setup/types.ts. No SQL here: worker/db/setups.ts runs the statements.
 */

/** A version of a year's setup as stored (the head row; units and communes are rows of their own). */
export type SetupHeadRow = {
  id: string;
  year: number;
  version: number;
  criteria_set: string;
  level: UnitLevel;
  plan_flags: string;
  capital_rows: string;
  deadline_plan: string | null;
  deadline_result: string | null;
  has_communes: number;
  units: number;
  communes: number;
  applied_at: string;
  applied_by: string;
};

export type SetupUnitRow = { code: string; name: string; attributes: string };

export type SetupCommuneRow = {
  code: string;
  name: string;
  unit: string;
  grp: number | null;
  attributes: string;
  former_codes: string;
};

/** A year's setup with where it comes from: an applied version (history) or the built-in defaults. */
export type SetupRecord = {
  setup: Setup;
  /** The stored version's id, version number, when and by whom it was applied; null when built in. */
  id: string | null;
  version: number | null;
  appliedAt: string | null;
  appliedBy: string | null;
};

export function unitFromRow(r: SetupUnitRow): SetupUnit {
  return { code: r.code, name: r.name, attributes: JSON.parse(r.attributes) as Record<string, boolean> };
}

function communeFromRow(r: SetupCommuneRow): SetupCommune {
  return {
    code: r.code,
    name: r.name,
    unit: r.unit,
    group: r.grp as CommuneGroup | null,
    attributes: JSON.parse(r.attributes) as Record<string, boolean>,
    formerCodes: JSON.parse(r.former_codes) as string[],
  };
}

/**
 * The applied setup of a head row and its unit and commune rows. The row counts recorded with the
 * head must match what was read (a version is written in one batch, so a mismatch is a fault).
 */
export function appliedRecord(head: SetupHeadRow, units: readonly SetupUnitRow[], communes: readonly SetupCommuneRow[]): SetupRecord {
  if (units.length !== head.units || communes.length !== head.communes) {
    throw new Error(
      `setup ${head.year} v${head.version}: ${units.length}/${head.units} units, ${communes.length}/${head.communes} communes read`,
    );
  }
  const setup: Setup = {
    year: head.year,
    criteriaSet: JSON.parse(head.criteria_set) as CriteriaSetDef,
    level: head.level,
    units: units.map(unitFromRow),
    communes: head.has_communes === 1 ? communes.map(communeFromRow) : null,
    planFlags: JSON.parse(head.plan_flags) as string[],
    capitalRows: JSON.parse(head.capital_rows) as SetupCapitalRow[],
    deadlines: { plan: head.deadline_plan, result: head.deadline_result },
    origin: "applied",
  };
  return { setup, id: head.id, version: head.version, appliedAt: head.applied_at, appliedBy: head.applied_by };
}

/** The built-in setup of a year 2016-2020 with today's reference data (an administrator's edits count). */
export function builtInRecord(year: number, reference: ReferenceData): SetupRecord | null {
  const defaults = builtInSetup(year);
  if (!defaults) return null;
  const setup: Setup = {
    ...defaults,
    criteriaSet: { ...defaults.criteriaSet, criteria: reference.criteria.criteria.map((c) => ({ ...c })) },
    units: reference.districts.map((d) => ({ code: d.code, name: d.name, attributes: { [BORDER_DISTRICT_ATTRIBUTE]: d.border } })),
  };
  return { setup, id: null, version: null, appliedAt: null, appliedBy: null };
}

/** The setup as the API sends and takes it: without `origin` (given beside it). */
export function setupBody(setup: Setup): Omit<Setup, "origin"> {
  const { origin: _origin, ...body } = setup;
  return body;
}
