import type { z } from "zod";
import type { Issue, Result } from "../result.ts";
import { hasErrors } from "../result.ts";
import { checkCriteriaSet } from "./check-criteria-set.ts";
import { checkCapitalRows, checkPlanFlags } from "./check-lists.ts";
import { checkUnits } from "./check-units.ts";
import { setupIssue } from "./messages.ts";
import { setupSchema } from "./schema.ts";
import type { CriteriaSetDef, Setup, SetupCommune } from "./types.ts";

/** Shape problems reported at most (a broken body can have thousands). */
const MAX_SHAPE_ISSUES = 20;
/** Commune codes a group warning names at most. */
const MAX_NAMED = 5;

/**
 * A plan year's setup checked against every rule of docs/setup.md, for `year`: the JSON's shape
 * (schema.ts), the year, the criteria set and its bands (check-criteria-set.ts), units and the
 * commune list (check-units.ts), plan flags and capital rows (check-lists.ts). Names are cleaned
 * (NFC, spaces), a built-in set named by id is filled in, bands are ordered from the highest.
 * Never throws; any error gives `ok: false` with every issue found (errors and warnings), each
 * pointing at its sheet and cell where the input carries its `source`.
 */
export function checkSetup(input: unknown, year: number): Result<Setup> {
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: shapeIssues(parsed.error) };
  const json = parsed.data;
  const issues: Issue[] = [];

  if (json.year !== year) {
    const cell = json.source?.year?.cells.year ?? null;
    const place = { sheet: json.source?.year?.sheet ?? null, cell, row: cell ? Number(/\d+$/.exec(cell)?.[0]) : null };
    issues.push(setupIssue("setup.year_mismatch", place, { year: json.year, expected: year }));
  }
  const hasGroups = json.communes?.some((c) => c.group !== null) ?? false;
  const criteriaSet = checkCriteriaSet(json.criteriaSet, hasGroups, json.source, issues);
  const { units, communes } = checkUnits(json, issues);
  const planFlags = checkPlanFlags(json.planFlags, units, communes, json.source, issues);
  const capitalRows = checkCapitalRows(json.capitalRows, json.source, issues);
  if (criteriaSet && communes) groupWarnings(criteriaSet, communes, json.source?.communes?.sheet ?? null, issues);

  if (criteriaSet === null || hasErrors(issues)) return { ok: false, issues };
  return {
    ok: true,
    value: {
      year: json.year,
      criteriaSet,
      level: json.level,
      units,
      communes,
      planFlags,
      capitalRows,
      deadlines: json.deadlines ?? { plan: null, result: null },
      origin: "applied",
    },
    warnings: issues,
  };
}

/** A set with commune groups wants every commune's group; a set without them ignores the column. */
function groupWarnings(set: CriteriaSetDef, communes: readonly SetupCommune[], sheet: string | null, issues: Issue[]): void {
  if (set.communeGroups) {
    const missing = communes.filter((c) => c.group === null).map((c) => c.code);
    if (missing.length === 0) return;
    const codes = missing.slice(0, MAX_NAMED).join(", ") + (missing.length > MAX_NAMED ? ", …" : "");
    issues.push(setupIssue("setup.group_missing", { sheet }, { id: set.id, count: missing.length, codes }));
  } else if (communes.some((c) => c.group !== null)) {
    issues.push(setupIssue("setup.groups_unused", { sheet }, { id: set.id }));
  }
}

function shapeIssues(error: z.ZodError): Issue[] {
  return error.issues
    .slice(0, MAX_SHAPE_ISSUES)
    .map((i) =>
      setupIssue("setup.shape_invalid", {}, { path: i.path.length > 0 ? i.path.map(String).join(".") : "(body)", detail: i.message }),
    );
}
