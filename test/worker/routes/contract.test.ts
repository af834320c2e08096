import { describe, expect, it } from "vitest";
import {
  districtsResponseSchema,
  errorBodySchema,
  healthResponseSchema,
  meResponseSchema,
  reportSchema,
  revisionResponseSchema,
  revokeTokenResponseSchema,
  submissionsResponseSchema,
  submitResponseSchema,
  tokenCreatedSchema,
  tokensResponseSchema,
} from "../../../shared/schemas/api.ts";
import {
  applySetupResponseSchema,
  criteriaSetsResponseSchema,
  setupResponseSchema,
  unitsResponseSchema,
} from "../../../shared/schemas/api/setup.ts";
import type { z } from "zod";
import { api, applySetup, commune, communeSetup, createToken, districtSetup, json, submission } from "../helpers.ts";

/**
 * The Worker answers exactly the contract the one client checks (shared/schemas/api.ts): every
 * route's real answer, in workerd with D1, parses with its schema (strictly: no field unknown to
 * the schema), and every error with the error body's.
 */
async function expectShape<T extends z.ZodObject>(res: Response, status: number, schema: T): Promise<z.infer<T>> {
  expect(res.status).toBe(status);
  const body = await json(res);
  const parsed = schema.strict().safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data as z.infer<T>;
}

describe("the API answers its schemas", () => {
  it("every route, success and error", async () => {
    await expectShape(await api("/health", { token: null }), 200, healthResponseSchema);
    await applySetup(2088);
    const district = await createToken("unit", "183");
    await expectShape(await api("/me", { token: district.token }), 200, meResponseSchema);
    await expectShape(await api("/districts", { token: district.token }), 200, districtsResponseSchema);

    const sub = submission("183", 2088, [commune("06121", "Xã Hợp Thành", [1, 2], [1, 2, 3])]);
    const stored = await expectShape(await api("/submissions", { token: district.token, body: sub }), 201, submitResponseSchema);
    await expectShape(await api("/submissions", { token: district.token, body: sub }), 200, submitResponseSchema);
    await expectShape(await api("/submissions?year=2088", { token: district.token }), 200, submissionsResponseSchema);
    const one = await api(`/submissions/${stored.id}`, { token: district.token });
    expect(revisionResponseSchema.parse(await json(one)).submission.communes).toHaveLength(1);
    expect(reportSchema.parse(await json(await api("/reports/2088"))).overview.communes).toBe(1);

    const created = await expectShape(await api("/tokens", { body: { role: "office", label: "VP hợp đồng" } }), 201, tokenCreatedSchema);
    const listed = await expectShape(await api("/tokens"), 200, tokensResponseSchema);
    expect(listed.tokens.some((t) => t.id === created.id)).toBe(true);
    await expectShape(await api(`/tokens/${created.id}`, { method: "DELETE" }), 200, revokeTokenResponseSchema);

    const setup = await expectShape(await api("/setup/2088", { token: district.token }), 200, setupResponseSchema);
    expect(setupResponseSchema.parse(await json(await api("/setup/2018")))).toMatchObject({ origin: "builtin", version: null });
    const again = await expectShape(await api("/setup/2088", { method: "PUT", body: setup.setup }), 200, applySetupResponseSchema);
    expect(again).toMatchObject({ version: setup.version, deduplicated: true });
    const xa = communeSetup(2089, ["06148", "06151"]);
    await expectShape(await api("/setup/2089", { method: "PUT", body: xa }), 201, applySetupResponseSchema);
    expect(setupResponseSchema.parse(await json(await api("/setup/2089"))).setup.communes).toHaveLength(2);
    await expectShape(await api("/criteria-sets", { token: district.token }), 200, criteriaSetsResponseSchema);
    await expectShape(await api("/units?year=2089&limit=1", { token: district.token }), 200, unitsResponseSchema);
    await expectShape(await api("/units?year=2018", { token: district.token }), 200, unitsResponseSchema);

    for (const [path, call, status] of [
      ["/setup/2087", {}, 404],
      ["/setup/2087", { method: "PUT", body: districtSetup(2086) }, 422],
      ["/setup/2087", { method: "PUT", body: districtSetup(2087), token: district.token }, 403],
      ["/units?year=2087", {}, 404],
      ["/units", {}, 400],
      ["/me", { token: null }, 401],
      ["/tokens", { token: district.token }, 403],
      ["/reports/1999", {}, 400],
      ["/submissions", { body: { ...sub, year: 1999 } }, 400],
      ["/tokens/nope", { method: "DELETE" }, 404],
      ["/nowhere", {}, 404],
    ] as const) {
      await expectShape(await api(path, call), status, errorBodySchema);
    }
  });
});
