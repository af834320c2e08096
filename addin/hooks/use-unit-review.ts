import { useEffect, useState } from "react";
import type { StatusUnit } from "../../shared/schemas/api/review.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import { ownRow } from "../model/unit-review.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown } from "../model/ui-error.ts";

export type UnitReview = { row: StatusUnit | null; loading: boolean; error: UiError | null };

/**
 * The unit's own review status in the year's plan round (GET /status/:year: a unit token sees its
 * own row), read on load and again whenever `after` changes (the pane passes the last receipt).
 * A year without a setup has no status: nothing is shown, no error.
 */
export function useUnitReview(api: LazyApi, year: number, code: string, enabled: boolean, after: string | null): UnitReview {
  const [state, setState] = useState<UnitReview>({ row: null, loading: false, error: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `after` is the reload trigger.
  useEffect(() => {
    if (!enabled || code === "") {
      setState({ row: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void (async () => {
      try {
        const r = await (await api.client()).status(year);
        if (!live) return;
        if (r.ok) setState({ row: ownRow(r.value, code), loading: false, error: null });
        else if (r.failure.code === "setup.missing") setState({ row: null, loading: false, error: null });
        else setState({ row: null, loading: false, error: fromApiFailure(r.failure) });
      } catch (e) {
        if (live) setState({ row: null, loading: false, error: fromThrown(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, year, code, enabled, after]);
  return state;
}
