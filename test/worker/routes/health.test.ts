import { expect, it } from "vitest";
import { api, json } from "../helpers.ts";

it("GET /health: 200 without a token, not cached", async () => {
  const res = await api("/health", { token: null });
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ ok: true });
  expect(res.headers.get("cache-control")).toBe("no-store");
});

it("GET /health: any token, even an unknown one, still gets 200 (no auth on health)", async () => {
  expect((await api("/health", { token: "ntm_unknown-token-0000000000" })).status).toBe(200);
});

it("POST /health is not a route: 404 in the error shape", async () => {
  const res = await api("/health", { token: null, method: "POST", body: {} });
  expect(res.status).toBe(404);
  expect((await json(res)).error.code).toBe("not_found");
});
