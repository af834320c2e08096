/**
 * The one HTTP exchange with the Worker API, for every client (CLI, task pane): JSON body, Bearer
 * token, a timeout, never throws. `fetch` is passed in, so this stays free of any platform.
 * shared/api/client.ts turns the raw answer into results. A redirect is followed for GET only:
 * a redirected POST would arrive as a GET and store nothing, so for any other method the 3xx itself
 * is the answer (status 0 in a browser, whose manual redirects are opaque).
 */
export type SendOptions = {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8787`. */
  server: string;
  token: string | null;
  fetch: typeof fetch;
  timeoutMs: number;
};

export type RawAnswer =
  /** The server answered: its status, the parsed JSON (null when not JSON) and the raw text. */
  | { status: number; json: unknown; text: string }
  /** No answer: network failure or timeout. */
  | { status: null; detail: string };

export async function sendJson(o: SendOptions, method: string, path: string, body?: unknown): Promise<RawAnswer> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  // AbortController exists in every host we support; guarded for the oldest web views.
  const controller = typeof AbortController === "function" ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), o.timeoutMs) : null;
  try {
    const res = await o.fetch(o.server + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller?.signal,
      credentials: "omit",
      cache: "no-store",
      redirect: method === "GET" ? "follow" : "manual",
    });
    const text = await res.text().catch(() => "");
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text };
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { status: null, detail: cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e)) };
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}
