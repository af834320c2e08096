import { Hono } from "hono";
import type { MeResponse } from "../../shared/schemas/api.ts";
import { authenticate } from "../auth/middleware.ts";
import type { AppEnv } from "../env.ts";

/** GET /api/v1/me: who the token is. */
export const me = new Hono<AppEnv>().use("*", authenticate).get("/", (c) => {
  const p = c.get("principal");
  return c.json({ role: p.role, district: p.district, label: p.label } satisfies MeResponse);
});
