import { describe, expect, it } from "vitest";
import { createClient, resolveServer, resolveToken } from "../../cli/http.ts";

type Call = { url: string; method: string; headers: Record<string, string>; body: string | null };

function fakeFetch(status: number, body: string, calls: Call[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? "GET", headers: init.headers as Record<string, string>, body: (init.body as string) ?? null });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
}

describe("createClient", () => {
  it("POSTs the submission as JSON with the bearer token", async () => {
    const calls: Call[] = [];
    const c = createClient({ server: "http://h:1/", token: "t0k", fetch: fakeFetch(201, JSON.stringify({ id: "s1", revision: 1 }), calls) });
    const r = await c.submit({ district: "183" });
    expect(r).toEqual({ ok: true, status: 201, body: { id: "s1", revision: 1 } });
    expect(calls).toEqual([{ url: "http://h:1/api/v1/submissions", method: "POST",
      headers: { Accept: "application/json", Authorization: "Bearer t0k", "Content-Type": "application/json" },
      body: "{\"district\":\"183\"}" }]);
  });

  it("turns the API's error shape into a result, with details", async () => {
    const calls: Call[] = [];
    const body = { error: { code: "template.invalid", message: "Lỗi", messageEn: "Error", details: { issues: [1] } } };
    const c = createClient({ server: "http://h", fetch: fakeFetch(422, JSON.stringify(body), calls) });
    expect(await c.report(2018)).toEqual({ ok: false, status: 422,
      error: { code: "template.invalid", message: "Lỗi", messageEn: "Error", details: { issues: [1] } } });
    expect(calls[0]!.url).toBe("http://h/api/v1/reports/2018");
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it("answers a non-JSON error with http.<status>", async () => {
    const c = createClient({ server: "http://h", fetch: fakeFetch(502, "Bad gateway", []) });
    const r = await c.listTokens();
    expect(r.ok ? null : [r.status, r.error.code]).toEqual([502, "http.502"]);
  });

  it("answers an unreachable server with status null, never a throw", async () => {
    const c = createClient({ server: "http://127.0.0.1:9", timeoutMs: 5000 });
    const r = await c.revokeToken("a/b");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBeNull();
    expect(r.error.code).toBe("network.unreachable");
    expect(r.error.message).toContain("http://127.0.0.1:9");
  });

  it("escapes ids in paths", async () => {
    const calls: Call[] = [];
    await createClient({ server: "http://h", fetch: fakeFetch(200, "{}", calls) }).revokeToken("a/b");
    expect(calls[0]).toMatchObject({ url: "http://h/api/v1/tokens/a%2Fb", method: "DELETE" });
  });
});

describe("resolveServer / resolveToken", () => {
  it("prefers the flag, then the environment, then the default", () => {
    expect(resolveServer("http://a/", { NTM_SERVER: "http://b" })).toBe("http://a");
    expect(resolveServer(undefined, { NTM_SERVER: "http://b//" })).toBe("http://b");
    expect(resolveServer(undefined, {})).toBe("http://127.0.0.1:8787");
    expect(resolveToken(undefined, { NTM_TOKEN: "x" })).toBe("x");
    expect(resolveToken("y", { NTM_TOKEN: "x" })).toBe("y");
    expect(resolveToken(undefined, {})).toBeNull();
    expect(resolveToken(undefined, { NTM_TOKEN: "" })).toBeNull();
    expect(resolveServer(undefined, { NTM_SERVER: "" })).toBe("http://127.0.0.1:8787");
  });
});
