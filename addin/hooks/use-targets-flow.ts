import { useCallback } from "react";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { TargetsOutcome } from "../model/targets-apply.ts";
import { fromApiFailure } from "../model/ui-error.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import type { ApplyOutcome, WorkbookApply } from "./use-workbook-apply.ts";
import { useWorkbookApply } from "./use-workbook-apply.ts";

/** The last apply that was stored, with the report's targets table. */
export type TargetsFlow = WorkbookApply<Extract<TargetsOutcome, { kind: "applied" }>>;

/**
 * `Áp dụng chỉ tiêu` in the office pane: reads every sheet of the open `Chỉ tiêu` workbook (one
 * Excel.run), then addin/model/targets-apply.ts (loaded on first use): nothing is sent on any
 * issue; after storing, the report's targets table.
 */
export function useTargetsFlow(port: PanePort | null, api: LazyApi): TargetsFlow {
  const run = useCallback(
    async (sheets: SheetInput[], set: ApplyOutcome<Extract<TargetsOutcome, { kind: "applied" }>>) => {
      const { applyTargetsWorkbook } = await import("../model/targets-apply.ts");
      const outcome = await applyTargetsWorkbook(sheets, await api.client());
      if (outcome.kind === "issues") {
        set.setIssues(outcome.issues);
        set.setRefused(outcome.refused);
      } else if (outcome.kind === "failed") set.setError(fromApiFailure(outcome.failure));
      else {
        set.setApplied(outcome);
        if (outcome.reportFailure) set.setError(fromApiFailure(outcome.reportFailure));
      }
    },
    [api],
  );
  return useWorkbookApply(port, run);
}
