import { Hono } from "hono";
import type { MeResponse } from "../../shared/schemas/api/session.ts";
import { authenticate } from "../auth/middleware.ts";
import type { AppEnv } from "../env.ts";

/** GET /api/v1/me: who the token is; `district` repeats the unit code for older clients. */
export const me = new Hono<AppEnv>().use("*", authenticate).get("/", (c) => {
  const p = c.get("principal");
  return c.json({ role: p.role, unit: p.unit, district: p.unit, label: p.label } satisfies MeResponse);
});
