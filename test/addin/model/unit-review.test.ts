import { describe, expect, it } from "vitest";
import type { StatusResponse, StatusUnit } from "../../../shared/schemas/api/review.ts";
import { ownRow, returnedCells, reviewMarks, sendLocked } from "../../../addin/model/unit-review.ts";

const cells = [
  { sheet: "Tiêu chí", cell: "I8", commune: "06003", text: "TC1 chưa đạt" },
  { sheet: "Nguồn vốn", cell: "C6", commune: null, text: "Thiếu nguồn" },
];
const row = (status: StatusUnit["status"]): StatusUnit => ({
  code: "183",
  name: "Huyện Cao Lộc",
  status,
  revision: status === "missing" ? null : 2,
  submittedAt: null,
  firstSubmittedAt: null,
  daysLate: null,
  acceptedRevision: status === "accepted" ? 2 : null,
  comment: status === "returned" ? "Sửa lại" : null,
  cells: status === "returned" ? cells : [],
  reviewedAt: null,
  reviewedBy: null,
});
const status = (units: StatusUnit[]): StatusResponse => ({
  year: 2018,
  round: "plan",
  deadline: null,
  cut: { asOf: null, seq: 0, accepted: false },
  units,
  completeness: { expected: 11, submitted: 1, onTime: 1, accepted: 0 },
});

describe("unit review", () => {
  it("finds the unit's own row; none when the status has no such row", () => {
    expect(ownRow(status([row("submitted")]), "183")?.status).toBe("submitted");
    expect(ownRow(status([row("submitted")]), "184")).toBeNull();
    expect(ownRow(null, "183")).toBeNull();
  });
  it("only an accepted round locks the send", () => {
    expect(sendLocked(row("accepted"))).toBe(true);
    for (const s of ["missing", "submitted", "late", "returned"] as const) expect(sendLocked(row(s))).toBe(false);
    expect(sendLocked(null)).toBe(false);
  });
  it("the cell comments of a return become warnings for the marks (code review.comment)", () => {
    expect(returnedCells(row("submitted"))).toEqual([]);
    expect(reviewMarks(returnedCells(row("returned")))).toEqual([
      {
        code: "review.comment",
        severity: "warning",
        sheet: "Tiêu chí",
        cell: "I8",
        row: null,
        commune: "06003",
        message: "TC1 chưa đạt",
        messageEn: "TC1 chưa đạt",
      },
      {
        code: "review.comment",
        severity: "warning",
        sheet: "Nguồn vốn",
        cell: "C6",
        row: null,
        commune: null,
        message: "Thiếu nguồn",
        messageEn: "Thiếu nguồn",
      },
    ]);
  });
});
