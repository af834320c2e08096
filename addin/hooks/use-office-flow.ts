import { useCallback, useState } from "react";
import type { Report } from "../../shared/schemas/report.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown } from "../model/ui-error.ts";

export type OfficeFlow = {
  busy: boolean;
  error: UiError | null;
  report: Report | null;
  /** The sheet was written (false when only the board could be shown: no Excel). */
  written: boolean;
  skipped: string[];
  refresh: (year: number) => Promise<void>;
};

/** "Làm mới tổng hợp": fetch the report, rewrite `Tổng hợp` (in Excel), show the status board. */
export function useOfficeFlow(port: PanePort | null, api: LazyApi): OfficeFlow {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [written, setWritten] = useState(false);
  const [skipped, setSkipped] = useState<string[]>([]);

  const refresh = useCallback(
    async (year: number) => {
      setBusy(true);
      setError(null);
      setWritten(false);
      try {
        const r = await (await api.client()).report(year);
        if (!r.ok) {
          setError(fromApiFailure(r.failure));
          return;
        }
        setReport(r.value);
        if (port) {
          const { buildReportSheet } = await import("../../shared/report/report-sheet.ts");
          const op = await port.writeReport(buildReportSheet(r.value));
          setSkipped(op.skipped);
          setWritten(true);
        }
      } catch (e) {
        setError(fromThrown(e));
      } finally {
        setBusy(false);
      }
    },
    [api, port],
  );

  return { busy, error, report, written, skipped, refresh };
}
