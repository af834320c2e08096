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
import type { z } from "zod";
import { api, commune, createToken, json, submission } from "../helpers.ts";

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
    const district = await createToken("district", "183");
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

    for (const [path, call, status] of [
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
