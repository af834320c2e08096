import { describe, expect, it } from "vitest";
import type { LatestReview, StatusInput, UnitRevisions } from "../../../shared/review/unit-status.ts";
import { completeness, unitStatus } from "../../../shared/review/unit-status.ts";
import type { StatusUnit } from "../../../shared/schemas/api/review.ts";
import { statusUnit } from "./status-unit.ts";

/** A unit's status in a round (docs/review.md) and the round's completeness. Deadline 2027-03-31 (Vietnam time). */

const DEADLINE = "2027-03-31";
const ON_TIME = "2027-03-31T16:59:59.999Z";
const LATE = "2027-03-31T17:00:00.000Z";

const revs = (revision: number, first: string, latest = first): UnitRevisions => ({
  latest: { revision, submittedAt: latest },
  firstSubmittedAt: first,
});

const review = (action: LatestReview["action"], revision: number | null, extra: Partial<LatestReview> = {}): LatestReview => ({
  action,
  revision,
  comment: action === "accept" ? null : "Thiếu số liệu",
  cells: [],
  at: "2027-04-02T02:00:00.000Z",
  actor: "Văn phòng",
  ...extra,
});

const input = (revisions: UnitRevisions | null, r: LatestReview | null = null, deadline: string | null = DEADLINE): StatusInput => ({
  code: "06148",
  name: "Xã Thất Khê",
  revisions,
  review: r,
  deadline,
});

describe("unitStatus", () => {
  it("missing: nothing stored (every other field null or empty)", () => {
    expect(unitStatus(input(null))).toEqual(statusUnit("06148", "Xã Thất Khê"));
    // Not missing once a revision exists.
    expect(unitStatus(input(revs(1, ON_TIME))).status).not.toBe("missing");
  });

  it("submitted: the first revision on time (23:59:59.999 +07 on the deadline day)", () => {
    expect(unitStatus(input(revs(1, ON_TIME)))).toEqual(
      statusUnit("06148", "Xã Thất Khê", {
        status: "submitted",
        revision: 1,
        submittedAt: ON_TIME,
        firstSubmittedAt: ON_TIME,
        daysLate: 0,
      }),
    );
  });

  it("late: the first revision at 00:00 +07 the next day (daysLate 1); not late without a deadline", () => {
    expect(unitStatus(input(revs(1, LATE)))).toMatchObject({ status: "late", daysLate: 1 });
    expect(unitStatus(input(revs(1, LATE), null, null))).toMatchObject({ status: "submitted", daysLate: 0 });
  });

  it("a unit on time that revises after the deadline stays on time; a late one stays late when it revises", () => {
    expect(unitStatus(input(revs(3, ON_TIME, "2027-04-20T00:00:00.000Z")))).toMatchObject({
      status: "submitted",
      revision: 3,
      submittedAt: "2027-04-20T00:00:00.000Z",
      firstSubmittedAt: ON_TIME,
      daysLate: 0,
    });
    expect(unitStatus(input(revs(2, LATE, "2027-04-20T00:00:00.000Z")))).toMatchObject({ status: "late", daysLate: 1 });
  });

  it("returned: the latest review returns the latest revision, with its comment and cells", () => {
    const cells = [{ sheet: "Tiêu chí", cell: "H6", commune: "06148", text: "Sai" }];
    const s = unitStatus(input(revs(2, LATE), review("return", 2, { cells })));
    expect(s).toMatchObject({
      status: "returned",
      revision: 2,
      daysLate: 1,
      comment: "Thiếu số liệu",
      cells,
      acceptedRevision: null,
      reviewedAt: "2027-04-02T02:00:00.000Z",
      reviewedBy: "Văn phòng",
    });
    // A copy: the caller's cells are not shared.
    expect(s.cells[0]).not.toBe(cells[0]);
  });

  it("not returned once a later revision came in: submitted (or late), without the comment", () => {
    const later = unitStatus(
      input(revs(3, ON_TIME), review("return", 2, { cells: [{ sheet: "S", cell: "A1", commune: null, text: "x" }] })),
    );
    expect(later).toMatchObject({ status: "submitted", revision: 3, comment: null, cells: [], reviewedBy: "Văn phòng" });
    expect(unitStatus(input(revs(3, LATE), review("return", 2))).status).toBe("late");
  });

  it("accepted: the latest review accepts (the accepted revision stated), on time or late", () => {
    expect(unitStatus(input(revs(2, LATE), review("accept", 2)))).toMatchObject({
      status: "accepted",
      acceptedRevision: 2,
      daysLate: 1,
      comment: null,
      cells: [],
    });
    expect(unitStatus(input(revs(1, ON_TIME), review("accept", 1))).status).toBe("accepted");
  });

  it("reopened: back to submitted or late, the reason shown, no accepted revision", () => {
    expect(unitStatus(input(revs(2, ON_TIME), review("reopen", 2, { comment: "Xin sửa" })))).toMatchObject({
      status: "submitted",
      acceptedRevision: null,
      comment: "Xin sửa",
      cells: [],
    });
    expect(unitStatus(input(revs(2, LATE), review("reopen", 2))).status).toBe("late");
  });
});

describe("completeness", () => {
  const row = (code: string, status: StatusUnit["status"], daysLate: number | null): StatusUnit =>
    statusUnit(code, "Xã Thất Khê", { status, daysLate });

  it("expected = every unit; submitted = not missing; onTime = daysLate 0; accepted = accepted", () => {
    expect(
      completeness([
        row("1", "missing", null),
        row("2", "submitted", 0),
        row("3", "late", 4),
        row("4", "returned", 0),
        row("5", "returned", 2),
        row("6", "accepted", 0),
        row("7", "accepted", 1),
      ]),
    ).toEqual({ expected: 7, submitted: 6, onTime: 3, accepted: 2 });
  });

  it("nothing submitted, and no unit at all", () => {
    expect(completeness([row("1", "missing", null), row("2", "missing", null)])).toEqual({
      expected: 2,
      submitted: 0,
      onTime: 0,
      accepted: 0,
    });
    expect(completeness([])).toEqual({ expected: 0, submitted: 0, onTime: 0, accepted: 0 });
  });

  it("from unitStatus at the boundary: one on time, one late, one missing", () => {
    const units = [unitStatus(input(revs(1, ON_TIME))), unitStatus(input(revs(1, LATE))), unitStatus(input(null))];
    expect(completeness(units)).toEqual({ expected: 3, submitted: 2, onTime: 1, accepted: 0 });
  });
});
