/**
 * Where the pane runs. office.js may be missing (plain browser) or present without a host
 * (office.js outside Office resolves onReady with host null). Never throws.
 */
export type HostInfo = { excel: boolean; partitionKey: string | null; displayLanguage: string | null };

const NO_HOST: HostInfo = { excel: false, partitionKey: null, displayLanguage: null };

type OfficeLike = {
  onReady?: (cb?: (info: { host: unknown }) => void) => Promise<{ host: unknown }> | undefined;
  context?: { partitionKey?: string; displayLanguage?: string };
  HostType?: { Excel?: string };
};

function officeGlobal(): OfficeLike | null {
  if (typeof window === "undefined") return null;
  const g = window as unknown as { Office?: OfficeLike };
  return typeof g.Office === "object" && g.Office !== null ? g.Office : null;
}

/** Waits for Office.onReady (at most `timeoutMs`) and says whether the host is Excel. */
export async function waitForHost(timeoutMs = 4000): Promise<HostInfo> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") return NO_HOST;
  const ready = new Promise<{ host: unknown } | null>((resolve) => {
    try {
      const p = office.onReady!((info) => resolve(info));
      if (p && typeof p.then === "function") p.then(resolve, () => resolve(null));
    } catch {
      resolve(null);
    }
  });
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([ready, timeout]);
  if (!info) return NO_HOST;
  const excelName = office.HostType?.Excel ?? "Excel";
  let partitionKey: string | null = null;
  let displayLanguage: string | null = null;
  try {
    partitionKey = office.context?.partitionKey || null;
    displayLanguage = office.context?.displayLanguage || null;
  } catch {
    // Some hosts throw on context access before a document is open; treat as absent.
  }
  return { excel: info.host === excelName, partitionKey, displayLanguage };
}
