import type { Role } from "../shared/schemas/api/common.ts";

/**
 * The Worker's bindings are `Env`, generated from wrangler.toml by `npm run types:worker` into
 * worker/worker-configuration.d.ts: DB (D1), ASSETS (the built task pane, dist/addin),
 * ALLOWED_ORIGINS (comma-separated origins allowed by CORS; empty = closed) and the ADMIN_TOKEN
 * secret (bootstrap admin token; locally in `.dev.vars`; ignored when shorter than 16 characters).
 */

/** Who is calling, after authentication. */
export type Principal = {
  role: Role;
  /** The reporting unit a `unit` token is bound to (a token created as `district` too); null for office and admin. */
  unit: string | null;
  /** The token's human label, recorded as "submitted by". */
  label: string;
  /** Token row id; null for the bootstrap ADMIN_TOKEN. */
  tokenId: string | null;
};

export type AppEnv = { Bindings: Env; Variables: { principal: Principal } };
