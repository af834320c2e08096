import { beforeAll, describe, expect, it } from "vitest";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { cleanUnitSubmission } from "../../../shared/rules/clean-unit-submission.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import type { SetupJson } from "../../../shared/setup/schema.ts";
import { ADMIN, api, createToken, json } from "../helpers.ts";
import { TINY, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * The as-of property (docs/review.md "Reports over time"), over random histories: after every
 * action the report now (and the accepted-only report now) is kept; at the end, the report as of
 * each kept report's `cut.asOf` equals it, all but `generatedAt`, whatever came after. And the
 * accepted-only report at each cut equals a report built locally from the units whose latest review
 * was an accept: their accepted revision's body aggregated under the setup of that cut.
 *
 * Histories are drawn from a seeded PRNG (SEED): 30 histories of 15 actions, each in its own plan
 * year with the tiny commune-level setup (three units): submit (one of three contents per unit, so
 * that some are deduplicated), return, accept, reopen (sometimes refused, sometimes naming a stale
 * revision), a deadline change, a setup re-applied with the communes regrouped. Each answer is
 * checked against a model of the history. To replay another set, change SEED.
 */
const SEED = 20_260_310;
const HISTORIES = 30;
const ACTIONS = 15;
const FIRST_YEAR = 2060;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unit `code`'s content number `v` (0-2): more criteria and capital with v. The group is left to the setup. */
function content(year: number, code: string, v: number): UnitSubmission {
  const c = TINY.find((t) => t.code === code)!;
  return unitSubmission(year, code, [unitCommune({ ...c, group: null }, upTo(2 + v), upTo(5 + 2 * v), { target: v === 1 })], {
    "1": 1000 * (v + 1),
    "2": 500 * v,
  });
}

function setupOf(year: number, groups: readonly number[]): SetupJson {
  return tinySetup(
    year,
    TINY.map((c, i) => ({ ...c, group: groups[i]! })),
  );
}

/** What the test knows of a unit's round. */
type UnitModel = { bodies: UnitSubmission[]; variants: number[]; accepted: number | null };

/** A kept moment: the reports now and what the model says the accepted-only report is built from. */
type Kept = {
  label: string;
  report: Report;
  accepted: Report;
  setup: SetupJson;
  acceptedBodies: { unit: string; revision: number; body: UnitSubmission }[];
};

const without = ({ generatedAt: _g, ...rest }: Report) => rest;

/** The accepted-only report expected at a kept moment, from the now-report's statuses and the local aggregates. */
function expectedAccepted(k: Kept): Report {
  const checked = checkSetup(k.setup, k.report.year);
  if (!checked.ok) throw new Error(`setup does not check: ${JSON.stringify(checked.issues)}`);
  const setup = checked.value;
  const rowOf = new Map(k.report.units.map((u) => [u.code, u]));
  const base = buildReport({
    year: k.report.year,
    generatedAt: k.accepted.generatedAt,
    setup,
    entries: k.acceptedBodies.map(({ unit, revision, body }) => ({
      unit,
      revision,
      aggregate: aggregateSubmission(cleanUnitSubmission(body), setup),
      submittedAt: rowOf.get(unit)!.submittedAt,
      submittedBy: rowOf.get(unit)!.submittedBy,
      preparedBy: rowOf.get(unit)!.preparedBy,
      phone: rowOf.get(unit)!.phone,
    })),
  });
  return {
    ...base,
    cut: { ...k.report.cut!, accepted: true },
    deadline: k.report.deadline,
    completeness: k.report.completeness,
    units: base.units.map((u) => ({ ...u, status: rowOf.get(u.code)!.status, daysLate: rowOf.get(u.code)!.daysLate })),
  };
}

let office = "";
beforeAll(async () => {
  office = (await createToken("office")).token;
});

async function call(path: string, body: unknown, method = "POST", token = office) {
  const res = await api(path, { method, body, token });
  return { status: res.status, body: await json(res) };
}

async function reportsNow(year: number): Promise<[Report, Report]> {
  const now = await json<Report>(await api(`/reports/${year}`, { token: office }));
  const acc = await json<Report>(await api(`/reports/${year}?accepted=true`, { token: office }));
  return [now, acc];
}

/** How often each outcome came up over all histories ("submit 201", "accept review.stale", …). */
const tally: Record<string, number> = {};
const note = (what: string, r: { status: number; body: { error?: { code: string } } }) => {
  const key = `${what} ${r.body.error?.code ?? r.status}`;
  tally[key] = (tally[key] ?? 0) + 1;
};

/** Runs one random history in `year`, checking every answer against the model; returns the kept moments. */
async function history(year: number, rnd: () => number): Promise<Kept[]> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const units = new Map<string, UnitModel>(TINY.map((c) => [c.code, { bodies: [], variants: [], accepted: null }]));
  let groups = [1, 2, 3];
  let setup = setupOf(year, groups);
  const kept: Kept[] = [];
  const keep = async (label: string) => {
    const [report, accepted] = await reportsNow(year);
    expect(accepted.cut).toEqual({ ...report.cut!, accepted: true });
    kept.push({
      label,
      report,
      accepted,
      setup,
      acceptedBodies: [...units].flatMap(([unit, m]) =>
        m.accepted === null ? [] : [{ unit, revision: m.accepted, body: m.bodies[m.accepted - 1]! }],
      ),
    });
  };

  const first = await call(`/setup/${year}`, setup, "PUT", ADMIN);
  expect(first.status).toBe(201);
  await keep("setup");

  for (let step = 0; step < ACTIONS; step++) {
    const roll = rnd();
    // Reviews mostly go to units that submitted, reopens mostly to accepted ones (refusals still come up).
    const submitted = TINY.filter((c) => units.get(c.code)!.bodies.length > 0);
    const accepted = TINY.filter((c) => units.get(c.code)!.accepted !== null);
    const among =
      roll >= 0.4 && roll < 0.72 && submitted.length > 0 && rnd() < 0.85
        ? submitted
        : roll >= 0.72 && roll < 0.82 && accepted.length > 0 && rnd() < 0.8
          ? accepted
          : TINY;
    const code = pick(among).code;
    const m = units.get(code)!;
    const latest = m.bodies.length;
    let label: string;
    if (roll < 0.4) {
      const v = Math.floor(rnd() * 3);
      label = `submit ${code} v${v}`;
      const r = await call("/submissions", content(year, code, v), "POST", ADMIN);
      note("submit", r);
      if (m.accepted !== null) {
        expect(r.status, label).toBe(409);
        expect(r.body.error.code).toBe("round.locked");
      } else if (latest > 0 && m.variants[latest - 1] === v) {
        expect(r.status, label).toBe(200);
        expect(r.body).toMatchObject({ deduplicated: true, revision: latest });
      } else {
        expect(r.status, label).toBe(201);
        expect(r.body.revision).toBe(latest + 1);
        m.bodies.push(content(year, code, v));
        m.variants.push(v);
      }
    } else if (roll < 0.55) {
      const stale = latest >= 2 && rnd() < 0.3;
      const revision = stale ? latest - 1 : Math.max(latest, 1);
      label = `return ${code} r${revision}`;
      const r = await call("/reviews", { unit: code, year, action: "return", revision, comment: `Sửa lần ${step}` });
      note("return", r);
      if (latest === 0 || m.accepted !== null) expect([r.status, r.body.error?.code], label).toEqual([409, "review.invalid_state"]);
      else if (stale) expect([r.status, r.body.error?.code], label).toEqual([409, "review.stale"]);
      else expect(r.status, label).toBe(201);
    } else if (roll < 0.72) {
      const stale = latest >= 2 && rnd() < 0.3;
      const revision = stale ? latest - 1 : Math.max(latest, 1);
      label = `accept ${code} r${revision}`;
      const r = await call("/reviews", { unit: code, year, action: "accept", revision });
      note("accept", r);
      if (latest === 0 || m.accepted !== null) expect([r.status, r.body.error?.code], label).toEqual([409, "review.invalid_state"]);
      else if (stale) expect([r.status, r.body.error?.code], label).toEqual([409, "review.stale"]);
      else {
        expect(r.status, label).toBe(201);
        m.accepted = revision;
      }
    } else if (roll < 0.82) {
      label = `reopen ${code}`;
      const r = await call("/reviews", { unit: code, year, action: "reopen", comment: `Mở lại ${step}` });
      note("reopen", r);
      if (m.accepted === null) expect([r.status, r.body.error?.code], label).toEqual([409, "review.invalid_state"]);
      else {
        expect(r.status, label).toBe(201);
        expect(r.body.revision).toBe(m.accepted);
        m.accepted = null;
      }
    } else if (roll < 0.91) {
      // Before or after today's date (Vietnam time), so that units turn late or on time.
      const deadline = pick(["2026-01-15", "2026-11-30", "2099-12-31", `${year}-03-31`]);
      label = `deadline ${deadline}`;
      const r = await call(`/rounds/${year}/plan`, { deadline }, "PUT");
      note("deadline", r);
      expect(r.status, label).toBe(200);
    } else {
      const next = [...groups].sort(() => rnd() - 0.5);
      label = `setup groups ${next.join("")}`;
      const r = await call(`/setup/${year}`, setupOf(year, next), "PUT", ADMIN);
      note("setup", r);
      expect(r.status, label).toBe(next.join() === groups.join() ? 200 : 201);
      groups = next;
      setup = setupOf(year, groups);
    }
    await keep(label);
  }
  return kept;
}

