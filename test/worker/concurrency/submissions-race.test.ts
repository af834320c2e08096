import { beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, submitResponseSchema } from "../../../shared/schemas/api.ts";
import { api, applySetup, commune, communes, createToken, db, json, range, submission } from "../helpers.ts";
import { d1Violations, storeOf } from "./d1-invariants.ts";

/**
 * Four races on POST /submissions, each request through the Worker's real entry point at the same
 * time (Promise.all over SELF.fetch; D1 serialises the batches), each in its own plan year, then
 * the D1 invariants checked with SQL (./d1-invariants.ts).
 */

type Answer = { status: number; body: Record<string, unknown> };

async function post(token: string, body: unknown): Promise<Answer> {
  const res = await api("/submissions", { token, body });
  return { status: res.status, body: await json(res) };
}

/** Every answer of a race is 200, 201 or 409, in the contract's shape. */
function expectWellFormed(answers: Answer[]): void {
  for (const a of answers) {
    expect([200, 201, 409], JSON.stringify(a)).toContain(a.status);
    if (a.status === 409) errorBodySchema.parse(a.body);
    else submitResponseSchema.parse(a.body);
  }
}

const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const d of ["180", "181", "182", "183", "184", "185", "187"]) tokens[d] = (await createToken("unit", d)).token;
  for (const year of range(2090, 2094)) await applySetup(year);
});

describe("concurrent submissions", () => {
  it("(a) twelve different contents by one district at once: revisions 1..12, no gap, no duplicate, the latest is 12", async () => {
    const year = 2090;
    const bodies = range(1, 12).map((i) => submission("184", year, communes("65", 3, i), { central: i * 1000 }));
    const answers = await Promise.all(bodies.map((b) => post(tokens["184"]!, b)));

    expectWellFormed(answers);
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(answers.map((a) => a.body.revision as number).sort((x, y) => x - y)).toEqual(range(1, 12));
    const store = await storeOf(year);
    expect(store.submissions.map((s) => s.revision)).toEqual(range(1, 12));
    expect(store.submissions.map((s) => s.id).sort()).toEqual(answers.map((a) => a.body.id as string).sort());
    expect(store.latest).toHaveLength(1);
    const last = answers.find((a) => a.body.revision === 12)!;
    expect(store.latest[0]).toMatchObject({ unit: "184", revision: 12, submission_id: last.body.id });
    expect(await d1Violations(year)).toEqual([]);

    // The report reads the revision that won the last number: its capital, its revision.
    const report = await json(await api(`/reports/${year}`));
    const row = report.units.find((d: { code: string }) => d.code === "184");
    const winner = bodies[answers.indexOf(last)]!;
    expect(row).toMatchObject({ status: "submitted", revision: 12, communes: 3, capitalTotal: winner.capital.central / 1000 });
  });

  it("(b) the same content ten times at once: one revision stored, nine answers deduplicated to it", async () => {
    const year = 2091;
    const body = submission("185", year, communes("66", 4), { local: 52_000 });
    const answers = await Promise.all(range(1, 10).map(() => post(tokens["185"]!, body)));

    expectWellFormed(answers);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const created = answers.find((a) => a.status === 201)!;
    for (const a of answers) {
      expect(a.body).toMatchObject({ id: created.body.id, revision: 1, submittedAt: created.body.submittedAt });
      expect(a.body.deduplicated).toBe(a.status === 200);
    }
    const store = await storeOf(year);
    expect(store.submissions).toHaveLength(1);
    expect(store.submissions[0]).toMatchObject({ id: created.body.id, unit: "185", revision: 1, communes: 4 });
    expect(store.latest).toEqual([expect.objectContaining({ unit: "185", submission_id: created.body.id, revision: 1 })]);
    expect(store.owners.map((o) => o.code)).toEqual(body.communes.map((c) => c.code).sort());
    expect(await d1Violations(year)).toEqual([]);
  });

  it("(c) six districts, three contents each, all at once: one latest revision per district and year, the third", async () => {
    const year = 2092;
    const districts = ["180", "181", "182", "183", "184", "185"];
    const bodies = districts.flatMap((d, k) =>
      range(1, 3).map((i) => submission(d, year, communes(`7${k}`, 2 + i, i), { other: 1000 * i })),
    );
    const answers = await Promise.all(bodies.map((b) => post(tokens[b.district]!, b)));

    expectWellFormed(answers);
    expect(answers.map((a) => a.status)).toEqual(Array(18).fill(201));
    for (const d of districts) {
      const mine = answers.filter((a) => a.body.district === d).map((a) => a.body.revision);
      expect(mine.sort()).toEqual([1, 2, 3]);
    }
    const store = await storeOf(year);
    expect(store.submissions).toHaveLength(18);
    expect(store.latest.map((l) => [l.unit, l.revision])).toEqual(districts.map((d) => [d, 3]));
    expect(await d1Violations(year)).toEqual([]);

    const report = await json(await api(`/reports/${year}`));
    for (const d of districts) {
      const third = answers.find((a) => a.body.district === d && a.body.revision === 3)!;
      const sent = bodies[answers.indexOf(third)]!;
      const row = report.units.find((r: { code: string }) => r.code === d);
      expect(row).toMatchObject({
        status: "submitted",
        revision: 3,
        communes: sent.communes.length,
        capitalTotal: sent.capital.other / 1000,
      });
    }
  });

  it("(d) districts racing for the same commune code: one owner, the others 409 commune.owned_elsewhere, owners agree with the latest revisions", async () => {
    const year = 2093;
    // Five rounds of two districts, then one round of four; each racer also lists a code of its own.
    const rounds: string[][] = [...range(1, 5).map(() => ["180", "183"]), ["180", "181", "182", "183"]];
    const winners: string[] = [];
    for (const [r, racers] of rounds.entries()) {
      const contested = `0800${r}`;
      const bodies = racers.map((d, k) =>
        submission(d, year, [
          commune(contested, `Xã Tranh Chấp ${r}`, [1, 2], range(1, 6)),
          commune(`09${k}0${r}`, `Xã Riêng ${d}-${r}`, [1], range(1, 5)),
        ]),
      );
      const answers = await Promise.all(bodies.map((b) => post(tokens[b.district]!, b)));

      expectWellFormed(answers);
      expect(answers.map((a) => a.status).sort(), `round ${r}`).toEqual([201, ...Array(racers.length - 1).fill(409)]);
      const won = answers.findIndex((a) => a.status === 201);
      winners.push(racers[won]!);
      for (const a of answers.filter((x) => x.status === 409)) {
        const error = errorBodySchema.parse(a.body).error;
        expect(error.code).toBe("submission.conflict");
        const issues = error.details?.issues as { code: string; commune: string | null }[];
        expect(issues.map((i) => [i.code, i.commune])).toEqual([["commune.owned_elsewhere", contested]]);
      }
      const store = await storeOf(year);
      expect(store.owners.filter((o) => o.code === contested)).toEqual([
        { code: contested, unit: racers[won], submission_id: answers[won]!.body.id },
      ]);
      // One revision more per round: the refused racers left nothing behind.
      expect(store.submissions.map((x) => x.id)).toContain(answers[won]!.body.id);
      expect(store.submissions).toHaveLength(r + 1);
      expect(await d1Violations(year), `round ${r}`).toEqual([]);
    }

    // Every stored revision of the year is one that was answered 201: the refused ones left nothing.
    const store = await storeOf(year);
    expect(store.submissions).toHaveLength(winners.length);
    // Each winner's latest revision owns its two codes; a later revision released the earlier ones.
    expect(store.owners.map((o) => o.unit).sort()).toEqual(store.latest.flatMap((l) => [l.unit, l.unit]).sort());
  });
});

