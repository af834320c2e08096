import { matchKey } from "../text/match.ts";

/**
 * Labels of the result template (`Kết quả thực hiện`, docs/template.md "Biểu kết quả thực hiện"):
 * the `Thông tin` key that tells a result file from a plan, the `TH` sub-column under each
 * criterion and the `Thực hiện` column of `Nguồn vốn`. The first form is written, all are accepted.
 */
export const ROUND_KEY = ["Loại biểu", "Loại biểu mẫu"] as const;
/** Values of `Loại biểu`: the result's (written by the generator) and the plan's; empty = plan. */
export const RESULT_KIND = ["Kết quả thực hiện", "Kết quả", "Thực hiện", "Result"] as const;
export const PLAN_KIND = ["Kế hoạch", "Plan"] as const;
/** TH: achieved at 31 December of the plan year. */
export const ACHIEVED_SUB = ["TH", "Thực hiện"] as const;
/** The disbursed column of `Nguồn vốn`: the first header starting with this. */
export const DISBURSED_PREFIX = "Thực hiện";
/** The note of a result template made without a stored plan. */
export const NO_PLAN_NOTE = "Chưa có kế hoạch được lưu: HT, KH để trống";

const RESULT_KEYS = new Set(RESULT_KIND.map(matchKey));
const PLAN_KEYS = new Set(PLAN_KIND.map(matchKey));

/** The round a typed `Loại biểu` names (forgiving like every key: case, accents as typed, spaces); null = neither. */
export function roundOfKind(value: unknown): "plan" | "result" | null {
  if (value === null || value === undefined) return "plan";
  if (typeof value !== "string" || value.length > 200) return null;
  const k = matchKey(value);
  if (k === "" || PLAN_KEYS.has(k)) return "plan";
  return RESULT_KEYS.has(k) ? "result" : null;
}
