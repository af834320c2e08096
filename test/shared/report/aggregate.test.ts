import { describe, expect, it } from "vitest";
import { aggregateSchema } from "../../../shared/schemas/aggregate.ts";
import { CRITERIA_NTM1 } from "../../../shared/reference/criteria.ts";
import type { CriteriaSet } from "../../../shared/reference/criteria.ts";
import { aggregateSubmission, emptyAggregate } from "../../../shared/report/aggregate.ts";
import { ALL, SETUP_2018, commune, range, submission } from "./helpers.ts";

const bands = (b19: number, b15: number, b10: number, b5: number, b0: number) => ({
  "19": b19,
  "15-18": b15,
  "10-14": b10,
  "5-9": b5,
  "<5": b0,
});

const rep = (n: number, v: number) => Array.from({ length: n }, () => v);

describe("aggregateSubmission", () => {
  const sub = submission(
    "183",
    [
      commune("06001", ALL, ALL, { border: true }),
      commune("06004", [1, 2, 3], range(1, 10), { pilotDifficult: true, districtDifficult: true }),
      commune("06007", [], range(1, 16), { ntmTarget: true }),
    ],
    { central: 1_500, local: 2_000, integrated: 3, enterprise: 4, credit: 5, community: 6, other: 7 },
  );

  it("counts communes, NTM, criteria, bands, groups and copies capital leaves (by STT)", () => {
    const a = aggregateSubmission(sub, CRITERIA_NTM1);
    expect(aggregateSchema.safeParse(a).success).toBe(true);
    expect(a.schemaVersion).toBe(2);
    expect(a.templateVersion).toBe("NTM-1");
    expect(a.criteriaSet).toEqual({ id: "2016-2020", size: 19 });
    expect(a.unlisted).toEqual([]);
    expect(a.communes).toBe(3);
    expect(a.ntm).toEqual({ baseline: 1, plan: 1 });
    expect(a.criteriaSum).toEqual({ baseline: 22, plan: 45 });
    expect(a.criteria.baseline).toEqual([2, 2, 2, ...rep(16, 1)]);
    expect(a.criteria.plan).toEqual([...rep(10, 3), ...rep(6, 2), ...rep(3, 1)]);
    expect(a.bands.baseline).toEqual(bands(1, 0, 0, 0, 2));
    expect(a.bands.plan).toEqual(bands(1, 1, 1, 0, 0));
    expect(a.groups).toEqual({
      border: { communes: 1, criteriaSum: { baseline: 19, plan: 19 } },
      pilotDifficult: { communes: 1, criteriaSum: { baseline: 3, plan: 10 } },
      ntmTarget: { communes: 1, criteriaSum: { baseline: 0, plan: 16 } },
      districtDifficult: { communes: 1, criteriaSum: { baseline: 3, plan: 10 } },
    });
    expect(a.capital).toEqual({ "1.1": 1_500, "1.2": 2_000, "2": 3, "3": 4, "4": 5, "5": 6, "6": 7 });
  });

  it("gives the same aggregate from the built-in 2018 setup as from the reference criteria", () => {
    expect(aggregateSubmission(sub, SETUP_2018)).toEqual(aggregateSubmission(sub, CRITERIA_NTM1));
  });

  it("ignores criterion numbers outside the set and repeated numbers (a commune with 1..18 + 20 + 18 again is not NTM)", () => {
    const a = aggregateSubmission(submission("183", [commune("06001", [...range(1, 18), 20, 18], [...range(1, 18), 20])]), CRITERIA_NTM1);
    expect(a.ntm).toEqual({ baseline: 0, plan: 0 });
    expect(a.criteriaSum).toEqual({ baseline: 18, plan: 18 });
    expect(a.criteria.baseline[17]).toBe(1);
    expect(a.bands.plan).toEqual(bands(0, 1, 0, 0, 0));
  });

  it("follows the criteria set (reference data): a 3-criterion set makes NTM = all 3", () => {
    const small: CriteriaSet = { templateVersion: "NTM-1", period: "test", criteria: CRITERIA_NTM1.criteria.slice(0, 3) };
    const a = aggregateSubmission(submission("183", [commune("06001", [1, 2, 3], [1, 2, 3]), commune("06004", [1], [1, 2])]), small);
    expect(a.criteria).toEqual({ baseline: [2, 1, 1], plan: [2, 2, 1] });
    expect(a.ntm).toEqual({ baseline: 1, plan: 1 });
  });

  it("gives zeros for no communes", () => {
    expect(aggregateSubmission(submission("183", []), CRITERIA_NTM1)).toEqual(emptyAggregate(SETUP_2018, "NTM-1"));
  });
});
