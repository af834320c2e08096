/** The D1 invariants of the submission store for one plan year and round, read with SQL (not a test file). */
import { db } from "../helpers.ts";

type SubmissionRow = { id: string; unit: string; revision: number; content_hash: string; communes: number };
type LatestRow = { unit: string; submission_id: string; revision: number; content_hash: string };
type OwnerRow = { code: string; unit: string; submission_id: string };
type CodeRow = { submission_id: string; code: string };
type CountRow = { submission_id: string; n: number };

/** Everything the store holds for `year` and `round` (default `plan`), in one batch. */
export async function storeOf(
  year: number,
  round: "plan" | "result" = "plan",
): Promise<{
  submissions: SubmissionRow[];
  latest: LatestRow[];
  owners: OwnerRow[];
  latestCodes: CodeRow[];
  communeCounts: CountRow[];
}> {
  const [s, l, o, c, n] = await db.batch([
    db
      .prepare("SELECT id, unit, revision, content_hash, communes FROM submissions WHERE year = ?1 AND round = ?2 ORDER BY unit, revision")
      .bind(year, round),
    db
      .prepare("SELECT unit, submission_id, revision, content_hash FROM latest_submissions WHERE year = ?1 AND round = ?2 ORDER BY unit")
      .bind(year, round),
    db.prepare("SELECT code, unit, submission_id FROM commune_owners WHERE year = ?1 AND round = ?2 ORDER BY code").bind(year, round),
    db
      .prepare(
        "SELECT c.submission_id, c.code FROM submission_communes c " +
          "JOIN latest_submissions l ON l.submission_id = c.submission_id WHERE l.year = ?1 AND l.round = ?2 ORDER BY c.code",
      )
      .bind(year, round),
    db
      .prepare(
        "SELECT c.submission_id, count(*) AS n FROM submission_communes c " +
          "JOIN submissions s ON s.id = c.submission_id WHERE s.year = ?1 AND s.round = ?2 GROUP BY c.submission_id",
      )
      .bind(year, round),
  ]);
  return {
    submissions: (s?.results ?? []) as SubmissionRow[],
    latest: (l?.results ?? []) as LatestRow[],
    owners: (o?.results ?? []) as OwnerRow[],
    latestCodes: (c?.results ?? []) as CodeRow[],
    communeCounts: (n?.results ?? []) as CountRow[],
  };
}

/**
 * The invariants of `year`, as a list of violations (empty when they all hold):
 *  - each unit's revisions are numbered 1..n, no gap, no duplicate;
 *  - exactly one latest pointer per unit that has revisions, to its highest revision (same
 *    number and content hash), and none for a unit without revisions;
 *  - each revision stores as many commune rows as its `communes` column says;
 *  - the owner table is exactly the codes of the latest revisions: one owner per code, the
 *    unit and revision whose latest revision lists it.
 */
export async function d1Violations(year: number): Promise<string[]> {
  const store = await storeOf(year);
  const out: string[] = [];
  const byUnit = new Map<string, SubmissionRow[]>();
  for (const r of store.submissions) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);

  for (const [unit, rows] of byUnit) {
    const numbers = rows.map((r) => r.revision).sort((a, b) => a - b);
    const expected = numbers.map((_, i) => i + 1);
    if (numbers.join() !== expected.join()) out.push(`${unit}/${year}: revisions ${numbers.join(",")} are not 1..${rows.length}`);
  }

  const latestOf = new Map<string, LatestRow>();
  for (const l of store.latest) {
    if (latestOf.has(l.unit)) out.push(`${l.unit}/${year}: more than one latest pointer`);
    latestOf.set(l.unit, l);
    const rows = byUnit.get(l.unit) ?? [];
    const top = rows.reduce<SubmissionRow | null>((m, r) => (m === null || r.revision > m.revision ? r : m), null);
    if (!top) out.push(`${l.unit}/${year}: a latest pointer without any revision`);
    else if (top.id !== l.submission_id || top.revision !== l.revision || top.content_hash !== l.content_hash) {
      out.push(
        `${l.unit}/${year}: latest points at revision ${l.revision} (${l.submission_id}), the highest is ${top.revision} (${top.id})`,
      );
    }
  }
  for (const unit of byUnit.keys()) if (!latestOf.has(unit)) out.push(`${unit}/${year}: revisions but no latest pointer`);

  const stored = new Map(store.communeCounts.map((c) => [c.submission_id, c.n]));
  for (const r of store.submissions) {
    if ((stored.get(r.id) ?? 0) !== r.communes) out.push(`${r.id}: ${stored.get(r.id) ?? 0} commune rows, the revision says ${r.communes}`);
  }

  const unitOfLatest = new Map(store.latest.map((l) => [l.submission_id, l.unit]));
  const expectedOwners = store.latestCodes.map((c) => `${c.code} ${unitOfLatest.get(c.submission_id)} ${c.submission_id}`).sort();
  const actualOwners = store.owners.map((o) => `${o.code} ${o.unit} ${o.submission_id}`).sort();
  const codes = store.latestCodes.map((c) => c.code);
  for (const code of new Set(codes)) {
    if (codes.filter((c) => c === code).length > 1) out.push(`${code}/${year}: listed by more than one latest revision`);
  }
  if (expectedOwners.join("\n") !== actualOwners.join("\n")) {
    out.push(
      `owners of ${year} differ from the latest revisions' codes:\n  owners: ${actualOwners.join("; ")}\n  latest: ${expectedOwners.join("; ")}`,
    );
  }
  return out;
}
