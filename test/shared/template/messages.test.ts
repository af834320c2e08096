import { describe, expect, it } from "vitest";
import { ISSUE_TEXTS, MESSAGES, legacyIssue, makeIssue, showValue, type IssueCode } from "../../../shared/template/messages.ts";
import { expectWellFormed } from "../text/catalogue-check.ts";

const REQUIRED_CODES = [
  "sheet.missing",
  "info.missing_key",
  "info.district_unknown",
  "info.district_name_mismatch",
  "info.year_invalid",
  "info.version_unsupported",
  "header.not_found",
  "header.criterion_missing",
  "header.criterion_duplicate",
  "header.subcolumn_missing",
  "commune.code_missing",
  "commune.code_invalid",
  "commune.code_duplicate",
  "commune.name_missing",
  "commune.after_total",
  "commune.none",
  "criterion.invalid_value",
  "flag.invalid_value",
  "text.legacy_encoding",
  "plan.new_only",
  "plan.regression",
  "plan.target_incomplete",
  "plan.under_five",
  "plan.target_already_met",
  "plan.district_difficult_missing",
  "flag.border_not_border_district",
  "capital.header_not_found",
  "capital.unit_unknown",
  "capital.stt_label_conflict",
  "capital.unknown_row",
  "capital.row_missing",
  "capital.amount_invalid",
  "capital.amount_negative",
  "capital.amount_too_precise",
  "capital.amount_ambiguous",
  "capital.subtotal_mismatch",
  "capital.total_mismatch",
  "commune.owned_elsewhere",
];
const WARNINGS = [
  "sheet.duplicate",
  "info.district_name_mismatch",
  "info.date_invalid",
  "plan.regression",
  "plan.target_incomplete",
  "plan.under_five",
  "plan.target_already_met",
  "plan.district_difficult_missing",
  "flag.border_not_border_district",
  "capital.unknown_row",
  "capital.row_missing",
  "info.unit_name_mismatch",
  "commune.name_mismatch",
  "commune.missing",
  "commune.attribute_mismatch",
  "result.criterion_lost",
  "result.disbursed_over_plan",
  "result.plan_changed",
  "result.no_plan",
];

describe("issue catalogue", () => {
  it("defines every code of the brief, with the template's severities", () => {
    for (const code of REQUIRED_CODES) expect(Object.keys(MESSAGES)).toContain(code);
    for (const [code, entry] of Object.entries(MESSAGES))
      expect([code, entry.severity]).toEqual([code, WARNINGS.includes(code) ? "warning" : "error"]);
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

  it("is a catalogue in the one shape: non-empty vi and en, the same placeholders, every code renders", () => {
    expectWellFormed(ISSUE_TEXTS);
    expect(Object.keys(ISSUE_TEXTS)).toEqual(Object.keys(MESSAGES));
  });

  it("fills the placeholders exactly; missing, null and undefined arguments show as empty text", () => {
    expect(makeIssue("commune.code_duplicate", {}, { code: "06148", firstRow: 7 })).toMatchObject({
      message: "Mã xã 06148 bị trùng (đã có ở dòng 7). Mỗi xã chỉ ghi một dòng; hãy sửa mã hoặc xóa dòng trùng.",
      messageEn: "Commune code 06148 is repeated (already on row 7). One row per commune: fix the code or delete the duplicate row.",
    });
    expect(makeIssue("sheet.missing", {}, { sheet: null }).message).toBe(
      'Thiếu trang tính "". Hãy dùng biểu mẫu chuẩn NTM-1 và giữ nguyên tên trang "".',
    );
    expect(makeIssue("info.year_invalid", {}).messageEn).toBe("Plan year  is not valid. Type a four-digit year, e.g. 2018.");
    expect(makeIssue("info.year_invalid", {}, { value: "{value}" }).message).toBe(
      "Năm kế hoạch {value} không hợp lệ. Hãy nhập năm bằng 4 chữ số, ví dụ 2018.",
    );
  });

  it("an argument `nameEn` gives the English form of {name}", () => {
    const i = makeIssue(
      "capital.total_mismatch",
      {},
      { typed: "1.700.000", computed: "1.700.000,5", typedEn: "1,700,000", computedEn: "1,700,000.5" },
    );
    expect(i.message).toBe(
      "Tổng cộng ghi 1.700.000 nhưng tổng các nguồn = 1.700.000,5 (triệu đồng). Hãy sửa cho khớp hoặc để trống ô này để hệ thống tự tính.",
    );
    expect(i.messageEn).toBe(
      "The total is 1,700,000 but the sources add up to 1,700,000.5 (million VND). Make them agree or leave the cell empty to have it computed.",
    );
    expect(makeIssue("capital.subtotal_mismatch", {}, { typed: "5", computed: "6" }).messageEn).toBe(
      "Item 1 is 5 but 1.1 + 1.2 = 6 (million VND). Make them agree or leave the cell empty to have it computed.",
    );
  });

  it("severity can be overridden; places default to null", () => {
    expect(makeIssue("text.legacy_encoding", {}, {}, "warning")).toMatchObject({
      severity: "warning",
      sheet: null,
      cell: null,
      row: null,
      commune: null,
    });
  });

  it("legacy issue names the encoding and Unikey's conversion", () => {
    const i = legacyIssue({ sheet: "Tiêu chí", cell: "C6" }, "Hoµng §ång", "tcvn3");
    expect(i.message).toContain("TCVN3");
    expect(i.message).toContain("Unikey");
    expect(i.message).toContain('"Hoµng §ång"');
    expect(legacyIssue({}, "Ñaït", "vni").messageEn).toContain("VNI");
    expect(legacyIssue({}, "Kh«ng", "tcvn3")).toMatchObject({
      message:
        'Chữ "Kh«ng" có vẻ được gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime; chuyển cả tệp bằng lệnh: ntm convert <tệp.xlsx> --out <tệp mới.xlsx>), không phải Unicode. Hãy chuyển sang Unicode bằng Unikey: "Công cụ chuyển mã" (Chuyển mã), nguồn TCVN3 (ABC), đích Unicode; rồi dán lại.',
      messageEn:
        'Text "Kh«ng" appears to be typed in the legacy TCVN3 (ABC, .VnTime fonts; convert the whole file with: ntm convert <file.xlsx> --out <new file.xlsx>) encoding, not Unicode. Convert it with Unikey\'s "Chuyển mã" (conversion) tool from TCVN3 (ABC) to Unicode, then paste it back.',
    });
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
