import { Hono } from "hono";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, planYearTextSchema } from "../../shared/schemas/plan-year.ts";
import type { Report } from "../../shared/schemas/report.ts";
import { authenticate } from "../auth/middleware.ts";
import { loadSetup } from "../db/setups.ts";
import type { AppEnv } from "../env.ts";
import { malformed, setupMissing } from "../http/errors.ts";
import { reportForYear } from "../reports/report-for-year.ts";

/**
 * GET /api/v1/reports/:year: the docs/report.md JSON from each unit's latest revision, under the
 * year's current setup (worker/db/setups.ts); 404 `setup.missing` for a year without one.
 */
export const reports = new Hono<AppEnv>().use("*", authenticate).get("/:year", async (c) => {
  const year = parseYear(c.req.param("year"));
  const setup = await loadSetup(c.env.DB, year);
  if (!setup) throw setupMissing(year);
  return c.json((await reportForYear(c.env.DB, year, setup, new Date())) satisfies Report);
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
