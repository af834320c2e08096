import { describe, expect, it } from "vitest";
import { SETUP_TEXTS, setupIssue } from "../../../shared/setup/messages.ts";
import { bandKey, defaultBandLabel } from "../../../shared/setup/labels.ts";
import { SET_2016_2020, SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { expectWellFormed } from "../text/catalogue-check.ts";

describe("setup issue catalogue", () => {
  it("is one catalogue shape: vi and en, the same placeholders", () => {
    expectWellFormed(SETUP_TEXTS);
    expect(Object.keys(SETUP_TEXTS)).toHaveLength(51);
    expect(Object.keys(SETUP_TEXTS).every((k) => k.startsWith("setup."))).toBe(true);
  });

  it("builds an issue with its place and both languages", () => {
    expect(setupIssue("setup.unit_duplicate", { sheet: "Đơn vị", cell: "A5", row: 5 }, { code: "183", firstRow: 4 })).toEqual({
      code: "setup.unit_duplicate",
      severity: "error",
      sheet: "Đơn vị",
      cell: "A5",
      row: 5,
      commune: null,
      message: "Mã đơn vị 183 bị trùng (đã có ở dòng 4). Mỗi đơn vị chỉ ghi một dòng.",
      messageEn: "Unit code 183 is repeated (already on row 4). One row per unit.",
    });
    expect(setupIssue("setup.flag_builtin", {}, { label: "x" }, "error").severity).toBe("error");
    expect(setupIssue("setup.unit_duplicate", {}).message).toBe("Mã đơn vị  bị trùng (đã có ở dòng ). Mỗi đơn vị chỉ ghi một dòng.");
  });
});

describe("band keys and labels", () => {
  it("are those of the built-in sets", () => {
    for (const b of [...SET_2016_2020.bands, ...SET_2026_2030.bands]) {
      expect(bandKey(b.min, b.max)).toBe(b.key);
      expect(defaultBandLabel(b.min, b.max)).toBe(b.label);
    }
    expect(bandKey(0, 0)).toBe("0");
    expect(defaultBandLabel(5, 7)).toBe("Đạt 5-7 tiêu chí");
  });
});
