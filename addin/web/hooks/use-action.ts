import { useCallback, useState } from "react";
import type { UiError } from "../../model/ui-error.ts";
import { fromThrown } from "../../model/ui-error.ts";

export type Action<T> = { busy: boolean; done: T | null; error: UiError | null; run: () => Promise<void> };

/** A button's work: busy while it runs, then what it gave or the failure (anything thrown is shown). */
export function useAction<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: UiError }>): Action<T> {
  const [state, setState] = useState<Omit<Action<T>, "run">>({ busy: false, done: null, error: null });
  const run = useCallback(async () => {
    setState({ busy: true, done: null, error: null });
    try {
      const r = await work();
      setState(r.ok ? { busy: false, done: r.value, error: null } : { busy: false, done: null, error: r.error });
    } catch (e) {
      setState({ busy: false, done: null, error: fromThrown(e) });
    }
  }, [work]);
  return { ...state, run };
}
