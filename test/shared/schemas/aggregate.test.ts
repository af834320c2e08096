import { describe, expect, it } from "vitest";
import { aggregateSchema, readStoredAggregate } from "../../../shared/schemas/aggregate.ts";
import { CRITERIA_NTM1 } from "../../../shared/reference/criteria.ts";
import { aggregateSubmission } from "../../../shared/report/aggregate.ts";
import { ALL, commune, range, submission } from "../report/helpers.ts";

/** An aggregate exactly as the code before setups stored it in D1 (schema 1). */
const LEGACY = {
  communes: 3,
  ntm: { baseline: 1, plan: 1 },
  criteriaSum: { baseline: 22, plan: 45 },
  criteria: {
    baseline: [2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    plan: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1],
  },
  bands: { baseline: [1, 0, 0, 0, 2], plan: [1, 1, 1, 0, 0] },
  groups: {
    border: { communes: 1, criteriaSum: { baseline: 19, plan: 19 } },
    pilotDifficult: { communes: 1, criteriaSum: { baseline: 3, plan: 10 } },
    ntmTarget: { communes: 1, criteriaSum: { baseline: 0, plan: 16 } },
    districtDifficult: { communes: 1, criteriaSum: { baseline: 3, plan: 10 } },
  },
  capital: { central: 1_500, local: 2_000, integrated: 3, enterprise: 4, credit: 5, community: 6, other: 7 },
};

describe("readStoredAggregate", () => {
  it("reads an aggregate stored before setups as the one computed today from the same submission", () => {
    const sub = submission(
      "183",
      [
        commune("06001", ALL, ALL, { border: true }),
        commune("06004", [1, 2, 3], range(1, 10), { pilotDifficult: true, districtDifficult: true }),
        commune("06007", [], range(1, 16), { ntmTarget: true }),
      ],
      { central: 1_500, local: 2_000, integrated: 3, enterprise: 4, credit: 5, community: 6, other: 7 },
    );
    const read = readStoredAggregate(JSON.stringify(LEGACY));
    expect(aggregateSchema.safeParse(read).success).toBe(true);
    expect(read).toEqual(aggregateSubmission(sub, CRITERIA_NTM1));
    expect(read.bands.plan).toEqual({ "19": 1, "15-18": 1, "10-14": 1, "5-9": 0, "<5": 0 });
    expect(read.capital).toEqual({ "1.1": 1_500, "1.2": 2_000, "2": 3, "3": 4, "4": 5, "5": 6, "6": 7 });
  });

  it("reads a current aggregate unchanged", () => {
    const a = aggregateSubmission(submission("183", [commune("06001", [1], [1, 2])]), CRITERIA_NTM1);
    expect(readStoredAggregate(JSON.stringify(a))).toEqual(a);
  });

  it("throws on a row that is neither (a broken row is a server fault, not user data)", () => {
    expect(() => readStoredAggregate(JSON.stringify({ ...LEGACY, capital: { credit: 5 } }))).toThrow();
    expect(() => readStoredAggregate(JSON.stringify({ schemaVersion: 3 }))).toThrow();
    expect(() => readStoredAggregate("{")).toThrow();
  });
});
