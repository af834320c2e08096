import { describe, expect, it } from "vitest";
import type { Catalogue } from "../../../shared/text/catalogue.ts";
import { MESSAGES } from "../../../addin/i18n/messages.ts";
import { EXCEL_MESSAGES } from "../../../addin/i18n/excel-messages.ts";
import { format, formatMoney, formatNumber } from "../../../addin/i18n/format.ts";
import { errorDetails, errorText } from "../../../addin/i18n/error-text.ts";
import { addinError, fromApiFailure, fromThrown, NO_EXCEL } from "../../../addin/model/ui-error.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const catalogues: [string, Catalogue][] = [
  ["messages", MESSAGES],
  ["excel-messages", EXCEL_MESSAGES],
];

describe.each(catalogues)("the task pane catalogue %s", (_, catalogue) => {
  const entries = Object.entries(catalogue);

  it("every key has both languages, non-empty", () => {
    expect(entries.length).toBeGreaterThan(10);
    const empty = entries
      .filter(([, t]) => typeof t.vi !== "string" || typeof t.en !== "string" || t.vi.trim() === "" || t.en.trim() === "")
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("every {placeholder} of vi is in en and vice versa", () => {
    const differ = entries.filter(([, t]) => placeholders(t.vi).join() !== placeholders(t.en).join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it("texts are NFC (composed), as typed text is compared", () => {
    const notNfc = entries.filter(([, t]) => t.vi !== t.vi.normalize("NFC") || t.en !== t.en.normalize("NFC")).map(([k]) => k);
    expect(notNfc).toEqual([]);
  });
});

describe("format", () => {
  it("fills placeholders and keeps unknown ones", () => {
    expect(format("vi", "issueCounts", { errors: 2, warnings: 1 })).toBe("2 lỗi, 1 cảnh báo");
    expect(format("en", "issueCounts", { errors: 2, warnings: 1 })).toBe("2 errors, 1 warnings");
    expect(format("vi", "receivedCount", { submitted: 1 })).toBe("Đã nhận 1/{total} huyện");
  });

  it("formats counts the Vietnamese and the English way", () => {
    expect(formatNumber("vi", 2526400)).toBe("2.526.400");
    expect(formatNumber("en", 2526400)).toBe("2,526,400");
  });
});

describe("formatMoney: integer thousand VND shown exactly in million VND", () => {
  it("groups and marks decimals per language", () => {
    expect(formatMoney("vi", 2_526_400_500)).toBe("2.526.400,5");
    expect(formatMoney("en", 2_526_400_500)).toBe("2,526,400.5");
    expect(formatMoney("vi", 4_900_000)).toBe("4.900");
    expect(formatMoney("vi", 0)).toBe("0");
  });

  it("0.1 + 0.2 million is 0,3, not 0,30000000000000004", () => {
    expect(0.1 + 0.2).not.toBe(0.3); // why amounts are integers of thousand VND
    expect(formatMoney("vi", 100 + 200)).toBe("0,3");
  });

  it("keeps every digit up to 2^53 - 1 thousand VND (a float round trip showed ,99 and ,998)", () => {
    expect(formatMoney("vi", Number.MAX_SAFE_INTEGER)).toBe("9.007.199.254.740,991");
    expect(formatMoney("en", 8_999_999_999_999_999)).toBe("8,999,999,999,999.999");
    // What the review did before: thousand → million text → Number() → Intl.
    expect(formatNumber("vi", Number("9007199254740.991"))).toBe("9.007.199.254.740,99");
    expect(formatNumber("en", Number("8999999999999.999"))).toBe("8,999,999,999,999.998");
  });
});

describe("errors: a code and parameters, resolved in the pane's language", () => {
  it("the pane's own codes", () => {
    expect(errorText("vi", NO_EXCEL)).toBe("Cần mở trang này trong Excel để làm việc với bảng tính.");
    expect(errorText("en", NO_EXCEL)).toBe("Open this page in Excel to work with the workbook.");
    const boom = fromThrown(new TypeError("x is undefined"));
    expect(boom).toEqual(addinError("errorUnexpected", { text: "x is undefined" }));
    expect(errorText("vi", boom)).toBe("Có lỗi không mong muốn: x is undefined");
    expect(errorText("en", boom)).toBe("Unexpected error: x is undefined");
  });

  it("Excel's error codes (ExcelOperationError of the adapter), known or not", () => {
    const edit = fromThrown(
      Object.assign(new Error("in cell edit"), {
        name: "ExcelOperationError",
        code: "InvalidOperationInCellEditMode",
        operation: "checkTemplate",
        detail: "Cell edit",
      }),
    );
    expect(edit).toMatchObject({ source: "excel", code: "InvalidOperationInCellEditMode", params: { operation: "checkTemplate" } });
    expect(errorText("vi", edit)).toBe(EXCEL_MESSAGES.InvalidOperationInCellEditMode.vi);
    expect(errorText("en", edit)).toBe(EXCEL_MESSAGES.InvalidOperationInCellEditMode.en);
    expect(errorDetails("en", edit)).toEqual(["Cell edit"]);
    const odd = fromThrown(
      Object.assign(new Error("?"), { name: "ExcelOperationError", code: "Weird", operation: "writeReport", detail: null }),
    );
    expect(errorText("vi", odd)).toBe("Excel báo lỗi (Weird) khi writeReport.");
    expect(errorText("en", odd)).toBe("Excel reported an error (Weird) during writeReport.");
  });

  it("API failures resolve through shared/api/messages.ts; the server's own words by language", () => {
    const denied = fromApiFailure({
      status: 401,
      code: "auth.invalid_token",
      params: { status: 401 },
      serverMessage: { vi: "Mã không hợp lệ", en: "Invalid token" },
      issues: [],
    });
    expect(errorText("vi", denied)).toBe("Mã truy cập không hợp lệ hoặc đã bị thu hồi. Hãy dùng một mã truy cập hợp lệ.");
    expect(errorText("en", denied)).toBe("The access token is missing, invalid or revoked. Use a valid token.");
    expect(errorDetails("vi", denied)).toEqual(["Kiểm tra mã truy cập và địa chỉ máy chủ trong thẻ Cài đặt.", "Mã không hợp lệ"]);
    expect(errorDetails("en", denied)).toEqual(["Check the access token and the server address in Settings.", "Invalid token"]);
    const down = fromApiFailure({
      status: null,
      code: "network.unreachable",
      params: { server: "http://127.0.0.1:9", detail: "Failed to fetch" },
      serverMessage: null,
      issues: [],
    });
    expect(errorText("vi", down)).toBe(
      "Không kết nối được máy chủ http://127.0.0.1:9 (Failed to fetch). Kiểm tra mạng và địa chỉ máy chủ, rồi thử lại.",
    );
    expect(errorText("en", down)).toBe(
      "Could not reach the server http://127.0.0.1:9 (Failed to fetch). Check the network and the server address, then try again.",
    );
    const broken = fromApiFailure({ status: 503, code: "http.503", params: { status: 503 }, serverMessage: null, issues: [] });
    expect(errorText("vi", broken)).toBe("Máy chủ đang gặp lỗi (HTTP 503); dữ liệu chưa được lưu. Hãy thử lại sau ít phút.");
    expect(errorDetails("vi", broken)).toEqual([]);
  });

  it("the issues of a refused submission stay as they came", () => {
    const issues = [
      {
        code: "criterion.invalid_value",
        severity: "error" as const,
        sheet: "Tiêu chí",
        cell: "I8",
        row: 8,
        commune: "06003",
        message: 'Giá trị "Dat?"',
        messageEn: 'Value "Dat?"',
      },
    ];
    const refused = fromApiFailure({ status: 422, code: "submission.invalid", params: { status: 422 }, serverMessage: null, issues });
    expect(refused.issues).toBe(issues);
    expect(errorText("vi", refused)).toBe("Máy chủ thấy biểu mẫu còn lỗi và chưa lưu. Hãy sửa các lỗi được liệt kê rồi gửi lại.");
  });
});
