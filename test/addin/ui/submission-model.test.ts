import { describe, expect, it } from "vitest";
import type { Issue } from "../../../shared/result.ts";
import type { Commune, Submission } from "../../../shared/schemas/submission.ts";
import { summarizeSubmission } from "../../../addin/model/submission-summary.ts";
import { diffRevisions } from "../../../addin/model/revision-diff.ts";
import { groupIssues } from "../../../addin/model/group-issues.ts";

const all = Array.from({ length: 19 }, (_, i) => i + 1);
const flags = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };
const commune = (code: string, name: string, baseline: number[], plan: number[]): Commune => ({ code, name, flags, baseline, plan });

function submission(communes: Commune[], credit = 3_000_000): Submission {
  return {
    templateVersion: "NTM-1",
    district: "183",
    districtName: "Huyện Cao Lộc",
    year: 2018,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes,
    capital: { central: 1_000_000, local: 500_500, integrated: 200_000, enterprise: 0, credit, community: 150_000, other: 49_500 },
  };
}

const base = [
  commune("06001", "Xã A", all, all),
  commune("06002", "Xã B", all.slice(0, 10), all),
  commune("06003", "Xã C", [1, 2], [1, 2, 3]),
];

describe("summarizeSubmission", () => {
  it("counts communes, NTM communes in the plan and the exact capital total", () => {
    expect(summarizeSubmission(submission(base), 19)).toEqual({
      unit: "183",
      name: "Huyện Cao Lộc",
      year: 2018,
      communes: 3,
      ntmPlan: 2,
      capitalThousand: 4_900_000,
    });
  });

  it("sums capital in integer thousand VND: 0.1 + 0.2 million is exactly 300 thousand", () => {
    const tenths = {
      ...submission(base),
      capital: { central: 100, local: 200, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
    };
    expect(summarizeSubmission(tenths, 19).capitalThousand).toBe(300);
  });

  it("stays exact at the parser's cap (7 leaves of 10^15 thousand VND, below 2^53)", () => {
    const q = 1e15;
    const huge = {
      ...submission(base),
      capital: { central: q, local: q, integrated: q, enterprise: q, credit: q, community: q, other: 991 },
    };
    const total = summarizeSubmission(huge, 19).capitalThousand;
    expect(total).toBe(6_000_000_000_000_991);
    expect(Number.isSafeInteger(total)).toBe(true);
  });

  it("a commune missing one criterion in KH is not NTM", () => {
    expect(summarizeSubmission(submission([commune("06001", "Xã A", all, all.slice(1))]), 19).ntmPlan).toBe(0);
  });
});

describe("diffRevisions", () => {
  it("lists added, removed and changed communes, NTM and capital changes", () => {
    const next = submission(
      [base[0]!, commune("06002", "Xã B", all.slice(0, 10), all.slice(0, 18)), commune("06009", "Xã Mới", [], [1])],
      3_000_100,
    );
    const d = diffRevisions(submission(base), 1, next, 19);
    expect(d).toEqual({
      previousRevision: 1,
      added: [{ code: "06009", name: "Xã Mới" }],
      removed: [{ code: "06003", name: "Xã C" }],
      changed: [{ code: "06002", name: "Xã B" }],
      ntm: { before: 2, after: 1 },
      capital: { before: 4_900_000, after: 4_900_100 },
      same: false,
    });
  });

  it("the same content in another order is no change", () => {
    const reordered = submission([base[2]!, base[0]!, { ...base[1]!, plan: [...all].reverse() }]);
    expect(diffRevisions(submission(base), 3, reordered, 19).same).toBe(true);
  });
});

const issue = (sheet: string | null, cell: string | null, severity: Issue["severity"], code = "x"): Issue => ({
  code,
  severity,
  sheet,
  cell,
  row: null,
  commune: null,
  message: "m",
  messageEn: "m",
});

describe("groupIssues", () => {
  it("groups by sheet in template order, errors apart from warnings, in cell order", () => {
    const g = groupIssues([
      issue("Nguồn vốn", "C6", "error"),
      issue("Tiêu chí", "AA7", "warning"),
      issue("Tiêu chí", "I8", "error"),
      issue("Tiêu chí", "H12", "error"),
      issue(null, null, "error", "sheet.missing"),
      issue("Tiêu chí", "Z8", "error"),
    ]);
    expect(g.map((x) => x.sheet)).toEqual([null, "Tiêu chí", "Nguồn vốn"]);
    expect(g[1]!.errors.map((i) => i.cell)).toEqual(["I8", "Z8", "H12"]);
    expect(g[1]!.warnings.map((i) => i.cell)).toEqual(["AA7"]);
  });
});
