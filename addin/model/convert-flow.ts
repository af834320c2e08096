import type { Issue } from "../../shared/result.ts";
import type { LegacyChange } from "../../shared/text/legacy-convert.ts";
import type { UiError } from "./ui-error.ts";

/**
 * "Chuyển mã TCVN3/VNI" as a pure reducer (issue 11): read the text cells → preview every cell it
 * will change → the user confirms (or cancels) → write → the hook re-runs `Kiểm tra`. Never silent:
 * nothing is written without a preview the user confirmed, and a preview without changes says so.
 */
export type ConvertStatus = "idle" | "reading" | "preview" | "writing" | "done";

export type ConvertState = {
  status: ConvertStatus;
  /** The cells the preview lists (and the write changes). */
  changes: readonly LegacyChange[];
  /** False when Excel could not give font names (ExcelApi < 1.9): TCVN3 capitals may read as small letters. */
  fonts: boolean;
  /** After the write: cells changed, and cells left alone because they were edited since the preview. */
  written: number;
  stale: readonly string[];
  error: UiError | null;
};

export type ConvertEvent =
  | { type: "reading" }
  | { type: "previewed"; changes: readonly LegacyChange[]; fonts: boolean }
  | { type: "cancelled" }
  | { type: "writing" }
  | { type: "written"; written: number; stale: readonly string[] }
  | { type: "failed"; error: UiError };

export const CONVERT_INITIAL: ConvertState = { status: "idle", changes: [], fonts: true, written: 0, stale: [], error: null };

export function convertFlow(s: ConvertState, e: ConvertEvent): ConvertState {
  switch (e.type) {
    case "reading":
      return { ...CONVERT_INITIAL, status: "reading" };
    case "previewed":
      return { ...s, status: "preview", changes: e.changes, fonts: e.fonts };
    case "cancelled":
      return CONVERT_INITIAL;
    case "writing":
      // Only a preview with changes can be confirmed.
      return s.status === "preview" && s.changes.length > 0 ? { ...s, status: "writing" } : s;
    case "written":
      return { ...s, status: "done", written: e.written, stale: e.stale };
    case "failed":
      return { ...s, status: "idle", error: e.error };
  }
}

/** The confirm button is offered: a preview that changes at least one cell. */
export function canConfirm(s: ConvertState): boolean {
  return s.status === "preview" && s.changes.length > 0;
}

/** The last check found text typed in TCVN3 or VNI: the pane offers "Chuyển mã" prominently. */
export function hasLegacyText(issues: readonly Issue[] | null): boolean {
  return issues?.some((i) => i.code === "text.legacy_encoding") ?? false;
}

/** A preview line: `Tiêu chí!C8: X· ThÊt Khª → Xã Thất Khê`. */
export function changeLine(c: LegacyChange): string {
  return `${c.sheet}!${c.cell}: ${c.before} → ${c.after}`;
}
