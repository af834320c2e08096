import { Hono } from "hono";
import type { CriteriaSetsResponse } from "../../shared/schemas/api/setup.ts";
import { BUILT_IN_SETS } from "../../shared/setup/criteria-sets.ts";
import { authenticate } from "../auth/middleware.ts";
import { listCustomCriteriaSets } from "../db/setup-lists.ts";
import type { AppEnv } from "../env.ts";

/**
 * GET /api/v1/criteria-sets (any valid token): the built-in sets in period order, then the custom
 * sets applied setups defined (latest definition of each id). A handful of rows: not paginated.
 */
export const criteriaSets = new Hono<AppEnv>().use("*", authenticate).get("/", async (c) => {
  const custom = await listCustomCriteriaSets(c.env.DB);
  return c.json({
    criteriaSets: [
      ...BUILT_IN_SETS.map((s) => ({ ...s, builtIn: true, version: null })),
      ...custom.map((r) => ({ ...r.set, builtIn: false, version: r.version })),
    ],
  } satisfies CriteriaSetsResponse);
});
