import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, decodeAnswer } from "../../../shared/api/client.ts";
import type { ApiClient, ApiResult } from "../../../shared/api/client.ts";
import { meResponseSchema } from "../../../shared/schemas/api.ts";
import type { Answer, AnswerServer } from "./answer-server.ts";
import { answerServer, HTML_500 } from "./answer-server.ts";
import { SUBMISSION, UNIT_SUBMISSION, VALID, WARNING } from "./valid-bodies.ts";

/** The one client against a real HTTP server on 127.0.0.1 that answers what each test sets. */
let next: (r: { method: string; url: string }) => Answer = () => ({ status: 500, text: "unset" });
let server: AnswerServer;
let client: ApiClient;
beforeAll(async () => {
  server = await answerServer((r) => next(r));
  client = createApiClient({ server: `${server.url}//`, token: "t0k-0123456789abcdef", timeoutMs: 5000 });
});
afterAll(() => server.close());

function answer(a: Answer): void {
  server.received.length = 0;
  next = () => a;
}

type Route = {
  name: keyof typeof VALID;
  method: string;
  url: string;
  call: (c: ApiClient) => Promise<ApiResult<unknown>>;
  /** A near miss: the valid body with one field wrong. */
  invalid: unknown;
};

const ROUTES: Route[] = [
  { name: "health", method: "GET", url: "/api/v1/health", call: (c) => c.health(), invalid: { ok: false } },
  { name: "me", method: "GET", url: "/api/v1/me", call: (c) => c.me(), invalid: { ...VALID.me, role: "boss" } },
  {
    name: "districts",
    method: "GET",
    url: "/api/v1/districts",
    call: (c) => c.districts(),
    invalid: { districts: [{ code: "183", name: "Cao Lộc" }] },
  },
  {
    name: "submit",
    method: "POST",
    url: "/api/v1/submissions",
    call: (c) => c.submit(SUBMISSION),
    invalid: { ...VALID.submit, id: undefined },
  },
  {
    name: "submitUnit",
    method: "POST",
    url: "/api/v1/submissions",
    call: (c) => c.submit(UNIT_SUBMISSION),
    invalid: { ...VALID.submitUnit, unit: "6148" },
  },
  {
    name: "submissions",
    method: "GET",
    url: "/api/v1/submissions?year=2018&district=183",
    call: (c) => c.submissions({ year: 2018, district: "183" }),
    invalid: { submissions: [{ ...VALID.submissions.submissions[0], latest: 1 }] },
  },
  {
    name: "submission",
    method: "GET",
    url: "/api/v1/submissions/a%2Fb",
    call: (c) => c.submission("a/b"),
    invalid: { ...VALID.submission, submission: { ...SUBMISSION, year: 1999 } },
  },
  {
    name: "submissionUnit",
    method: "GET",
    url: "/api/v1/submissions/sub-2",
    call: (c) => c.submission("sub-2"),
    invalid: { ...VALID.submissionUnit, submission: { ...UNIT_SUBMISSION, unit: "6148" } },
  },
  { name: "report", method: "GET", url: "/api/v1/reports/2018", call: (c) => c.report(2018), invalid: { ...VALID.report, bands: null } },
  {
    name: "createToken",
    method: "POST",
    url: "/api/v1/tokens",
    call: (c) => c.createToken({ role: "district", district: "183", label: "x" }),
    invalid: { ...VALID.createToken, token: undefined },
  },
  { name: "listTokens", method: "GET", url: "/api/v1/tokens", call: (c) => c.listTokens(), invalid: [1, 2, 3] },
  {
    name: "revokeToken",
    method: "DELETE",
    url: "/api/v1/tokens/tok-1",
    call: (c) => c.revokeToken("tok-1"),
    invalid: { ...VALID.revokeToken, revokedAt: null },
  },
];

describe.each(ROUTES)("$method $url ($name)", (route) => {
  it("a valid answer: ok with the parsed value; method, path and token as the API wants", async () => {
    const status = ["submit", "submitUnit", "createToken"].includes(route.name) ? 201 : 200;
    answer({ status, json: VALID[route.name] });
    const r = await route.call(client);
    expect(r).toEqual({ ok: true, status, value: VALID[route.name] });
    expect(server.received.map((q) => [q.method, q.url, q.authorization])).toEqual([
      [route.method, route.url, "Bearer t0k-0123456789abcdef"],
    ]);
  });

  it("a 2xx answer that does not match the schema: response.unexpected, never ok", async () => {
    answer({ status: 200, json: route.invalid });
    const r = await route.call(client);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure).toMatchObject({ status: 200, code: "response.unexpected", serverMessage: null, issues: [] });
    expect(r.failure.params.status).toBe(200);
  });
});

