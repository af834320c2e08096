import { expect, it } from "vitest";
import { identify } from "../../../worker/auth/middleware.ts";
import { ADMIN, createToken, testEnv } from "../helpers.ts";

it("identifies the bootstrap admin without touching the database", async () => {
  const env = {
    ...testEnv,
    DB: {
      prepare: () => {
        throw new Error("no query expected");
      },
    } as never,
  };
  expect(await identify(env, `Bearer ${ADMIN}`)).toEqual({ role: "admin", unit: null, label: "ADMIN_TOKEN", tokenId: null });
});

it("identifies a stored token with its id; refuses revoked, unknown and malformed ones", async () => {
  const t = await createToken("district", "189");
  expect(await identify(testEnv, `Bearer ${t.token}`)).toEqual({ role: "unit", unit: "189", label: t.label, tokenId: t.id });
  expect(await identify(testEnv, `bearer   ${t.token}  `)).not.toBeNull();
  expect(await identify(testEnv, `Bearer ${t.token} extra`)).toBeNull();
  expect(await identify(testEnv, undefined)).toBeNull();
  expect(await identify(testEnv, "Bearer ntm_definitely-not-a-stored-token")).toBeNull();
  await testEnv.DB.prepare("UPDATE tokens SET revoked_at = '2020-01-01T00:00:00.000Z' WHERE id = ?1").bind(t.id).run();
  expect(await identify(testEnv, `Bearer ${t.token}`)).toBeNull();
});

it("a short or empty ADMIN_TOKEN secret never makes anyone admin", async () => {
  for (const weak of ["", "short-secret"]) {
    expect(await identify({ ...testEnv, ADMIN_TOKEN: weak }, `Bearer ${weak || "x".repeat(20)}`)).toBeNull();
  }
  expect(await identify({ ...testEnv, ADMIN_TOKEN: "short-secret" }, "Bearer short-secret-plus-more")).toBeNull();
});
