import { z } from "zod";
import { districtCodeSchema, roleSchema } from "./common.ts";

/** GET /api/v1/health (no token). */
export const healthResponseSchema = z.object({ ok: z.literal(true) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** GET /api/v1/me: who the token is. */
export const meResponseSchema = z.object({ role: roleSchema, district: districtCodeSchema.nullable(), label: z.string() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** GET /api/v1/districts: the reference districts. */
export const districtSchema = z.object({ code: districtCodeSchema, name: z.string(), border: z.boolean() });
export const districtsResponseSchema = z.object({ districts: z.array(districtSchema) });
export type DistrictsResponse = z.infer<typeof districtsResponseSchema>;
