import { useCallback, useState } from "react";

/** Server URL and token, kept per user in localStorage (keyed by Office's partitionKey), never in the workbook. */
export type Settings = { server: string; token: string };

const PREFIX = "ntm.settings.v1";

export function settingsKey(partitionKey: string | null): string {
  return partitionKey ? `${partitionKey}/${PREFIX}` : PREFIX;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings)
  }
}

export function loadSettings(partitionKey: string | null): Settings {
  const raw = storage()?.getItem(settingsKey(partitionKey));
  try {
    const v = raw ? (JSON.parse(raw) as Partial<Settings>) : {};
    return { server: typeof v.server === "string" ? v.server : "", token: typeof v.token === "string" ? v.token : "" };
  } catch {
    return { server: "", token: "" };
  }
}

export function saveSettings(partitionKey: string | null, s: Settings): void {
  try {
    storage()?.setItem(settingsKey(partitionKey), JSON.stringify(s));
  } catch {
    // quota or disabled storage: the settings stay for this session only
  }
}

export function useSettings(partitionKey: string | null): [Settings, (s: Settings) => void] {
  const [settings, setState] = useState<Settings>(() => loadSettings(partitionKey));
  const update = useCallback(
    (s: Settings) => {
      saveSettings(partitionKey, s);
      setState(s);
    },
    [partitionKey],
  );
  return [settings, update];
}
