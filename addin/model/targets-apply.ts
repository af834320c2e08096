import type { ApiClient, ApiFailure } from "../../shared/api/client.ts";
import type { Issue } from "../../shared/result.ts";
import type { TargetRow } from "../../shared/schemas/report.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import { checkTargets } from "../../shared/targets/check-targets.ts";
import { readTargetsJson } from "../../shared/targets/read-workbook.ts";

/** What `Áp dụng chỉ tiêu` ended with. */
export type TargetsOutcome =
  /** The workbook's own issues (nothing sent), or the server's refusal (422, `refused`). */
  | { kind: "issues"; issues: readonly Issue[]; refused: boolean; year: number | null }
  /** The server could not be asked or refused otherwise (403, 404 setup.missing, network). */
  | { kind: "failed"; failure: ApiFailure; year: number | null }
  /** Stored: the year, counts, and the report's targets table (province and units) at once. */
  | {
      kind: "applied";
      year: number;
      province: number;
      units: number;
      rows: readonly TargetRow[];
      unitRows: readonly { unit: string; targets: readonly TargetRow[] }[];
      reportFailure: ApiFailure | null;
    };

export type TargetsClient = Pick<ApiClient, "setup" | "putTargets" | "report">;

/**
 * `Áp dụng chỉ tiêu` (cycle.md "Targets"): the open `Chỉ tiêu` workbook's sheets read
 * (shared/targets/read-workbook.ts), checked against its year's setup (GET /setup/:year) and sent
 * (PUT /targets/:year, with each value's cell) only when nothing is wrong; then the year's report,
 * whose `targets` are the table the pane shows (target, plan, gap, met).
 */
export async function applyTargetsWorkbook(sheets: readonly SheetInput[], client: TargetsClient): Promise<TargetsOutcome> {
  const read = readTargetsJson(sheets);
  if (!read.ok) return { kind: "issues", issues: read.issues, refused: false, year: null };
  const year = read.value.year;
  const setup = await client.setup(year);
  if (!setup.ok) return { kind: "failed", failure: setup.failure, year };
  const checked = checkTargets(read.value, { ...setup.value.setup, origin: setup.value.origin }, year);
  if (!checked.ok) return { kind: "issues", issues: checked.issues, refused: false, year };
  const sent = await client.putTargets(year, read.value);
  if (!sent.ok) {
    if (sent.failure.status === 422) return { kind: "issues", issues: sent.failure.issues, refused: true, year };
    return { kind: "failed", failure: sent.failure, year };
  }
  const stored = sent.value.targets;
  const report = await client.report(year);
  return {
    kind: "applied",
    year,
    province: Object.keys(stored?.province ?? {}).length,
    units: Object.keys(stored?.units ?? {}).length,
    rows: report.ok ? (report.value.targets ?? []) : [],
    unitRows: report.ok ? (report.value.unitTargets ?? []) : [],
    reportFailure: report.ok ? null : report.failure,
  };
}
