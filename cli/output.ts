import type { Issue } from "../shared/result.ts";
import { issueRef } from "../shared/result.ts";
import type { Catalogue, Params } from "../shared/text/catalogue.ts";
import { renderBoth } from "../shared/text/catalogue.ts";

/** Where a command writes: stdout carries the result, stderr progress and notes. */
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
};

/** Exit codes of docs/interfaces.md: 0 success, 1 invalid input, 2 server refused or unreachable. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_SERVER = 2;

/**
 * A problem line: `file: Sheet!Cell: [E|W] message` (file and sheet/cell omitted where there is
 * none). The commune code is not repeated: the messages name it.
 */
export function formatIssue(issue: Issue, file?: string | null): string {
  const parts: string[] = [];
  if (file) parts.push(file);
  const ref = issueRef(issue);
  if (ref) parts.push(ref);
  parts.push(`[${issue.severity === "error" ? "E" : "W"}] ${issue.message}`);
  return parts.join(": ");
}

/** A CLI message in both languages on one line, Vietnamese first: `vi / en`. */
export function bilingual<K extends string>(catalogue: Catalogue<K>, key: K, params: Params = {}): string {
  const { vi, en } = renderBoth(catalogue, key, params);
  return `${vi} / ${en}`;
}

export function printIssues(io: Io, issues: readonly Issue[], file?: string | null): void {
  for (const i of issues) io.stdout(formatIssue(i, file) + "\n");
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + "\n");
}

export function counts(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) i.severity === "error" ? errors++ : warnings++;
  return { errors, warnings };
}

/** A plain text table with right-aligned numbers; `head` underlined. */
export type TableCell = string | number | null;

export function table(head: readonly string[], rows: readonly (readonly TableCell[])[]): string {
  const cells = [head.map(String), ...rows.map((r) => r.map((c) => (c === null ? "-" : typeof c === "number" ? formatNumber(c) : c)))];
  const numeric = head.map(
    (_, j) =>
      rows.length > 0 &&
      rows.every((r) => typeof r[j] === "number" || r[j] === null || (typeof r[j] === "string" && NUMERIC.test(r[j] as string))),
  );
  const widths = head.map((_, j) => Math.max(...cells.map((r) => [...(r[j] ?? "")].length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => {
        const pad = " ".repeat(Math.max(0, widths[j]! - [...c].length));
        return numeric[j] ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n") + "\n";
}

const NUMERIC = /^-?\d[\d.]*(,\d+)?$/;

/** Vietnamese number format with a fixed number of decimals (23.2, 1 → 23,2; 100, 1 → 100,0); null stays null. */
export function formatFixed(n: number | null, decimals: number): string | null {
  if (n === null) return null;
  const [int, frac] = n.toFixed(decimals).split(".");
  return formatNumber(Number(int)) + (frac ? "," + frac : "");
}

/** Vietnamese number format: `.` groups thousands, `,` decimals (2526400 → 2.526.400; 23.2 → 23,2). */
export function formatNumber(n: number): string {
  const [int, frac] = Math.abs(n).toString().split(".");
  const grouped = (int ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}
