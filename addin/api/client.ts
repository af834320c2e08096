import type { Issue } from "../../shared/result.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { District } from "../../shared/reference/districts.ts";
import type { MeResponse, RevisionInfo, RevisionResponse, SubmitResponse } from "../../shared/schemas/api.ts";
import { createApiClient } from "../../shared/api/client.ts";
import type { ApiFailure as SharedFailure, ApiResult as SharedResult } from "../../shared/api/client.ts";
import { apiFailureTexts } from "../../shared/api/messages.ts";

/**
 * The task pane's view of the one API client (shared/api/client.ts): the same calls, every answer
 * validated there; failures carry the code and parameters (texts in shared/api/messages.ts) plus
 * both texts already resolved, for the pane's error bar. Never throws.
 */
export type { RevisionInfo, SubmitResponse };
export type Me = MeResponse;

export type ApiFailure = {
  /** HTTP status, 0 when the server could not be reached. */
  status: number;
  /** The server's code, or `network.unreachable`, `response.unexpected`, `http.<status>`. */
  code: string;
  params: SharedFailure["params"];
  message: string;
  messageEn: string;
  /** The server's own (Vietnamese) message, or the network error's detail. */
  serverMessage: string | null;
  issues: Issue[];
};
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

export function toUiFailure(f: SharedFailure): ApiFailure {
  const texts = apiFailureTexts(f);
  const detail = f.params.detail;
  return {
    status: f.status ?? 0, code: f.code, params: f.params, message: texts.vi, messageEn: texts.en,
    serverMessage: f.serverMessage?.vi ?? (typeof detail === "string" && detail !== "" ? detail : null),
    issues: f.issues,
  };
}

function adapt<T, U>(r: SharedResult<T>, pick: (v: T) => U): ApiResult<U> {
  return r.ok ? { ok: true, value: pick(r.value) } : { ok: false, error: toUiFailure(r.failure) };
}
const same = <T>(v: T): T => v;

/** Server base URL without a trailing slash; empty → the page's own origin. */
export function normalizeServer(server: string, origin: string): string {
  const s = server.trim() === "" ? origin : server.trim();
  return s.replace(/\/+$/, "");
}

export type ClientOptions = { server: string; token: string; fetch?: typeof fetch; timeoutMs?: number };

export class ApiClient {
  readonly server: string;
  private readonly api: ReturnType<typeof createApiClient>;

  constructor(options: ClientOptions) {
    this.api = createApiClient({
      server: options.server, token: options.token,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)), timeoutMs: options.timeoutMs ?? 60_000,
    });
    this.server = this.api.server;
  }

  async me(): Promise<ApiResult<Me>> {
    return adapt(await this.api.me(), same);
  }

  async districts(): Promise<ApiResult<District[]>> {
    return adapt(await this.api.districts(), (v) => v.districts);
  }

  async revisions(year: number, district: string): Promise<ApiResult<RevisionInfo[]>> {
    return adapt(await this.api.submissions({ year, district }), (v) => v.submissions);
  }

  async revision(id: string): Promise<ApiResult<RevisionResponse>> {
    return adapt(await this.api.submission(id), same);
  }

  async submit(submission: Submission): Promise<ApiResult<SubmitResponse>> {
    return adapt(await this.api.submit(submission), same);
  }

  async report(year: number): Promise<ApiResult<Report>> {
    return adapt(await this.api.report(year), same);
  }
}
