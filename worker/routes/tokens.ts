import { Hono } from "hono";
import { createTokenRequestSchema } from "../../shared/schemas/api.ts";
import type { RevokeTokenResponse, TokenCreated, TokensResponse } from "../../shared/schemas/api.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import { generateToken, hashToken } from "../auth/token-crypto.ts";
import { loadReference } from "../db/reference.ts";
import { insertToken, listTokens, revokeToken } from "../db/tokens.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { fromZod, HttpError, notFound } from "../http/errors.ts";

/** POST/GET /api/v1/tokens, DELETE /api/v1/tokens/:id: admin only. */
export const tokens = new Hono<AppEnv>()
  .use("*", authenticate, requireRole("admin"))
  .post("/", limitBody, async (c) => {
    const parsed = createTokenRequestSchema.safeParse(await readJson(c));
    if (!parsed.success) throw fromZod(parsed.error);
    const { role, label } = parsed.data;
    const district = parsed.data.district ?? null;
    if (district !== null) {
      const reference = await loadReference(c.env.DB);
      if (!reference.districts.some((d) => d.code === district)) {
        throw new HttpError(
          422,
          "district.unknown",
          `Mã huyện ${district} không có trong danh mục huyện.`,
          `District code ${district} is not in the district list.`,
        );
      }
    }
    const token = generateToken();
    const id = crypto.randomUUID();
    await insertToken(c.env.DB, {
      id,
      hash: await hashToken(token),
      role,
      district,
      label,
      created_at: new Date().toISOString(),
    });
    return c.json({ id, token, role, district, label } satisfies TokenCreated, 201);
  })
  .get("/", async (c) => c.json({ tokens: await listTokens(c.env.DB) } satisfies TokensResponse))
  .delete("/:id", async (c) => {
    const revoked = await revokeToken(c.env.DB, c.req.param("id"), new Date().toISOString());
    if (!revoked) throw notFound("token");
    return c.json(revoked satisfies RevokeTokenResponse);
  });
