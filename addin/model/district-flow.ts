import type { Issue } from "../../shared/result.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { Receipt } from "../excel/port.ts";
import type { RevisionDiff } from "./revision-diff.ts";
import type { SubmissionSummary } from "./submission-summary.ts";
import type { KnownSetup } from "./template-plan.ts";
import type { UiError } from "./ui-error.ts";

/**
 * The district's work (create → check → review → send → receipt) as a pure reducer: the state and
 * the events the hook (addin/hooks/use-district-flow.ts) dispatches around its calls to Excel and
 * the API. No React, no Office: every transition is tested in test/addin/model/district-flow.test.ts.
 */
export type Action = "create" | "check" | "prepare" | "send" | "mark";
/** Where an error shows: next to the button it came from (send and the receipt: step 3; the office's comments: their card). */
export type ErrorPlace = "create" | "check" | "submit" | "review";
/**
 * How `Kiểm tra` and `Gửi` read the workbook: in a year with an applied setup, readTemplate under it
 * (NTM-2 or NTM-1, with the commune-list rules); else, for the built-in years, today's NTM-1 parser
 * with the pane's reference (also without a session, or when the server cannot be asked).
 */
export type CheckPlan = { kind: "ntm1" } | { kind: "setup"; setup: Setup };
/** What `Gửi` posts: the NTM-1 submission (`district`) or the NTM-2 one (`templateVersion`, `unit`). */
export type SendBody = { version: "NTM-1"; submission: Submission } | { version: "NTM-2"; submission: UnitSubmission };
/**
 * `diff`: against the unit's latest stored revision; null: this is the first one; `notCompared`: an
 * NTM-2 body, or an NTM-1 one after a revision sent from an NTM-2 template (only NTM-1 pairs are compared).
 */
export type Review = { body: SendBody; summary: SubmissionSummary; diff: RevisionDiff | "notCompared" | null };
/** Steps of the send progress: 0 read, 1 check, 2 send, 3 save receipt, 4 done. */
export type Progress = 0 | 1 | 2 | 3 | 4;
/** `ntm2`: what an NTM-2 template was pre-filled with (absent for NTM-1); `result`: a result template's plan revision (null: none). */
export type Note = {
  year: number;
  name: string;
  skipped: readonly string[];
  ntm2?: { set: string; size: number; communes: number };
  result?: { revision: number | null; accepted: boolean };
  /** What the carry-over from last year said (HT pre-filled from its result or plan, mergers, communes without data), both languages. */
  carry?: readonly { vi: string; en: string }[];
};
export type DistrictRef = { code: string; name: string };
/** A template that would replace existing sheets waits for the user's yes (`setup`: the NTM-2 one's; `result`: a result template). */
export type PendingReplace = { district: DistrictRef; year: number; existing: readonly string[]; setup?: Setup; result?: true };

export type DistrictState = {
  busy: Action | null;
  lastAction: Action | null;
  error: UiError | null;
  errorAt: ErrorPlace | null;
  /** "Template created" note. */
  note: Note | null;
  /** Issues of the last check or refused send (null = not checked yet). */
  issues: readonly Issue[] | null;
  review: Review | null;
  progress: Progress | null;
  receipt: Receipt | null;
  /** The receipt was just received (vs. one loaded from the document). */
  fresh: boolean;
  pendingReplace: PendingReplace | null;
  /** The receipt kept in the document could not be read (shown beside step 3, never swallowed). */
  receiptError: UiError | null;
  /**
   * The office's cell comments marked in the workbook (`Đánh dấu các ô`): kept marked through each
   * check, cleared after the next successful submission.
   */
  reviewMarks: readonly Issue[];
};

