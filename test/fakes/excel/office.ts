/**
 * The `Office` global of the fake host: onReady (host Excel), requirement sets up to the emulated
 * ExcelApi version, document settings (JSON copies; `get` sees unsaved sets like Office does,
 * `saveAsync` writes them into the document or fails when told to), partitionKey and language.
 */
export type OfficeConfig = { partitionKey: string | null; displayLanguage: string; platform: string };

/** `isSupported(8, "ExcelApi", "1.8")` → true; any other set → false. */
export function isSupported(apiVersion: number, name: string, version?: string): boolean {
  if (name !== "ExcelApi") return false;
  const [a, b] = (version ?? "1.1").split(".").map((x) => Number(x) || 0);
  return a! < 1 || (a === 1 && (b ?? 0) <= apiVersion);
}

/** `saved`: what the document holds; `pending`: the in-memory settings; `failSave`: saveAsync fails. */
export type SettingsState = { saved: Record<string, unknown>; pending: Record<string, unknown>; saves: number; failSave: boolean };

export function newSettings(): SettingsState {
  return { saved: {}, pending: {}, saves: 0, failSave: false };
}

const copy = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));

export function createOffice(config: OfficeConfig, apiVersion: () => number, settings: SettingsState) {
  const info = { host: "Excel", platform: config.platform };
  return {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 10),
      );
    },
    context: {
      host: "Excel",
      platform: config.platform,
      partitionKey: config.partitionKey ?? undefined,
      displayLanguage: config.displayLanguage,
      contentLanguage: config.displayLanguage,
      requirements: { isSetSupported: (name: string, version?: string) => isSupported(apiVersion(), name, version) },
      document: {
        settings: {
          get: (name: string) => copy(settings.pending[name]) ?? null,
          set: (name: string, value: unknown) => {
            settings.pending[name] = copy(value);
          },
          remove: (name: string) => {
            delete settings.pending[name];
          },
          saveAsync: (cb?: (r: { status: string; error: { message: string } | null }) => void) => {
            setTimeout(() => {
              if (settings.failSave) {
                cb?.({ status: "failed", error: { message: "disk full" } });
                return;
              }
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
