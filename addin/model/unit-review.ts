import type { Issue } from "../../shared/result.ts";
import type { StatusResponse, StatusUnit } from "../../shared/schemas/api/review.ts";

/**
 * The reporting unit's view of its review (GET /status/:year: a unit token sees its own row):
 * the row, the office's cell comments as marks for the workbook, whether `Gửi` is locked.
 */
export function ownRow(status: StatusResponse | null, code: string): StatusUnit | null {
  return status?.units.find((u) => u.code === code) ?? null;
}

/** Accepted: the round is locked for the unit (the server would answer 409 `round.locked`). */
export function sendLocked(row: StatusUnit | null): boolean {
  return row?.status === "accepted";
}

/** The cell comments of a return, while it is returned (none otherwise). */
export function returnedCells(row: StatusUnit | null): StatusUnit["cells"] {
  return row?.status === "returned" ? row.cells : [];
}

/**
 * The office's cell comments as warnings for addin/excel/mark-issues.ts (the yellow mark): one per
 * cell, the comment's text as the message. Code `review.comment`.
 */
export function reviewMarks(cells: StatusUnit["cells"]): Issue[] {
  return cells.map((c) => ({
    code: "review.comment",
    severity: "warning",
    sheet: c.sheet,
    cell: c.cell,
    row: null,
    commune: c.commune,
    message: c.text,
    messageEn: c.text,
  }));
}
