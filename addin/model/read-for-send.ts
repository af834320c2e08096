import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Issue } from "../../shared/result.ts";
import { hasErrors } from "../../shared/result.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import { parseWorkbook } from "../../shared/template/parse.ts";
import { readTemplate } from "../../shared/template/read-template.ts";
import type { CheckPlan, SendBody } from "./district-flow.ts";

/** The issues to mark and list, and the body to send when none of them is an error. */
export type CheckedWorkbook = { issues: readonly Issue[]; body: SendBody | null };

/**
 * `Kiểm tra` on the template sheets as Excel gives them, as the plan says (model/district-flow.ts
 * `checkPlanOf`): today's NTM-1 parser with the reference, or shared/template/read-template.ts under
 * the year's setup, whose NTM-2 reading is sent as the NTM-2 body and an NTM-1 reading as the
 * NTM-1 one. Loaded on first use with the parsers (hooks/use-district-flow.ts). Pure, never throws.
 */
export function readForSend(sheets: SheetInput[], plan: CheckPlan, reference: ReferenceData): CheckedWorkbook {
  if (plan.kind === "ntm1") {
    const parsed = parseWorkbook(sheets, reference);
    const issues = parsed.ok ? parsed.warnings : parsed.issues;
    return { issues, body: parsed.ok && !hasErrors(issues) ? { version: "NTM-1", submission: parsed.value } : null };
  }
  const read = readTemplate(sheets, plan.setup);
  if (!read.ok) return { issues: read.issues, body: null };
  if (hasErrors(read.warnings)) return { issues: read.warnings, body: null };
  const { ntm1, submission } = read.value;
  return { issues: read.warnings, body: ntm1 ? { version: "NTM-1", submission: ntm1 } : { version: "NTM-2", submission } };
}
