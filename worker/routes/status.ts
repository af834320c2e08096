import { Hono } from "hono";
import type { StatusResponse } from "../../shared/schemas/api/review.ts";
import { authenticate } from "../auth/middleware.ts";
import { loadRoundAtCut } from "../db/round-at-cut.ts";
import type { AppEnv } from "../env.ts";
import { setupMissing } from "../http/errors.ts";
import { parseAsOf, parseRoundQuery } from "../http/query.ts";
import { cutOf, roundStatus } from "../review/round-status.ts";
import { parseYear } from "./reports.ts";

/**
 * GET /api/v1/status/:year?round=plan|result&asOf=: every unit's review status in the round, the
 * office's comments and the completeness (docs/review.md), at a cut (default now). Any token; a unit
 * token sees its own unit's row only (the completeness counts stay the province's). One D1 batch.
 */
export const status = new Hono<AppEnv>().use("*", authenticate).get("/:year", async (c) => {
  const year = parseYear(c.req.param("year"));
  const round = parseRoundQuery(c.req.query("round"));
  const asOf = parseAsOf(c.req.query("asOf"));
  const data = await loadRoundAtCut(c.env.DB, year, round, asOf === null ? null : Date.parse(asOf), false);
  if (!data.setup) throw setupMissing(year);
  const s = roundStatus(data, data.setup.setup, round);
  const p = c.get("principal");
  const units = p.role === "unit" ? s.units.filter((u) => u.code === p.unit) : s.units;
  return c.json({
    year,
    round,
    deadline: s.deadline,
    cut: cutOf(data, false),
    units,
    completeness: s.completeness,
  } satisfies StatusResponse);
});
