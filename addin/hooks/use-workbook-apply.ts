import { useCallback, useState } from "react";
import type { Issue } from "../../shared/result.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromThrown, NO_EXCEL } from "../model/ui-error.ts";

/** An apply from the open workbook (`Áp dụng thiết lập`, `Áp dụng chỉ tiêu`) as the pane shows it. */
export type WorkbookApply<A> = {
  busy: boolean;
  /** The workbook's issues, or the server's (`refused`); null before any apply. */
  issues: readonly Issue[] | null;
  /** The issues came from the server (422), not from the workbook's check. */
  refused: boolean;
  error: UiError | null;
  /** What the last apply stored; null before, or when it stored nothing. */
  applied: A | null;
  apply: () => Promise<void>;
  selectCell: (issue: Issue) => void;
};

/** What an apply's step may set: the pane's state after reading the workbook. */
export type ApplyOutcome<A> = {
  setIssues: (issues: readonly Issue[] | null) => void;
  setRefused: (refused: boolean) => void;
  setError: (error: UiError | null) => void;
  setApplied: (applied: A | null) => void;
};

/**
 * The state and the two actions shared by the workbook applies: `apply` clears the last outcome,
 * reads every sheet of the open workbook (one Excel.run; NO_EXCEL outside Excel) and hands them to
 * `run` (keep it stable: useCallback), anything thrown shown as the error; `selectCell` selects an
 * issue's cell in the workbook.
 */
export function useWorkbookApply<A>(
  port: PanePort | null,
  run: (sheets: SheetInput[], outcome: ApplyOutcome<A>) => Promise<void>,
): WorkbookApply<A> {
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly Issue[] | null>(null);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [applied, setApplied] = useState<A | null>(null);

  const apply = useCallback(async () => {
    setBusy(true);
    setError(null);
    setApplied(null);
    setIssues(null);
    setRefused(false);
    try {
      if (!port) {
        setError(NO_EXCEL);
        return;
      }
      const { sheets } = await port.readSheets();
      await run(sheets, { setIssues, setRefused, setError, setApplied });
    } catch (e) {
      setError(fromThrown(e));
    } finally {
      setBusy(false);
    }
  }, [port, run]);

  const selectCell = useCallback(
    (issue: Issue) => {
      if (!port || !issue.sheet || !issue.cell) return;
      port.selectCell(issue.sheet, issue.cell).catch((e: unknown) => setError(fromThrown(e)));
    },
    [port],
  );

  return { busy, issues, refused, error, applied, apply, selectCell };
}
