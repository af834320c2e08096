/**
 * The `Office` global of the fake host: onReady (host Excel), requirement sets up to a configured
 * ExcelApi version, document settings (JSON copies, saveAsync), partitionKey and display language.
 */
export type FakeOfficeConfig = { maxApi: string; partitionKey: string | null; displayLanguage: string; platform: string };

function versionParts(v: string): [number, number] {
  const [a, b] = v.split(".");
  return [Number(a) || 0, Number(b) || 0];
}

export function isSupported(maxApi: string, name: string, version?: string): boolean {
  if (name !== "ExcelApi") return false;
  const [ma, mi] = versionParts(maxApi);
  const [a, b] = versionParts(version ?? "1.1");
  return a < ma || (a === ma && b <= mi);
}

export type SettingsState = { saved: Record<string, unknown>; pending: Record<string, unknown>; saves: number };

export function createOffice(config: FakeOfficeConfig, settings: SettingsState) {
  const info = { host: "Excel", platform: config.platform };
  const copy = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)) as unknown);
  return {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) => setTimeout(() => { callback?.(info); resolve(info); }, 10));
    },
    context: {
      host: "Excel",
      platform: config.platform,
      partitionKey: config.partitionKey ?? undefined,
      displayLanguage: config.displayLanguage,
      contentLanguage: config.displayLanguage,
      requirements: { isSetSupported: (name: string, version?: string) => isSupported(config.maxApi, name, version) },
      document: {
        settings: {
          get: (name: string) => copy(settings.pending[name]) ?? null,
          set: (name: string, value: unknown) => { settings.pending[name] = copy(value); },
          remove: (name: string) => { delete settings.pending[name]; },
          saveAsync: (cb?: (r: { status: string; value?: unknown; error: null }) => void) => {
            setTimeout(() => {
              settings.saved = copy(settings.pending) as Record<string, unknown>;
              settings.saves++;
              cb?.({ status: "succeeded", error: null });
            }, 0);
          },
          refreshAsync: (cb?: (r: { status: string }) => void) => setTimeout(() => cb?.({ status: "succeeded" }), 0),
        },
      },
    },
  };
}