describe("reports as of a cut", () => {
  it(`${HISTORIES} random histories of ${ACTIONS} actions: each kept report is the report as of its cut; accepted-only = the accepted units' bodies`, async () => {
    const rnd = prng(SEED);
    const all: { year: number; kept: Kept[] }[] = [];
    for (let h = 0; h < HISTORIES; h++) {
      const year = FIRST_YEAR + h;
      const kept = await history(year, rnd);
      all.push({ year, kept });
    }

    let compared = 0;
    let acceptedUnits = 0;
    let differFromNow = 0;
    for (const { year, kept } of all) {
      // The year's report now, without its cut (the cut is the last action of all years).
      const content = (r: Report) => JSON.stringify({ ...without(r), cut: null });
      const final = content(await json<Report>(await api(`/reports/${year}`, { token: office })));
      for (const k of kept) {
        if (content(k.report) !== final) differFromNow++;
        const at = k.report.cut!.asOf;
        expect(at, `${year} ${k.label}`).not.toBeNull();
        const asOf = await json<Report>(await api(`/reports/${year}?asOf=${at}`, { token: office }));
        expect(without(asOf), `${year} after ${k.label}`).toEqual(without(k.report));
        const acc = await json<Report>(await api(`/reports/${year}?asOf=${at}&accepted=true`, { token: office }));
        expect(without(acc), `${year} after ${k.label} (accepted only)`).toEqual(without(k.accepted));
        expect(k.accepted, `${year} after ${k.label} (accepted only, local)`).toEqual(expectedAccepted(k));
        compared++;
        acceptedUnits += k.acceptedBodies.length;
      }
    }
    expect(compared).toBe(HISTORIES * (ACTIONS + 1));
    // Most kept reports differ from their year's report now (all but the cut): as of their cut is what makes them equal.
    expect(differFromNow).toBe(432);
    // Units counted by the accepted-only reports, over all kept moments (not a vacuous comparison).
    expect(acceptedUnits).toBe(153);
    // The draw of SEED, outcome by outcome: every action and every refusal came up.
    expect(tally).toEqual({
      "submit 201": 160,
      "submit 200": 26,
      "submit round.locked": 16,
      "return 201": 37,
      "return review.stale": 6,
      "return review.invalid_state": 22,
      "accept 201": 36,
      "accept review.stale": 4,
      "accept review.invalid_state": 18,
      "reopen 201": 8,
      "reopen review.invalid_state": 41,
      "deadline 200": 40,
      "setup 201": 24,
      "setup 200": 12,
    });
  }, 600_000);
});
