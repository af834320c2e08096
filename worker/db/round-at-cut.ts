import type { Round } from "../../shared/schemas/api/common.ts";
import type { ReviewAction } from "../../shared/schemas/api/review.ts";
import { cutSeq } from "./audit.ts";
import { deadlinesStatement } from "./rounds.ts";
import type { DeadlineRow } from "./rounds.ts";
import { readSetup, setupStatementsAtMs } from "./setups.ts";
import type { SetupRecord } from "./setups.ts";
import { readTargetsRow, targetsStatement } from "./targets.ts";
import type { TargetsRecord } from "./targets.ts";
import type { Db } from "./types.ts";

/**
 * Everything the status board and the report of a year and round read, as it stood at a cut: after
 * the last action at or before `asOfMs` (epoch ms; null = now), worker/db/audit.ts. Every history
 * (revisions, setups, deadlines, reviews) is append-only with the sequence number of its action, so
 * the same cut always reads the same rows. ONE batch of a constant number of statements (8 with the year's
 * targets, 10 for a built-in year 2016-2020; one more for accepted-only, one more for the plans behind a result
 * report), whatever the number of units and revisions.
 */

/** A unit's revision at the cut, with its aggregate under the setup of the cut. */
export type RevisionAtCut = {
  id: string;
  unit: string;
  revision: number;
  submitted_at: string;
  submitted_by: string;
  prepared_by: string | null;
  phone: string | null;
  template_version: string;
  aggregate: string;
  first_submitted_at: string;
};

/** A unit's latest review action at the cut. */
export type ReviewAtCut = {
  unit: string;
  action: ReviewAction;
  revision: number | null;
  comment: string | null;
  cells: string;
  at: string;
  actor: string;
};

export type RoundAtCut = {
  /** The cut: the last action's sequence number (0: none yet) and time. */
  cut: { seq: number; atMs: number | null };
  setup: SetupRecord | null;
  deadlines: DeadlineRow[];
  /** Each unit's latest revision at the cut, in unit code order. */
  latest: RevisionAtCut[];
  /** The revisions the report counts: `latest`, or each unit's accepted revision (accepted-only). */
  counted: RevisionAtCut[];
  /**
   * With `plans` asked (the result report): each unit's plan-round revision at the cut whose figures
   * the result report shows as the plan: its accepted plan, else its latest (`acceptedOrLatest`).
   */
  plans?: RevisionAtCut[];
  reviews: ReviewAtCut[];
  /** The year's targets at the cut (cycle.md "Targets"), null when none were entered. */
  targets: TargetsRecord | null;
};

const CUT = cutSeq("?3");
const SETUP_AT_CUT = `(SELECT id FROM setups WHERE year = ?1 AND seq <= ${CUT} ORDER BY version DESC LIMIT 1)`;

/** Each unit's latest review row at the cut: its highest seq, found once per unit (GROUP BY), then joined. */
const LATEST_REVIEWS =
  `SELECT r.* FROM (SELECT unit, MAX(seq) AS seq FROM reviews WHERE year = ?1 AND round = ?2 AND seq <= ${CUT} GROUP BY unit) AS m ` +
  "JOIN reviews r ON r.seq = m.seq";

const LATEST_PICK = `SELECT unit, MAX(revision) AS revision FROM submissions WHERE year = ?1 AND round = ?2 AND seq <= ${CUT} GROUP BY unit`;
const ACCEPTED_PICK = `SELECT unit, revision FROM (${LATEST_REVIEWS}) WHERE action = 'accept'`;

function revisionsSql(which: "latest" | "accepted" | "acceptedOrLatest"): string {
  // The revision per unit, computed once per unit (never once per stored revision), then joined by the unique key.
  const pick =
    which === "latest"
      ? LATEST_PICK
      : which === "accepted"
        ? ACCEPTED_PICK
        : `SELECT m.unit, COALESCE(a.revision, m.revision) AS revision FROM (${LATEST_PICK}) AS m LEFT JOIN (${ACCEPTED_PICK}) AS a ON a.unit = m.unit`;
  return (
    "SELECT s.id, s.unit, s.revision, s.submitted_at, s.submitted_by, s.prepared_by, s.phone, s.template_version, " +
    "COALESCE(ra.aggregate, s.aggregate) AS aggregate, " +
    "(SELECT f.submitted_at FROM submissions f WHERE f.unit = s.unit AND f.year = ?1 AND f.round = ?2 AND f.revision = 1) AS first_submitted_at " +
    `FROM (${pick}) AS p JOIN submissions s ON s.unit = p.unit AND s.year = ?1 AND s.round = ?2 AND s.revision = p.revision ` +
    `LEFT JOIN revision_aggregates ra ON ra.submission_id = s.id AND ra.setup_id = ${SETUP_AT_CUT} ORDER BY s.unit`
  );
}

export async function loadRoundAtCut(
  db: Db,
  year: number,
  round: Round,
  asOfMs: number | null,
  acceptedOnly: boolean,
  plans = false,
): Promise<RoundAtCut> {
  const setupReads = setupStatementsAtMs(db, year, asOfMs);
  const statements = [
    db.prepare(`SELECT ${CUT} AS seq, (SELECT at_ms FROM audit_log WHERE seq = ${CUT}) AS at_ms`).bind(year, round, asOfMs),
    ...setupReads,
    deadlinesStatement(db, year, asOfMs),
    db.prepare(revisionsSql("latest")).bind(year, round, asOfMs),
    db.prepare(`SELECT unit, action, revision, comment, cells, at, actor FROM (${LATEST_REVIEWS}) ORDER BY unit`).bind(year, round, asOfMs),
    targetsStatement(db, year, asOfMs),
  ];
  if (acceptedOnly) statements.push(db.prepare(revisionsSql("accepted")).bind(year, round, asOfMs));
  // The plan round's revisions behind a result report, at the same cut (?2 = plan).
  if (plans) statements.push(db.prepare(revisionsSql("acceptedOrLatest")).bind(year, "plan", asOfMs));
  const results = await db.batch(statements);
  const cutRow = results[0]?.results[0] as { seq: number; at_ms: number | null } | undefined;
  const at = 1 + setupReads.length;
  const latest = (results[at + 1]?.results ?? []) as RevisionAtCut[];
  return {
    cut: { seq: cutRow?.seq ?? 0, atMs: cutRow?.at_ms ?? null },
    setup: readSetup(year, results.slice(1, at)),
    deadlines: (results[at]?.results ?? []) as DeadlineRow[],
    latest,
    reviews: (results[at + 2]?.results ?? []) as ReviewAtCut[],
    counted: acceptedOnly ? ((results[at + 4]?.results ?? []) as RevisionAtCut[]) : latest,
    targets: readTargetsRow(results[at + 3]?.results),
    ...(plans ? { plans: (results[results.length - 1]?.results ?? []) as RevisionAtCut[] } : {}),
  };
}
