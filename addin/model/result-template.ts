import type { Setup } from "../../shared/setup/types.ts";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { PlanSource } from "../../shared/template/build-result-plan.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import { fetchResultPlan } from "../../shared/template/build-result-plan.ts";
import { resultTemplate } from "../../shared/template/build-result-ntm2.ts";
import type { DistrictRef } from "./district-flow.ts";
import type { TemplatePlan } from "./template-plan.ts";
import type { UiError } from "./ui-error.ts";
import { fromApiFailure } from "./ui-error.ts";

/** What `Tạo biểu mẫu kết quả` pre-filled: the plan revision used (null: none stored) and whether it was accepted. */
export type ResultNote = { revision: number | null; accepted: boolean };

/**
 * The setup a result template is built under (always the NTM-2 layout, docs/template.md "Biểu kết quả thực hiện"):
 * the year's applied setup, or the built-in one of a 2016-2020 year; the plan's error otherwise.
 */
export function resultSetupOf(
  plan: TemplatePlan,
  year: number,
): { ok: true; unit: DistrictRef; setup: Setup } | { ok: false; error: UiError } {
  if (plan.kind === "error") return { ok: false, error: plan.error };
  if (plan.kind === "ntm2") return { ok: true, unit: plan.unit, setup: plan.setup };
  const setup = builtInSetup(year);
  if (setup) return { ok: true, unit: plan.unit, setup };
  return {
    ok: false,
    error: { source: "addin", code: "errorSetupMissingForTemplate", params: { year }, status: null, issues: [], detail: null },
  };
}

/**
 * `Tạo biểu mẫu kết quả`: the unit's plan through the session's API (accepted, else latest;
 * shared/template/build-result-plan.ts), then the result template's sheets to write.
 */
export async function buildResultSheets(
  client: PlanSource,
  setup: Setup,
  unit: DistrictRef,
): Promise<{ ok: true; sheets: SheetModel[]; note: ResultNote } | { ok: false; error: UiError }> {
  const got = await fetchResultPlan(client, setup.year, unit.code);
  if (!got.ok) return { ok: false, error: fromApiFailure(got.failure) };
  const built = resultTemplate(setup, unit.code, got.value?.plan ?? null);
  if (!built.ok) {
    return {
      ok: false,
      error: {
        source: "addin",
        code: "errorUnitNotInSetup",
        params: { code: unit.code, year: setup.year },
        status: null,
        issues: [],
        detail: null,
      },
    };
  }
  const note: ResultNote = got.value ? { revision: got.value.revision, accepted: got.value.accepted } : { revision: null, accepted: false };
  return { ok: true, sheets: built.value.sheets, note };
}
