import { z } from "zod";
import { districtCodeSchema, roleSchema, timestampSchema } from "./common.ts";
import { nextCursorSchema } from "./page.ts";

/**
 * POST /api/v1/tokens: `{ role, district?, label }`. `district` is required for role `district`
 * and refused for the others; the label is NFC-normalised and trimmed (1-200 characters).
 */
export const createTokenRequestSchema = z
  .object({
    role: roleSchema,
    district: districtCodeSchema.nullable().optional(),
    label: z
      .string()
      .transform((s) => s.normalize("NFC").trim())
      .pipe(z.string().min(1).max(200)),
  })
  .superRefine((v, ctx) => {
    const hasDistrict = v.district !== undefined && v.district !== null;
    if (v.role === "district" && !hasDistrict) {
      ctx.addIssue({ code: "custom", path: ["district"], message: "district is required for role district" });
    }
    if (v.role !== "district" && hasDistrict) {
      ctx.addIssue({ code: "custom", path: ["district"], message: "district is only for role district" });
    }
  });
/** What a client sends (before the label is normalised). */
export type CreateTokenRequest = z.input<typeof createTokenRequestSchema>;

/** A token as the API lists it: never its hash. */
export const tokenInfoSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  district: districtCodeSchema.nullable(),
  label: z.string(),
  createdAt: timestampSchema,
  revokedAt: timestampSchema.nullable(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/** 201 of POST /api/v1/tokens: the token itself is shown this once. */
export const tokenCreatedSchema = z.object({
  id: z.string().min(1),
  token: z.string().min(16),
  role: roleSchema,
  district: districtCodeSchema.nullable(),
  label: z.string(),
});
export type TokenCreated = z.infer<typeof tokenCreatedSchema>;

/**
 * GET /api/v1/tokens?limit=&cursor=: one page of tokens, oldest first (creation time, then id), so a
 * token created while a client pages comes at the end. `next`: null at the end.
 */
export const tokensResponseSchema = z.object({ tokens: z.array(tokenInfoSchema), next: nextCursorSchema });
export type TokensResponse = z.infer<typeof tokensResponseSchema>;

/** DELETE /api/v1/tokens/:id: the token as revoked (the first revocation time is kept). */
export const revokeTokenResponseSchema = tokenInfoSchema.extend({ revokedAt: timestampSchema });
export type RevokeTokenResponse = z.infer<typeof revokeTokenResponseSchema>;
