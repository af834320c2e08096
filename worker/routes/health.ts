import { Hono } from "hono";
import type { HealthResponse } from "../../shared/schemas/api.ts";
import type { AppEnv } from "../env.ts";

/** GET /api/v1/health: no token needed. */
export const health = new Hono<AppEnv>().get("/", (c) => c.json({ ok: true } satisfies HealthResponse));
