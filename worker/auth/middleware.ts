import type { MiddlewareHandler } from "hono";
import { findTokenByHash } from "../db/tokens.ts";
import type { Role } from "../../shared/schemas/api/common.ts";
import type { AppEnv, Principal } from "../env.ts";
import { forbidden, unauthorized } from "../http/errors.ts";
import { digestsEqual, fromHex, sha256, toHex } from "./token-crypto.ts";

/** Label recorded as "submitted by" for the bootstrap admin secret. */
export const ADMIN_LABEL = "ADMIN_TOKEN";
/** A bootstrap secret shorter than this is ignored (never a weak admin). */
const MIN_ADMIN_TOKEN_LENGTH = 16;

/** `Authorization: Bearer <token>` only; a token is never read from the URL. */
function bearer(header: string | undefined): string | null {
  const m = /^Bearer[ \t]+([\x21-\x7e]{16,256})[ \t]*$/i.exec(header ?? "");
  return m?.[1] ?? null;
}

/**
 * The caller of a request, or null. The bootstrap ADMIN_TOKEN costs no query; any other token one
 * indexed lookup by its SHA-256, then a constant-time comparison of the digests. Revoked = unknown.
 */
export async function identify(env: Env, header: string | undefined): Promise<Principal | null> {
  const token = bearer(header);
  if (!token) return null;
  const digest = await sha256(token);
  const admin = env.ADMIN_TOKEN;
  if (admin && admin.length >= MIN_ADMIN_TOKEN_LENGTH && digestsEqual(digest, await sha256(admin))) {
    return { role: "admin", unit: null, label: ADMIN_LABEL, tokenId: null };
  }
  const row = await findTokenByHash(env.DB, toHex(digest));
  if (!row || row.revoked_at !== null || !digestsEqual(fromHex(row.hash), digest)) return null;
  return { role: row.role, unit: row.unit, label: row.label, tokenId: row.id };
}

/** 401 without a valid token; sets `principal`. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = await identify(c.env, c.req.header("authorization"));
  if (!principal) throw unauthorized();
  c.set("principal", principal);
  await next();
};

/** 403 unless the authenticated caller has one of `roles`. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get("principal").role)) throw forbidden();
    await next();
  };
}
