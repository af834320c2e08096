import type { CommuneGroup, Setup, SetupBand, SetupCapitalRow, UnitLevel } from "../../shared/setup/types.ts";
import type { Issue } from "../../shared/result.ts";

/**
 * What the office's `Thiết lập` section shows of a year's setup (docs/setup.md), as plain data: the
 * component only formats it. Pure: no React, no Office, tested in test/addin/model/setup-summary.test.ts.
 */

/** Who applied a stored setup and when (null for the built-in defaults). */
export type SetupMeta = { version: number | null; appliedAt: string | null; appliedBy: string | null };

export type SetupSummary = {
  year: number;
  setId: string;
  /** Number of criteria of the set. */
  setSize: number;
  decision: string | null;
  level: UnitLevel;
  units: number;
  /** Registered communes; null when the province registers no commune list. */
  communes: number | null;
  /** Communes per group 1/2/3 when the set uses commune groups and a list is registered, else null. */
  groups: Readonly<Record<CommuneGroup, number>> | null;
  bands: readonly SetupBand[];
  capitalRows: readonly SetupCapitalRow[];
  planFlags: readonly string[];
  origin: Setup["origin"];
  version: number | null;
  appliedAt: string | null;
  appliedBy: string | null;
};

/** The fields of a setup the summary reads (a Setup, or the server's JSON of one). */
export type SummarySource = Pick<Setup, "year" | "level" | "units" | "communes" | "capitalRows" | "planFlags" | "origin"> & {
  criteriaSet: Pick<Setup["criteriaSet"], "id" | "criteria" | "bands" | "communeGroups"> & { decision?: string | null };
};

export const NO_META: SetupMeta = { version: null, appliedAt: null, appliedBy: null };

export function summarizeSetup(setup: SummarySource, meta: SetupMeta = NO_META): SetupSummary {
  const set = setup.criteriaSet;
  const communes = setup.communes;
  let groups: Record<CommuneGroup, number> | null = null;
  if (set.communeGroups && communes !== null) {
    groups = { 1: 0, 2: 0, 3: 0 };
    for (const c of communes) if (c.group !== null) groups[c.group]++;
  }
  return {
    year: setup.year,
    setId: set.id,
    setSize: set.criteria.length,
    decision: set.decision ?? null,
    level: setup.level,
    units: setup.units.length,
    communes: communes === null ? null : communes.length,
    groups,
    bands: set.bands,
    capitalRows: setup.capitalRows,
    planFlags: setup.planFlags,
    origin: setup.origin,
    version: setup.origin === "applied" ? meta.version : null,
    appliedAt: setup.origin === "applied" ? meta.appliedAt : null,
    appliedBy: setup.origin === "applied" ? meta.appliedBy : null,
  };
}

/** A band as the pane shows it: its label and range, `Đạt 8-9 tiêu chí (8-9)`. */
export function bandText(b: SetupBand): string {
  const range = b.min === b.max ? String(b.min) : `${b.min}-${b.max}`;
  return `${b.label} (${range})`;
}

/**
 * What the apply button does with what the reader found: send only when there is no error. Errors
 * and warnings are both shown; warnings alone do not stop the apply.
 */
export function applyDecision(ok: boolean, issues: readonly Issue[]): "send" | "stop" {
  return ok && !issues.some((i) => i.severity === "error") ? "send" : "stop";
}

/** Only an administrator's token may apply a setup (the server refuses the others anyway). */
export function canApplySetup(role: string | null | undefined): boolean {
  return role === "admin";
}
