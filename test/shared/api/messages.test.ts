import { describe, expect, it } from "vitest";
import { API_MESSAGES, apiFailureTexts, apiMessageKey } from "../../../shared/api/messages.ts";

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("API_MESSAGES", () => {
  it("every text has Vietnamese and English with the same placeholders", () => {
    for (const [key, t] of Object.entries(API_MESSAGES)) {
      expect(t.vi.length, key).toBeGreaterThan(0);
      expect(t.en.length, key).toBeGreaterThan(0);
      expect(placeholders(t.vi), key).toEqual(placeholders(t.en));
      expect(t.vi, key).not.toEqual(t.en);
    }
  });
});

describe("apiMessageKey", () => {
  it.each([
    ["network.unreachable", null, "network.unreachable"],
    ["response.unexpected", 200, "response.unexpected"],
    ["auth.required", 401, "http.401"],
    ["http.413", 413, "http.413"],
    ["submission.invalid", 422, "http.422"],
    ["internal", 500, "http.5xx"],
    ["http.503", 503, "http.5xx"],
    ["http.418", 418, "http.other"],
    ["odd", null, "http.other"],
  ] as const)("%s (status %s) → %s", (code, status, key) => {
    expect(apiMessageKey(code, status)).toBe(key);
  });
});

describe("apiFailureTexts", () => {
  it("fills the parameters, Vietnamese first", () => {
    expect(
      apiFailureTexts({ status: null, code: "network.unreachable", params: { server: "http://h:1", detail: "ECONNREFUSED" } }),
    ).toEqual({
      vi: "Không kết nối được máy chủ http://h:1 (ECONNREFUSED). Kiểm tra mạng và địa chỉ máy chủ, rồi thử lại.",
      en: "Could not reach the server http://h:1 (ECONNREFUSED). Check the network and the server address, then try again.",
    });
    expect(apiFailureTexts({ status: 200, code: "response.unexpected", params: { status: 200, detail: "id: missing" } }).vi).toBe(
      "Máy chủ trả lời không như mong đợi (HTTP 200); có thể dữ liệu chưa được lưu. Kiểm tra địa chỉ máy chủ rồi thử lại.",
    );
    expect(apiFailureTexts({ status: 502, code: "http.502", params: { status: 502 } }).en).toBe(
      "The server has a problem (HTTP 502); nothing was stored. Try again in a few minutes.",
    );
    expect(apiFailureTexts({ status: 418, code: "http.418", params: {} }).vi).toBe("Máy chủ trả lỗi HTTP 418.");
  });
});
