import type { Setup } from "../../shared/setup/types.ts";
import type { Principal } from "../env.ts";
import { forbidden, unitNotInSetup } from "../http/errors.ts";

/**
 * What a `unit` token may act for (docs/setup.md): its own unit only, and only in a year whose
 * current setup lists that unit. Office and admin tokens are never limited. Pure checks: the
 * caller reads the year's setup in its own batch (worker/submissions/submit.ts).
 */

/** 403 `auth.forbidden` when a unit token acts for another unit than its own. */
export function requireOwnUnit(principal: Principal, unit: string): void {
  if (principal.role === "unit" && principal.unit !== unit) throw forbidden();
}

/** 403 `unit.not_in_setup` when a unit token's unit is not a unit of the year's setup. */
export function requireUnitOfSetup(principal: Principal, setup: Setup): void {
  if (principal.role !== "unit" || principal.unit === null) return;
  const unit = principal.unit;
  if (!setup.units.some((u) => u.code === unit)) throw unitNotInSetup(unit, setup.year);
}
