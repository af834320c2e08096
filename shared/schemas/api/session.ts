import { z } from "zod";
import { districtCodeSchema, roleSchema, unitCodeSchema } from "./common.ts";

/** GET /api/v1/health (no token). */
export const healthResponseSchema = z.object({ ok: z.literal(true) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/**
 * GET /api/v1/me: who the token is. `unit`: the unit a `unit` token is bound to (null for office and
 * admin); a token created as `district` answers as `unit` too. `district` is the same code, kept for
 * older clients that read it (null for office and admin).
 */
export const meResponseSchema = z.object({
  role: roleSchema,
  unit: unitCodeSchema.nullable(),
  district: unitCodeSchema.nullable(),
  label: z.string(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** GET /api/v1/districts: the reference districts (the units of the built-in 2016-2020 setup). */
export const districtSchema = z.object({ code: districtCodeSchema, name: z.string(), border: z.boolean() });
export const districtsResponseSchema = z.object({ districts: z.array(districtSchema) });
export type DistrictsResponse = z.infer<typeof districtsResponseSchema>;
