/**
 * The submission store as the code of migrations 0001/0002 wrote and read it (not a test file):
 * frozen copies of that code's SQL and of its per-revision aggregate (schema 1: four fixed groups,
 * seven capital leaves, five fixed bands), so the migration test stores rows exactly as a database
 * deployed before units and rounds holds them. Content hash, header and commune rows come from the
 * Worker's canonical functions, which never changed.
 */
import { BAND_KEYS, bandOf } from "../../../shared/reference/bands.ts";
import { CAPITAL_LEAF_KEYS } from "../../../shared/reference/capital-sources.ts";
import type { CriteriaSet } from "../../../shared/reference/criteria.ts";
import { GROUP_KEYS } from "../../../shared/reference/groups.ts";
import { cleanSubmission } from "../../../shared/rules/clean-submission.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";
import { contentHash, headerJson } from "../../../worker/submissions/canonical.ts";
import { toCommuneRow } from "../../../worker/submissions/commune-bits.ts";

type Pair = { baseline: number; plan: number };

/** The aggregate the old submit path stored (its `aggregateSubmission`, schema 1). */
export function legacyAggregate(sub: Submission, criteria: CriteriaSet) {
  const n = criteria.criteria.length;
  const pair = (): Pair => ({ baseline: 0, plan: 0 });
  const agg = {
    communes: 0,
    ntm: pair(),
    criteriaSum: pair(),
    criteria: { baseline: Array<number>(n).fill(0), plan: Array<number>(n).fill(0) },
    bands: { baseline: BAND_KEYS.map(() => 0), plan: BAND_KEYS.map(() => 0) },
    groups: Object.fromEntries(GROUP_KEYS.map((g) => [g, { communes: 0, criteriaSum: pair() }])) as Record<
      (typeof GROUP_KEYS)[number],
      { communes: number; criteriaSum: Pair }
    >,
    capital: Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [k, sub.capital[k]])),
  };
  const index = new Map(criteria.criteria.map((c, i) => [c.number, i]));
  const count = (numbers: readonly number[], counts: number[]): number => {
    const seen = new Set<number>();
    for (const x of numbers) {
      const i = index.get(x);
      if (i === undefined || seen.has(x)) continue;
      seen.add(x);
      counts[i]!++;
    }
    return seen.size;
  };
  for (const c of sub.communes) {
    agg.communes++;
    const baseline = count(c.baseline, agg.criteria.baseline);
    const plan = count(c.plan, agg.criteria.plan);
    agg.criteriaSum.baseline += baseline;
    agg.criteriaSum.plan += plan;
    if (baseline === n) agg.ntm.baseline++;
    if (plan === n) agg.ntm.plan++;
    agg.bands.baseline[BAND_KEYS.indexOf(bandOf(baseline))]!++;
    agg.bands.plan[BAND_KEYS.indexOf(bandOf(plan))]!++;
    for (const g of GROUP_KEYS) {
      if (!c.flags[g]) continue;
      agg.groups[g].communes++;
      agg.groups[g].criteriaSum.baseline += baseline;
      agg.groups[g].criteriaSum.plan += plan;
    }
  }
  return agg;
}

/** One revision as the old `storeRevision` batch wrote it: the revision, its communes, owners, latest pointer. */
export async function legacyStatements(
  db: D1Database,
  input: Submission,
  criteria: CriteriaSet,
  r: { id: string; revision: number; latest: boolean; submittedAt: string; submittedBy: string },
): Promise<D1PreparedStatement[]> {
  const sub = cleanSubmission(input);
  const hash = await contentHash(sub);
  const stmts = [
    db
      .prepare(
        "INSERT INTO submissions (id, district, year, revision, content_hash, template_version, header, aggregate, " +
          "communes, prepared_by, phone, submitted_by, token_id, submitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, ?13)",
      )
      .bind(
        r.id,
        sub.district,
        sub.year,
        r.revision,
        hash,
        sub.templateVersion,
        headerJson(sub),
        JSON.stringify(legacyAggregate(sub, criteria)),
        sub.communes.length,
        sub.preparedBy,
        sub.phone,
        r.submittedBy,
        r.submittedAt,
      ),
    db
      .prepare(
        "INSERT INTO submission_communes (submission_id, code, name, flags, ht, kh, source_row) " +
          "SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), " +
          "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]') FROM json_each(?2)",
      )
      .bind(r.id, JSON.stringify(sub.communes.map(toCommuneRow))),
  ];
  if (!r.latest) return stmts;
  return [
    ...stmts,
    db
      .prepare(
        "INSERT INTO commune_owners (year, code, district, submission_id) " +
          "SELECT s.year, c.code, s.district, s.id FROM submission_communes c JOIN submissions s ON s.id = c.submission_id WHERE s.id = ?1",
      )
      .bind(r.id),
    db
      .prepare(
        "INSERT INTO latest_submissions (district, year, submission_id, revision, content_hash) " +
          "SELECT district, year, id, revision, content_hash FROM submissions WHERE id = ?1",
      )
      .bind(r.id),
  ];
}

/** The old report read: each district's latest revision of a year with its stored aggregate. */
export async function legacyLatest(db: D1Database, year: number) {
  const { results } = await db
    .prepare(
      "SELECT s.district, s.revision, s.submitted_at, s.submitted_by, s.prepared_by, s.phone, s.aggregate " +
        "FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id WHERE l.year = ?1 ORDER BY s.district",
    )
    .bind(year)
    .all<{
      district: string;
      revision: number;
      submitted_at: string;
      submitted_by: string;
      prepared_by: string | null;
      phone: string | null;
      aggregate: string;
    }>();
  return results;
}
