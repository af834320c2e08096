import { describe, expect, it } from "vitest";
import {
  acceptRequest,
  actionsOf,
  completenessOf,
  dayMonthYear,
  reloadsAfter,
  reopenRequest,
  returnRequest,
  statusLabel,
} from "../../../addin/model/review-board.ts";

const target = { unit: "183", year: 2018, round: "plan" as const, revision: 2 };

describe("review board: actions per status", () => {
  it("missing: none; submitted, late, returned: accept and return; accepted: reopen", () => {
    expect(actionsOf({ status: "missing", revision: null })).toEqual([]);
    expect(actionsOf({ status: "submitted", revision: 1 })).toEqual(["accept", "return"]);
    expect(actionsOf({ status: "late", revision: 3 })).toEqual(["accept", "return"]);
    expect(actionsOf({ status: "returned", revision: 2 })).toEqual(["accept", "return"]);
    expect(actionsOf({ status: "accepted", revision: 2 })).toEqual(["reopen"]);
  });
  it("late shows its days late; 0 or null days: the plain label", () => {
    expect(statusLabel({ status: "late", daysLate: 3 })).toEqual({ key: "statusLateDays", params: { days: 3 } });
    expect(statusLabel({ status: "late", daysLate: null })).toEqual({ key: "statusLate", params: {} });
    expect(statusLabel({ status: "accepted", daysLate: 0 })).toEqual({ key: "statusAccepted", params: {} });
  });
});

describe("review board: completeness line", () => {
  it("the four counts and the deadline as dd/mm/yyyy", () => {
    expect(completenessOf({ completeness: { expected: 11, submitted: 9, onTime: 8, accepted: 3 }, deadline: "2018-03-31" })).toEqual({
      expected: 11,
      submitted: 9,
      onTime: 8,
      accepted: 3,
      deadline: "31/03/2018",
    });
    expect(completenessOf({ completeness: { expected: 11, submitted: 0, onTime: 0, accepted: 0 }, deadline: null }).deadline).toBeNull();
    expect(dayMonthYear("2026-01-05")).toBe("05/01/2026");
    expect(dayMonthYear("soon")).toBe("soon");
  });
});

describe("review board: requests", () => {
  it("accept names the revision shown", () => {
    expect(acceptRequest(target)).toEqual({ unit: "183", year: 2018, round: "plan", action: "accept", revision: 2 });
  });
  it("return: trimmed comment, cell rows normalised, empty rows dropped", () => {
    const r = returnRequest(target, "  Sai số liệu  ", [
      { sheet: " Tiêu chí ", cell: "$i$8", text: " Xã Gia Cát chưa đạt TC2 " },
      { sheet: "", cell: "", text: "  " },
      { sheet: "Nguồn vốn", cell: "c6", text: "Thiếu vốn" },
    ]);
    expect(r).toEqual({
      ok: true,
      value: {
        unit: "183",
        year: 2018,
        round: "plan",
        action: "return",
        revision: 2,
        comment: "Sai số liệu",
        cells: [
          { sheet: "Tiêu chí", cell: "I8", text: "Xã Gia Cát chưa đạt TC2" },
          { sheet: "Nguồn vốn", cell: "C6", text: "Thiếu vốn" },
        ],
      },
    });
  });
  it("return: a blank comment and incomplete or malformed rows are refused, each named", () => {
    expect(
      returnRequest(target, "   ", [
        { sheet: "Tiêu chí", cell: "I8", text: "" },
        { sheet: "Tiêu chí", cell: "I8:J9", text: "x" },
        { sheet: "", cell: "I8", text: "x" },
        { sheet: "Tiêu chí", cell: "A0", text: "x" },
        { sheet: "Tiêu chí", cell: "B6", text: "x" },
      ]),
    ).toEqual({
      ok: false,
      problems: [
        { key: "problemComment" },
        { key: "problemCellRow", row: 1 },
        { key: "problemCellRow", row: 2 },
        { key: "problemCellRow", row: 3 },
        { key: "problemCellRow", row: 4 },
      ],
    });
  });
  it("reopen needs a reason", () => {
    expect(reopenRequest(target, " Đơn vị xin sửa ")).toEqual({
      ok: true,
      value: { unit: "183", year: 2018, round: "plan", action: "reopen", comment: "Đơn vị xin sửa" },
    });
    expect(reopenRequest(target, "")).toEqual({ ok: false, problems: [{ key: "problemReason" }] });
  });
  it("a stale or invalid-state refusal reloads the board; others do not", () => {
    expect(reloadsAfter("review.stale")).toBe(true);
    expect(reloadsAfter("review.invalid_state")).toBe(true);
    expect(reloadsAfter("auth.forbidden")).toBe(false);
    expect(reloadsAfter("network.unreachable")).toBe(false);
  });
});
