import type { TrendRow, TrendYearInput } from "../../shared/cycle/trend.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import type { CriteriaSetDef } from "../../shared/setup/types.ts";
import { bitsToCriteria } from "../submissions/commune-bits.ts";
import type { Db } from "./types.ts";

/**
 * What the trend of years ?1..?2 reads (shared/cycle/trend.ts), in ONE batch of 4 statements for
 * any number of years and units: each year's current setup (criteria set, whether it registers
 * communes), the communes of those setups (code, former codes), and the commune rows of each unit's
 * accepted (else latest) revision of the plan round (KH) and of the result round (TH) of every
 * year. A year 2016-2020 without an applied setup has the built-in 2016-2020 set (no query).
 */

const CURRENT_SETUPS =
  "SELECT s.id, s.year FROM setups s WHERE s.year BETWEEN ?1 AND ?2 AND s.version = (SELECT MAX(v.version) FROM setups v WHERE v.year = s.year)";

/** ?1 from, ?2 to, ?3 round. */
const ROWS_SQL =
  "WITH latest AS (SELECT year, unit, MAX(revision) AS revision FROM submissions WHERE year BETWEEN ?1 AND ?2 AND round = ?3 GROUP BY year, unit), " +
  "accepted AS (SELECT r.year, r.unit, r.revision FROM (SELECT year, unit, MAX(seq) AS seq FROM reviews WHERE year BETWEEN ?1 AND ?2 AND round = ?3 " +
  "GROUP BY year, unit) AS m JOIN reviews r ON r.seq = m.seq WHERE r.action = 'accept'), " +
  "pick AS (SELECT l.year, l.unit, COALESCE(a.revision, l.revision) AS revision FROM latest l LEFT JOIN accepted a ON a.year = l.year AND a.unit = l.unit) " +
  "SELECT s.year, c.code, c.kh, c.th FROM pick p " +
  "JOIN submissions s ON s.unit = p.unit AND s.year = p.year AND s.round = ?3 AND s.revision = p.revision " +
  "JOIN submission_communes c ON c.submission_id = s.id ORDER BY s.year, s.unit, c.code";

type HeadRow = { year: number; criteria_set: string; has_communes: number };
type CommuneRow = { year: number; code: string; former_codes: string };
type Row = { year: number; code: string; kh: number; th: number | null };

export const TREND_STATEMENTS = 4;

export async function loadTrend(db: Db, from: number, to: number): Promise<TrendYearInput[]> {
  const results = await db.batch([
    db
      .prepare(`SELECT s.year, s.criteria_set, s.has_communes FROM setups s JOIN (${CURRENT_SETUPS}) AS k ON k.id = s.id ORDER BY s.year`)
      .bind(from, to),
    db
      .prepare(
        `SELECT k.year, c.code, c.former_codes FROM (${CURRENT_SETUPS}) AS k JOIN setup_communes c ON c.setup_id = k.id ORDER BY k.year, c.sort`,
      )
      .bind(from, to),
    db.prepare(ROWS_SQL).bind(from, to, "plan"),
    db.prepare(ROWS_SQL).bind(from, to, "result"),
  ]);
  const heads = new Map(((results[0]?.results ?? []) as HeadRow[]).map((h) => [h.year, h]));
  const communes = new Map<number, { code: string; formerCodes: string[] }[]>();
  for (const c of (results[1]?.results ?? []) as CommuneRow[]) {
    const list = communes.get(c.year) ?? [];
    list.push({ code: c.code, formerCodes: JSON.parse(c.former_codes) as string[] });
    communes.set(c.year, list);
  }
  const rows = (i: number, round: "plan" | "result") => {
    const out = new Map<number, TrendRow[]>();
    for (const r of (results[i]?.results ?? []) as Row[]) {
      const bits = round === "plan" ? r.kh : r.th;
      if (bits === null) continue;
      const list = out.get(r.year) ?? [];
      list.push({ code: r.code, criteria: bitsToCriteria(bits) });
      out.set(r.year, list);
    }
    return out;
  };
  const plans = rows(2, "plan");
  const done = rows(3, "result");
  const years: TrendYearInput[] = [];
  for (let year = from; year <= to; year++) {
    const head = heads.get(year);
    const set: CriteriaSetDef | null = head ? (JSON.parse(head.criteria_set) as CriteriaSetDef) : (builtInSetup(year)?.criteriaSet ?? null);
    years.push({
      year,
      criteriaSet: set,
      communes: head && head.has_communes === 1 ? (communes.get(year) ?? []) : null,
      plans: plans.get(year) ?? [],
      results: done.get(year) ?? [],
    });
  }
  return years;
}
