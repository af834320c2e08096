import { useCallback, useState } from "react";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown } from "../model/ui-error.ts";
import type { ReviewBoard } from "./use-review-board.ts";
import { useReviewBoard } from "./use-review-board.ts";

export type OfficeFlow = {
  busy: boolean;
  error: UiError | null;
  report: Report | null;
  /** The sheet was written (false when only the board could be shown: no Excel). */
  written: boolean;
  skipped: string[];
  refresh: () => Promise<void>;
  /** The status board of the year and round (GET /status), its review actions and deadline. */
  board: ReviewBoard;
};

/**
 * The office's work on a year and round: the status board (hooks/use-review-board.ts) and
 * "Làm mới tổng hợp": fetch the report (its cut, completeness and statuses), rewrite `Tổng hợp` in
 * Excel, then reload the board. `trendFrom` (the office ticked "Xu hướng từ năm …"): the sheet also
 * gets `NTM_Trend` for trendFrom..year (GET /reports/trend).
 */
export function useOfficeFlow(
  port: PanePort | null,
  api: LazyApi,
  year: number,
  round: Round,
  enabled = true,
  trendFrom: number | null = null,
): OfficeFlow {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [written, setWritten] = useState(false);
  const [skipped, setSkipped] = useState<string[]>([]);
  const board = useReviewBoard(api, port, year, round, enabled);
  const { reload } = board;

  const refresh = useCallback(async () => {
    setBusy(true);
    setError(null);
    setWritten(false);
    try {
      const client = await api.client();
      const r = await client.report(year, { round });
      if (!r.ok) {
        setError(fromApiFailure(r.failure));
        return;
      }
      setReport(r.value);
      const trend = port && trendFrom !== null && trendFrom <= year ? await client.trend(trendFrom, year) : null;
      if (trend && !trend.ok) {
        setError(fromApiFailure(trend.failure));
        return;
      }
      if (port) {
        const { buildReportSheet } = await import("../../shared/report/report-sheet.ts");
        const op = await port.writeReport(buildReportSheet(r.value, trend?.value));
        setSkipped(op.skipped);
        setWritten(true);
      }
      reload();
    } catch (e) {
      setError(fromThrown(e));
    } finally {
      setBusy(false);
    }
  }, [api, port, year, round, reload, trendFrom]);

  return { busy, error, report, written, skipped, refresh, board };
}
