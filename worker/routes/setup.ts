import { Hono } from "hono";
import type { ApplySetupResponse, SetupResponse } from "../../shared/schemas/api/setup.ts";
import { checkSetup } from "../../shared/setup/check-setup.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import { setupBody } from "../db/setup-rows.ts";
import { loadSetupRecord } from "../db/setups.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { setupInvalid, setupMissing } from "../http/errors.ts";
import { parseAsOf } from "../http/query.ts";
import { applySetup } from "../setup/apply-setup.ts";
import { parseYear } from "./reports.ts";
import { now } from "../http/clock.ts";

/**
 * GET /api/v1/setup/:year[?asOf=] (any valid token): the year's setup with its version, or 404
 * `setup.missing`. PUT /api/v1/setup/:year (admin): the setup JSON (shared/setup/schema.ts), checked
 * by `checkSetup` for that year; stored as a new version (201) in one D1 batch with the stored
 * aggregates of the year's latest revisions recomputed under it (worker/setup/apply-setup.ts), or
 * the current version when it is the same (200, deduplicated); 422 `setup.invalid` with the
 * issues, nothing stored. Body size-limited like submissions (413).
 */
export const setup = new Hono<AppEnv>()
  .use("*", authenticate)
  .get("/:year", async (c) => {
    const year = parseYear(c.req.param("year"));
    const record = await loadSetupRecord(c.env.DB, year, parseAsOf(c.req.query("asOf")));
    if (!record) throw setupMissing(year);
    return c.json({
      year,
      version: record.version,
      origin: record.setup.origin,
      appliedAt: record.appliedAt,
      appliedBy: record.appliedBy,
      setup: setupBody(record.setup),
    } satisfies SetupResponse);
  })
  .put("/:year", requireRole("admin"), limitBody, async (c) => {
    const year = parseYear(c.req.param("year"));
    const checked = checkSetup(await readJson(c), year);
    if (!checked.ok) throw setupInvalid(checked.issues);
    const p = c.get("principal");
    const stored = await applySetup(c.env.DB, checked.value, { label: p.label, tokenId: p.tokenId }, now(c.env));
    const body: ApplySetupResponse = {
      year,
      version: stored.version,
      origin: "applied",
      appliedAt: stored.appliedAt,
      appliedBy: stored.appliedBy,
      deduplicated: !stored.created,
      warnings: checked.warnings,
    };
    return c.json(body, stored.created ? 201 : 200);
  });
