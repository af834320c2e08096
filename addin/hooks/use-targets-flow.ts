import { useCallback, useState } from "react";
import type { Issue } from "../../shared/result.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { TargetsOutcome } from "../model/targets-apply.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown, NO_EXCEL } from "../model/ui-error.ts";

export type TargetsFlow = {
  busy: boolean;
  /** The workbook's issues, or the server's (`refused`); null before any apply. */
  issues: readonly Issue[] | null;
  refused: boolean;
  error: UiError | null;
  /** The last apply that was stored, with the report's targets table. */
  applied: Extract<TargetsOutcome, { kind: "applied" }> | null;
  apply: () => Promise<void>;
  selectCell: (issue: Issue) => void;
};

/**
 * `Áp dụng chỉ tiêu` in the office pane: reads every sheet of the open `Chỉ tiêu` workbook (one
 * Excel.run), then addin/model/targets-apply.ts (loaded on first use): nothing is sent on any
 * issue; after storing, the report's targets table.
 */
export function useTargetsFlow(port: PanePort | null, api: LazyApi): TargetsFlow {
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly Issue[] | null>(null);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [applied, setApplied] = useState<TargetsFlow["applied"]>(null);

  const apply = useCallback(async () => {
    setBusy(true);
    setError(null);
    setIssues(null);
    setRefused(false);
    setApplied(null);
    try {
      if (!port) {
        setError(NO_EXCEL);
        return;
      }
      const { sheets } = await port.readSheets();
      const { applyTargetsWorkbook } = await import("../model/targets-apply.ts");
      const outcome = await applyTargetsWorkbook(sheets, await api.client());
      if (outcome.kind === "issues") {
        setIssues(outcome.issues);
        setRefused(outcome.refused);
      } else if (outcome.kind === "failed") setError(fromApiFailure(outcome.failure));
      else {
        setApplied(outcome);
        if (outcome.reportFailure) setError(fromApiFailure(outcome.reportFailure));
      }
    } catch (e) {
      setError(fromThrown(e));
    } finally {
      setBusy(false);
    }
  }, [port, api]);

  const selectCell = useCallback(
    (issue: Issue) => {
      if (!port || !issue.sheet || !issue.cell) return;
      port.selectCell(issue.sheet, issue.cell).catch((e: unknown) => setError(fromThrown(e)));
    },
    [port],
  );

  return { busy, issues, refused, error, applied, apply, selectCell };
}
