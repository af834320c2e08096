import type { Receipt } from "./port.ts";
import { excelError } from "./run.ts";

/**
 * Values kept in the workbook itself through `Office.context.document.settings` (Common API, any
 * Excel version): the last submission receipt and the addresses markIssues coloured.
 */
export type SettingsStore = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
};

export const RECEIPT_KEY = "ntm.receipt";
export const MARKS_KEY = "ntm.marks";

export function documentSettings(): SettingsStore {
  if (typeof Office === "undefined" || !Office.context?.document?.settings) throw excelError("NoExcel", "settings");
  return Office.context.document.settings as unknown as SettingsStore;
}

/** Sets (or removes, for null) a value and saves the settings into the document. */
export async function saveSetting(store: SettingsStore, name: string, value: unknown): Promise<void> {
  if (value === null) store.remove(name);
  else store.set(name, value);
  await new Promise<void>((resolve, reject) => {
    store.saveAsync((result) => {
      if (result.status === "failed") reject(excelError("SettingsSaveFailed", "settings", result.error?.message ?? null));
      else resolve();
    });
  });
}

function isReceipt(v: unknown): v is Receipt {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.id === "string" &&
    typeof r.district === "string" &&
    typeof r.year === "number" &&
    typeof r.revision === "number" &&
    typeof r.submittedAt === "string" &&
    typeof r.deduplicated === "boolean"
  );
}

/** The stored receipt, or null when there is none or it is not a receipt. */
export function readReceipt(store: SettingsStore): Receipt | null {
  const v = store.get(RECEIPT_KEY);
  return isReceipt(v)
    ? { id: v.id, district: v.district, year: v.year, revision: v.revision, submittedAt: v.submittedAt, deduplicated: v.deduplicated }
    : null;
}

export async function writeReceipt(store: SettingsStore, receipt: Receipt): Promise<void> {
  await saveSetting(store, RECEIPT_KEY, { ...receipt });
}
