import { Hono } from "hono";
import { trend as trendOf } from "../../shared/cycle/trend.ts";
import type { TrendResponse } from "../../shared/cycle/trend-schema.ts";
import { authenticate } from "../auth/middleware.ts";
import { loadTrend } from "../db/trend.ts";
import type { AppEnv } from "../env.ts";
import { malformed } from "../http/errors.ts";
import { parseYear } from "./reports.ts";

/**
 * GET /api/v1/reports/trend?from=<y0>&to=<y1> (any token; docs/report.md "Xu hướng qua các năm"):
 * per year of the range with data, NTM communes and each criterion's communes planned and achieved,
 * counted on the communes of the last year with data followed back through mergers
 * (shared/cycle/trend.ts). One D1 batch of 4 statements (worker/db/trend.ts), whatever the number of
 * years and units. Mounted before `/reports` so that `/reports/:year` never takes `trend`.
 */
export const trend = new Hono<AppEnv>().use("*", authenticate).get("/", async (c) => {
  const from = parseYear(c.req.query("from"));
  const to = parseYear(c.req.query("to"));
  if (from > to) {
    throw malformed(`Năm đầu (${from}) phải không sau năm cuối (${to}).`, `The first year (${from}) must not be after the last (${to}).`, {
      issues: [{ path: "from", code: "invalid_value", message: "from <= to" }],
    });
  }
  return c.json(trendOf(from, to, await loadTrend(c.env.DB, from, to)) satisfies TrendResponse);
});
