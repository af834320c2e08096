import type { Io } from "./output.ts";
import { createApiClient } from "../shared/api/client.ts";
import type { ApiClient, ApiFailure } from "../shared/api/client.ts";
import { apiFailureTexts } from "../shared/api/messages.ts";

/** Options every server command takes. */
export const SERVER_OPTIONS = ["server", "token"] as const;

export const DEFAULT_SERVER = "http://127.0.0.1:8787";

/** `--server`, else `NTM_SERVER`, else the local default (empty counts as unset); trailing slashes removed. */
export function resolveServer(flag: string | undefined, env: Record<string, string | undefined>): string {
  return (flag || env.NTM_SERVER || DEFAULT_SERVER).replace(/\/+$/, "");
}

export function resolveToken(flag: string | undefined, env: Record<string, string | undefined>): string | null {
  return flag || env.NTM_TOKEN || null;
}

/** The API client (shared/api/client.ts) for `--server`/`NTM_SERVER` and `--token`/`NTM_TOKEN`. */
export function clientFrom(options: Map<string, string>, io: Io): ApiClient {
  const token = resolveToken(options.get("token"), io.env);
  if (!token) io.stderr("Chưa có mã truy cập: đặt biến NTM_TOKEN (no token: set NTM_TOKEN).\n");
  return createApiClient({ server: resolveServer(options.get("server"), io.env), token });
}

/**
 * A one-line description of a failure: `HTTP 403 auth.forbidden: <the server's message>`, or for
 * a failure the server did not word (unreachable, unexpected answer, unreadable error body) the
 * text of shared/api/messages.ts, Vietnamese then English, and what did not match.
 */
export function describeFailure(f: ApiFailure): string {
  const head = `${f.status === null ? "" : `HTTP ${f.status} `}${f.code}: `;
  if (f.serverMessage) return head + f.serverMessage.vi;
  const t = apiFailureTexts(f);
  const detail = f.code === "response.unexpected" && f.params.detail ? ` [${f.params.detail}]` : "";
  return `${head}${t.vi} (${t.en})${detail}`;
}
