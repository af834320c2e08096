import { useCallback, useEffect, useState } from "react";
import type { ApiResult } from "../../../shared/api/client.ts";
import type { StatusResponse } from "../../../shared/schemas/api/review.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { LazyApi } from "../../host/lazy-api.ts";
import type { UiError } from "../../model/ui-error.ts";
import { fromApiFailure, fromThrown } from "../../model/ui-error.ts";

/** One answer of the office's page: loading, the value, or why not (a year without a setup has no status). */
export type Loaded<T> = { loading: boolean; value: T | null; error: UiError | null };

const NONE = { loading: true, value: null, error: null };

function settle<T>(r: ApiResult<T>): Loaded<T> {
  return r.ok ? { loading: false, value: r.value, error: null } : { loading: false, value: null, error: fromApiFailure(r.failure) };
}

/** The office's year: the status board (GET /status/:year) and the report (GET /reports/:year), reloadable. */
export function useYearData(api: LazyApi, year: number): { status: Loaded<StatusResponse>; report: Loaded<Report>; reload: () => void } {
  const [tick, setTick] = useState(0);
  const [status, setStatus] = useState<Loaded<StatusResponse>>(NONE);
  const [report, setReport] = useState<Loaded<Report>>(NONE);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the reload counter.
  useEffect(() => {
    let live = true;
    setStatus(NONE);
    setReport(NONE);
    void (async () => {
      try {
        const client = await api.client();
        const [s, r] = await Promise.all([client.status(year), client.report(year)]);
        if (!live) return;
        setStatus(settle(s));
        setReport(settle(r));
      } catch (e) {
        if (!live) return;
        const failed = { loading: false, value: null, error: fromThrown(e) };
        setStatus(failed);
        setReport(failed);
      }
    })();
    return () => {
      live = false;
    };
  }, [api, year, tick]);
  return { status, report, reload: useCallback(() => setTick((t) => t + 1), []) };
}
