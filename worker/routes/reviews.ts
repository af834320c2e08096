import { Hono } from "hono";
import { reviewRequestSchema } from "../../shared/schemas/api/review.ts";
import type { ReviewResponse } from "../../shared/schemas/api/review.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { fromZod } from "../http/errors.ts";
import { reviewAction } from "../review/review-action.ts";
import { now } from "../http/clock.ts";

/**
 * POST /api/v1/reviews (office, admin): `{ unit, year, round, revision, action: "return" | "accept" |
 * "reopen", comment, cells? }` (shared/schemas/api/review.ts), worker/review/review-action.ts. 201
 * with the action's sequence number and time.
 */
export const reviews = new Hono<AppEnv>().use("*", authenticate, requireRole("office", "admin")).post("/", limitBody, async (c) => {
  const parsed = reviewRequestSchema.safeParse(await readJson(c));
  if (!parsed.success) throw fromZod(parsed.error);
  return c.json((await reviewAction(c.env.DB, c.get("principal"), parsed.data, now(c.env))) satisfies ReviewResponse, 201);
});
