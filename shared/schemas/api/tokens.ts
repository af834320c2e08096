import { z } from "zod";
import { districtCodeSchema, requestedRoleSchema, roleSchema, timestampSchema, unitCodeSchema } from "./common.ts";
import type { Role } from "./common.ts";
import { nextCursorSchema } from "./page.ts";

/**
 * POST /api/v1/tokens: `{ role: "unit", unit, label }`, `{ role: "office" | "admin", label }`, or the
 * older `{ role: "district", district, label }` (stored and answered as role `unit`). `unit` (3 or 5
 * digits) goes with role `unit` only, `district` (3 digits) with role `district` only; the label is
 * NFC-normalised and trimmed (1-200 characters). Parsed to `{ role, unit, label }` with the older
 * form read as `unit`.
 */
export const createTokenRequestSchema = z
  .object({
    role: requestedRoleSchema,
    unit: unitCodeSchema.nullable().optional(),
    district: districtCodeSchema.nullable().optional(),
    label: z
      .string()
      .transform((s) => s.normalize("NFC").trim())
      .pipe(z.string().min(1).max(200)),
  })
  .superRefine((v, ctx) => {
    const has = { unit: v.unit !== undefined && v.unit !== null, district: v.district !== undefined && v.district !== null };
    for (const field of ["unit", "district"] as const) {
      if (v.role === field && !has[field]) {
        ctx.addIssue({ code: "custom", path: [field], message: `${field} is required for role ${field}` });
      }
      if (v.role !== field && has[field]) {
        ctx.addIssue({ code: "custom", path: [field], message: `${field} is only for role ${field}` });
      }
    }
  })
  .transform((v): { role: Role; unit: string | null; label: string } => ({
    role: v.role === "district" ? "unit" : v.role,
    unit: v.unit ?? v.district ?? null,
    label: v.label,
  }));
/** What a client sends (before the label is normalised). */
export type CreateTokenRequest = z.input<typeof createTokenRequestSchema>;

/**
 * A token as the API lists it: never its hash. `unit`: the unit a `unit` token is bound to, else
 * null; `district`: the same code, kept for older clients.
 */
export const tokenInfoSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  unit: unitCodeSchema.nullable(),
  district: unitCodeSchema.nullable(),
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
  unit: unitCodeSchema.nullable(),
  district: unitCodeSchema.nullable(),
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
