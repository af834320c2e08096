import type { Features } from "./port.ts";

/**
 * ExcelApi requirement sets used by the adapter. Core actions (read, validate, submit, write the
 * report tables) need only 1.1; each extra below is detected and skipped with a note when missing.
 */
export const API_VERSIONS = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13"] as const;

export const FEATURE_VERSION = {
  merge: "1.2",
  protection: "1.2",
  columnWidth: "1.2",
  usedRangeValuesOnly: "1.2",
  getItemOrNullObject: "1.4",
  conditionalFormats: "1.6",
  freeze: "1.7",
  chartCategories: "1.7",
  dataValidation: "1.8",
  pageLayout: "1.9",
  tableResize: "1.13",
} as const;
export type Feature = keyof typeof FEATURE_VERSION;

export type IsSetSupported = (name: string, version: string) => boolean;

function officeIsSetSupported(): IsSetSupported {
  return (name, version) => {
    try {
      return Office.context.requirements.isSetSupported(name, version);
    } catch {
      return false;
    }
  };
}

/** Asks the host which ExcelApi versions it supports (`Office.context.requirements.isSetSupported`). */
export function detectFeatures(isSetSupported: IsSetSupported = officeIsSetSupported()): Features {
  const api: Record<string, boolean> = {};
  for (const v of API_VERSIONS) api[v] = isSetSupported("ExcelApi", v);
  return { api };
}

export function supports(features: Features, feature: Feature): boolean {
  return features.api[FEATURE_VERSION[feature]] === true;
}

/** The note listed in `OperationReport.skipped`, e.g. `freeze (ExcelApi 1.7)`. */
export function skipNote(feature: Feature): string {
  return `${feature} (ExcelApi ${FEATURE_VERSION[feature]})`;
}
