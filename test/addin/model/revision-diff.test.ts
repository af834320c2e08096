import { describe, expect, it } from "vitest";
import { diffRevisions } from "../../../addin/model/revision-diff.ts";
import type { Commune, Submission } from "../../../shared/schemas/submission.ts";
import type { UnitCommune, UnitSubmission } from "../../../shared/schemas/unit-submission.ts";

const BORDER = "Xã biên giới";
const TARGET = "Phấn đấu đạt chuẩn NTM";
const ten = Array.from({ length: 10 }, (_, i) => i + 1);

const unitCommune = (code: string, name: string, baseline: number[], plan: number[], more: Partial<UnitCommune> = {}): UnitCommune => ({
  code,
  name,
  group: 2,
  attributes: { [BORDER]: false },
  flags: { [TARGET]: false },
  baseline,
  plan,
  ...more,
});

function unitSubmission(
  communes: UnitCommune[],
  capital: Record<string, number> = { "1.1": 1_000_000, "1.2": 250_500, "2": 49_500 },
): UnitSubmission {
  return {
    templateVersion: "NTM-2",
    unit: "181",
    unitName: "Huyện Văn Lãng",
    year: 2026,
    criteriaSet: "2026-2030",
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes,
    capital,
  };
}

const base = [
  unitCommune("06001", "Xã A", ten, ten, { attributes: { [BORDER]: true }, flags: { [TARGET]: true } }),
  unitCommune("06002", "Xã B", ten.slice(0, 6), ten),
  unitCommune("06003", "Xã C", [1, 2], [1, 2, 3], { group: 3 }),
];

describe("diffRevisions on NTM-2 revisions", () => {
  it("the same content is no change: communes in another order, criteria repeated or unordered, labels cleaned, empty labels left out", () => {
    const next = unitSubmission([
      base[2]!,
      { ...base[0]!, name: " Xã  A ", attributes: { [` ${BORDER}`]: true }, flags: { [TARGET]: true, "Cờ khác": false } },
      { ...base[1]!, baseline: [6, 5, 4, 3, 2, 1, 1], plan: [...ten].reverse(), attributes: {} },
    ]);
    expect(diffRevisions(unitSubmission(base), 2, next, 10)).toEqual({
      previousRevision: 2,
      added: [],
      removed: [],
      changed: [],
      ntm: { before: 2, after: 2 },
      capital: { before: 1_300_000, after: 1_300_000 },
      same: true,
    });
  });

  it("lists added, removed and changed communes, NTM communes and the exact capital totals", () => {
    const next = unitSubmission(
      [base[0]!, unitCommune("06002", "Xã B", ten.slice(0, 6), ten.slice(0, 9)), unitCommune("06009", "Xã Mới", [], [1])],
      { "1.1": 1_000_000, "1.2": 250_600, "2": 49_500 },
    );
    expect(diffRevisions(unitSubmission(base), 1, next, 10)).toEqual({
      previousRevision: 1,
      added: [{ code: "06009", name: "Xã Mới" }],
      removed: [{ code: "06003", name: "Xã C" }],
      changed: [{ code: "06002", name: "Xã B" }],
      ntm: { before: 2, after: 1 },
      capital: { before: 1_300_000, after: 1_300_100 },
      same: false,
    });
  });

  it.each([
    ["the name", { name: "Xã Bình" }],
    ["the group", { group: 1 as const }],
    ["the group typed or left empty", { group: null }],
    ["an attribute", { attributes: { [BORDER]: true } }],
    ["a plan flag", { flags: { [TARGET]: true } }],
    ["a new plan flag of the setup", { flags: { [TARGET]: false, "Xã điểm": true } }],
    ["the baseline (HT)", { baseline: ten.slice(0, 7) }],
  ])("a commune whose %s differs is changed, nothing else", (_what, more) => {
    const next = unitSubmission([base[0]!, { ...base[1]!, ...more }, base[2]!]);
    const d = diffRevisions(unitSubmission(base), 4, next, 10);
    expect(d).toEqual({
      previousRevision: 4,
      added: [],
      removed: [],
      changed: [{ code: "06002", name: (more as Partial<UnitCommune>).name ?? "Xã B" }],
      ntm: { before: 2, after: 2 },
      capital: { before: 1_300_000, after: 1_300_000 },
      same: false,
    });
  });

  it("a commune planned to meet every criterion of the set is NTM: one more in KH is one more NTM commune", () => {
    const next = unitSubmission([base[0]!, base[1]!, { ...base[2]!, plan: ten }]);
    const d = diffRevisions(unitSubmission(base), 1, next, 10);
    expect(d === "notCompared" ? d : { changed: d.changed, ntm: d.ntm, same: d.same }).toEqual({
      changed: [{ code: "06003", name: "Xã C" }],
      ntm: { before: 2, after: 3 },
      same: false,
    });
  });

  it("only the capital total moved is a change; moving money between rows keeps the total", () => {
    const more = diffRevisions(unitSubmission(base), 1, unitSubmission(base, { "1.1": 1_000_000, "1.2": 250_500, "2": 49_501 }), 10);
    expect(more === "notCompared" ? more : { capital: more.capital, same: more.same }).toEqual({
      capital: { before: 1_300_000, after: 1_300_001 },
      same: false,
    });
    const moved = diffRevisions(unitSubmission(base), 1, unitSubmission(base, { "1.1": 1_250_500, "2": 49_500 }), 10);
    expect(moved === "notCompared" ? moved : moved.same).toBe(true);
  });

  it("a revision under another criteria set is not compared", () => {
    const next = { ...unitSubmission(base), criteriaSet: "2031-2035" };
    expect(diffRevisions(unitSubmission(base), 1, next, 10)).toBe("notCompared");
  });
});

describe("diffRevisions across template versions", () => {
  const flags = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };
  const ntm1Commune = (code: string, name: string): Commune => ({ code, name, flags, baseline: [1], plan: [1, 2] });
  const ntm1: Submission = {
    templateVersion: "NTM-1",
    district: "181",
    districtName: "Huyện Văn Lãng",
    year: 2026,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes: [ntm1Commune("06001", "Xã A")],
    capital: { central: 1_000_000, local: 250_500, integrated: 49_500, enterprise: 0, credit: 0, community: 0, other: 0 },
  };

  it("an NTM-1 revision and an NTM-2 one are not compared, either way", () => {
    expect(diffRevisions(ntm1, 1, unitSubmission(base), 10)).toBe("notCompared");
    expect(diffRevisions(unitSubmission(base), 1, ntm1, 19)).toBe("notCompared");
  });

  it("two NTM-1 revisions still are: a flag changed, the name typed with extra spaces is the same", () => {
    const next = {
      ...ntm1,
      communes: [{ ...ntm1Commune("06001", "  Xã   A"), flags: { ...flags, border: true } }, ntm1Commune("06002", "Xã B")],
    };
    expect(diffRevisions(ntm1, 5, next, 19)).toEqual({
      previousRevision: 5,
      added: [{ code: "06002", name: "Xã B" }],
      removed: [],
      changed: [{ code: "06001", name: "  Xã   A" }],
      ntm: { before: 0, after: 0 },
      capital: { before: 1_300_000, after: 1_300_000 },
      same: false,
    });
    const renamed = { ...ntm1, communes: [ntm1Commune("06001", " Xã A ")] };
    expect(diffRevisions(ntm1, 5, renamed, 19).same).toBe(true);
  });
});
