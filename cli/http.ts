import type { SubmitResponse, TokenCreated } from "../shared/schemas/api.ts";
import { sendJson } from "../shared/api/send-json.ts";

/**
 * Client for the Worker API (docs/interfaces.md). Point it at any server: `createClient({ server,
 * token })`; `fetch` is injectable for tests. Never throws: an unreachable server is a result
 * with `status: null`.
 */
export const DEFAULT_SERVER = "http://127.0.0.1:8787";

export type ApiError = { code: string; message: string; messageEn?: string; details?: unknown };

export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number | null; error: ApiError };

export type ClientOptions = {
  server?: string;
  token?: string | null;
  fetch?: typeof fetch;
  /** Request timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
};

export type { SubmitResponse, TokenCreated };
export type TokenInfo = { id: string; role: string; district: string | null; label: string; [k: string]: unknown };

/** `--server`, else `NTM_SERVER`, else the local default (empty counts as unset); trailing slashes removed. */
export function resolveServer(flag: string | undefined, env: Record<string, string | undefined>): string {
  return (flag || env.NTM_SERVER || DEFAULT_SERVER).replace(/\/+$/, "");
}

export function resolveToken(flag: string | undefined, env: Record<string, string | undefined>): string | null {
  return flag || env.NTM_TOKEN || null;
}

function isApiErrorBody(b: unknown): b is { error: ApiError } {
  return typeof b === "object" && b !== null && "error" in b
    && typeof (b as { error: unknown }).error === "object" && (b as { error: unknown }).error !== null;
}

export function createClient(o: ClientOptions = {}) {
  const server = (o.server ?? DEFAULT_SERVER).replace(/\/+$/, "");
  const doFetch = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 60_000;

  async function request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const res = await sendJson({ server, token: o.token ?? null, fetch: doFetch, timeoutMs }, method, path, body);
    if (res.status === null) {
      return { ok: false, status: null, error: {
        code: "network.unreachable",
        message: `Không kết nối được máy chủ ${server} (${res.detail}).`,
        messageEn: `Cannot reach the server ${server} (${res.detail}).`,
      } };
    }
    const { status, json, text } = res;
    if (status >= 200 && status < 300) {
      if (json === null && text) {
        return { ok: false, status, error: { code: "response.not_json", message: `Máy chủ trả về dữ liệu không phải JSON (HTTP ${status}).`, messageEn: `The server did not answer JSON (HTTP ${status}).` } };
      }
      return { ok: true, status, body: json as T };
    }
    if (isApiErrorBody(json)) {
      const e = json.error;
      return { ok: false, status, error: {
        code: typeof e.code === "string" ? e.code : `http.${status}`,
        message: typeof e.message === "string" ? e.message : `HTTP ${status}`,
        ...(typeof e.messageEn === "string" ? { messageEn: e.messageEn } : {}),
        ...(e.details !== undefined ? { details: e.details } : {}),
      } };
    }
    return { ok: false, status, error: { code: `http.${status}`, message: `HTTP ${status}` } };
  }

  return {
    server,
    request,
    submit: (submission: unknown) => request<SubmitResponse>("POST", "/api/v1/submissions", submission),
    report: (year: number) => request<unknown>("GET", `/api/v1/reports/${encodeURIComponent(String(year))}`),
    createToken: (body: { role: string; district?: string; label: string }) => request<TokenCreated>("POST", "/api/v1/tokens", body),
    listTokens: () => request<unknown>("GET", "/api/v1/tokens"),
    revokeToken: (id: string) => request<unknown>("DELETE", `/api/v1/tokens/${encodeURIComponent(id)}`),
    me: () => request<{ role: string; district: string | null; label: string }>("GET", "/api/v1/me"),
  };
}

export type Client = ReturnType<typeof createClient>;
