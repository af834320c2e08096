import { builtInSetup } from "../../shared/setup/defaults.ts";
import type { Setup, UnitLevel } from "../../shared/setup/types.ts";
import type { DistrictRef } from "./district-flow.ts";
import type { UiError } from "./ui-error.ts";

/**
 * Which template `Tạo biểu mẫu` writes (docs/setup.md "The template, version NTM-2"): NTM-2 from the
 * year's setup when an administrator applied one, NTM-1 for the years served by the built-in defaults
 * (today's template, also when the server cannot be asked), else nothing but an error saying why.
 * Pure: tested in test/addin/model/template-plan.test.ts.
 */
export type TemplatePlan =
  | { kind: "ntm1"; unit: DistrictRef }
  | { kind: "ntm2"; unit: DistrictRef; setup: Setup }
  | { kind: "error"; error: UiError };

/** What the pane knows of the year's setup: the server's answer, or null without a session. */
export type KnownSetup = { status: "ready"; setup: Setup } | { status: "missing" } | { status: "error"; error: UiError } | null;

/** A loaded setup state (hooks/use-setup-flow.ts `useYearSetup`) as what the plan needs; null while loading. */
export function knownSetup(s: {
  status: "loading" | "ready" | "missing" | "error";
  setup: Setup | null;
  error: UiError | null;
}): KnownSetup {
  if (s.status === "ready" && s.setup) return { status: "ready", setup: s.setup };
  if (s.status === "missing") return { status: "missing" };
  if (s.status === "error" && s.error) return { status: "error", error: s.error };
  return null;
}

const paneError = (code: string, params: Record<string, string | number>): UiError => ({
  source: "addin",
  code,
  params,
  status: null,
  issues: [],
  detail: null,
});

/**
 * The units the pane offers for a year, and their level: the setup's, or the built-in districts.
 * A unit token's own unit is always there to be named (its district's name when the year's setup
 * does not list it; planTemplate says why no template can be made), its level told by its code.
 */
export function unitsOf(
  year: number,
  known: KnownSetup,
  districts: readonly DistrictRef[],
  own: string | null = null,
): { level: UnitLevel; units: DistrictRef[] } {
  const ready = known?.status === "ready" ? known.setup : null;
  const source = ready ? ready.units : builtInSetup(year) ? districts : [];
  const units = source.map((u) => ({ code: u.code, name: u.name }));
  if (own !== null && !units.some((u) => u.code === own)) {
    const named = districts.find((d) => d.code === own);
    units.push({ code: own, name: named?.name ?? own });
  }
  const level: UnitLevel = ready ? ready.level : own?.length === 5 ? "xã" : "huyện";
  return { level, units };
}

export function planTemplate(year: number, code: string, known: KnownSetup, districts: readonly DistrictRef[]): TemplatePlan {
  if (known?.status === "ready") {
    const unit = known.setup.units.find((u) => u.code === code);
    if (!unit) return { kind: "error", error: paneError("errorUnitNotInSetup", { code, year }) };
    const ref = { code: unit.code, name: unit.name };
    return known.setup.origin === "applied" ? { kind: "ntm2", unit: ref, setup: known.setup } : { kind: "ntm1", unit: ref };
  }
  if (known?.status === "missing") return { kind: "error", error: paneError("errorSetupMissingForTemplate", { year }) };
  // The built-in years need no server: without its answer, the districts the pane knows.
  if (builtInSetup(year)) {
    const unit = districts.find((u) => u.code === code);
    if (!unit) return { kind: "error", error: paneError("errorUnitNotInSetup", { code, year }) };
    return { kind: "ntm1", unit: { code: unit.code, name: unit.name } };
  }
  if (known?.status === "error") return { kind: "error", error: known.error };
  return { kind: "error", error: paneError("errorNeedTokenForSetup", { year }) };
}
