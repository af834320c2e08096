import type { Issue } from "../result.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { checkBands } from "./check-bands.ts";
import { MAX_CRITERIA, builtInSet } from "./criteria-sets.ts";
import { setupIssue } from "./messages.ts";
import type { SetupPlace } from "./messages.ts";
import type { TableSource } from "./place.ts";
import { errorsSince, placeOf } from "./place.ts";
import type { SetupJsonParsed } from "./schema.ts";
import type { CriteriaSetDef, SetupCriterion } from "./types.ts";

type SetInput = SetupJsonParsed["criteriaSet"];
type Source = SetupJsonParsed["source"];

/**
 * The criteria set of a setup (docs/setup.md): a built-in id (`2016-2020`, `2021-2025`,
 * `2026-2030`) takes the built-in criteria, decision and commune groups, and its criteria, when
 * given, must be the built-in ones (names compared after matching; an empty English name is not
 * compared); its bands may differ. Any other id is a custom set and must give its criteria (1..n
 * in order, at most MAX_CRITERIA, each named) and its bands. A custom set uses commune groups when
 * it says so, else when any commune has a group (`hasGroups`). Null on any error.
 */
export function checkCriteriaSet(input: SetInput, hasGroups: boolean, source: Source, issues: Issue[]): CriteriaSetDef | null {
  const id = cleanText(input.id);
  const built = builtInSet(id);
  const idPlace: SetupPlace = source?.year
    ? { sheet: source.year.sheet, cell: source.year.cells.criteriaSet ?? null, row: rowOf(source.year.cells.criteriaSet) }
    : {};
  const table = source?.criteria;
  const before = issues.length;

  let criteria: readonly SetupCriterion[];
  if (input.criteria === undefined) {
    if (!built) {
      issues.push(setupIssue("setup.criteria_set_unknown", idPlace, { id }));
      return null;
    }
    criteria = built.criteria;
  } else if (built) {
    const n = Math.max(built.criteria.length, input.criteria.length);
    for (let i = 0; i < n; i++) {
      const given = input.criteria[i];
      const want = built.criteria[i];
      const same =
        given !== undefined &&
        want !== undefined &&
        given.number === want.number &&
        matchKey(given.name) === matchKey(want.name) &&
        (cleanText(given.nameEn) === "" || matchKey(given.nameEn) === matchKey(want.nameEn));
      if (!same) {
        const place = given ? placeOf(table, given.source, "number") : { sheet: table?.sheet ?? null };
        issues.push(setupIssue("setup.criteria_set_mismatch", place, { id, number: i + 1 }));
        return null;
      }
    }
    criteria = built.criteria;
  } else {
    criteria = customCriteria(input.criteria, table, issues);
  }
  if (errorsSince(issues, before)) return null;

  const size = criteria.length;
  let bands = built?.bands ?? null;
  if (input.bands !== undefined) bands = checkBands(input.bands, size, source?.bands, issues);
  else if (!built) issues.push(setupIssue("setup.bands_missing", { sheet: source?.bands?.sheet ?? null }, { id }));
  if (bands === null || errorsSince(issues, before)) return null;

  return {
    id,
    decision: built ? built.decision : cleanText(input.decision ?? "") || null,
    criteria,
    bands,
    communeGroups: built ? built.communeGroups : (input.communeGroups ?? hasGroups),
  };
}

type CriterionInput = NonNullable<SetInput["criteria"]>[number];

function customCriteria(input: readonly CriterionInput[], table: TableSource, issues: Issue[]): SetupCriterion[] {
  if (input.length === 0) {
    issues.push(setupIssue("setup.criteria_none", { sheet: table?.sheet ?? null }));
    return [];
  }
  if (input.length > MAX_CRITERIA) {
    issues.push(setupIssue("setup.criteria_too_many", { sheet: table?.sheet ?? null }, { count: input.length, max: MAX_CRITERIA }));
    return [];
  }
  const out: SetupCriterion[] = [];
  input.forEach((c, i) => {
    if (c.number !== i + 1) {
      issues.push(setupIssue("setup.criterion_number", placeOf(table, c.source, "number"), { number: c.number, expected: i + 1 }));
      return;
    }
    const name = cleanText(c.name);
    if (name === "") {
      issues.push(setupIssue("setup.criterion_name_missing", placeOf(table, c.source, "name"), { number: c.number }));
      return;
    }
    let nameEn = cleanText(c.nameEn);
    if (nameEn === "") {
      issues.push(setupIssue("setup.criterion_name_en_missing", placeOf(table, c.source, "nameEn"), { number: c.number }));
      nameEn = name;
    }
    out.push({ number: c.number, name, nameEn });
  });
  return out;
}

/** The row of an A1 address (`B3` → 3), or null. */
function rowOf(cell: string | undefined): number | null {
  const m = cell ? /(\d+)$/.exec(cell) : null;
  return m ? Number(m[1]) : null;
}
