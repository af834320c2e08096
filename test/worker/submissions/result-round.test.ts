import { beforeAll, describe, expect, it } from "vitest";
import { revisionResponseSchema, submitResponseSchema } from "../../../shared/schemas/api.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { api, applySetup, countedCall, createToken, db, json } from "../helpers.ts";
import { TINY, tinySetup, UNIT_COLUMNS, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * POST /api/v1/submissions with `round: "result"` (docs/cycle.md "Rounds"): stored in the result
 * round (its own revision numbers, lock), TH stored per commune row and read back, disbursed kept in
 * the header, HT/KH compared with the unit's plan (`result.plan_changed` per cell, `result.no_plan`).
 * Years 2056-2059, the tiny commune-level setup (each commune its own unit).
 */

const [A, B, C] = TINY;
const tokens: Record<string, { token: string }> = {};
let office: { token: string };

beforeAll(async () => {
  for (let year = 2056; year <= 2059; year++) await applySetup(year, tinySetup(year));
  office = await createToken("office");
  for (const c of TINY) tokens[c.code] = await createToken("unit", c.code);
});

type Commune = (typeof TINY)[number];

/** A plan of commune `c`: HT `ht`, KH `kh`, 800 million VND in row 1. */
const plan = (year: number, c: Commune, ht: number[], kh: number[]): UnitSubmission =>
  unitSubmission(year, c.code, [unitCommune(c, ht, kh)], { "1": 800_000 });

/** A result of commune `c`: HT/KH as typed, TH `th`, 800 million planned and `disbursed` in row 1. */
const result = (year: number, c: Commune, ht: number[], kh: number[], th: number[], disbursed = 600_000): UnitSubmission =>
  unitSubmission(
    year,
    c.code,
    [{ ...unitCommune(c, ht, kh), achieved: th }],
    { "1": 800_000 },
    { round: "result", disbursed: { "1": disbursed } },
  );

async function submit(body: unknown, code: string) {
  const res = await api("/submissions", { token: tokens[code]!.token, body });
  return { status: res.status, body: await json(res) };
}

type Warning = { code: string; sheet: string | null; cell: string | null; row: number | null; commune: string | null; message: string };
const resultWarnings = (ws: Warning[]) => ws.filter((w) => w.code === "result.plan_changed" || w.code === "result.no_plan");

describe("POST /submissions, result round", () => {
  it("stores a result in round `result` with its own revision numbers; TH and disbursed are stored and read back", async () => {
    const year = 2056;
    expect((await submit(plan(year, A, upTo(7), upTo(9)), A.code)).body.revision).toBe(1);
    expect((await submit(plan(year, A, upTo(7), upTo(10)), A.code)).body.revision).toBe(2);

    const first = await submit(result(year, A, upTo(7), upTo(10), upTo(10)), A.code);
    expect(first.status).toBe(201);
    const answer = submitResponseSchema.parse(first.body);
    expect([answer.unit, answer.round, answer.year, answer.revision, answer.deduplicated]).toEqual([A.code, "result", year, 1, false]);
    // HT and KH as the latest plan (revision 2): no plan_changed.
    expect(resultWarnings(first.body.warnings)).toEqual([]);

    // The commune row keeps TH (criteria 1-10 → bits 0-9), the plan's rows none.
    const rows = await db
      .prepare(
        "SELECT s.round, s.revision, c.ht, c.kh, c.th FROM submission_communes c JOIN submissions s ON s.id = c.submission_id " +
          "WHERE s.year = ?1 AND s.unit = ?2 ORDER BY s.round, s.revision",
      )
      .bind(year, A.code)
      .all();
    expect(rows.results).toEqual([
      { round: "plan", revision: 1, ht: 127, kh: 511, th: null },
      { round: "plan", revision: 2, ht: 127, kh: 1023, th: null },
      { round: "result", revision: 1, ht: 127, kh: 1023, th: 1023 },
    ]);

    // GET /submissions/:id gives back the round, TH and disbursed.
    const got = revisionResponseSchema.parse(await json(await api(`/submissions/${answer.id}`, { token: office.token })));
    expect(got.round).toBe("result");
    expect(got.revision).toBe(1);
    const sub = got.submission as UnitSubmission;
    expect(sub.round).toBe("result");
    expect(sub.disbursed).toEqual({ "1": 600_000 });
    expect(sub.communes.map((c) => [c.code, c.baseline, c.plan, c.achieved])).toEqual([[A.code, upTo(7), upTo(10), upTo(10)]]);

    // The same result again dedupes; a changed TH is result revision 2 (the plan stays at 2).
    const same = await submit(result(year, A, upTo(7), upTo(10), upTo(10)), A.code);
    expect([same.status, same.body.round, same.body.revision, same.body.deduplicated]).toEqual([200, "result", 1, true]);
    const second = await submit(result(year, A, upTo(7), upTo(10), upTo(9)), A.code);
    expect([second.status, second.body.round, second.body.revision]).toEqual([201, "result", 2]);
    const disbursedOnly = await submit(result(year, A, upTo(7), upTo(10), upTo(9), 700_000), A.code);
    expect([disbursedOnly.status, disbursedOnly.body.revision]).toEqual([201, 3]);
    const latest = await db
      .prepare("SELECT round, revision FROM latest_submissions WHERE year = ?1 AND unit = ?2 ORDER BY round")
      .bind(year, A.code)
      .all();
    expect(latest.results).toEqual([
      { round: "plan", revision: 2 },
      { round: "result", revision: 3 },
    ]);
  });

  it("warns result.plan_changed at each HT or KH cell that differs from the plan, and result.no_plan without a plan", async () => {
    const year = 2057;
    await submit(plan(year, A, upTo(7), upTo(9)), A.code);
    // HT: criterion 8 typed Đạt (plan: Chưa đạt); KH: criterion 9 typed Chưa đạt, 10 Đạt (plan: 9 Đạt, 10 Chưa đạt).
    const r = await submit(result(year, A, upTo(8), [...upTo(8), 10], upTo(10)), A.code);
    expect(r.status).toBe(201);
    // HT of criterion k in column 8 + 2(k-1), KH one to the right (UNIT_COLUMNS), row 6.
    expect(resultWarnings(r.body.warnings).map((w) => [w.code, w.sheet, w.cell, w.row, w.commune])).toEqual([
      ["result.plan_changed", "Tiêu chí", `${UNIT_COLUMNS.criteria[7]!.baseline}6`, 6, A.code],
      ["result.plan_changed", "Tiêu chí", `${UNIT_COLUMNS.criteria[8]!.plan}6`, 6, A.code],
      ["result.plan_changed", "Tiêu chí", `${UNIT_COLUMNS.criteria[9]!.plan}6`, 6, A.code],
    ]);
    expect(UNIT_COLUMNS.criteria[7]!.baseline).toBe("V");
    expect(resultWarnings(r.body.warnings)[0]!.message).toBe(
      `Xã ${A.code}: HT của tiêu chí 8 ghi "Đạt" nhưng kế hoạch đã nộp (bản 1) ghi "Chưa đạt". HT và KH lấy từ kế hoạch: hãy để như kế hoạch, hoặc đề nghị Văn phòng trả lại kế hoạch nếu cần sửa.`,
    );

    // Without source columns (a JSON body): at the commune's row; without a row either: the commune.
    const bare = result(year, A, upTo(7), upTo(8), upTo(9));
    const { source: _s, ...noSource } = bare;
    const noRow = { ...noSource, communes: noSource.communes.map(({ source: _r, ...c }) => c) };
    const w = await submit(noRow, A.code);
    expect(w.status).toBe(201);
    expect(resultWarnings(w.body.warnings).map((x) => [x.sheet, x.cell, x.row, x.commune])).toEqual([["Tiêu chí", null, null, A.code]]);

    // B has no plan of the year: stored, with one warning at Thông tin.
    const none = await submit(result(year, B, [], [], upTo(3)), B.code);
    expect([none.status, none.body.round, none.body.revision]).toEqual([201, "result", 1]);
    expect(resultWarnings(none.body.warnings).map((x) => [x.code, x.sheet, x.cell, x.commune])).toEqual([
      ["result.no_plan", "Thông tin", null, null],
    ]);
  });

  it("a plan-round accept does not lock the result round; an accepted result round refuses 409 round.locked, nothing stored", async () => {
    const year = 2058;
    await submit(plan(year, A, upTo(7), upTo(9)), A.code);
    const accept = await api("/reviews", {
      token: office.token,
      body: { unit: A.code, year, round: "plan", action: "accept", revision: 1 },
    });
    expect(accept.status).toBe(201);
    // The plan round is locked, the result round is not.
    expect((await submit(plan(year, A, upTo(7), upTo(10)), A.code)).status).toBe(409);
    const r1 = await submit(result(year, A, upTo(7), upTo(9), upTo(9)), A.code);
    expect([r1.status, r1.body.round, r1.body.revision]).toEqual([201, "result", 1]);
    expect(resultWarnings(r1.body.warnings)).toEqual([]);

    const acceptResult = await api("/reviews", {
      token: office.token,
      body: { unit: A.code, year, round: "result", action: "accept", revision: 1 },
    });
    expect(acceptResult.status).toBe(201);
    const before = await db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE year = ?1").bind(year).first();
    const locked = await submit(result(year, A, upTo(7), upTo(9), upTo(10)), A.code);
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("round.locked");
    expect(await db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE year = ?1").bind(year).first()).toEqual(before);
  });

  it("D1 budget: a unit's result costs one statement more in the read batch (the plan's communes): 3 round trips, 14 statements", async () => {
    const year = 2059;
    await submit(plan(year, C, upTo(3), upTo(5)), C.code);
    const { res, stats } = await countedCall("/submissions", {
      token: tokens[C.code]!.token,
      body: result(year, C, upTo(3), upTo(5), upTo(6)),
    });
    expect(res.status).toBe(201);
    expect(stats).toEqual({ roundTrips: 3, statements: 14, batches: [6, 7] });
  });
});

describe("a setup applied after a result was stored (year 2084)", () => {
  it("recomputes the result revision's aggregate with its TH and disbursed: the result report keeps its achieved figures", async () => {
    const year = 2084;
    await applySetup(year, tinySetup(year));
    expect((await submit(plan(year, A, upTo(7), upTo(10)), A.code)).status).toBe(201);
    expect((await submit(result(year, A, upTo(7), upTo(10), upTo(10), 700_000), A.code)).status).toBe(201);
    const achieved = async () => {
      const res = await api(`/reports/${year}?round=result`, { token: office.token });
      const r = (await json(res)) as {
        overview: { ntm: { achieved?: number } };
        criteria: { achieved?: number }[];
        capital: { sources: { key: string; disbursed?: number }[] };
      };
      return [r.overview.ntm.achieved, r.criteria.map((c) => c.achieved), r.capital.sources.find((s) => s.key === "total")?.disbursed];
    };
    const before = await achieved();
    expect(before).toEqual([1, new Array(10).fill(1), 700]);
    // A new setup version (the same communes, a new deadline): every latest aggregate is recomputed.
    await applySetup(year, { ...tinySetup(year), deadlines: { plan: `${year}-03-31`, result: `${year}-12-31` } });
    expect(await achieved()).toEqual(before);
  });
});
