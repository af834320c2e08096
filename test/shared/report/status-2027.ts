import { aggregateUnit } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { unitStatus } from "../../../shared/review/unit-status.ts";
import type { LatestReview, UnitRevisions } from "../../../shared/review/unit-status.ts";
import type { Cut, StatusUnit } from "../../../shared/schemas/api/review.ts";
import type { Round } from "../../../shared/schemas/api/common.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { SUBMISSIONS_2027, TINY_2027 } from "./tiny-2027.ts";

/**
 * A server report of the tiny 2027 plan with one unit of each status at the cut (deadline
 * 31/03/2027, Vietnam time): 06001 submitted on time (revision 1, 20/03 10:00), 06004 late (first
 * revision 02/04 09:30, 2 days late; revision 2 on 03/04 08:00), 06007 returned (revision 1 at
 * 31/03 23:59, the last minute on time), 06010 missing, 06013 accepted (revision 3, 25/03 15:00).
 * The setup lists 06013 as its fifth unit, so all five count: submitted 4/5, on time 3/5, accepted 1/5.
 */
export const STATUS_SETUP: Setup = {
  ...TINY_2027,
  units: [...TINY_2027.units, { code: "06013", name: "Xã Cũ", attributes: {} }],
};

const DEADLINE = "2027-03-31";

type Fixture = { revisions: UnitRevisions | null; review: LatestReview | null };

const once = (revision: number, at: string, first = at): UnitRevisions => ({
  latest: { revision, submittedAt: at },
  firstSubmittedAt: first,
});
const review = (action: LatestReview["action"], revision: number): LatestReview => ({
  action,
  revision,
  comment: action === "return" ? "TC2 chưa khớp" : null,
  cells: action === "return" ? [{ sheet: "Tiêu chí", cell: "E7", commune: "06007", text: "Kiểm tra lại" }] : [],
  at: "2027-04-04T02:00:00.000Z",
  actor: "Văn phòng",
});

const FIXTURES: Record<string, Fixture> = {
  "06001": { revisions: once(1, "2027-03-20T03:00:00.000Z"), review: null },
  "06004": { revisions: once(2, "2027-04-03T01:00:00.000Z", "2027-04-02T02:30:00.000Z"), review: null },
  "06007": { revisions: once(1, "2027-03-31T16:59:00.000Z"), review: review("return", 1) },
  "06010": { revisions: null, review: null },
  "06013": { revisions: once(3, "2027-03-25T08:00:00.000Z"), review: review("accept", 3) },
};

export const STATUS_CUT: Cut = { asOf: "2027-04-05T03:00:00.000Z", seq: 12, accepted: false };

/** The report as the server builds it at the cut (options: another cut, round or deadline). */
export function statusReport(o: { cut?: Cut; round?: Round; deadline?: string | null } = {}): Report {
  const statuses = new Map<string, StatusUnit>(
    STATUS_SETUP.units.map((u) => [u.code, unitStatus({ code: u.code, name: u.name, ...FIXTURES[u.code]!, deadline: DEADLINE })]),
  );
  const entries = SUBMISSIONS_2027.map((s) => {
    const r = FIXTURES[s.unit]!.revisions!;
    return {
      unit: s.unit,
      aggregate: aggregateUnit(s, STATUS_SETUP),
      revision: r.latest.revision,
      submittedAt: r.latest.submittedAt,
      submittedBy: "Văn phòng",
      preparedBy: s.preparedBy,
      phone: s.phone,
    };
  });
  return buildReport({
    year: 2027,
    generatedAt: "2027-04-05T03:30:00.000Z",
    setup: STATUS_SETUP,
    entries,
    review: {
      round: o.round ?? "plan",
      cut: o.cut ?? STATUS_CUT,
      deadline: o.deadline === undefined ? DEADLINE : o.deadline,
      statuses,
    },
  });
}
