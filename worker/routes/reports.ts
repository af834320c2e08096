import { Hono } from "hono";
import { buildReport } from "../../shared/report/build-report.ts";
import { aggregateSchema } from "../../shared/schemas/aggregate.ts";
import { authenticate } from "../auth/middleware.ts";
import { loadReportInputs } from "../db/reports.ts";
import type { AppEnv } from "../env.ts";
import { malformed } from "../http/errors.ts";

/** GET /api/v1/reports/:year: the docs/report.md JSON from each district's latest revision. */
export const reports = new Hono<AppEnv>()
  .use("*", authenticate)
  .get("/:year", async (c) => {
    const year = parseYear(c.req.param("year"));
    const { reference, latest } = await loadReportInputs(c.env.DB, year);
    const entries = latest.map((r) => ({
      district: r.district,
      aggregate: aggregateSchema.parse(JSON.parse(r.aggregate)),
      revision: r.revision,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by,
      preparedBy: r.prepared_by,
      phone: r.phone,
      status: "submitted" as const,
    }));
    return c.json(buildReport({ year, generatedAt: new Date().toISOString(), reference, entries }));
  });

export function parseYear(text: string | undefined): number {
  if (text === undefined || !/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) {
    throw malformed("Năm kế hoạch phải là số có 4 chữ số (2000-2100).", "The plan year must be a 4-digit number (2000-2100).");
  }
  return Number(text);
}
