import { beforeAll, expect, it } from "vitest";
import { api, applySetup, commune, createToken, db, districtSetup, json, submission } from "./helpers.ts";

/**
 * docs/interfaces.md's access matrix (with docs/setup.md's `unit` role and setup routes, and
 * docs/review.md's status, rounds, reviews and audit routes), every route × every kind of caller,
 * as one table. `unit`: a unit token of 183, `otherUnit` of 180, `revoked`: an office token revoked
 * before the run.
 */
const YEAR = 2031;
const WHO = ["none", "revoked", "unit", "otherUnit", "office", "admin"] as const;
type Who = (typeof WHO)[number];

const tokens: Record<Who, string | null> = { none: null, revoked: "", unit: "", otherUnit: "", office: "", admin: "" };
let ownRevisionId = "";
let variant = 0;

/** A distinct valid submission of unit 183 each time (so every accepted one is a new revision: 201). */
const ownSubmission = () =>
  submission(
    "183",
    YEAR,
    [commune("06100", "Xã Hợp Thành", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]), commune("06101", "Xã Tân Liên", [1, 2, 3], [1, 2, 3, 4, 5])],
    { other: ++variant },
  );

type Row = { route: string; call: (token: string | null) => Promise<Response>; expected: Record<Who, number> };

const ROWS: Row[] = [
  {
    route: "GET /health",
    call: (t) => api("/health", { token: t }),
    expected: { none: 200, revoked: 200, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /me",
    call: (t) => api("/me", { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /districts",
    call: (t) => api("/districts", { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "POST /submissions (unit 183)",
    call: (t) => api("/submissions", { token: t, body: ownSubmission() }),
    expected: { none: 401, revoked: 401, unit: 201, otherUnit: 403, office: 201, admin: 201 },
  },
  {
    route: "GET /submissions?district=183 (older name of unit)",
    call: (t) => api(`/submissions?year=${YEAR}&district=183`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 403, office: 200, admin: 200 },
  },
  {
    route: "GET /submissions?unit=183",
    call: (t) => api(`/submissions?year=${YEAR}&unit=183`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 403, office: 200, admin: 200 },
  },
  {
    route: "GET /submissions (no filter)",
    call: (t) => api(`/submissions?year=${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /submissions/:id (of 183)",
    call: (t) => api(`/submissions/${ownRevisionId}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 404, office: 200, admin: 200 },
  },
  {
    route: "GET /reports/:year",
    call: (t) => api(`/reports/${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /reports/:year?asOf=&accepted=true",
    call: (t) => api(`/reports/${YEAR}?asOf=${encodeURIComponent(new Date().toISOString())}&accepted=true`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /status/:year (a unit token: its own row only, see below)",
    call: (t) => api(`/status/${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /rounds/:year",
    call: (t) => api(`/rounds/${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "PUT /rounds/:year/:round",
    call: (t) => api(`/rounds/${YEAR}/plan`, { token: t, method: "PUT", body: { deadline: `${YEAR}-03-31` } }),
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 200, admin: 200 },
  },
  {
    route: "GET /targets/:year",
    call: (t) => api(`/targets/${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "PUT /targets/:year",
    call: (t) => api(`/targets/${YEAR}`, { token: t, method: "PUT", body: { year: YEAR, province: { ntm: 1 }, units: {} } }),
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 200, admin: 200 },
  },
  {
    route: "POST /reviews (return 183's latest revision)",
    call: async (t) => {
      const latest = await db
        .prepare("SELECT revision FROM latest_submissions WHERE year = ?1 AND round = 'plan' AND unit = '183'")
        .bind(YEAR)
        .first<{ revision: number }>();
      const body = { unit: "183", year: YEAR, round: "plan", action: "return", revision: latest!.revision, comment: "Xem lại xã 06100." };
      return api("/reviews", { token: t, body });
    },
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 201, admin: 201 },
  },
  {
    route: "GET /audit",
    call: (t) => api(`/audit?year=${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 200, admin: 200 },
  },
  {
    route: "GET /units?year=",
    call: (t) => api(`/units?year=${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /setup/:year",
    call: (t) => api(`/setup/${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "PUT /setup/:year (the same setup again: 200)",
    call: (t) => api(`/setup/${YEAR}`, { token: t, method: "PUT", body: districtSetup(YEAR) }),
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 403, admin: 200 },
  },
  {
    route: "GET /carry-over/:year?unit=183",
    call: (t) => api(`/carry-over/${YEAR}?unit=183`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 403, office: 200, admin: 200 },
  },
  {
    route: "GET /reports/trend?from=&to=",
    call: (t) => api(`/reports/trend?from=${YEAR - 1}&to=${YEAR}`, { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "GET /criteria-sets",
    call: (t) => api("/criteria-sets", { token: t }),
    expected: { none: 401, revoked: 401, unit: 200, otherUnit: 200, office: 200, admin: 200 },
  },
  {
    route: "POST /tokens",
    call: (t) => api("/tokens", { token: t, body: { role: "office", label: "matrix" } }),
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 403, admin: 201 },
  },
  {
    route: "GET /tokens",
    call: (t) => api("/tokens", { token: t }),
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 403, admin: 200 },
  },
  {
    route: "DELETE /tokens/:id",
    call: async (t) => {
      const victim = await createToken("office");
      return api(`/tokens/${victim.id}`, { token: t, method: "DELETE" });
    },
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 403, admin: 200 },
  },
  {
    route: "PUT /tokens (not listed)",
    call: (t) => api("/tokens", { token: t, method: "PUT", body: {} }),
    expected: { none: 401, revoked: 401, unit: 403, otherUnit: 403, office: 403, admin: 404 },
  },
];

beforeAll(async () => {
  await applySetup(YEAR);
  tokens.unit = (await createToken("unit", "183")).token;
  tokens.otherUnit = (await createToken("district", "180")).token;
  tokens.office = (await createToken("office")).token;
  tokens.admin = (await createToken("admin")).token;
  const revoked = await createToken("office");
  expect((await api(`/tokens/${revoked.id}`, { method: "DELETE" })).status).toBe(200);
  tokens.revoked = revoked.token;
  const res = await api("/submissions", { body: ownSubmission() });
  ownRevisionId = (await json(res)).id;
});

it("every route answers every kind of caller as docs/interfaces.md's access matrix says", async () => {
  const actual: Record<string, Record<Who, number>> = {};
  const expected: Record<string, Record<Who, number>> = {};
  for (const row of ROWS) {
    expected[row.route] = row.expected;
    const statuses = {} as Record<Who, number>;
    for (const who of WHO) statuses[who] = (await row.call(tokens[who])).status;
    actual[row.route] = statuses;
  }
  expect(actual).toEqual(expected);
});

it("GET /status/:year: a unit token gets its own unit's row only (the completeness stays the province's); the office every unit", async () => {
  const own = await json(await api(`/status/${YEAR}`, { token: tokens.unit }));
  const all = await json(await api(`/status/${YEAR}`, { token: tokens.office }));
  expect(own.units.map((u: { code: string }) => u.code)).toEqual(["183"]);
  expect(all.units).toHaveLength(11);
  expect(own.completeness).toEqual(all.completeness);
  const other = await json(await api(`/status/${YEAR}`, { token: tokens.otherUnit }));
  expect(other.units.map((u: { code: string; status: string }) => [u.code, u.status])).toEqual([["180", "missing"]]);
});
