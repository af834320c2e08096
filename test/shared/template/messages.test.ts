import { describe, expect, it } from "vitest";
import { MESSAGES, legacyIssue, makeIssue, showValue, type IssueCode } from "../../../shared/template/messages.ts";

const REQUIRED_CODES = [
  "sheet.missing", "info.missing_key", "info.district_unknown", "info.district_name_mismatch", "info.year_invalid",
  "info.version_unsupported", "header.not_found", "header.criterion_missing", "header.criterion_duplicate",
  "header.subcolumn_missing", "commune.code_missing", "commune.code_invalid", "commune.code_duplicate", "commune.name_missing",
  "commune.after_total", "commune.none", "criterion.invalid_value", "flag.invalid_value", "text.legacy_encoding",
  "plan.new_only", "plan.regression", "plan.target_incomplete", "plan.under_five", "plan.target_already_met",
  "plan.district_difficult_missing", "flag.border_not_border_district", "capital.header_not_found", "capital.unit_unknown",
  "capital.stt_label_conflict", "capital.unknown_row", "capital.row_missing", "capital.amount_invalid", "capital.amount_negative",
  "capital.amount_too_precise", "capital.amount_ambiguous", "capital.subtotal_mismatch", "capital.total_mismatch",
  "commune.owned_elsewhere",
];
const WARNINGS = ["sheet.duplicate", "info.district_name_mismatch", "info.date_invalid", "plan.regression", "plan.target_incomplete",
  "plan.under_five", "plan.target_already_met", "plan.district_difficult_missing", "flag.border_not_border_district",
  "capital.unknown_row", "capital.row_missing"];

describe("issue catalogue", () => {
  it("defines every code of the brief, with the template's severities", () => {
    for (const code of REQUIRED_CODES) expect(Object.keys(MESSAGES)).toContain(code);
    for (const [code, entry] of Object.entries(MESSAGES)) expect([code, entry.severity]).toEqual([code, WARNINGS.includes(code) ? "warning" : "error"]);
  });

  it("every message builds in Vietnamese and English with and without arguments", () => {
    for (const code of Object.keys(MESSAGES) as IssueCode[]) {
      const i = makeIssue(code, { sheet: "Tiêu chí", cell: "H6", row: 6, commune: "06148" }, { code: "06148", number: 3, value: '"x"' });
      expect(i).toMatchObject({ code, sheet: "Tiêu chí", cell: "H6", row: 6, commune: "06148" });
      expect(i.message.length).toBeGreaterThan(10);
      expect(i.messageEn.length).toBeGreaterThan(10);
      expect(i.message).not.toContain("undefined");
      expect(makeIssue(code, {}).message).not.toContain("undefined");
    }
  });

  it("severity can be overridden; places default to null", () => {
    expect(makeIssue("text.legacy_encoding", {}, {}, "warning")).toMatchObject({ severity: "warning", sheet: null, cell: null, row: null, commune: null });
  });

  it("legacy issue names the encoding and Unikey's conversion", () => {
    const i = legacyIssue({ sheet: "Tiêu chí", cell: "C6" }, "Hoµng §ång", "tcvn3");
    expect(i.message).toContain("TCVN3");
    expect(i.message).toContain("Unikey");
    expect(i.message).toContain('"Hoµng §ång"');
    expect(legacyIssue({}, "Ñaït", "vni").messageEn).toContain("VNI");
  });

  it("showValue", () => {
    expect(showValue("Đạtt")).toBe('"Đạtt"');
    expect(showValue(2)).toBe("2");
    expect(showValue(true)).toBe("TRUE");
    expect(showValue(Number.NaN)).toBe("(không phải số)");
    expect(showValue({})).toBe("(?)");
    expect(showValue("x".repeat(50))).toBe(`"${"x".repeat(40)}…"`);
  });
});
