import { statusUnit } from "../../shared/review/status-unit.ts";

/**
 * A GET /api/v1/status/2027 answer for the review commands' tests: four units of a plan round with
 * deadline 31/03/2027, seen after action 12 (05/04/2027 08:00 Vietnam time).
 * 183 on time (revision 2, stored 10/03/2027 10:05); 185 returned (revision 1, first stored
 * 03/04/2027 00:30 Vietnam time: 3 days late) with an overall comment and two cell comments;
 * 186 missing; 187 accepted (revision 3). Completeness: 3 of 4 submitted, 2 on time, 1 accepted.
 */
export const STATUS_2027 = {
  year: 2027,
  round: "plan",
  deadline: "2027-03-31",
  cut: { asOf: "2027-04-05T01:00:00.000Z", seq: 12, accepted: false },
  units: [
    statusUnit("183", "Huyện Cao Lộc", {
      status: "submitted",
      revision: 2,
      submittedAt: "2027-03-10T03:05:00.000Z",
      firstSubmittedAt: "2027-03-01T02:00:00.000Z",
      daysLate: 0,
    }),
    statusUnit("185", "Huyện Bắc Sơn", {
      status: "returned",
      revision: 1,
      submittedAt: "2027-04-02T17:30:00.000Z",
      firstSubmittedAt: "2027-04-02T17:30:00.000Z",
      daysLate: 3,
      comment: "Thiếu số liệu vốn",
      cells: [
        { sheet: "Tiêu chí", cell: "H6", commune: "06400", text: "Kiểm tra lại TC1" },
        { sheet: "Nguồn vốn", cell: "C6", commune: null, text: "Chưa ghi vốn trung ương" },
      ],
      reviewedAt: "2027-04-04T02:00:00.000Z",
      reviewedBy: "Văn phòng Điều phối",
    }),
    statusUnit("186", "Huyện Chi Lăng"),
    statusUnit("187", "Huyện Đình Lập", {
      status: "accepted",
      revision: 3,
      submittedAt: "2027-03-31T16:59:00.000Z",
      firstSubmittedAt: "2027-03-20T01:00:00.000Z",
      daysLate: 0,
      acceptedRevision: 3,
      reviewedAt: "2027-04-05T01:00:00.000Z",
      reviewedBy: "Văn phòng Điều phối",
    }),
  ],
  completeness: { expected: 4, submitted: 3, onTime: 2, accepted: 1 },
};
