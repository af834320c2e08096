import { describe, expect, it } from "vitest";
import { describeFailure, resolveServer, resolveToken } from "../../cli/server-options.ts";

describe("resolveServer / resolveToken", () => {
  it("prefers the flag, then the environment, then the default", () => {
    expect(resolveServer("http://a/", { NTM_SERVER: "http://b" })).toBe("http://a");
    expect(resolveServer(undefined, { NTM_SERVER: "http://b//" })).toBe("http://b");
    expect(resolveServer(undefined, {})).toBe("http://127.0.0.1:8787");
    expect(resolveToken(undefined, { NTM_TOKEN: "x" })).toBe("x");
    expect(resolveToken("y", { NTM_TOKEN: "x" })).toBe("y");
    expect(resolveToken(undefined, {})).toBeNull();
    expect(resolveToken(undefined, { NTM_TOKEN: "" })).toBeNull();
    expect(resolveServer(undefined, { NTM_SERVER: "" })).toBe("http://127.0.0.1:8787");
  });
});

describe("describeFailure", () => {
  it("the server's own message when it sent one", () => {
    expect(
      describeFailure({
        status: 403,
        code: "auth.forbidden",
        params: { status: 403 },
        serverMessage: { vi: "Không có quyền", en: "Forbidden" },
        issues: [],
      }),
    ).toBe("HTTP 403 auth.forbidden: Không có quyền");
  });

  it("else the catalogue's text, Vietnamese then English, with what did not match", () => {
    expect(
      describeFailure({
        status: 201,
        code: "response.unexpected",
        params: { status: 201, detail: "token: Invalid input" },
        serverMessage: null,
        issues: [],
      }),
    ).toBe(
      "HTTP 201 response.unexpected: Máy chủ trả lời không như mong đợi (HTTP 201); có thể dữ liệu chưa được lưu. " +
        "Kiểm tra địa chỉ máy chủ rồi thử lại. (The server answered something unexpected (HTTP 201); nothing may have been stored. " +
        "Check the server address and try again.) [token: Invalid input]",
    );
    expect(
      describeFailure({
        status: null,
        code: "network.unreachable",
        params: { server: "http://h", detail: "ECONNREFUSED" },
        serverMessage: null,
        issues: [],
      }),
    ).toMatch(/^network\.unreachable: Không kết nối được máy chủ http:\/\/h \(ECONNREFUSED\)\./);
    expect(describeFailure({ status: 502, code: "http.502", params: { status: 502 }, serverMessage: null, issues: [] })).toMatch(
      /^HTTP 502 http\.502: Máy chủ đang gặp lỗi \(HTTP 502\); dữ liệu chưa được lưu\./,
    );
  });
});
