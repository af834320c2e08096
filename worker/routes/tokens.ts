import { Hono } from "hono";
import { z } from "zod";
import { timestampSchema } from "../../shared/schemas/api/common.ts";
import { createTokenRequestSchema } from "../../shared/schemas/api/tokens.ts";
import type { RevokeTokenResponse, TokenCreated, TokenInfo, TokensResponse } from "../../shared/schemas/api/tokens.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import { generateToken, hashToken } from "../auth/token-crypto.ts";
import { isKnownUnit } from "../db/setup-lists.ts";
import { insertToken, listTokens, revokeToken } from "../db/tokens.ts";
import type { TokenKey } from "../db/tokens.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { fromZod, HttpError, notFound } from "../http/errors.ts";
import { cutPage, readPage } from "../http/pagination.ts";
import { now } from "../http/clock.ts";

/** The cursor's key of a token: [createdAt, id], the list's sort key. */
const tokenKeySchema = z.tuple([timestampSchema, z.string().min(1)]).transform(([createdAt, id]): TokenKey => ({ createdAt, id }));
const tokenKey = (t: TokenInfo): z.input<typeof tokenKeySchema> => [t.createdAt, t.id];

/** 422 for a unit code no setup version and no reference district has (`district.unknown` in the older form). */
function unknownUnit(unit: string, asDistrict: boolean): HttpError {
  return asDistrict
    ? new HttpError(
        422,
        "district.unknown",
        `Mã huyện ${unit} không có trong danh mục huyện.`,
        `District code ${unit} is not in the district list.`,
      )
    : new HttpError(
        422,
        "unit.unknown",
        `Mã đơn vị ${unit} không có trong cấu hình của năm nào.`,
        `Unit code ${unit} is not a unit of any year's setup.`,
      );
}

/**
 * POST/GET /api/v1/tokens, DELETE /api/v1/tokens/:id: admin only. The list is paginated
 * (`limit`, `cursor`, `next`: worker/http/pagination.ts). A `unit` token's code must be a unit of
 * some setup version or a reference district (the units of the built-in 2016-2020 setup); the
 * years it may act for are those whose setup lists it (worker/auth/unit-scope.ts).
 */
export const tokens = new Hono<AppEnv>()
  .use("*", authenticate, requireRole("admin"))
  .post("/", limitBody, async (c) => {
    const body = await readJson(c);
    const parsed = createTokenRequestSchema.safeParse(body);
    if (!parsed.success) throw fromZod(parsed.error);
    const { role, unit, label } = parsed.data;
    if (unit !== null && !(await isKnownUnit(c.env.DB, unit))) {
      throw unknownUnit(unit, (body as { role?: unknown }).role === "district");
    }
    const token = generateToken();
    const id = crypto.randomUUID();
    const p = c.get("principal");
    const actor = { label: p.label, tokenId: p.tokenId };
    await insertToken(c.env.DB, { id, hash: await hashToken(token), role, unit, label, created_at: now(c.env).toISOString() }, actor);
    return c.json({ id, token, role, unit, district: unit, label } satisfies TokenCreated, 201);
  })
  .get("/", async (c) => {
    const page = readPage(c, "tokens", [], tokenKeySchema);
    const rows = await listTokens(c.env.DB, { after: page.after, limit: page.limit + 1 });
    const cut = cutPage(rows, page, "tokens", [], tokenKey);
    return c.json({ tokens: cut.rows, next: cut.next } satisfies TokensResponse);
  })
  .delete("/:id", async (c) => {
    const p = c.get("principal");
    const revoked = await revokeToken(c.env.DB, c.req.param("id"), now(c.env).toISOString(), { label: p.label, tokenId: p.tokenId });
    if (!revoked) throw notFound("token");
    return c.json(revoked satisfies RevokeTokenResponse);
  });
