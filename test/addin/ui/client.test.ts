import { describe, expect, it } from "vitest";
import { ApiClient, failureFromResponse, normalizeServer } from "../../../addin/api/client.ts";

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? "not json" : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  }) as unknown as typeof fetch;
}

const issue = { code: "criterion.invalid_value", severity: "error", sheet: "Tiêu chí", cell: "I8", row: 8, commune: "06003",
  message: "Giá trị \"Dat?\" ở tiêu chí 1 (KH) không hợp lệ.", messageEn: "Value \"Dat?\" for criterion 1 (KH) is not valid." };

describe("ApiClient", () => {
  it("sends the Bearer token to /api/v1 and returns the JSON", async () => {
    const calls: Call[] = [];
    const c = new ApiClient({ server: "http://h:1/", token: "tok", fetch: fakeFetch(200, { role: "district", district: "183", label: "Cao Lộc" }, calls) });
    const r = await c.me();
    expect(r).toEqual({ ok: true, value: { role: "district", district: "183", label: "Cao Lộc" } });
    expect(calls[0]!.url).toBe("http://h:1/api/v1/me");
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe("Bearer tok");
  });

  it("posts the submission as JSON", async () => {
    const calls: Call[] = [];
    const c = new ApiClient({ server: "http://h", token: "t", fetch: fakeFetch(201, { id: "x", revision: 1 }, calls) });
    await c.submit({ district: "183" } as never);
    expect(calls[0]!.init.method).toBe("POST");
    expect(calls[0]!.init.body).toBe('{"district":"183"}');
    expect((calls[0]!.init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("queries revisions with year and district", async () => {
    const calls: Call[] = [];
    const c = new ApiClient({ server: "http://h", token: "t", fetch: fakeFetch(200, { submissions: [] }, calls) });
    expect(await c.revisions(2018, "183")).toEqual({ ok: true, value: [] });
    expect(calls[0]!.url).toBe("http://h/api/v1/submissions?year=2018&district=183");
  });

  it("turns a network failure into a Vietnamese message naming the server", async () => {
    const c = new ApiClient({ server: "http://127.0.0.1:9", token: "t", fetch: (async () => { throw new TypeError("Failed to fetch"); }) as unknown as typeof fetch });
    const r = await c.me();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.status).toBe(0);
    expect(r.error.code).toBe("network");
    expect(r.error.message).toBe("Không kết nối được máy chủ http://127.0.0.1:9. Kiểm tra mạng và địa chỉ máy chủ trong thẻ Cài đặt, rồi thử lại.");
    expect(r.error.serverMessage).toBe("Failed to fetch");
  });

  it("a non-JSON 200 answer is a failure, not a crash", async () => {
    const c = new ApiClient({ server: "http://h", token: "t", fetch: fakeFetch(200, undefined, []) });
    const r = await c.me();
    expect(r.ok).toBe(false);
  });
});

describe("failureFromResponse", () => {
  it.each([
    [401, "Mã truy cập không hợp lệ hoặc đã bị thu hồi. Hãy nhập lại mã trong thẻ Cài đặt."],
    [403, "Mã truy cập này không có quyền làm việc này (ví dụ: gửi biểu mẫu của huyện khác)."],
    [413, "Dữ liệu quá lớn (trên 5 MB). Hãy bỏ các dòng, trang thừa rồi gửi lại."],
    [500, "Máy chủ đang gặp lỗi; dữ liệu chưa được lưu. Hãy thử lại sau ít phút."],
  ])("status %i has a clear Vietnamese message", (status, message) => {
    const f = failureFromResponse(status, { error: { code: "x", message: "server words" } });
    expect(f.message).toBe(message);
    expect(f.serverMessage).toBe("server words");
    expect(f.code).toBe("x");
  });

  it("422 carries details.issues", () => {
    const f = failureFromResponse(422, { error: { code: "submission.invalid", message: "m", details: { issues: [issue, { bogus: true }] } } });
    expect(f.status).toBe(422);
    expect(f.message).toBe("Máy chủ thấy biểu mẫu còn lỗi và chưa lưu. Hãy sửa các lỗi bên dưới rồi gửi lại.");
    expect(f.issues).toEqual([issue]);
  });

  it("a body without the error shape still gives a message", () => {
    const f = failureFromResponse(418, "teapot");
    expect(f).toEqual({ status: 418, code: "http.418", message: "Máy chủ trả lỗi 418.", messageEn: "The server answered 418.", serverMessage: null, issues: [] });
  });
});

describe("normalizeServer", () => {
  it("defaults to the page's origin and drops trailing slashes", () => {
    expect(normalizeServer("  ", "https://ntm.example")).toBe("https://ntm.example");
    expect(normalizeServer("http://127.0.0.1:8787///", "https://x")).toBe("http://127.0.0.1:8787");
  });
});
