import { Hono } from "hono";
import { z } from "zod";
import { createTokenRequestSchema, timestampSchema } from "../../shared/schemas/api.ts";
import type { RevokeTokenResponse, TokenCreated, TokenInfo, TokensResponse } from "../../shared/schemas/api.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import { generateToken, hashToken } from "../auth/token-crypto.ts";
import { loadReference } from "../db/reference.ts";
import { insertToken, listTokens, revokeToken } from "../db/tokens.ts";
import type { TokenKey } from "../db/tokens.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { fromZod, HttpError, notFound } from "../http/errors.ts";
import { cutPage, readPage } from "../http/pagination.ts";

/** The cursor's key of a token: [createdAt, id], the list's sort key. */
const tokenKeySchema = z.tuple([timestampSchema, z.string().min(1)]).transform(([createdAt, id]): TokenKey => ({ createdAt, id }));
const tokenKey = (t: TokenInfo): z.input<typeof tokenKeySchema> => [t.createdAt, t.id];

/**
 * POST/GET /api/v1/tokens, DELETE /api/v1/tokens/:id: admin only. The list is paginated
 * (`limit`, `cursor`, `next`: worker/http/pagination.ts).
 */
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
  .get("/", async (c) => {
    const page = readPage(c, "tokens", [], tokenKeySchema);
    const rows = await listTokens(c.env.DB, { after: page.after, limit: page.limit + 1 });
    const cut = cutPage(rows, page, "tokens", [], tokenKey);
    return c.json({ tokens: cut.rows, next: cut.next } satisfies TokensResponse);
  })
  .delete("/:id", async (c) => {
    const revoked = await revokeToken(c.env.DB, c.req.param("id"), new Date().toISOString());
    if (!revoked) throw notFound("token");
    return c.json(revoked satisfies RevokeTokenResponse);
  });
