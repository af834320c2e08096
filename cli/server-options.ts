import type { Io } from "./output.ts";
import { createClient, resolveServer, resolveToken } from "./http.ts";
import type { ApiError, Client } from "./http.ts";
import type { Issue } from "../shared/result.ts";

/** Options every server command takes. */
export const SERVER_OPTIONS = ["server", "token"] as const;

/** The client for `--server`/`NTM_SERVER` and `--token`/`NTM_TOKEN`. */
export function clientFrom(options: Map<string, string>, io: Io): Client {
  const token = resolveToken(options.get("token"), io.env);
  if (!token) io.stderr("Chưa có mã truy cập: đặt biến NTM_TOKEN (no token: set NTM_TOKEN).\n");
  return createClient({ server: resolveServer(options.get("server"), io.env), token });
}

/** A one-line description of a server error: `HTTP 403 auth.forbidden: message`. */
export function describeError(status: number | null, e: ApiError): string {
  return `${status === null ? "" : `HTTP ${status} `}${e.code}: ${e.message}`;
}

/** `details.issues` of a 422 as issues, when they look like issues. */
export function detailIssues(e: ApiError): Issue[] {
  const d = e.details as { issues?: unknown } | undefined;
  if (!d || !Array.isArray(d.issues)) return [];
  return d.issues.filter((i): i is Issue => typeof i === "object" && i !== null
    && typeof (i as Issue).message === "string" && typeof (i as Issue).severity === "string")
    .map((i) => ({
      code: i.code ?? "", severity: i.severity === "warning" ? "warning" : "error",
      sheet: i.sheet ?? null, cell: i.cell ?? null, row: i.row ?? null, commune: i.commune ?? null,
      message: i.message, messageEn: i.messageEn ?? "",
    }));
}
