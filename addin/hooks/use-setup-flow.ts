import { useCallback, useEffect, useState } from "react";
import type { Issue } from "../../shared/result.ts";
import type { SetupResponse } from "../../shared/schemas/api/setup.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { SetupSummary } from "../model/setup-summary.ts";
import { applyDecision, summarizeSetup } from "../model/setup-summary.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown, NO_EXCEL } from "../model/ui-error.ts";

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

export type SetupFlow = {
  busy: boolean;
  /** Issues of the last read (the workbook's) or of the server's refusal; null before any apply. */
  issues: readonly Issue[] | null;
  /** The issues came from the server (422), not from the workbook's check. */
  refused: boolean;
  error: UiError | null;
  applied: Applied | null;
  apply: () => Promise<void>;
  selectCell: (issue: Issue) => void;
};

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
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly Issue[] | null>(null);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);

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
      const { readSetupJson, readSetupWorkbook } = await import("../../shared/setup/read-workbook.ts");
      const read = readSetupWorkbook(sheets);
      const found = read.ok ? read.warnings : read.issues;
      setIssues(found);
      if (!read.ok || applyDecision(read.ok, found) === "stop") return;
      const body = readSetupJson(sheets);
      if (!body.ok) return; // cannot happen: the same read succeeded above
      const year = read.value.year;
      const sent = await (await api.client()).applySetup(year, body.value);
      if (!sent.ok) {
        const e = fromApiFailure(sent.failure);
        if (sent.failure.status === 403) setError(refusal(e, "errorSetupForbidden"));
        else if (sent.failure.status === 422) {
          setError(refusal(e, "setupRefused"));
          setIssues(e.issues);
          setRefused(true);
        } else setError(e);
        return;
      }
      setIssues(sent.value.warnings);
      setApplied({ year, version: sent.value.version, unchanged: sent.value.deduplicated, otherYear: year !== paneYear });
      onApplied(year);
    } catch (e) {
      setError(fromThrown(e));
    } finally {
      setBusy(false);
    }
  }, [port, api, paneYear, onApplied]);

  const selectCell = useCallback(
    (issue: Issue) => {
      if (!port || !issue.sheet || !issue.cell) return;
      port.selectCell(issue.sheet, issue.cell).catch((e: unknown) => setError(fromThrown(e)));
    },
    [port],
  );

  return { busy, issues, refused, error, applied, apply, selectCell };
}
