import { Hono } from "hono";
import { z } from "zod";
import type { UnitsResponse } from "../../shared/schemas/api/setup.ts";
import { authenticate } from "../auth/middleware.ts";
import { listSetupUnits } from "../db/setup-lists.ts";
import type { UnitKey } from "../db/setup-lists.ts";
import type { AppEnv } from "../env.ts";
import { malformed, setupMissing } from "../http/errors.ts";
import { cutPage, readPage } from "../http/pagination.ts";
import { parseYear } from "./reports.ts";

/** The cursor's key of a unit: [setup version (null = built in), position in the setup]. */
const unitKeySchema = z
  .tuple([z.number().int().positive().nullable(), z.number().int().nonnegative()])
  .transform(([version, sort]): UnitKey => ({ version, sort }));

/**
 * GET /api/v1/units?year=&limit=&cursor= (any valid token): the year's units from its setup, in the
 * setup's order, paginated like the other lists (worker/http/pagination.ts); 404 `setup.missing`
 * for a year without a setup. `/api/v1/districts` stays as the older list of reference districts.
 */
export const units = new Hono<AppEnv>().use("*", authenticate).get("/", async (c) => {
  const yearText = c.req.query("year");
  if (yearText === undefined || yearText === "") {
    throw malformed("Thiếu tham số year (năm kế hoạch).", "The year parameter (plan year) is required.", {
      issues: [{ path: "year", code: "invalid_type", message: "required" }],
    });
  }
  const year = parseYear(yearText);
  const page = readPage(c, "units", [year], unitKeySchema);
  const found = await listSetupUnits(c.env.DB, year, page.after, page.limit + 1);
  if (!found) throw setupMissing(year);
  const cut = cutPage(found.units, page, "units", [year], (u) => [found.version, u.sort]);
  return c.json({
    year,
    version: found.version,
    level: found.level,
    units: cut.rows.map((u) => ({ code: u.code, name: u.name, attributes: { ...u.attributes } })),
    next: cut.next,
  } satisfies UnitsResponse);
});
