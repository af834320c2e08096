import { useEffect, useMemo, useState } from "react";
import type { District } from "../../shared/reference/districts.ts";
import type { ReferenceData } from "../../shared/reference/index.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import type { MeResponse } from "../../shared/schemas/api.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import { lazyApi, normalizeServer } from "../host/lazy-api.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown } from "../model/ui-error.ts";
import type { Settings } from "./use-settings.ts";

export type Session = {
  api: LazyApi;
  status: "no-token" | "loading" | "ready" | "error";
  me: MeResponse | null;
  /** The unit code a `unit` token is bound to (tokens created as `district` answer as `unit` too); null otherwise. */
  unit: string | null;
  districts: readonly District[];
  reference: ReferenceData;
  error: UiError | null;
  reload: () => void;
};

type Known = Pick<Session, "status" | "me" | "districts" | "error">;
const signedOut = (status: Known["status"], error: UiError | null = null): Known => ({
  status,
  me: null,
  districts: DEFAULT_REFERENCE.districts,
  error,
});

/**
 * Who the token is (`/me`: role `unit` bound to a unit code, `office`, `admin`) and the districts of
 * the built-in years (`/districts`), reloaded when the settings change. A year's own units come with
 * its setup (hooks/use-setup-flow.ts).
 */
export function useSession(settings: Settings, origin: string): Session {
  const api = useMemo(() => lazyApi(normalizeServer(settings.server, origin), settings.token), [settings.server, settings.token, origin]);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Known>(() => signedOut(settings.token ? "loading" : "no-token"));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the retry counter; changing it reloads.
  useEffect(() => {
    if (!settings.token) {
      setState(signedOut("no-token"));
      return;
    }
    let live = true;
    setState((s) => ({ ...s, status: "loading", error: null }));
    void (async () => {
      try {
        const client = await api.client();
        const me = await client.me();
        if (!live) return;
        if (!me.ok) {
          setState(signedOut("error", fromApiFailure(me.failure)));
          return;
        }
        const d = await client.districts();
        if (!live) return;
        setState({
          status: "ready",
          me: me.value,
          districts: d.ok && d.value.districts.length > 0 ? d.value.districts : DEFAULT_REFERENCE.districts,
          error: null,
        });
      } catch (e) {
        if (live) setState(signedOut("error", fromThrown(e)));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, settings.token, tick]);

  const reference = useMemo<ReferenceData>(() => ({ districts: state.districts, criteria: DEFAULT_REFERENCE.criteria }), [state.districts]);
  const unit = state.me?.role === "unit" ? (state.me.unit ?? state.me.district) : null;
  return { ...state, api, unit, reference, reload: () => setTick((t) => t + 1) };
}
