import type { D1Database, Fetcher } from "@cloudflare/workers-types/index.ts";

/** Bindings of the Worker (wrangler.toml, `.dev.vars` / secrets). */
export type Bindings = {
  DB: D1Database;
  /** The built task pane (dist/addin). */
  ASSETS: Fetcher;
  /** Bootstrap admin token (secret; locally in `.dev.vars`). Ignored when shorter than 16 characters. */
  ADMIN_TOKEN?: string;
  /** Comma-separated origins allowed by CORS; empty = closed. */
  ALLOWED_ORIGINS?: string;
};

export type Role = "district" | "office" | "admin";

/** Who is calling, after authentication. */
export type Principal = {
  role: Role;
  /** The district a `district` token is bound to; null for office and admin. */
  district: string | null;
  /** The token's human label, recorded as "submitted by". */
  label: string;
  /** Token row id; null for the bootstrap ADMIN_TOKEN. */
  tokenId: string | null;
};

export type AppEnv = { Bindings: Bindings; Variables: { principal: Principal } };
