import { describe, expect, it } from "vitest";
import { reportSummary } from "../../cli/report-summary.ts";
import { aggregateUnit } from "../../shared/report/aggregate.ts";
import { buildReport } from "../../shared/report/build-report.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { SUBMISSIONS_2027, TINY_2027, upTo } from "../shared/report/tiny-2027.ts";

const entry = (sub: UnitSubmission) => ({
  unit: sub.unit,
  aggregate: aggregateUnit(sub, TINY_2027),
  revision: 1,
  submittedAt: "2027-12-20T03:00:00.000Z",
  submittedBy: null,
  preparedBy: null,
  phone: null,
});

describe("reportSummary, result report (`ntm report --round result`)", () => {
  const [p1, p4] = SUBMISSIONS_2027 as [UnitSubmission, UnitSubmission];
  const done: UnitSubmission = {
    ...p1,
    round: "result",
    communes: p1.communes.map((c) => ({ ...c, achieved: upTo(10) })),
    disbursed: { "1.1": 500_500 },
  };
  const base = { year: 2027, generatedAt: "2027-12-31T01:00:00.000Z", setup: TINY_2027, entries: [entry(p1), entry(p4)] };

  it("states NTM communes and capital, planned against achieved", () => {
    const text = reportSummary(buildReport({ ...base, results: [entry(done)] }));
    // Planned: 06001 and 06004 NTM (2); achieved 1. Capital 1,000 + 1,000.001 million; disbursed 500.5.
    expect(text).toContain("\nKết quả thực hiện so với kế hoạch\n");
    expect(text).toContain("Xã đạt chuẩn NTM: kế hoạch 2, thực hiện 1 (50,0%)\n");
    expect(text).toContain("Tổng vốn: kế hoạch 2.000,001, thực hiện 500,5 triệu đồng (25,0%)\n");
  });

  it("a plan report has no such lines", () => {
    expect(reportSummary(buildReport(base))).not.toContain("Kết quả thực hiện so với kế hoạch");
  });
});
