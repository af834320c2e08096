/** Results, not exceptions, for bad user data. Issues are plain data with a stable code. */
export type Severity = "error" | "warning";

export type Issue = {
  /** Stable machine code, e.g. `criterion.invalid_value`. */
  code: string;
  severity: Severity;
  /** Sheet name as the template names it (`Tiêu chí`), null for workbook-level issues. */
  sheet: string | null;
  /** A1 address without the sheet (`H12`), null where there is no cell. */
  cell: string | null;
  /** 1-based worksheet row, null where there is none. */
  row: number | null;
  /** Commune code (`Mã xã`) where the issue concerns one commune. */
  commune: string | null;
  /** Vietnamese message (shown first). */
  message: string;
  /** English message. */
  messageEn: string;
};

export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** `Tiêu chí!H12` style reference of an issue, or null. */
export function issueRef(issue: Pick<Issue, "sheet" | "cell">): string | null {
  if (issue.sheet && issue.cell) return `${issue.sheet}!${issue.cell}`;
  return issue.sheet ?? null;
}
