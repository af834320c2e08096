import type { z } from "zod";
import type { Issue } from "../result.ts";
import type { Texts } from "../text/catalogue.ts";
import {
  districtsResponseSchema,
  errorBodySchema,
  healthResponseSchema,
  issueSchema,
  meResponseSchema,
  reportSchema,
  revisionResponseSchema,
  revokeTokenResponseSchema,
  submissionsResponseSchema,
  submitResponseSchema,
  tokenCreatedSchema,
  tokensResponseSchema,
} from "../schemas/api.ts";
import { PAGE_LIMIT_MAX } from "../schemas/api.ts";
import type { CreateTokenRequest, PageQuery, RevisionInfo, SubmissionsQuery, SubmitRequest, TokenInfo } from "../schemas/api.ts";
import { applySetupResponseSchema, criteriaSetsResponseSchema, setupResponseSchema, unitsResponseSchema } from "../schemas/api/setup.ts";
import type { UnitsResponse } from "../schemas/api/setup.ts";
import type { SetupJson } from "../setup/schema.ts";
import { targetsResponseSchema } from "../targets/schema.ts";
import type { TargetsJson } from "../targets/schema.ts";
import type { Round } from "../schemas/api/common.ts";
import { auditResponseSchema, reviewResponseSchema, roundsResponseSchema, statusResponseSchema } from "../schemas/api/review.ts";
import type { AuditEntry, ReviewRequest } from "../schemas/api/review.ts";
import { carryOverResponseSchema } from "../cycle/carry-over-schema.ts";
import { trendResponseSchema } from "../cycle/trend-schema.ts";
import { allPages } from "./all-pages.ts";
import type { RawAnswer } from "./send-json.ts";
import { sendJson } from "./send-json.ts";

/**
 * The one client of the Worker API (docs/interfaces.md), used by the CLI and the task pane: one
 * method per route, every answer checked against the route's schema (shared/schemas/api.ts).
 * Never throws: the result is `{ ok: true, status, value }` or `{ ok: false, failure }`.
 * Failure codes: the server's own (`auth.required`, `submission.invalid`, ...) when its error body
 * is readable; `http.<status>` when it is not; `network.unreachable` when no answer came;
 * `response.unexpected` for a 2xx body that does not match the schema, a non-JSON body or a redirect.
 * The texts are in shared/api/messages.ts.
 */
export type ApiFailure = {
  /** HTTP status; null when the server could not be reached. */
  status: number | null;
  code: string;
  /** Placeholders of the failure's text (shared/api/messages.ts): `server`, `detail`, `status`. */
  params: Readonly<Record<string, string | number>>;
  /** The server's own message, when its error body was readable. */
  serverMessage: Texts | null;
  /** Template issues of a 422/409 (`details.issues`). */
  issues: Issue[];
};

export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; failure: ApiFailure };

export type ApiClientOptions = {
  /** Base URL; trailing slashes are removed. */
  server: string;
  token: string | null;
  fetch?: typeof fetch;
  /** Request timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
};

const MAX_DETAIL_ISSUES = 3;

/** `path: message` of the first zod issues, for `params.detail`. */
function zodDetail(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_DETAIL_ISSUES)
    .map((i) => `${i.path.length > 0 ? i.path.join(".") : "(body)"}: ${i.code === "invalid_type" ? `expected ${i.expected}` : i.message}`)
    .join("; ");
}

function unexpected(status: number, detail: string): ApiResult<never> {
  return {
    ok: false,
    failure: {
      status,
      code: "response.unexpected",
      params: { status: status === 0 ? "3xx" : status, detail },
      serverMessage: null,
      issues: [],
    },
  };
}

/** Template issues in an error body's `details.issues`; anything that is not an issue is left out. */
function detailIssues(details: Record<string, unknown> | undefined): Issue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  const out: Issue[] = [];
  for (const x of raw) {
    const parsed = issueSchema.safeParse(x);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** A raw answer checked against `schema` (success) or the error body (failure). */
export function decodeAnswer<T>(raw: RawAnswer, schema: z.ZodType<T>, server: string): ApiResult<T> {
  if (raw.status === null) {
    return {
      ok: false,
      failure: { status: null, code: "network.unreachable", params: { server, detail: raw.detail }, serverMessage: null, issues: [] },
    };
  }
  const { status, json, text } = raw;
  if (status >= 200 && status < 300) {
    if (json === null) return unexpected(status, text ? "not JSON" : "empty body");
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, status, value: parsed.data } : unexpected(status, zodDetail(parsed.error));
  }
  if (status < 400) return unexpected(status, "redirect");
  const body = errorBodySchema.safeParse(json);
  if (!body.success) {
    return { ok: false, failure: { status, code: `http.${status}`, params: { status }, serverMessage: null, issues: [] } };
  }
  const e = body.data.error;
  return {
    ok: false,
    failure: {
      status,
      code: e.code,
      params: { status },
      serverMessage: { vi: e.message, en: e.messageEn ?? e.message },
      issues: detailIssues(e.details),
    },
  };
}

