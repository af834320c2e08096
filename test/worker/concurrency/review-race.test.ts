import { beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, submitResponseSchema } from "../../../shared/schemas/api.ts";
import { reviewResponseSchema } from "../../../shared/schemas/api/review.ts";
import { api, applySetup, createToken, db, json } from "../helpers.ts";
import { TINY, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";
import { d1Violations } from "./d1-invariants.ts";

/**
 * An accept racing a submission of the same unit (docs/review.md): both requests through the
 * Worker's real entry point at the same time (Promise.all over SELF.fetch; D1 runs one batch at a
 * time). Exactly one wins: either the submission landed first (201, revision n + 1; the accept
 * naming n is 409 review.stale and stores nothing) or the accept did (201; the submission is 409
 * round.locked and stores nothing). Never an accepted revision that is not the unit's latest. After
 * each round the D1 state is read with SQL; an accepted round is reopened for the next one.
 */

const [A] = TINY;
const ROUNDS = 30;
let office = "";
let unit = "";

beforeAll(async () => {
  await applySetup(2031, tinySetup(2031));
  await applySetup(2032, tinySetup(2032));
  office = (await createToken("office")).token;
  unit = (await createToken("unit", A.code)).token;
});

/** Content `i`: different for every i (the capital), so that no submission is deduplicated. */
const body = (year: number, i: number) => unitSubmission(year, A.code, [unitCommune(A, upTo(3), upTo(3 + (i % 8)))], { "1": 1000 + i });

type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; details?: unknown } } };

async function post(path: string, token: string, payload: unknown): Promise<Answer> {
  const res = await api(path, { token, body: payload });
  return { status: res.status, body: await json(res) };
}

type D1State = {
  revisions: { id: string; revision: number }[];
  reviews: { action: string; revision: number | null; submission_id: string | null }[];
  audit: number;
};

async function stateOf(year: number): Promise<D1State> {
  const [s, r, a] = await db.batch([
    db.prepare("SELECT id, revision FROM submissions WHERE year = ?1 AND unit = ?2 ORDER BY revision").bind(year, A.code),
    db.prepare("SELECT action, revision, submission_id FROM reviews WHERE year = ?1 AND unit = ?2 ORDER BY seq").bind(year, A.code),
    db.prepare("SELECT count(*) AS n FROM audit_log WHERE year = ?1").bind(year),
  ]);
  return {
    revisions: (s?.results ?? []) as D1State["revisions"],
    reviews: (r?.results ?? []) as D1State["reviews"],
    audit: (a?.results[0] as { n: number } | undefined)?.n ?? 0,
  };
}

