import { describe, expect, it } from "vitest";
import { submissionSchema } from "../../../shared/schemas/submission.ts";

const VALID = {
  templateVersion: "NTM-1",
  district: "183",
  districtName: "Huyện Cao Lộc",
  year: 2018,
  preparedBy: null,
  phone: null,
  preparedOn: null,
  communes: [
    {
      code: "06148",
      name: "Xã Hoàng Đồng",
      flags: { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false },
      baseline: [1],
      plan: [1, 2],
    },
  ],
  capital: { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
};
const withCode = (code: string) => ({ ...VALID, communes: [{ ...VALID.communes[0]!, code }] });
const paths = (body: unknown) => {
  const r = submissionSchema.safeParse(body);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join(".")))];
};

describe("submissionSchema: codes at their exact length", () => {
  it("a commune code of exactly 5 digits passes", () => {
    expect(paths(VALID)).toEqual([]);
    expect(paths(withCode("99999"))).toEqual([]);
  });
  it.each(["006199", "6199", "0614a", "1234567890", ""])("commune code %j is refused", (code) => {
    expect(paths(withCode(code))).toEqual(["communes.0.code"]);
  });
  it("a district code of exactly 3 digits passes; 0183, 83 and 18a are refused", () => {
    expect(paths({ ...VALID, district: "178" })).toEqual([]);
    for (const district of ["0183", "83", "18a", "00183"])
      expect([district, paths({ ...VALID, district })]).toEqual([district, ["district"]]);
  });
});

describe("submissionSchema: names and amounts are left to the rules", () => {
  it("an empty or blank name passes the schema: the rules answer `commune.name_missing` (422), as for the parser", () => {
    for (const name of ["", " ", "\u200b", "\u0000"]) {
      expect(paths({ ...VALID, communes: [{ ...VALID.communes[0]!, name }] })).toEqual([]);
    }
  });
  it("amounts are non-negative safe integers; above the stated maximum is a rule (`capital.amount_too_large`)", () => {
    expect(paths({ ...VALID, capital: { ...VALID.capital, other: Number.MAX_SAFE_INTEGER } })).toEqual([]);
    expect(paths({ ...VALID, capital: { ...VALID.capital, other: 2 ** 53 } })).toEqual(["capital.other"]);
    expect(paths({ ...VALID, capital: { ...VALID.capital, other: 1.5 } })).toEqual(["capital.other"]);
    expect(paths({ ...VALID, capital: { ...VALID.capital, other: -1 } })).toEqual(["capital.other"]);
  });
});
