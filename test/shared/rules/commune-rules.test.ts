import { describe, expect, it } from "vitest";
import type { CommuneView } from "../../../shared/rules/commune-rules.ts";
import { checkCommuneRows } from "../../../shared/rules/commune-rules.ts";

const view = (code: string, row: number): CommuneView => ({
  code,
  name: `Xã ${code}`,
  baseline: [1, 2],
  plan: [1, 2, 3, 4, 5],
  source: { sheet: "Tiêu chí", row },
  ntmTarget: false,
  districtDifficult: false,
  border: false,
});
const OPTIONS = {
  criteria: [1, 2, 3, 4, 5, 6].map((number) => ({ number })),
  sheet: "Tiêu chí",
  columns: { code: "B", name: "C", ntmTarget: null, districtDifficult: null, border: null, criteria: [] },
  districtDifficultRequired: [],
  nonBorderDistrict: null,
};
const brief = (communes: CommuneView[]) => checkCommuneRows(communes, OPTIONS).map((i) => [i.code, i.cell, i.message.replace(/\. .*/, "")]);

describe("checkCommuneRows: codes", () => {
  it("distinct codes: nothing to say", () => {
    expect(brief([view("06148", 6), view("06151", 7), view("00001", 8)])).toEqual([]);
  });

  it("a code typed twice points at the second row and names the first", () => {
    expect(brief([view("06148", 6), view("06151", 7), view("06148", 9)])).toEqual([
      ["commune.code_duplicate", "B9", "Mã xã 06148 bị trùng (đã có ở dòng 6)"],
    ]);
  });

  it("each call starts afresh: codes seen by an earlier call are no duplicates", () => {
    expect(brief([view("06148", 6)])).toEqual([]);
    expect(brief([view("06148", 12)])).toEqual([]);
  });

  it("a code that is not 5 digits is invalid, and a repeat of it is a duplicate too", () => {
    expect(brief([view("6148", 6), view("06148", 7), view("6148", 8)])).toEqual([
      ["commune.code_invalid", "B6", 'Mã xã "6148" không hợp lệ'],
      ["commune.code_invalid", "B8", 'Mã xã "6148" không hợp lệ'],
      ["commune.code_duplicate", "B8", "Mã xã 6148 bị trùng (đã có ở dòng 6)"],
    ]);
  });
});
