import { Hono } from "hono";
import { ROUNDS } from "../../shared/schemas/api/common.ts";
import { putDeadlineRequestSchema } from "../../shared/schemas/api/review.ts";
import type { RoundsResponse } from "../../shared/schemas/api/review.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import { loadRoundAtCut } from "../db/round-at-cut.ts";
import { storeDeadline } from "../db/rounds.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { fromZod, setupMissing } from "../http/errors.ts";
import { parseRoundQuery } from "../http/query.ts";
import { deadlineAt } from "../review/round-status.ts";
import { parseYear } from "./reports.ts";
import { now } from "../http/clock.ts";

/** The rounds of a year with their deadlines now (one D1 batch). */
async function roundsOf(db: D1Database, year: number): Promise<RoundsResponse> {
  const data = await loadRoundAtCut(db, year, "plan", null, false);
  if (!data.setup) throw setupMissing(year);
  const setup = data.setup.setup;
  return {
    year,
    rounds: ROUNDS.map((round) => {
      const { deadline, source } = deadlineAt(data, setup, round);
      const office = source === "office" ? data.deadlines.find((d) => d.round === round) : undefined;
      return { round, deadline, source, setAt: office?.at ?? null, setBy: office?.actor ?? null };
    }),
  };
}

/**
 * GET /api/v1/rounds/:year (any token): both rounds and their deadlines (the office's latest, else
 * the setup's). PUT /api/v1/rounds/:year/:round (office, admin): `{ "deadline": "YYYY-MM-DD" }`
 * (Vietnam time), stored with its audit entry in one batch; answers the rounds.
 */
export const rounds = new Hono<AppEnv>()
  .use("*", authenticate)
  .get("/:year", async (c) => c.json((await roundsOf(c.env.DB, parseYear(c.req.param("year")))) satisfies RoundsResponse))
  .put("/:year/:round", requireRole("office", "admin"), limitBody, async (c) => {
    const year = parseYear(c.req.param("year"));
    const round = parseRoundQuery(c.req.param("round"));
    const parsed = putDeadlineRequestSchema.safeParse(await readJson(c));
    if (!parsed.success) throw fromZod(parsed.error);
    await roundsOf(c.env.DB, year); // 404 setup.missing before anything is stored
    const p = c.get("principal");
    await storeDeadline(c.env.DB, {
      id: crypto.randomUUID(),
      year,
      round,
      deadline: parsed.data.deadline,
      at: now(c.env).toISOString(),
      actor: p.label,
      tokenId: p.tokenId,
    });
    return c.json((await roundsOf(c.env.DB, year)) satisfies RoundsResponse);
  });
