import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Issue } from "../../shared/result.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import { INFO_KEYS, SHEETS } from "../../shared/template/labels.ts";
import { makeIssue } from "../../shared/template/messages.ts";

/**
 * Checks the store itself relies on, added to the shared rules' issues unless they already report
 * them: the district must exist in the server's reference data (`info.district_unknown`).
 */
export function serverIssues(sub: Submission, reference: ReferenceData, shared: readonly Issue[]): Issue[] {
  const known = reference.districts.some((d) => d.code === sub.district);
  if (known || shared.some((i) => i.code === "info.district_unknown")) return [];
  return [makeIssue("info.district_unknown", { sheet: SHEETS.info }, { value: sub.district, key: INFO_KEYS.districtCode })];
}
