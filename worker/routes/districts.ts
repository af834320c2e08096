import { Hono } from "hono";
import type { DistrictsResponse } from "../../shared/schemas/api.ts";
import { authenticate } from "../auth/middleware.ts";
import { loadReference } from "../db/reference.ts";
import type { AppEnv } from "../env.ts";

/** GET /api/v1/districts: the reference districts `{ districts: [{ code, name, border }] }`. */
export const districts = new Hono<AppEnv>().use("*", authenticate).get("/", async (c) => {
  const reference = await loadReference(c.env.DB);
  return c.json({
    districts: reference.districts.map((d) => ({ code: d.code, name: d.name, border: d.border })),
  } satisfies DistrictsResponse);
});
