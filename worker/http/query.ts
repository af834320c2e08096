import type { Round } from "../../shared/schemas/api/common.ts";
import { roundSchema } from "../../shared/schemas/api/common.ts";
import { malformed } from "./errors.ts";

/** Query parameters shared by several routes; each bad value is a 400 in the one error shape. */

/** `asOf`: an ISO 8601 time, read as the instant it names; absent or empty = now (null). */
export function parseAsOf(text: string | undefined): string | null {
  if (text === undefined || text === "") return null;
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw malformed(
      "Tham số asOf phải là thời điểm ISO 8601, ví dụ 2027-03-01T00:00:00Z.",
      "The asOf parameter must be an ISO 8601 time, e.g. 2027-03-01T00:00:00Z.",
      {
        issues: [{ path: "asOf", code: "invalid_date", message: "an ISO 8601 time" }],
      },
    );
  }
  return new Date(ms).toISOString();
}

/** `round`: plan or result; absent or empty = plan. */
export function parseRoundQuery(text: string | undefined): Round {
  if (text === undefined || text === "") return "plan";
  const parsed = roundSchema.safeParse(text);
  if (!parsed.success) {
    throw malformed("Đợt báo cáo phải là plan hoặc result.", "The round must be plan or result.", {
      issues: [{ path: "round", code: "invalid_value", message: "plan or result" }],
    });
  }
  return parsed.data;
}

/** A flag: `true`/`1` or `false`/`0`; absent or empty = false. */
export function parseFlag(name: string, text: string | undefined): boolean {
  if (text === undefined || text === "" || text === "false" || text === "0") return false;
  if (text === "true" || text === "1") return true;
  throw malformed(`Tham số ${name} phải là true hoặc false.`, `The ${name} parameter must be true or false.`, {
    issues: [{ path: name, code: "invalid_value", message: "true or false" }],
  });
}
