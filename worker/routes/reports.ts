import { Hono } from "hono";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, planYearTextSchema } from "../../shared/schemas/plan-year.ts";
import type { Report } from "../../shared/schemas/report.ts";
import { authenticate } from "../auth/middleware.ts";
import type { AppEnv } from "../env.ts";
import { malformed } from "../http/errors.ts";
import { parseAsOf, parseFlag, parseRoundQuery } from "../http/query.ts";
import { reportForYear } from "../reports/report-for-year.ts";
import { now } from "../http/clock.ts";

/**
 * GET /api/v1/reports/:year?round=plan|result&asOf=<ISO time>&accepted=true: the docs/report.md
 * JSON as it stood at `asOf` (default now), counting each unit's latest revision (or, with
 * `accepted=true`, its accepted one), under the setup of that moment; it states its `cut`. 404
 * `setup.missing` for a year without a setup.
 */
export const reports = new Hono<AppEnv>().use("*", authenticate).get("/:year", async (c) => {
  const year = parseYear(c.req.param("year"));
  const query = {
    year,
    round: parseRoundQuery(c.req.query("round")),
    asOf: parseAsOf(c.req.query("asOf")),
    accepted: parseFlag("accepted", c.req.query("accepted")),
  };
  return c.json((await reportForYear(c.env.DB, query, now(c.env))) satisfies Report);
});

/** A plan year in a path or query (shared/schemas/plan-year.ts), else 400. */
export function parseYear(text: string | undefined): number {
  const parsed = planYearTextSchema.safeParse(text);
  if (!parsed.success) {
    throw malformed(
      `Năm kế hoạch phải là số có 4 chữ số (${MIN_PLAN_YEAR}-${MAX_PLAN_YEAR}).`,
      `The plan year must be a 4-digit number (${MIN_PLAN_YEAR}-${MAX_PLAN_YEAR}).`,
    );
  }
  return parsed.data;
}