describe("answers that are not the API's", () => {
  it.each([
    ["200 {}", { status: 200, json: {} } as Answer, 200],
    ["200 [1,2,3]", { status: 200, json: [1, 2, 3] } as Answer, 200],
    ["200 plain text", { status: 200, text: "OK" } as Answer, 200],
    ["201 missing fields", { status: 201, json: { id: "sub-1", revision: 1 } } as Answer, 201],
    ["200 empty", { status: 200, text: "" } as Answer, 200],
  ])("%s to a POST: response.unexpected", async (_name, a, status) => {
    answer(a);
    const r = await client.submit(SUBMISSION);
    expect(r.ok ? null : [r.failure.status, r.failure.code]).toEqual([status, "response.unexpected"]);
  });

  it("names what did not match in params.detail", async () => {
    answer({ status: 201, json: { ...VALID.submit, deduplicated: "no" } });
    const r = await client.submit(SUBMISSION);
    expect(r.ok ? null : r.failure.params.detail).toMatch(/^deduplicated: /);
  });

  it("a redirect of a POST is not followed: response.unexpected, and nothing is re-sent as a GET", async () => {
    server.received.length = 0;
    next = (q) => (q.method === "POST" ? { status: 302, location: "/api/v1/health" } : { status: 200, json: VALID.submit });
    const r = await client.submit(SUBMISSION);
    expect(r.ok ? null : [r.failure.status, r.failure.code]).toEqual([302, "response.unexpected"]);
    expect(server.received.map((q) => [q.method, q.url])).toEqual([["POST", "/api/v1/submissions"]]);
    for (const status of [301, 303, 307, 308] as const) {
      next = (q) => (q.method === "POST" ? { status, location: "/api/v1/health" } : { status: 200, json: VALID.createToken });
      const t = await client.createToken({ role: "admin", label: "x" });
      expect(t.ok ? null : [t.failure.status, t.failure.code]).toEqual([status, "response.unexpected"]);
    }
    expect(server.received.every((q) => q.method === "POST")).toBe(true);
  });

  it("a redirect of a GET is followed, and the final body is still validated", async () => {
    server.received.length = 0;
    next = (q) => (q.url === "/api/v1/tokens" ? { status: 302, location: "/elsewhere" } : { status: 200, json: {} });
    const r = await client.listTokens();
    expect(r.ok ? null : [r.failure.status, r.failure.code]).toEqual([200, "response.unexpected"]);
    next = (q) => (q.url === "/api/v1/me" ? { status: 302, location: "/moved/me" } : { status: 200, json: VALID.me });
    expect(await client.me()).toEqual({ ok: true, status: 200, value: VALID.me });
  });
});

describe("error answers", () => {
  it("the API's error body: its code, both messages and the template issues of details.issues", async () => {
    answer({
      status: 422,
      json: {
        error: {
          code: "submission.invalid",
          message: "Có lỗi",
          messageEn: "Errors",
          details: { issues: [WARNING, { bogus: true }, { ...WARNING, severity: "fatal" }] },
        },
      },
    });
    const r = await client.submit(SUBMISSION);
    expect(r).toEqual({
      ok: false,
      failure: {
        status: 422,
        code: "submission.invalid",
        params: { status: 422 },
        serverMessage: { vi: "Có lỗi", en: "Errors" },
        issues: [WARNING],
      },
    });
  });

  it("an error body without messageEn: the Vietnamese text in both", async () => {
    answer({ status: 403, json: { error: { code: "auth.forbidden", message: "Không có quyền" } } });
    const r = await client.me();
    expect(r.ok ? null : r.failure.serverMessage).toEqual({ vi: "Không có quyền", en: "Không có quyền" });
  });

  it.each([
    ["500 with HTML", { status: 500, text: HTML_500, contentType: "text/html" } as Answer, 500],
    ["404 JSON of another shape", { status: 404, json: { message: "nope" } } as Answer, 404],
    ["400 error without a code", { status: 400, json: { error: { message: "x" } } } as Answer, 400],
  ])("%s: http.<status>", async (_name, a, status) => {
    answer(a);
    const r = await client.listTokens();
    expect(r).toEqual({ ok: false, failure: { status, code: `http.${status}`, params: { status }, serverMessage: null, issues: [] } });
  });

  it("an unreachable server: network.unreachable with status null, never a throw", async () => {
    const gone = await answerServer(() => ({ status: 200, json: {} }));
    await gone.close();
    const r = await createApiClient({ server: gone.url, token: null, timeoutMs: 5000 }).health();
    expect(r).toEqual({
      ok: false,
      failure: {
        status: null,
        code: "network.unreachable",
        params: { server: gone.url, detail: "ECONNREFUSED" },
        serverMessage: null,
        issues: [],
      },
    });
  });
});

