import { Hono } from "hono";
import { carryOver } from "../../shared/cycle/carry-over.ts";
import type { CarryOverResponse } from "../../shared/cycle/carry-over-schema.ts";
import { unitCodeSchema } from "../../shared/schemas/unit-submission.ts";
import { authenticate } from "../auth/middleware.ts";
import { requireOwnUnit } from "../auth/unit-scope.ts";
import { loadCarryOver } from "../db/carry-over.ts";
import type { AppEnv } from "../env.ts";
import { malformed, setupMissing, unitNotInSetup } from "../http/errors.ts";
import { parseYear } from "./reports.ts";

/**
 * GET /api/v1/carry-over/:year?unit=<code> (docs/interfaces.md, docs/cycle.md "Carry-over"): the HT
 * pre-fill of the unit's plan template for `year` from the stored rows of `year - 1`, with the notes
 * for the unit. A unit token: its own unit only (403); office and admin any unit. One D1 batch
 * (worker/db/carry-over.ts). 404 `setup.missing` for a year without a setup; 403 `unit.not_in_setup`
 * for a unit the year's setup does not list.
 */
export const carryOverRoute = new Hono<AppEnv>().use("*", authenticate).get("/:year", async (c) => {
  const year = parseYear(c.req.param("year"));
  const parsed = unitCodeSchema.safeParse(c.req.query("unit") ?? "");
  if (!parsed.success) {
    throw malformed("Tham số unit phải là mã đơn vị (3 hoặc 5 chữ số).", "The unit parameter must be a unit code (3 or 5 digits).", {
      issues: [{ path: "unit", code: "invalid_value", message: "a 3- or 5-digit unit code" }],
    });
  }
  const unit = parsed.data;
  requireOwnUnit(c.get("principal"), unit);
  const data = await loadCarryOver(c.env.DB, year, unit);
  if (!data.setup) throw setupMissing(year);
  const setup = data.setup.setup;
  if (!setup.units.some((u) => u.code === unit)) throw unitNotInSetup(unit, year);
  const previous = {
    year: year - 1,
    setup: data.previousSetup?.setup ?? null,
    results: data.results,
    plans: data.plans,
  };
  return c.json(carryOver(setup, unit, previous) satisfies CarryOverResponse);
});
