import type { ApiClient } from "../../shared/api/client.ts";

/**
 * The one API client (shared/api/client.ts, zod-validated answers), loaded after the first paint:
 * zod and the API schemas are a chunk of their own. One client per server and token.
 */
export type LazyApi = { readonly server: string; client: () => Promise<ApiClient> };

export function lazyApi(server: string, token: string): LazyApi {
  let loading: Promise<ApiClient> | null = null;
  return {
    server,
    client: () => (loading ??= import("../../shared/api/client.ts").then((m) => m.createApiClient({ server, token }))),
  };
}

/** Server base URL without a trailing slash; empty → the page's own origin. */
export function normalizeServer(server: string, origin: string): string {
  const s = server.trim() === "" ? origin : server.trim();
  return s.replace(/\/+$/, "");
}
