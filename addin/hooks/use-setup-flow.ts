import { useCallback, useEffect, useState } from "react";
import type { SetupResponse } from "../../shared/schemas/api/setup.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { SetupSummary } from "../model/setup-summary.ts";
import { applyDecision, summarizeSetup } from "../model/setup-summary.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown } from "../model/ui-error.ts";
import type { SheetInput } from "../../shared/template/input.ts";
import type { ApplyOutcome, WorkbookApply } from "./use-workbook-apply.ts";
import { useWorkbookApply } from "./use-workbook-apply.ts";

/** The server's answer for a year with no setup (404). */
export const SETUP_MISSING = "setup.missing";

/** A year's setup as the server gives it (`GET /api/v1/setup/:year`), loaded when the year changes. */
export type YearSetup = {
  year: number;
  status: "loading" | "ready" | "missing" | "error";
  setup: Setup | null;
  summary: SetupSummary | null;
  error: UiError | null;
  reload: () => void;
};

/** The server's answer as a Setup (the answer gives `origin` beside the stored setup). */
export function setupOf(r: SetupResponse): Setup {
  return { ...r.setup, origin: r.origin };
}

/** Typing a year goes digit by digit: wait this long after the last change before asking. */
const YEAR_SETTLE_MS = 250;

export function useYearSetup(api: LazyApi, year: number, enabled: boolean): YearSetup {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<YearSetup, "reload">>({ year, status: "loading", setup: null, summary: null, error: null });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the reload counter; changing it reloads.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState({ year, status: "loading", setup: null, summary: null, error: null });
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const r = await (await api.client()).setup(year);
          if (!live) return;
          if (r.ok) {
            const setup = setupOf(r.value);
            const meta = { version: r.value.version, appliedAt: r.value.appliedAt, appliedBy: r.value.appliedBy };
            setState({ year, status: "ready", setup, summary: summarizeSetup(setup, meta), error: null });
          } else if (r.failure.code === SETUP_MISSING) {
            setState({ year, status: "missing", setup: null, summary: null, error: fromApiFailure(r.failure) });
          } else setState({ year, status: "error", setup: null, summary: null, error: fromApiFailure(r.failure) });
        } catch (e) {
          if (live) setState({ year, status: "error", setup: null, summary: null, error: fromThrown(e) });
        }
      })();
    }, YEAR_SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, year, enabled, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** What the last apply stored: its year and version (`unchanged`: the same as the current version). */
export type Applied = { year: number; version: number; unchanged: boolean; otherYear: boolean };

export type SetupFlow = WorkbookApply<Applied>;

/** A 403 or a 422 on apply: the pane's own text (addin/i18n/messages.ts), the server's words under it. */
function refusal(e: UiError, code: "errorSetupForbidden" | "setupRefused"): UiError {
  return { ...e, source: "addin", code, params: {} };
}

/**
 * `Áp dụng thiết lập`: reads every sheet of the open workbook (one Excel.run), runs the setup reader
 * (shared/setup/read-workbook.ts, loaded on first use) and sends nothing on any error; else PUT
 * /api/v1/setup/:year of the workbook's year with the cells' sources (so the server's issues point at
 * cells too). `onApplied(year)` follows the stored setup: the pane shows that year.
 */
export function useSetupFlow(port: PanePort | null, api: LazyApi, paneYear: number, onApplied: (year: number) => void): SetupFlow {
  const run = useCallback(
    async (sheets: SheetInput[], set: ApplyOutcome<Applied>) => {
      const { readSetupJson, readSetupWorkbook } = await import("../../shared/setup/read-workbook.ts");
      const read = readSetupWorkbook(sheets);
      const found = read.ok ? read.warnings : read.issues;
      set.setIssues(found);
      if (!read.ok || applyDecision(read.ok, found) === "stop") return;
      const body = readSetupJson(sheets);
      if (!body.ok) return; // cannot happen: the same read succeeded above
      const year = read.value.year;
      const sent = await (await api.client()).applySetup(year, body.value);
      if (!sent.ok) {
        const e = fromApiFailure(sent.failure);
        if (sent.failure.status === 403) set.setError(refusal(e, "errorSetupForbidden"));
        else if (sent.failure.status === 422) {
          set.setError(refusal(e, "setupRefused"));
          set.setIssues(e.issues);
          set.setRefused(true);
        } else set.setError(e);
        return;
      }
      set.setIssues(sent.value.warnings);
      set.setApplied({ year, version: sent.value.version, unchanged: sent.value.deduplicated, otherYear: year !== paneYear });
      onApplied(year);
    },
    [api, paneYear, onApplied],
  );
  return useWorkbookApply(port, run);
}
