import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { SETUP_2018 } from "./fixtures.ts";

/**
 * The eleven 2018 demo district plans (cli/demo/plan-2018.ts) consolidated as the 2018 targets are
 * measured against them: each revision 1, no submission time; `preparers: false` leaves the
 * preparer and phone out. The plans, each one's aggregate by district, and the report.
 */
export function plans2018Report(generatedAt: string, preparers = true) {
  const subs = buildPlan2018(DEFAULT_REFERENCE);
  const aggregates = new Map(subs.map((s) => [s.district, aggregateSubmission(s, DEFAULT_REFERENCE.criteria)]));
  const report = buildReport({
    year: 2018,
    generatedAt,
    setup: SETUP_2018,
    entries: subs.map((s) => ({
      unit: s.district,
      aggregate: aggregates.get(s.district)!,
      revision: 1,
      submittedAt: null,
      submittedBy: null,
      preparedBy: preparers ? s.preparedBy : null,
      phone: preparers ? s.phone : null,
    })),
  });
  return { subs, aggregates, report };
}
