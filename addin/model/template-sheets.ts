import type { ApiClient } from "../../shared/api/client.ts";
import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { DistrictRef, Note } from "./district-flow.ts";

/** The sheets of a unit's plan template and what the note says of them, or the unit is not in the year's setup. */
export type TemplateSheets =
  | { ok: true; sheets: SheetModel[]; ntm2?: Note["ntm2"]; carry?: Note["carry"] }
  | { ok: false; notInSetup: true };

/**
 * The plan template of `unit` for `year`, as `ntm template` builds it: NTM-2 from the year's applied
 * setup with HT pre-filled from the previous year (GET /carry-over, its notes; none when the server
 * fails or there is no client), else today's NTM-1 from the reference. The builders load on first
 * use. The task pane writes the sheets into the workbook, the web page into an .xlsx.
 */
export async function templateSheets(
  client: ApiClient | null,
  unit: DistrictRef,
  year: number,
  setup: Setup | undefined,
  reference: ReferenceData,
): Promise<TemplateSheets> {
  if (!setup) {
    const { buildTemplate } = await import("../../shared/template/build-template.ts");
    return { ok: true, sheets: buildTemplate({ district: unit, year, criteria: reference.criteria }) };
  }
  const { unitTemplate } = await import("../../shared/template/build-template-ntm2.ts");
  const { prefillOf } = await import("../../shared/cycle/carry-over.ts");
  const carry = setup.origin === "applied" && client ? await client.carryOver(year, unit.code) : null;
  const built = unitTemplate(setup, unit.code, undefined, carry?.ok ? prefillOf(carry.value) : undefined);
  if (!built.ok) return { ok: false, notInSetup: true };
  const communes = setup.communes?.filter((c) => c.unit === unit.code).length ?? 0;
  return {
    ok: true,
    sheets: built.value.sheets,
    ntm2: { set: setup.criteriaSet.id, size: setup.criteriaSet.criteria.length, communes },
    ...(carry?.ok ? { carry: carry.value.notes.map((n) => ({ vi: n.messageVi, en: n.messageEn })) } : {}),
  };
}
