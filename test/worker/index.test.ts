import { expect, it } from "vitest";
import { app } from "../../worker/index.ts";
import { allowedOrigins } from "../../worker/index.ts";
import { ADMIN, api, json, testEnv } from "./helpers.ts";

it("unknown API routes: 404 in the error shape, with or without a token", async () => {
  for (const token of [null, ADMIN]) {
    const res = await api("/nothing/here", { token });
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ error: { code: "not_found", message: "Không tìm thấy.", messageEn: "Not found (route)." } });
  }
  const outside = await app.fetch(new Request("http://ntm.test/api/v2/health"), testEnv);
  expect(outside.status).toBe(404);
});

it("non-API paths are served by the ASSETS binding", async () => {
  const seen: string[] = [];
  const env = {
    ...testEnv,
    ASSETS: {
      fetch: async (r: Request) => {
        seen.push(new URL(r.url).pathname);
        return new Response("pane");
      },
    },
  };
  const res = await app.fetch(new Request("http://ntm.test/taskpane.html"), env as never);
  expect(await res.text()).toBe("pane");
  expect(seen).toEqual(["/taskpane.html"]);
});

it("CORS is closed by default: no Access-Control-Allow-Origin for a foreign origin", async () => {
  const res = await api("/health", { token: null, headers: { origin: "https://evil.example" } });
  expect(res.headers.get("access-control-allow-origin")).toBeNull();
  const pre = await app.fetch(
    new Request("http://ntm.test/api/v1/submissions", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    }),
    testEnv,
  );
  expect(pre.headers.get("access-control-allow-origin")).toBeNull();
});

it("CORS opens for an origin listed in ALLOWED_ORIGINS, only that one", async () => {
  const env = { ...testEnv, ALLOWED_ORIGINS: "https://pane.example, https://other.example" };
  const pre = await app.fetch(
    new Request("http://ntm.test/api/v1/submissions", {
      method: "OPTIONS",
      headers: { origin: "https://pane.example", "access-control-request-method": "POST" },
    }),
    env,
  );
  expect(pre.status).toBe(204);
  expect(pre.headers.get("access-control-allow-origin")).toBe("https://pane.example");
  expect(pre.headers.get("access-control-allow-headers")).toBe("Authorization,Content-Type");
  // PUT for the task pane's setup apply (PUT /api/v1/setup/:year).
  expect(pre.headers.get("access-control-allow-methods")).toBe("GET,POST,PUT,DELETE,OPTIONS");
  const other = await app.fetch(new Request("http://ntm.test/api/v1/health", { headers: { origin: "https://pane.example.evil" } }), env);
  expect(other.headers.get("access-control-allow-origin")).toBeNull();
});

it("allowedOrigins splits and trims; empty means none", () => {
  expect(allowedOrigins(" https://a.example ,https://b.example,, ")).toEqual(["https://a.example", "https://b.example"]);
  expect(allowedOrigins("")).toEqual([]);
  expect(allowedOrigins(undefined)).toEqual([]);
});

it("an unexpected failure is a 500 in the error shape, without internals", async () => {
  const broken = {
    ...testEnv,
    DB: {
      prepare: () => {
        throw new Error("secret internals");
      },
    },
  };
  const res = await app.fetch(
    new Request("http://ntm.test/api/v1/districts", { headers: { authorization: `Bearer ${ADMIN}` } }),
    broken as never,
  );
  expect(res.status).toBe(500);
  const body = await res.text();
  expect(JSON.parse(body).error.code).toBe("internal");
  expect(body).not.toContain("secret");
});
