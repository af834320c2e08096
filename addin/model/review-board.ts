import type { ReviewRequest, StatusResponse, StatusUnit } from "../../shared/schemas/api/review.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { MessageKey } from "../i18n/messages.ts";

/**
 * The office's status board as data (no React, no Office): the completeness line, the actions a
 * unit's row offers, the return and reopen forms checked into POST /reviews bodies. The hook
 * (hooks/use-review-board.ts) sends them; test/addin/model/review-board.test.ts covers each rule.
 */
export type BoardAction = "accept" | "return" | "reopen";

/** What the office may do on a row: nothing before a submission, reopen when accepted, else accept or return the latest revision. */
export function actionsOf(unit: Pick<StatusUnit, "status" | "revision">): BoardAction[] {
  if (unit.status === "missing" || unit.revision === null) return [];
  if (unit.status === "accepted") return ["reopen"];
  return ["accept", "return"];
}

/** The badge text of a status: `late` with its days late. */
export function statusLabel(unit: Pick<StatusUnit, "status" | "daysLate">): { key: MessageKey; params: { days?: number } } {
  switch (unit.status) {
    case "missing":
      return { key: "statusMissing", params: {} };
    case "submitted":
      return { key: "statusSubmitted", params: {} };
    case "late":
      return unit.daysLate !== null && unit.daysLate > 0
        ? { key: "statusLateDays", params: { days: unit.daysLate } }
        : { key: "statusLate", params: {} };
    case "returned":
      return { key: "statusReturned", params: {} };
    case "accepted":
      return { key: "statusAccepted", params: {} };
  }
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`; anything else unchanged. */
export function dayMonthYear(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** The completeness line's figures ("Đã nộp 9/11 · Đúng hạn 8/11 · Đã duyệt 3/11") and the deadline as dd/mm/yyyy (null: none). */
export function completenessOf(status: Pick<StatusResponse, "completeness" | "deadline">) {
  const { expected, submitted, onTime, accepted } = status.completeness;
  return { expected, submitted, onTime, accepted, deadline: status.deadline === null ? null : dayMonthYear(status.deadline) };
}

/** One row of the return form's cell comments as typed. */
export type CellDraft = { sheet: string; cell: string; text: string };
/** A problem of a form: the message key and its parameters (`row`: 1-based row of the cell comments). */
export type FormProblem = { key: MessageKey; row?: number };
export type FormResult = { ok: true; value: ReviewRequest } | { ok: false; problems: FormProblem[] };

const CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
const blank = (s: string) => s.trim() === "";

/** The revision, unit and round a review names (the row as the office saw it). */
export type ReviewTarget = { unit: string; year: number; round: Round; revision: number | null };

export function acceptRequest(t: ReviewTarget): ReviewRequest {
  return { unit: t.unit, year: t.year, round: t.round, action: "accept", revision: t.revision };
}

/**
 * The return form → POST /reviews body: a comment is required; a cell row left wholly empty is
 * dropped, any other needs a sheet, an A1 cell (`$` and case ignored) and a text.
 */
export function returnRequest(t: ReviewTarget, comment: string, cells: readonly CellDraft[]): FormResult {
  const problems: FormProblem[] = [];
  if (blank(comment)) problems.push({ key: "problemComment" });
  const out: { sheet: string; cell: string; text: string }[] = [];
  for (const [i, c] of cells.entries()) {
    if (blank(c.sheet) && blank(c.cell) && blank(c.text)) continue;
    const cell = c.cell.replace(/\$/g, "").trim().toUpperCase();
    if (blank(c.sheet) || !CELL.test(cell) || blank(c.text)) {
      problems.push({ key: "problemCellRow", row: i + 1 });
      continue;
    }
    out.push({ sheet: c.sheet.trim(), cell, text: c.text.trim() });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { unit: t.unit, year: t.year, round: t.round, action: "return", revision: t.revision, comment: comment.trim(), cells: out },
  };
}

/** The reopen form → POST /reviews body: the reason is required. */
export function reopenRequest(t: ReviewTarget, reason: string): FormResult {
  if (blank(reason)) return { ok: false, problems: [{ key: "problemReason" }] };
  return { ok: true, value: { unit: t.unit, year: t.year, round: t.round, action: "reopen", comment: reason.trim() } };
}

/** After a refused review: `review.stale` (the unit sent a newer revision) reloads the board; any other refusal just shows. */
export function reloadsAfter(code: string): boolean {
  return code === "review.stale" || code === "review.invalid_state";
}