describe("accept racing a submission", () => {
  it(`${ROUNDS} rounds: either the submission landed first (accept review.stale) or the accept did (submission round.locked), nothing else`, async () => {
    const year = 2031;
    expect((await post("/submissions", unit, body(year, 0))).status).toBe(201);
    let latest = 1;
    const outcomes = { submissionFirst: 0, acceptFirst: 0 };

    for (let i = 1; i <= ROUNDS; i++) {
      const before = await stateOf(year);
      const accept = { unit: A.code, year, action: "accept", revision: latest };
      // Alternate which request is sent first.
      const [acc, sub] =
        i % 2 === 0
          ? await Promise.all([post("/reviews", office, accept), post("/submissions", unit, body(year, i))])
          : await Promise.all([post("/submissions", unit, body(year, i)), post("/reviews", office, accept)]).then(
              ([s, a]) => [a, s] as const,
            );
      const after = await stateOf(year);
      const round = `round ${i}: accept ${acc.status} ${acc.body.error?.code ?? ""}, submission ${sub.status} ${sub.body.error?.code ?? ""}`;

      if (sub.status === 201) {
        // The submission landed first: the accept named a stale revision and stored nothing.
        outcomes.submissionFirst++;
        submitResponseSchema.parse(sub.body);
        expect(sub.body.revision, round).toBe(latest + 1);
        expect(acc.status, round).toBe(409);
        errorBodySchema.parse(acc.body);
        expect(acc.body.error, round).toMatchObject({ code: "review.stale", details: { latestRevision: latest + 1 } });
        expect(after.reviews, round).toEqual(before.reviews);
        expect(
          after.revisions.map((r) => r.revision),
          round,
        ).toEqual([...before.revisions.map((r) => r.revision), latest + 1]);
        expect(after.audit, round).toBe(before.audit + 1);
        latest++;
      } else {
        // The accept landed first: the submission is refused and nothing of it is stored.
        outcomes.acceptFirst++;
        expect(acc.status, round).toBe(201);
        expect(reviewResponseSchema.parse(acc.body)).toMatchObject({ action: "accept", revision: latest });
        expect(sub.status, round).toBe(409);
        expect(sub.body.error?.code, round).toBe("round.locked");
        expect(after.revisions, round).toEqual(before.revisions);
        expect(after.reviews.slice(0, -1), round).toEqual(before.reviews);
        // The accepted revision is the one named, the unit's latest.
        expect(after.reviews.at(-1), round).toEqual({ action: "accept", revision: latest, submission_id: before.revisions.at(-1)!.id });
        expect(after.audit, round).toBe(before.audit + 1);
        const reopen = await post("/reviews", office, { unit: A.code, year, action: "reopen", comment: `Vòng ${i}` });
        expect(reopen.status, round).toBe(201);
      }
      // Never an accepted revision that is not the latest of its moment: every accept row names the revision latest when it was stored.
      expect(await d1Violations(year)).toEqual([]);
    }

    expect(outcomes.submissionFirst + outcomes.acceptFirst).toBe(ROUNDS);
    const end = await stateOf(year);
    expect(end.revisions.map((r) => r.revision)).toEqual(Array.from({ length: 1 + outcomes.submissionFirst }, (_, k) => k + 1));
    expect(end.reviews.filter((r) => r.action === "accept")).toHaveLength(outcomes.acceptFirst);
    expect(end.reviews.filter((r) => r.action === "reopen")).toHaveLength(outcomes.acceptFirst);
    // setup + first revision + one entry per round + one reopen per accepted round.
    expect(end.audit).toBe(2 + ROUNDS + outcomes.acceptFirst);
    // Each accept names a revision that existed and was the latest: no revision above it before the next reopen.
    const status = await json(await api(`/status/${year}`, { token: office }));
    expect(status.units[0]).toMatchObject({ code: A.code, status: "submitted", revision: latest });
  }, 120_000);

  it("twelve accepts and twelve submissions of one unit at once: one accept at most, and if one, no revision above it", async () => {
    const year = 2032;
    expect((await post("/submissions", unit, body(year, 0))).status).toBe(201);
    const accepts = Array.from({ length: 12 }, () => post("/reviews", office, { unit: A.code, year, action: "accept", revision: 1 }));
    const subs = Array.from({ length: 12 }, (_, i) => post("/submissions", unit, body(year, i + 1)));
    const answers = await Promise.all([...accepts, ...subs]);
    const acc = answers.slice(0, 12);
    const sub = answers.slice(12);
    const s = await stateOf(year);
    const accepted = acc.filter((a) => a.status === 201);
    expect(accepted.length).toBeLessThanOrEqual(1);
    for (const a of acc.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409);
      expect(["review.stale", "review.invalid_state"]).toContain(a.body.error?.code);
    }
    const created = sub.filter((x) => x.status === 201).length;
    for (const x of sub.filter((y) => y.status !== 201)) expect([x.status, x.body.error?.code]).toEqual([409, "round.locked"]);
    expect(s.revisions.map((r) => r.revision)).toEqual(Array.from({ length: 1 + created }, (_, k) => k + 1));
    if (accepted.length === 1) {
      // Accepted revision 1: it was the latest, so every submission came after it and was refused.
      expect(created).toBe(0);
      expect(s.reviews).toEqual([{ action: "accept", revision: 1, submission_id: s.revisions[0]!.id }]);
    } else {
      expect(created).toBe(12);
      expect(s.reviews).toEqual([]);
    }
    expect(await d1Violations(year)).toEqual([]);
  });
});
