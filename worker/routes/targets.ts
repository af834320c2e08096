import { Hono } from "hono";
import { checkTargets } from "../../shared/targets/check-targets.ts";
import { targetsJsonSchema } from "../../shared/targets/schema.ts";
import type { TargetsResponse } from "../../shared/targets/schema.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import { loadSetup } from "../db/setups.ts";
import { loadTargets, storeTargets } from "../db/targets.ts";
import type { Db } from "../db/types.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { now } from "../http/clock.ts";
import { fromZod, setupMissing, targetsInvalid } from "../http/errors.ts";
import { parseYear } from "./reports.ts";

async function targetsOf(db: Db, year: number): Promise<TargetsResponse> {
  const record = await loadTargets(db, year);
  return { year, targets: record?.targets ?? null, setAt: record?.at ?? null, setBy: record?.actor ?? null };
}

/**
 * GET /api/v1/targets/:year (any token): the year's targets now (`targets: null` when none were
 * entered). PUT /api/v1/targets/:year (office, admin): the targets JSON (shared/targets/schema.ts;
 * 400 on a wrong shape), checked against the year's setup (404 `setup.missing`; 422
 * `targets.invalid` with the issues, each at its cell when the body gives `source`), stored as the
 * year's targets with its audit entry (`targets`) in one batch; they replace the earlier ones.
 */
export const targets = new Hono<AppEnv>()
  .use("*", authenticate)
  .get("/:year", async (c) => c.json((await targetsOf(c.env.DB, parseYear(c.req.param("year")))) satisfies TargetsResponse))
  .put("/:year", requireRole("office", "admin"), limitBody, async (c) => {
    const year = parseYear(c.req.param("year"));
    const parsed = targetsJsonSchema.safeParse(await readJson(c));
    if (!parsed.success) throw fromZod(parsed.error);
    const setup = await loadSetup(c.env.DB, year);
    if (!setup) throw setupMissing(year);
    const checked = checkTargets(parsed.data, setup, year);
    if (!checked.ok) throw targetsInvalid(checked.issues);
    const p = c.get("principal");
    await storeTargets(c.env.DB, {
      id: crypto.randomUUID(),
      targets: checked.value,
      at: now(c.env).toISOString(),
      actor: p.label,
      tokenId: p.tokenId,
    });
    return c.json((await targetsOf(c.env.DB, year)) satisfies TargetsResponse);
  });
