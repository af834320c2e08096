import { z } from "zod";

/**
 * The plan year (Năm kế hoạch): an integer from 2000 to 2100. The one definition of the range, used
 * by the submission schema, the template rules and parser, the Worker's query parameters, the CLI's
 * `--year` and the task pane's year field.
 */
export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

/** (`@__PURE__`: modules that import only the guard, like the task pane's year field, leave zod out.) */
export const planYearSchema = /* @__PURE__ */ z.number().int().min(MIN_PLAN_YEAR).max(MAX_PLAN_YEAR);

/** A plan year as text (query string, path, CLI option): exactly 4 digits, in the range. */
export const planYearTextSchema = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(planYearSchema);

export function isPlanYear(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= MIN_PLAN_YEAR && value <= MAX_PLAN_YEAR;
}

/** The plan year in `text` (exactly 4 digits, in the range), or null when it is not one. */
export function parsePlanYear(text: string): number | null {
  const parsed = planYearTextSchema.safeParse(text);
  return parsed.success ? parsed.data : null;
}
