import type { ApiClient, ApiResult } from "../api/client.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";

/** What the result template needs of the API client (the CLI's and the task pane's). */
export type PlanSource = Pick<ApiClient, "status" | "allSubmissions" | "submission">;

/** The plan a result template starts from, and which revision it is (null: none stored). */
export type ResultPlan = { plan: Submission | UnitSubmission; revision: number; accepted: boolean } | null;

/**
 * The unit's plan of the year that its result template pre-fills (docs/template.md "Biểu kết quả thực hiện"): the
 * accepted revision of the plan round (GET /status/:year?round=plan), else the latest
 * (GET /submissions?year=&unit=&round=plan), read back with GET /submissions/:id; null when the
 * unit has stored no plan. The first failing call's failure otherwise.
 */
export async function fetchResultPlan(client: PlanSource, year: number, unit: string): Promise<ApiResult<ResultPlan>> {
  const status = await client.status(year, { round: "plan" });
  if (!status.ok) return status;
  const accepted = status.value.units.find((u) => u.code === unit)?.acceptedRevision ?? null;
  const list = await client.allSubmissions({ year, unit, round: "plan" });
  if (!list.ok) return list;
  const revisions = list.value.filter((r) => (r.unit ?? r.district) === unit && r.year === year && (r.round ?? "plan") === "plan");
  const chosen =
    revisions.find((r) => accepted !== null && r.revision === accepted) ??
    revisions.reduce<(typeof revisions)[number] | null>((best, r) => (best === null || r.revision > best.revision ? r : best), null);
  if (chosen === null) return { ok: true, status: 200, value: null };
  const got = await client.submission(chosen.id);
  if (!got.ok) return got;
  return {
    ok: true,
    status: got.status,
    value: { plan: got.value.submission, revision: chosen.revision, accepted: chosen.revision === accepted },
  };
}
