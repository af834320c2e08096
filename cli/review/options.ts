import { roundSchema } from "../../shared/schemas/api/common.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import { unitCodeSchema } from "../../shared/schemas/api/common.ts";
import { deadlineSchema } from "../../shared/schemas/api/review.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";

/** The options the review commands share, read from parsed arguments; a refusal is a usage error's reason. */
export type OptionResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** `--year`, required: 4 digits from 2000 to 2100. */
export function yearOf(options: Map<string, string>): OptionResult<number> {
  const text = options.get("year");
  if (!text) return { ok: false, error: "--year is required" };
  const year = parsePlanYear(text);
  if (year === null) return { ok: false, error: `--year must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${text}` };
  return { ok: true, value: year };
}

/** `--round plan|result`; absent: undefined (the server's default, plan). */
export function roundOf(options: Map<string, string>): OptionResult<Round | undefined> {
  const text = options.get("round");
  if (text === undefined) return { ok: true, value: undefined };
  const parsed = roundSchema.safeParse(text);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `--round must be plan or result, not ${text}` };
}

/** `--unit`, required: a unit code (3 digits for a district, 5 for a commune). */
export function unitOf(options: Map<string, string>): OptionResult<string> {
  const text = options.get("unit");
  if (!text) return { ok: false, error: "--unit is required" };
  return unitCodeSchema.safeParse(text).success
    ? { ok: true, value: text }
    : { ok: false, error: `--unit must be a unit code (3 or 5 digits), not ${text}` };
}

/** `--revision <n>`: a positive integer, or undefined when absent. */
export function revisionOf(options: Map<string, string>): OptionResult<number | undefined> {
  const text = options.get("revision");
  if (text === undefined) return { ok: true, value: undefined };
  return /^[1-9]\d{0,8}$/.test(text)
    ? { ok: true, value: Number(text) }
    : { ok: false, error: `--revision must be a positive whole number, not ${text}` };
}

/** The times the server takes for `asOf` (worker/http/query.ts): a date, or a date and time with Z or an offset. */
const AS_OF = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** `--as-of <time>`: an ISO 8601 time on a real calendar date (Date.parse rolls 30 February over to March) such as 2027-03-01T00:00:00Z or 2027-03-01T07:00+07:00, or undefined. */
export function asOfOf(options: Map<string, string>): OptionResult<string | undefined> {
  const text = options.get("as-of");
  if (text === undefined) return { ok: true, value: undefined };
  return AS_OF.test(text) && deadlineSchema.safeParse(text.slice(0, 10)).success && !Number.isNaN(Date.parse(text))
    ? { ok: true, value: text }
    : { ok: false, error: `--as-of must be an ISO 8601 time such as 2027-03-01T00:00:00Z or 2027-03-01T07:00:00+07:00, not ${text}` };
}
