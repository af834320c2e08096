import type { Context } from "hono";
import { z } from "zod";
import { cursorSchema, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, pageLimitTextSchema } from "../../shared/schemas/api.ts";
import { malformed } from "./errors.ts";

/**
 * Keyset pagination of every list route (shared/schemas/api/page.ts): `limit` and `cursor` from the
 * query, the cursor encoded and checked, the page cut with its `next`. A route gives its list's name,
 * the query's scope (its filters) and the schema of its sort key; its SQL in worker/db/ reads
 * `limit + 1` rows after the key (a tuple comparison in the ORDER BY's order), never an OFFSET.
 *
 * A cursor is base64url of the JSON `[list, scope, key]`: it names the list and the filters it was
 * issued for, so a cursor of another list or another query is refused like a garbled one (400
 * `request.malformed`), never read as a position it is not. It grants nothing: every route still
 * applies its own filters and the caller's rights.
 */
export type Page<K> = { limit: number; after: K | null };

/** A query filter value as the cursor keeps it. */
export type Scope = readonly (string | number | null)[];

const scalar = z.union([z.string(), z.number(), z.null()]);
const payloadSchema = z.tuple([z.string(), z.array(scalar), z.unknown()]);

function toBase64Url(text: string): string {
  let binary = "";
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}

export function encodeCursor(list: string, scope: Scope, key: unknown): string {
  return toBase64Url(JSON.stringify([list, scope, key]));
}

const badCursor = () =>
  malformed(
    "Tham số cursor không hợp lệ: hãy dùng đúng giá trị `next` của trang trước, với cùng bộ lọc.",
    "The cursor parameter is invalid: use the previous page's `next` as it is, with the same filters.",
    { issues: [{ path: "cursor", code: "invalid_cursor", message: "not a cursor of this list and query" }] },
  );

/** The key a cursor holds, when it is a cursor of this list and scope; else 400 `request.malformed`. */
export function decodeCursor<K, KIn>(text: string, list: string, scope: Scope, keySchema: z.ZodType<K, KIn>): K {
  if (!cursorSchema.safeParse(text).success) throw badCursor();
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(text));
  } catch {
    throw badCursor();
  }
  const payload = payloadSchema.safeParse(json);
  if (!payload.success) throw badCursor();
  const [name, cursorScope, rawKey] = payload.data;
  if (name !== list || JSON.stringify(cursorScope) !== JSON.stringify(scope)) throw badCursor();
  const key = keySchema.safeParse(rawKey);
  if (!key.success) throw badCursor();
  return key.data;
}

/** `limit` (default 100; an integer from 1 to 1000, else 400) and the cursor's key (null = first page). */
export function readPage<K, KIn>(c: Context, list: string, scope: Scope, keySchema: z.ZodType<K, KIn>): Page<K> {
  const limitText = c.req.query("limit");
  let limit = PAGE_LIMIT_DEFAULT;
  if (limitText !== undefined && limitText !== "") {
    const parsed = pageLimitTextSchema.safeParse(limitText);
    if (!parsed.success) {
      throw malformed(
        `Tham số limit phải là số nguyên từ 1 đến ${PAGE_LIMIT_MAX}.`,
        `The limit parameter must be an integer from 1 to ${PAGE_LIMIT_MAX}.`,
        { issues: [{ path: "limit", code: "invalid_limit", message: `an integer from 1 to ${PAGE_LIMIT_MAX}` }] },
      );
    }
    limit = parsed.data;
  }
  const cursorText = c.req.query("cursor");
  const after = cursorText === undefined || cursorText === "" ? null : decodeCursor(cursorText, list, scope, keySchema);
  return { limit, after };
}

/**
 * The page of `rows` (read as `limit + 1` rows: one more than the page tells whether another page
 * exists) and its `next`: the cursor after the page's last row, null when nothing follows.
 */
export function cutPage<R>(
  rows: readonly R[],
  page: Page<unknown>,
  list: string,
  scope: Scope,
  /** The row's sort key as the key schema of `readPage` reads it back (its input type). */
  keyOf: (row: R) => unknown,
): { rows: R[]; next: string | null } {
  if (rows.length <= page.limit) return { rows: [...rows], next: null };
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1] as R;
  return { rows: kept, next: encodeCursor(list, scope, keyOf(last)) };
}
