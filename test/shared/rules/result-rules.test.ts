import { describe, expect, it } from "vitest";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { checkUnitSubmission } from "../../../shared/rules/check-unit-submission.ts";
import { checkResult } from "../../../shared/rules/result-rules.ts";
import { XA_2027, upTo } from "../template/ntm2-fixtures.ts";
import { PLAN_06004 } from "../template/result-fixtures.ts";
import { brief } from "../helpers/issues.ts";

/** PLAN_06004 as a result: TH `achieved`, `disbursed` by STT (thousand VND). */
const result = (achieved: number[], disbursed: Record<string, number> = {}): UnitSubmission => ({
  ...PLAN_06004,
  round: "result",
  communes: PLAN_06004.communes.map((c) => ({ ...c, achieved })),
  disbursed,
});
const issue = (code: string, severity: "error" | "warning", sheet: string, commune: string | null = null) => ({
  code,
  severity,
  sheet,
  cell: null,
  row: null,
  commune,
});

describe("checkResult (run by the parser and, through checkUnitSubmission, by the server)", () => {
  it("a plan submission has no result rule", () => {
    expect(checkResult({ ...PLAN_06004, disbursed: { "9": 1 } }, XA_2027)).toEqual([]);
  });

  it("passes: TH keeps every HT criterion, disbursed within the plan", () => {
    expect(checkUnitSubmission(result(upTo(8), { "1.1": 1_200_000, "3": 0 }), XA_2027)).toEqual([]);
  });

  it("result.criterion_lost: a criterion achieved in HT is not in TH (warning, per criterion)", () => {
    const issues = checkResult(result([1, 2, 3, 5, 7]), XA_2027);
    expect(brief(issues)).toEqual([
      issue("result.criterion_lost", "warning", "Tiêu chí", "06004"),
      issue("result.criterion_lost", "warning", "Tiêu chí", "06004"),
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      `Xã 06004: tiêu chí 4 đã đạt ở HT nhưng TH ghi chưa đạt. Nếu xã vẫn giữ được tiêu chí, hãy ghi "Đạt" ở TH (TH là lũy kế).`,
      `Xã 06004: tiêu chí 6 đã đạt ở HT nhưng TH ghi chưa đạt. Nếu xã vẫn giữ được tiêu chí, hãy ghi "Đạt" ở TH (TH là lũy kế).`,
    ]);
  });

  it("result.criterion_lost points at the TH cell when the submission names its columns", () => {
    const sub = result(upTo(5));
    const withSource: UnitSubmission = {
      ...sub,
      communes: sub.communes.map((c) => ({ ...c, source: { sheet: "Tiêu chí", row: 6 } })),
      source: {
        criteriaSheet: "Tiêu chí",
        columns: {
          code: "B",
          name: "C",
          group: "D",
          labels: {},
          criteria: upTo(10)
            .map(() => ({ baseline: "H", plan: "I" }))
            .map((c, i) => (i === 5 ? { ...c, achieved: "Y" } : c)),
        },
      },
    };
    expect(brief(checkResult(withSource, XA_2027))).toEqual([
      { ...issue("result.criterion_lost", "warning", "Tiêu chí", "06004"), cell: "Y6", row: 6 },
    ]);
  });

  it("TH numbers: outside the set or twice are errors (sub TH)", () => {
    const issues = checkResult(result([...upTo(6), 11, 6]), XA_2027);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ["criterion.number_unknown", "error"],
      ["criterion.number_duplicate", "error"],
    ]);
    expect(issues[1]!.message).toBe("Tiêu chí số 6 được ghi hai lần (TH).");
  });

  it("result.disbursed_over_plan: a row disbursed more than planned (warning), with the amounts in million VND", () => {
    const issues = checkResult(result(upTo(6), { "1.2": 300_501, "2": 450_000 }), XA_2027);
    expect(brief(issues)).toEqual([issue("result.disbursed_over_plan", "warning", "Nguồn vốn")]);
    expect(issues[0]!.message).toBe(
      "Mục 1.2 (Ngân sách tỉnh): vốn thực hiện 300,501 triệu đồng lớn hơn kế hoạch 300,5 triệu đồng. Hãy kiểm tra lại số liệu.",
    );
    expect(issues[0]!.messageEn).toBe(
      "Item 1.2 (Ngân sách tỉnh): disbursed 300.501 million VND is more than the plan of 300.5 million VND. Check the figures.",
    );
  });

  it("disbursed amounts as the plan's: above the line maximum capital.amount_too_large, not a leaf capital.key_unknown", () => {
    const issues = checkUnitSubmission(result(upTo(6), { "1": 5, "3": 100_000_000_001 }), XA_2027);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ["capital.key_unknown", "error"],
      ["capital.amount_too_large", "error"],
    ]);
  });

  it("the plan.* rules are not run again on a result's HT/KH (they are the plan's)", () => {
    const noPlan: UnitSubmission = { ...result([]), communes: [{ ...result([]).communes[0]!, baseline: [], plan: [] }] };
    expect(checkUnitSubmission({ ...noPlan, round: undefined }, XA_2027).map((i) => i.code)).toEqual(["plan.under_five"]);
    expect(checkUnitSubmission(noPlan, XA_2027)).toEqual([]);
  });
});
