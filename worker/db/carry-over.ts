import type { PreviousRow } from "../../shared/cycle/carry-over.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import { bitsToCriteria } from "../submissions/commune-bits.ts";
import { readSetup, setupStatements } from "./setups.ts";
import type { SetupRecord } from "./setups.ts";
import type { Db } from "./types.ts";

/**
 * What the carry-over of a unit into `year` reads (shared/cycle/carry-over.ts), in ONE batch of a
 * constant number of statements: the year's current setup (3; 5 for a year 2016-2020), the
 * previous year's (3 or 5), then the commune rows of the previous year's result revisions and of its
 * plan revisions (1 each): each unit's accepted revision of the round, else its latest, limited to
 * the codes of the unit's communes in the year's list and their former codes (found in SQL from the
 * stored list, so nothing is read twice). 8 statements for two applied years, whatever the number of
 * units, communes and revisions.
 */

/** ?1 year, ?2 previous year, ?3 unit, ?4 round. */
const ROWS_SQL =
  "WITH cur AS (SELECT id FROM setups WHERE year = ?1 ORDER BY version DESC LIMIT 1), " +
  "mine AS (SELECT code, former_codes FROM setup_communes WHERE setup_id = (SELECT id FROM cur) AND unit = ?3), " +
  "codes(code) AS (SELECT code FROM mine UNION SELECT j.value FROM mine, json_each(mine.former_codes) AS j), " +
  "latest AS (SELECT unit, MAX(revision) AS revision FROM submissions WHERE year = ?2 AND round = ?4 GROUP BY unit), " +
  "accepted AS (SELECT r.unit, r.revision FROM (SELECT unit, MAX(seq) AS seq FROM reviews WHERE year = ?2 AND round = ?4 GROUP BY unit) AS m " +
  "JOIN reviews r ON r.seq = m.seq WHERE r.action = 'accept'), " +
  "pick AS (SELECT l.unit, COALESCE(a.revision, l.revision) AS revision FROM latest l LEFT JOIN accepted a ON a.unit = l.unit) " +
  "SELECT s.unit, c.code, c.name, c.kh, c.th FROM pick p " +
  "JOIN submissions s ON s.unit = p.unit AND s.year = ?2 AND s.round = ?4 AND s.revision = p.revision " +
  "JOIN submission_communes c ON c.submission_id = s.id WHERE c.code IN (SELECT code FROM codes) ORDER BY s.unit, c.code";

type Row = { unit: string; code: string; name: string; kh: number; th: number | null };

export type CarryOverData = {
  setup: SetupRecord | null;
  previousSetup: SetupRecord | null;
  /** TH of the result rows (a row without TH is left out); one row per code, the first unit in code order. */
  results: PreviousRow[];
  /** KH of the plan rows, likewise. */
  plans: PreviousRow[];
};

function rowsOf(rows: readonly Row[], round: Round): PreviousRow[] {
  const out = new Map<string, PreviousRow>();
  for (const r of rows) {
    const bits = round === "result" ? r.th : r.kh;
    if (bits === null || out.has(r.code)) continue;
    out.set(r.code, { code: r.code, name: r.name, criteria: bitsToCriteria(bits) });
  }
  return [...out.values()];
}

export async function loadCarryOver(db: Db, year: number, unit: string): Promise<CarryOverData> {
  const current = setupStatements(db, year);
  const previous = setupStatements(db, year - 1);
  const results = await db.batch([
    ...current,
    ...previous,
    db.prepare(ROWS_SQL).bind(year, year - 1, unit, "result"),
    db.prepare(ROWS_SQL).bind(year, year - 1, unit, "plan"),
  ]);
  const at = current.length + previous.length;
  return {
    setup: readSetup(year, results.slice(0, current.length)),
    previousSetup: readSetup(year - 1, results.slice(current.length, at)),
    results: rowsOf((results[at]?.results ?? []) as Row[], "result"),
    plans: rowsOf((results[at + 1]?.results ?? []) as Row[], "plan"),
  };
}