/** Server base URL without trailing slashes. */
export function normalizeBase(server: string): string {
  return server.trim().replace(/\/+$/, "");
}

export function createApiClient(o: ApiClientOptions) {
  const server = normalizeBase(o.server);
  const send = {
    server,
    token: o.token,
    fetch: o.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: o.timeoutMs ?? 60_000,
  } satisfies Parameters<typeof sendJson>[0];
  const call = async <T>(
    schema: z.ZodType<T>,
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<ApiResult<T>> => decodeAnswer(await sendJson(send, method, `/api/v1${path}`, body), schema, server);
  const id = (x: string) => encodeURIComponent(x);
  /** `?a=1&b=2` of the defined values, or "" when there are none. */
  const queryString = (values: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v !== undefined) q.set(k, String(v));
    const qs = q.toString();
    return qs ? `?${qs}` : "";
  };
  const submissions = (query: SubmissionsQuery = {}) =>
    call(
      submissionsResponseSchema,
      "GET",
      `/submissions${queryString({
        year: query.year,
        unit: query.unit,
        district: query.district,
        round: query.round,
        limit: query.limit,
        cursor: query.cursor,
      })}`,
    );
  const units = (query: PageQuery & { year: number }) =>
    call(unitsResponseSchema, "GET", `/units${queryString({ year: query.year, limit: query.limit, cursor: query.cursor })}`);
  const audit = (query: PageQuery & { year?: number } = {}) =>
    call(auditResponseSchema, "GET", `/audit${queryString({ year: query.year, limit: query.limit, cursor: query.cursor })}`);
  const listTokens = (query: PageQuery = {}) =>
    call(tokensResponseSchema, "GET", `/tokens${queryString({ limit: query.limit, cursor: query.cursor })}`);

  return {
    server,
    /** GET /health */
    health: () => call(healthResponseSchema, "GET", "/health"),
    /** GET /me */
    me: () => call(meResponseSchema, "GET", "/me"),
    /** GET /districts */
    districts: () => call(districtsResponseSchema, "GET", "/districts"),
    /** POST /submissions: an NTM-1 or NTM-2 body (201 stored, 200 deduplicated) */
    submit: (submission: SubmitRequest) => call(submitResponseSchema, "POST", "/submissions", submission),
    /** GET /submissions?year=&unit=&district=&round=&limit=&cursor=: one page (`next` null at the end). */
    submissions,
    /** Every revision of the query: GET /submissions pages of 1000, following `next` (shared/api/all-pages.ts). */
    allSubmissions: (query: Omit<SubmissionsQuery, "limit" | "cursor"> = {}): Promise<ApiResult<RevisionInfo[]>> =>
      allPages(async (cursor) => {
        const r = await submissions({ ...query, limit: PAGE_LIMIT_MAX, ...(cursor === null ? {} : { cursor }) });
        return r.ok ? { ...r, value: { items: r.value.submissions, next: r.value.next } } : r;
      }),
    /** GET /submissions/:id */
    submission: (submissionId: string) => call(revisionResponseSchema, "GET", `/submissions/${id(submissionId)}`),
    /** GET /reports/:year?round=&asOf=&accepted=: the report at a cut (default: plan round, now, every latest revision). */
    report: (year: number, query: { round?: Round; asOf?: string; accepted?: boolean } = {}) =>
      call(
        reportSchema,
        "GET",
        `/reports/${id(String(year))}${queryString({ round: query.round, asOf: query.asOf, accepted: query.accepted ? "true" : undefined })}`,
      ),
    /** GET /reports/trend?from=&to=: NTM and criteria communes per year, planned and achieved, through mergers (any token). */
    trend: (from: number, to: number) => call(trendResponseSchema, "GET", `/reports/trend${queryString({ from, to })}`),
    /** GET /carry-over/:year?unit=: the HT pre-fill of the unit's plan template from the previous year, with notes (a unit token: its own unit). */
    carryOver: (year: number, unit: string) =>
      call(carryOverResponseSchema, "GET", `/carry-over/${id(String(year))}${queryString({ unit })}`),
    /** GET /status/:year?round=&asOf=: every unit's review status and the completeness (a unit token: its own row). */
    status: (year: number, query: { round?: Round; asOf?: string } = {}) =>
      call(statusResponseSchema, "GET", `/status/${id(String(year))}${queryString({ round: query.round, asOf: query.asOf })}`),
    /** GET /rounds/:year: both rounds' deadlines. */
    rounds: (year: number) => call(roundsResponseSchema, "GET", `/rounds/${id(String(year))}`),
    /** PUT /rounds/:year/:round (office, admin): `{ deadline: "YYYY-MM-DD" }` (Vietnam time). */
    setDeadline: (year: number, round: Round, deadline: string) =>
      call(roundsResponseSchema, "PUT", `/rounds/${id(String(year))}/${id(round)}`, { deadline }),
    /** POST /reviews (office, admin): return (comment, cells), accept, reopen (comment = the reason). */
    review: (request: ReviewRequest) => call(reviewResponseSchema, "POST", "/reviews", request),
    /** GET /audit?year=&limit=&cursor= (office, admin): one page, newest first. */
    audit,
    /** Every audit entry of a year (or all), newest first: GET /audit pages of 1000, following `next`. */
    allAudit: (year: number | null): Promise<ApiResult<AuditEntry[]>> =>
      allPages(async (cursor) => {
        const r = await audit({ year: year ?? undefined, limit: PAGE_LIMIT_MAX, ...(cursor === null ? {} : { cursor }) });
        return r.ok ? { ...r, value: { items: r.value.entries, next: r.value.next } } : r;
      }),
    /** POST /tokens (admin) */
    createToken: (request: CreateTokenRequest) => call(tokenCreatedSchema, "POST", "/tokens", request),
    /** GET /tokens?limit=&cursor= (admin): one page (`next` null at the end). */
    listTokens,
    /** Every token (admin): GET /tokens pages of 1000, following `next` (shared/api/all-pages.ts). */
    allTokens: (): Promise<ApiResult<TokenInfo[]>> =>
      allPages(async (cursor) => {
        const r = await listTokens({ limit: PAGE_LIMIT_MAX, ...(cursor === null ? {} : { cursor }) });
        return r.ok ? { ...r, value: { items: r.value.tokens, next: r.value.next } } : r;
      }),
    /** GET /setup/:year (404 `setup.missing` for a year without one) */
    setup: (year: number) => call(setupResponseSchema, "GET", `/setup/${id(String(year))}`),
    /** PUT /setup/:year (admin): the setup JSON (201 new version, 200 deduplicated, 422 `setup.invalid`) */
    applySetup: (year: number, setup: SetupJson) => call(applySetupResponseSchema, "PUT", `/setup/${id(String(year))}`, setup),
    /** GET /targets/:year: the year's targets now (`targets: null` when none were entered). */
    targets: (year: number) => call(targetsResponseSchema, "GET", `/targets/${id(String(year))}`),
    /** PUT /targets/:year (office, admin): the targets JSON (422 `targets.invalid` with the issues at their cells, 404 `setup.missing`). */
    putTargets: (year: number, body: TargetsJson) => call(targetsResponseSchema, "PUT", `/targets/${id(String(year))}`, body),
    /** GET /criteria-sets */
    criteriaSets: () => call(criteriaSetsResponseSchema, "GET", "/criteria-sets"),
    /** GET /units?year=&limit=&cursor=: one page of the year's units (`next` null at the end). */
    units,
    /** Every unit of the year: GET /units pages of 1000, following `next`. */
    allUnits: (year: number): Promise<ApiResult<UnitsResponse["units"]>> =>
      allPages(async (cursor) => {
        const r = await units({ year, limit: PAGE_LIMIT_MAX, ...(cursor === null ? {} : { cursor }) });
        return r.ok ? { ...r, value: { items: r.value.units, next: r.value.next } } : r;
      }),
    /** DELETE /tokens/:id (admin) */
    revokeToken: (tokenId: string) => call(revokeTokenResponseSchema, "DELETE", `/tokens/${id(tokenId)}`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
