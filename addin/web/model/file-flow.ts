import type { Issue } from "../../../shared/result.ts";
import { hasErrors } from "../../../shared/result.ts";
import type { SubmitResponse } from "../../../shared/schemas/api/submissions.ts";
import type { LegacyChange } from "../../../shared/text/legacy-convert.ts";
import type { Review } from "../../model/district-flow.ts";
import type { UiError } from "../../model/ui-error.ts";
import type { FileCheck } from "./check-file.ts";

/**
 * The web page's work on one file as a pure reducer: choose → read and check in the browser →
 * (convert legacy text, confirmed) → preview → send → receipt. The hook (../hooks/use-file-flow.ts)
 * runs the effects and dispatches what they return; tested in test/addin/web/model/file-flow.test.ts.
 */
export type FilePhase = "idle" | "reading" | "checked" | "sending" | "sent";

export type FileState = {
  phase: FilePhase;
  file: { name: string; size: number } | null;
  check: FileCheck | null;
  /** The TCVN3/VNI conversions the unit confirmed, applied to the data about to be sent (and offered as a file). */
  converted: readonly LegacyChange[];
  /** Summary and difference from the last revision, once the check has no error. */
  review: Review | null;
  receipt: SubmitResponse | null;
  /** The server refused the submission: its error (its issues show in the table). */
  refused: UiError | null;
  /** Anything else that failed (reading, the server unreachable for the preview). */
  error: UiError | null;
  /** Milliseconds from the choice of the file to its issue list. */
  checkedMs: number | null;
};

export type FileEvent =
  | { type: "chosen"; name: string; size: number }
  | { type: "checked"; check: FileCheck; ms: number }
  | { type: "converted"; check: FileCheck; changes: readonly LegacyChange[] }
  | { type: "reviewed"; review: Review }
  | { type: "sending" }
  | { type: "sent"; receipt: SubmitResponse }
  | { type: "refused"; error: UiError }
  | { type: "failed"; error: UiError };

export const FILE_INITIAL: FileState = {
  phase: "idle",
  file: null,
  check: null,
  converted: [],
  review: null,
  receipt: null,
  refused: null,
  error: null,
  checkedMs: null,
};

export function fileFlow(s: FileState, e: FileEvent): FileState {
  switch (e.type) {
    case "chosen":
      return { ...FILE_INITIAL, phase: "reading", file: { name: e.name, size: e.size } };
    case "checked":
      return s.phase === "reading" ? { ...s, phase: "checked", check: e.check, checkedMs: e.ms } : s;
    case "converted":
      return s.phase === "checked" ? { ...s, check: e.check, converted: [...s.converted, ...e.changes], review: null } : s;
    case "reviewed":
      return s.phase === "checked" ? { ...s, review: e.review } : s;
    case "sending":
      return s.phase === "checked" && s.review ? { ...s, phase: "sending", refused: null, error: null } : s;
    case "sent":
      return s.phase === "sending" ? { ...s, phase: "sent", receipt: e.receipt } : s;
    case "refused":
      return { ...s, phase: "checked", refused: e.error };
    case "failed":
      return { ...s, phase: s.phase === "reading" ? "idle" : s.phase === "sending" ? "checked" : s.phase, error: e.error };
  }
}

/** The issues the table lists: the server's when it refused the submission, else the check's. */
export function shownIssues(s: FileState): readonly Issue[] {
  if (s.refused && s.refused.issues.length > 0) return s.refused.issues;
  return s.check?.issues ?? [];
}

/** `Gửi` is offered: a checked file without errors, its preview loaded, the round not locked. */
export function canSend(s: FileState, locked: boolean): boolean {
  return s.phase === "checked" && s.check?.kind === "checked" && s.check.body !== null && s.review !== null && !locked;
}

/** Which of the four steps (read, check, send, done) are done, and which one runs. */
export function stepsOf(s: FileState): { done: number; running: number | null } {
  switch (s.phase) {
    case "idle":
      return { done: 0, running: null };
    case "reading":
      return { done: 0, running: 0 };
    case "checked":
      return { done: s.check?.kind === "checked" && !hasErrors(s.check.issues) ? 2 : 1, running: null };
    case "sending":
      return { done: 2, running: 2 };
    case "sent":
      return { done: 4, running: null };
  }
}