describe("the invariant checks themselves", () => {
  it("report a gap, a stale latest pointer, a missing commune row and a stray owner", async () => {
    const year = 2094;
    const first = await post(tokens["187"]!, submission("187", year, communes("67", 2)));
    const second = await post(tokens["187"]!, submission("187", year, communes("67", 3)));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await d1Violations(year)).toEqual([]);

    // (A duplicate number cannot be stored: UNIQUE (unit, year, round, revision).)
    // Revision 2 renumbered 3 (a gap), the latest pointer left on it with its old number.
    await db.prepare("UPDATE submissions SET revision = 3 WHERE id = ?1").bind(second.body.id).run();
    expect(await d1Violations(year)).toEqual([
      "187/2094: revisions 1,3 are not 1..2",
      `187/2094: latest points at revision 2 (${second.body.id}), the highest is 3 (${second.body.id})`,
    ]);
    await db.prepare("UPDATE submissions SET revision = 2 WHERE id = ?1").bind(second.body.id).run();
    await db.prepare("DELETE FROM submission_communes WHERE submission_id = ?1 AND code = '67002'").bind(second.body.id).run();
    await db
      .prepare("INSERT INTO commune_owners (year, round, code, unit, submission_id) VALUES (?1, 'plan', '99999', '180', ?2)")
      .bind(year, first.body.id)
      .run();
    const broken = await d1Violations(year);
    expect(broken[0]).toBe(`${second.body.id}: 2 commune rows, the revision says 3`);
    expect(broken[1]).toMatch(/^owners of 2094 differ from the latest revisions' codes:/);
    expect(broken).toHaveLength(2);
  });
});
