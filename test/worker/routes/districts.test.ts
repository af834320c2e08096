import { expect, it } from "vitest";
import { LANG_SON_DISTRICTS } from "../../../shared/reference/districts.ts";
import { api, createToken, db, json } from "../helpers.ts";

it("GET /districts: the 11 seeded districts of docs/domain.md", async () => {
  const t = await createToken("unit", "183");
  const res = await api("/districts", { token: t.token });
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ districts: LANG_SON_DISTRICTS });
});

it("GET /districts: reads the database, not constants (a district added by migration appears)", async () => {
  await db.prepare("INSERT INTO districts (code, name, border, sort) VALUES ('999', 'Huyện Thử', 0, 99)").run();
  try {
    const { districts } = await json(await api("/districts"));
    expect(districts.at(-1)).toEqual({ code: "999", name: "Huyện Thử", border: false });
    expect(districts).toHaveLength(12);
  } finally {
    await db.prepare("DELETE FROM districts WHERE code = '999'").run();
  }
});

it("GET /districts: 401 without a token", async () => {
  expect((await api("/districts", { token: null })).status).toBe(401);
});
