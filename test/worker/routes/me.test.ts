import { expect, it } from "vitest";
import { ADMIN, api, createToken, json } from "../helpers.ts";

it("GET /me: role unit, the unit, the same code as district (older clients) and label of a unit token", async () => {
  const t = await createToken("unit", "186");
  const res = await api("/me", { token: t.token });
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ role: "unit", unit: "186", district: "186", label: t.label });
});

it("GET /me: a token created as district answers as unit", async () => {
  const t = await createToken("district", "187");
  expect(await json(await api("/me", { token: t.token }))).toEqual({ role: "unit", unit: "187", district: "187", label: t.label });
});

it("GET /me: office has no unit", async () => {
  const t = await createToken("office");
  expect(await json(await api("/me", { token: t.token }))).toEqual({ role: "office", unit: null, district: null, label: t.label });
});

it("GET /me: the bootstrap ADMIN_TOKEN is admin labelled ADMIN_TOKEN", async () => {
  expect(await json(await api("/me", { token: ADMIN }))).toEqual({ role: "admin", unit: null, district: null, label: "ADMIN_TOKEN" });
});

it("GET /me: 401 in the error shape without a token", async () => {
  const res = await api("/me", { token: null });
  expect(res.status).toBe(401);
  const body = await json(res);
  expect(body.error.code).toBe("auth.required");
  expect(body.error.message).toMatch(/mã truy cập/);
});

it("GET /me: a token in the URL, another scheme or an almost-right token is refused", async () => {
  const t = await createToken("office");
  expect((await api(`/me?token=${t.token}`, { token: null })).status).toBe(401);
  expect((await api("/me", { token: null, headers: { authorization: `Basic ${t.token}` } })).status).toBe(401);
  const flipped = t.token.slice(0, -1) + (t.token.endsWith("A") ? "B" : "A");
  expect((await api("/me", { token: flipped })).status).toBe(401);
  expect((await api("/me", { token: ADMIN + "x" })).status).toBe(401);
  expect((await api("/me", { token: "short" })).status).toBe(401);
});
