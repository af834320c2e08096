import type { Issue } from "../../../shared/result.ts";
import type { Result } from "../../../shared/result.ts";

/** Every issue of a result (warnings of a success, issues of a failure). */
export function allIssues<T>(r: Result<T>): Issue[] {
  return r.ok ? r.warnings : r.issues;
}

/** The comparable essentials of issues: code, severity, sheet, cell, row, commune. */
export function brief(issues: readonly Issue[]): Pick<Issue, "code" | "severity" | "sheet" | "cell" | "row" | "commune">[] {
  return issues.map(({ code, severity, sheet, cell, row, commune }) => ({ code, severity, sheet, cell, row, commune }));
}

export function withCode(issues: readonly Issue[], code: string): Issue[] {
  return issues.filter((i) => i.code === code);
}