export type DistrictEvent =
  | { type: "started"; action: Action }
  /** The action could not run or failed (no Excel, an Excel error, an API failure). */
  | { type: "failed"; error: UiError }
  | { type: "replaceAsked"; pending: PendingReplace }
  | { type: "replaceCancelled" }
  | { type: "created"; note: Note }
  /** The sheets were read and checked; `ready`: no error, the prepare goes on to the review. */
  | { type: "checked"; issues: readonly Issue[]; ready: boolean }
  | { type: "reviewed"; review: Review }
  | { type: "reviewCancelled" }
  /** The server refused the submission: its issues replace the list. */
  | { type: "refused"; error: UiError }
  /** The server stored it; the receipt is being saved in the document. */
  | { type: "accepted" }
  | { type: "receiptSaved"; receipt: Receipt; warnings: readonly Issue[] }
  /** Stored on the server, but the receipt could not be kept in the document. */
  | { type: "receiptNotSaved"; receipt: Receipt; warnings: readonly Issue[]; error: UiError }
  | { type: "receiptLoaded"; receipt: Receipt | null }
  | { type: "receiptLoadFailed"; error: UiError }
  /** Selecting a cell failed (`at`: where the click was; default the check's list). */
  | { type: "selectFailed"; error: UiError; at?: ErrorPlace }
  /** The office's commented cells were marked in the workbook. */
  | { type: "reviewMarked"; marks: readonly Issue[] };

/** The read the year's setup calls for (a setup only the built-in defaults serve reads as today). */
export function checkPlanOf(known: KnownSetup): CheckPlan {
  return known?.status === "ready" && known.setup.origin === "applied" ? { kind: "setup", setup: known.setup } : { kind: "ntm1" };
}

export const INITIAL: DistrictState = {
  busy: null,
  lastAction: null,
  error: null,
  errorAt: null,
  note: null,
  issues: null,
  review: null,
  progress: null,
  receipt: null,
  fresh: false,
  pendingReplace: null,
  receiptError: null,
  reviewMarks: [],
};

const PLACE: Record<Action, ErrorPlace> = { create: "create", check: "check", prepare: "submit", send: "submit", mark: "review" };

function start(s: DistrictState, action: Action): DistrictState {
  const base = { ...s, busy: action, lastAction: action, error: null, errorAt: null };
  switch (action) {
    case "create":
      return { ...base, note: null, pendingReplace: null };
    case "check":
      return { ...base, note: null, review: null };
    case "prepare":
      return { ...base, note: null, review: null, fresh: false };
    case "send":
      return { ...base, progress: 2 };
    case "mark":
      return base;
  }
}

export function districtFlow(s: DistrictState, e: DistrictEvent): DistrictState {
  switch (e.type) {
    case "started":
      return start(s, e.action);
    case "failed":
      return { ...s, busy: null, error: e.error, errorAt: s.lastAction ? PLACE[s.lastAction] : "submit", progress: null };
    case "replaceAsked":
      return { ...s, busy: null, pendingReplace: e.pending };
    case "replaceCancelled":
      return { ...s, pendingReplace: null };
    case "created":
      return { ...s, busy: null, issues: null, review: null, note: e.note };
    case "checked":
      return { ...s, issues: e.issues, busy: s.busy === "prepare" && e.ready ? "prepare" : null };
    case "reviewed":
      return { ...s, busy: null, review: e.review };
    case "reviewCancelled":
      return { ...s, review: null, progress: null };
    case "refused":
      return {
        ...s,
        busy: null,
        progress: null,
        review: null,
        error: e.error,
        errorAt: "submit",
        issues: e.error.issues.length > 0 ? e.error.issues : s.issues,
      };
    case "accepted":
      return { ...s, progress: 3 };
    case "receiptSaved":
      return {
        ...s,
        busy: null,
        progress: 4,
        review: null,
        receipt: e.receipt,
        fresh: true,
        issues: e.warnings,
        receiptError: null,
        reviewMarks: [],
      };
    case "receiptNotSaved":
      return {
        ...s,
        busy: null,
        progress: null,
        review: null,
        receipt: e.receipt,
        fresh: true,
        issues: e.warnings,
        error: e.error,
        errorAt: "submit",
        receiptError: null,
        reviewMarks: [],
      };
    case "receiptLoaded":
      return s.fresh ? s : { ...s, receipt: e.receipt, receiptError: null };
    case "receiptLoadFailed":
      return s.fresh ? s : { ...s, receiptError: e.error };
    case "selectFailed":
      return { ...s, error: e.error, errorAt: e.at ?? "check" };
    case "reviewMarked":
      return { ...s, busy: null, reviewMarks: e.marks };
  }
}

/** The errors of the last check or refused send block the send (step 3 says so). */
export function mustFixBeforeSend(s: DistrictState): boolean {
  return (
    s.busy === null && (s.lastAction === "prepare" || s.lastAction === "send") && (s.issues?.some((i) => i.severity === "error") ?? false)
  );
}
