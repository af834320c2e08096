import { z } from "zod";

/**
 * Pagination of every list route (GET /submissions, GET /tokens, and any list added later):
 * query `limit` (rows per page, default 100, maximum 1000) and `cursor` (opaque: the `next` of the
 * previous page). The body carries `next`: the cursor of the following page, null at the end.
 * Keyset-based (the cursor holds the last row's sort key, never an offset), so a row stored while
 * a client pages neither duplicates nor skips the rows of the original order. Never a silent cut.
 */
export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 1000;

/** A cursor as it travels: base64url text, bounded. */
export const MAX_CURSOR_CHARS = 512;
export const cursorSchema = z
  .string()
  .min(1)
  .max(MAX_CURSOR_CHARS)
  .regex(/^[A-Za-z0-9_-]+$/);

/** `limit` as a number: an integer from 1 to 1000. */
export const pageLimitSchema = z.number().int().min(1).max(PAGE_LIMIT_MAX);

/** `limit` as query text: digits only (no sign, no decimals, no exponent), then 1..1000. */
export const pageLimitTextSchema = z
  .string()
  .regex(/^\d{1,7}$/)
  .transform(Number)
  .pipe(pageLimitSchema);

/** The page part of a list query (both optional; empty counts as absent). */
export const pageQuerySchema = z.object({ limit: pageLimitTextSchema.optional(), cursor: cursorSchema.optional() });
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** `next` of every list body. */
export const nextCursorSchema = cursorSchema.nullable();
