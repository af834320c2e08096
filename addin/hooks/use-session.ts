import { useEffect, useMemo, useState } from "react";
import type { District } from "../../shared/reference/districts.ts";
import type { ReferenceData } from "../../shared/reference/index.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import type { Me } from "../api/client.ts";
import { ApiClient, normalizeServer } from "../api/client.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure } from "../model/ui-error.ts";
import type { Settings } from "./use-settings.ts";

export type Session = {
  client: ApiClient;
  status: "no-token" | "loading" | "ready" | "error";
  me: Me | null;
  districts: readonly District[];
  reference: ReferenceData;
  error: UiError | null;
  reload: () => void;
};

/** Who the token is (`/me`) and the districts (`/districts`), reloaded when the settings change. */
export function useSession(settings: Settings, origin: string): Session {
  const client = useMemo(() => new ApiClient({ server: normalizeServer(settings.server, origin), token: settings.token }),
    [settings.server, settings.token, origin]);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<Session, "client" | "reload" | "reference">>(
    { status: settings.token ? "loading" : "no-token", me: null, districts: DEFAULT_REFERENCE.districts, error: null });

  useEffect(() => {
    if (!settings.token) {
      setState({ status: "no-token", me: null, districts: DEFAULT_REFERENCE.districts, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, status: "loading", error: null }));
    void (async () => {
      const me = await client.me();
      if (!live) return;
      if (!me.ok) {
        setState({ status: "error", me: null, districts: DEFAULT_REFERENCE.districts, error: fromApiFailure(me.error) });
        return;
      }
      const d = await client.districts();
      if (!live) return;
      setState({ status: "ready", me: me.value, districts: d.ok && d.value.length > 0 ? d.value : DEFAULT_REFERENCE.districts, error: null });
    })();
    return () => { live = false; };
  }, [client, settings.token, tick]);

  const reference = useMemo<ReferenceData>(() => ({ districts: state.districts, criteria: DEFAULT_REFERENCE.criteria }), [state.districts]);
  return { ...state, client, reference, reload: () => setTick((t) => t + 1) };
}
