import { z } from "zod";
import type { Issue } from "../../result.ts";

/** Pieces shared by several routes of the API (docs/interfaces.md). */

/**
 * Who a token is: `unit` (one reporting unit: a district or, at level xã, a commune; docs/setup.md),
 * `office` (the coordination office), `admin`. What the API answers.
 */
export const ROLES = ["unit", "office", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * The roles a client may ask for when creating a token: the three above, and `district`, the older
 * name of `unit` (a token created as `district` is stored and answered as `unit`).
 */
export const REQUESTED_ROLES = ["unit", "district", "office", "admin"] as const;
export const requestedRoleSchema = z.enum(REQUESTED_ROLES);
export type RequestedRole = z.infer<typeof requestedRoleSchema>;

/** Mã huyện, e.g. "183". */
export const districtCodeSchema = z.string().regex(/^\d{3}$/);

/** Mã đơn vị báo cáo: a district (3 digits, "183") or a commune (5 digits, "06148"). */
export { unitCodeSchema } from "../unit-submission.ts";

/** The rounds of a plan year (the reporting cycle): `plan` (Kế hoạch) and `result` (Kết quả thực hiện). */
export const ROUNDS = ["plan", "result"] as const;
export const roundSchema = z.enum(ROUNDS);
export type Round = z.infer<typeof roundSchema>;

/** An ISO 8601 timestamp as the Worker writes it (`new Date().toISOString()`). */
export const timestampSchema = z.string().min(1);

/** A template issue (shared/result.ts), as the API sends it in warnings and in `details.issues`. */
export const issueSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  row: z.number().int().nullable(),
  commune: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
}) satisfies z.ZodType<Issue>;

/**
 * The one error body of every failed request: `{ error: { code, message, messageEn?, details? } }`.
 * `message` is Vietnamese (shown first). 422 and 409 carry template issues in `details.issues`,
 * 400 carries the request's zod issues there (`{ path, code, message }`).
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    messageEn: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
