import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, normalizeServer } from "../../../addin/api/client.ts";
import type { Answer, AnswerServer } from "../../shared/api/answer-server.ts";
import { answerServer, HTML_500 } from "../../shared/api/answer-server.ts";
import { SUBMISSION, VALID, WARNING } from "../../shared/api/valid-bodies.ts";

/** The task pane's adapter of the one client, against a real HTTP server on 127.0.0.1. */
let next: Answer = { status: 500, text: "unset" };
let server: AnswerServer;
let client: ApiClient;
beforeAll(async () => {
  server = await answerServer(() => next);
  client = new ApiClient({ server: `${server.url}/`, token: "tok-0123456789abcdef", timeoutMs: 5000 });
});
afterAll(() => server.close());
const answer = (a: Answer) => { server.received.length = 0; next = a; };

describe("ApiClient (task pane)", () => {
  it("sends the Bearer token to /api/v1 and returns the validated value", async () => {
    answer({ status: 200, json: VALID.me });
    expect(await client.me()).toEqual({ ok: true, value: VALID.me });
    expect(server.received.map((q) => [q.method, q.url, q.authorization])).toEqual([["GET", "/api/v1/me", "Bearer tok-0123456789abcdef"]]);
  });

  it("posts the submission as JSON", async () => {
    answer({ status: 201, json: VALID.submit });
    expect(await client.submit(SUBMISSION)).toEqual({ ok: true, value: VALID.submit });
    expect(server.received.map((q) => [q.method, JSON.parse(q.body)])).toEqual([["POST", SUBMISSION]]);
  });

  it("districts and revisions: the lists inside the bodies", async () => {
    answer({ status: 200, json: VALID.districts });
    expect(await client.districts()).toEqual({ ok: true, value: VALID.districts.districts });
    answer({ status: 200, json: VALID.submissions });
    expect(await client.revisions(2018, "183")).toEqual({ ok: true, value: VALID.submissions.submissions });
    expect(server.received[0]!.url).toBe("/api/v1/submissions?year=2018&district=183");
    answer({ status: 200, json: VALID.submission });
    expect(await client.revision("sub-1")).toEqual({ ok: true, value: VALID.submission });
    answer({ status: 200, json: VALID.report });
    expect(await client.report(2018)).toEqual({ ok: true, value: VALID.report });
  });

  it("an answer that is not the API's (200 {}, non-JSON) is a failure with code response.unexpected, not a crash", async () => {
    for (const a of [{ status: 200, json: {} }, { status: 200, text: "xin chào" }] as Answer[]) {
      answer(a);
      const r = await client.submit(SUBMISSION);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error).toMatchObject({ status: 200, code: "response.unexpected", serverMessage: expect.any(String), issues: [] });
      expect(r.error.message).toBe("Máy chủ trả lời không như mong đợi (HTTP 200); có thể dữ liệu chưa được lưu. Kiểm tra địa chỉ máy chủ rồi thử lại.");
    }
  });

  it("422: the server's code and message, the catalogue's text, and the issues to mark", async () => {
    answer({ status: 422, json: { error: { code: "submission.invalid", message: "Có lỗi", messageEn: "Errors", details: { issues: [WARNING, { bogus: true }] } } } });
    const r = await client.submit(SUBMISSION);
    expect(r).toEqual({ ok: false, error: { status: 422, code: "submission.invalid", params: { status: 422 },
      message: "Máy chủ thấy biểu mẫu còn lỗi và chưa lưu. Hãy sửa các lỗi được liệt kê rồi gửi lại.",
      messageEn: "The server found errors in the template and stored nothing. Fix the listed errors and send again.",
      serverMessage: "Có lỗi", issues: [WARNING] } });
  });

  it("500 with HTML: http.500 and the server-error text", async () => {
    answer({ status: 500, text: HTML_500, contentType: "text/html" });
    const r = await client.me();
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(["http.500", "Máy chủ đang gặp lỗi (HTTP 500); dữ liệu chưa được lưu. Hãy thử lại sau ít phút."]);
  });

  it("a network failure: status 0, code network.unreachable, a Vietnamese message naming the server", async () => {
    const gone = await answerServer(() => ({ status: 200, json: {} }));
    await gone.close();
    const r = await new ApiClient({ server: gone.url, token: "t", timeoutMs: 5000 }).me();
    expect(r).toEqual({ ok: false, error: { status: 0, code: "network.unreachable", params: { server: gone.url, detail: "ECONNREFUSED" },
      message: `Không kết nối được máy chủ ${gone.url} (ECONNREFUSED). Kiểm tra mạng và địa chỉ máy chủ, rồi thử lại.`,
      messageEn: `Could not reach the server ${gone.url} (ECONNREFUSED). Check the network and the server address, then try again.`,
      serverMessage: "ECONNREFUSED", issues: [] } });
  });
});

describe("normalizeServer", () => {
  it("defaults to the page's origin and drops trailing slashes", () => {
    expect(normalizeServer("  ", "https://ntm.example")).toBe("https://ntm.example");
    expect(normalizeServer("http://127.0.0.1:8787///", "https://x")).toBe("http://127.0.0.1:8787");
  });
});