describe("decodeAnswer", () => {
  it("checks a raw answer without any network", () => {
    expect(decodeAnswer({ status: 200, json: VALID.me, text: "" }, meResponseSchema, "http://h")).toEqual({
      ok: true,
      status: 200,
      value: VALID.me,
    });
    const opaque = decodeAnswer({ status: 0, json: null, text: "" }, meResponseSchema, "http://h");
    expect(opaque).toMatchObject({
      ok: false,
      failure: { status: 0, code: "response.unexpected", params: { status: "3xx", detail: "redirect" } },
    });
  });
});

describe("pagination: limit, cursor and next", () => {
  const token = (i: number) => ({ ...VALID.listTokens.tokens[0], id: `tok-${i}`, label: `Mã ${i}` });

  it("one page: limit and cursor travel in the query; a body without next is response.unexpected", async () => {
    answer({ status: 200, json: { ...VALID.submissions, next: "abc_-9" } });
    const r = await client.submissions({ year: 2018, district: "183", limit: 7, cursor: "abc_-9" });
    expect(r).toEqual({ ok: true, status: 200, value: { ...VALID.submissions, next: "abc_-9" } });
    expect(server.received.map((q) => q.url)).toEqual(["/api/v1/submissions?year=2018&district=183&limit=7&cursor=abc_-9"]);
    answer({ status: 200, json: { tokens: VALID.listTokens.tokens } });
    const t = await client.listTokens({ limit: 1000 });
    expect(t.ok ? null : [t.failure.code, t.failure.params.detail]).toEqual(["response.unexpected", "next: expected string"]);
    expect(server.received.map((q) => q.url)).toEqual(["/api/v1/tokens?limit=1000"]);
    answer({ status: 200, json: { ...VALID.listTokens, next: "not a cursor!" } });
    expect((await client.listTokens()).ok).toBe(false);
  });

  it("the unit and round filters travel in the query too (unit of 3 or 5 digits)", async () => {
    answer({ status: 200, json: VALID.submissions });
    expect((await client.submissions({ year: 2027, unit: "06148", round: "result", limit: 1 })).ok).toBe(true);
    expect(server.received.map((q) => q.url)).toEqual(["/api/v1/submissions?year=2027&unit=06148&round=result&limit=1"]);
  });

  it("allTokens follows next until null: 3 pages of 1000, 1000, 1 tokens, in order, each once", async () => {
    const all = Array.from({ length: 2001 }, (_, i) => token(i));
    server.received.length = 0;
    next = (q) => {
      const url = new URL(q.url, "http://h");
      const from = Number(url.searchParams.get("cursor")?.slice(1) ?? 0);
      const limit = Number(url.searchParams.get("limit"));
      const end = from + limit;
      return { status: 200, json: { tokens: all.slice(from, end), next: end < all.length ? `c${end}` : null } };
    };
    const r = await client.allTokens();
    expect(r.ok ? r.value.map((t) => t.id) : r).toEqual(all.map((t) => t.id));
    expect(server.received.map((q) => q.url)).toEqual([
      "/api/v1/tokens?limit=1000",
      "/api/v1/tokens?limit=1000&cursor=c1000",
      "/api/v1/tokens?limit=1000&cursor=c2000",
    ]);
  });

  it("allSubmissions keeps the filters on every page", async () => {
    server.received.length = 0;
    const rev = VALID.submissions.submissions[0]!;
    next = (q) =>
      q.url.includes("cursor=")
        ? { status: 200, json: { submissions: [{ ...rev, revision: 1, latest: false }], next: null } }
        : { status: 200, json: { submissions: [rev], next: "p2" } };
    const r = await client.allSubmissions({ year: 2018, district: "183" });
    expect(r.ok ? r.value.map((s) => s.revision) : r).toEqual([2, 1]);
    expect(server.received.map((q) => q.url)).toEqual([
      "/api/v1/submissions?year=2018&district=183&limit=1000",
      "/api/v1/submissions?year=2018&district=183&limit=1000&cursor=p2",
    ]);
  });

  it("a server that gives the same cursor again: an error after 2 pages, not a loop", async () => {
    server.received.length = 0;
    next = () => ({ status: 200, json: { tokens: [token(1)], next: "same" } });
    const r = await client.allTokens();
    expect(r.ok ? null : [r.failure.code, r.failure.params.detail]).toEqual([
      "response.unexpected",
      "pagination: the cursor of page 2 was given before",
    ]);
    expect(server.received).toHaveLength(2);
  });

  it("a failed page fails the whole list (no partial list)", async () => {
    server.received.length = 0;
    next = (q) =>
      q.url.includes("cursor=")
        ? { status: 500, text: HTML_500, contentType: "text/html" }
        : { status: 200, json: { tokens: [token(1)], next: "p2" } };
    const r = await client.allTokens();
    expect(r).toEqual({ ok: false, failure: { status: 500, code: "http.500", params: { status: 500 }, serverMessage: null, issues: [] } });
  });
});
