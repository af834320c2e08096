import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CAO_LOC, filledTemplate, runCli, tempDir } from "../fixtures.ts";
import type { CliRun } from "../fixtures.ts";
import type { Answer, AnswerServer } from "../../shared/api/answer-server.ts";
import { answerServer, HTML_500 } from "../../shared/api/answer-server.ts";
import { VALID } from "../../shared/api/valid-bodies.ts";

/**
 * Issue 12: the CLI never reports success for an answer that is not the API's. Each command against
 * a real HTTP server on 127.0.0.1 that answers each wrong way: exit 2, a message saying (Vietnamese
 * first) that the server answered something unexpected, no stack trace, no `undefined`.
 */
let dir = "";
let caoLoc = "";
let server: AnswerServer | null = null;
beforeAll(async () => {
  dir = await tempDir();
  caoLoc = await filledTemplate(dir, "183", CAO_LOC);
});
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The wrong answers; `redirect` sends the command's own request to a GET route that answers `valid`. */
const WRONG: [string, Answer | "redirect", string][] = [
  ["200 {}", { status: 200, json: {} }, "response.unexpected"],
  ["200 [1,2,3]", { status: 200, json: [1, 2, 3] }, "response.unexpected"],
  ["200 non-JSON text", { status: 200, text: "OK, stored" }, "response.unexpected"],
  ["302 to a GET route", "redirect", "response.unexpected"],
  ["201 missing fields", { status: 201, json: { id: "x-1", revision: 1 } }, "response.unexpected"],
  ["500 with HTML", { status: 500, text: HTML_500, contentType: "text/html" }, "http.500"],
];

/** Serves `wrong` on the API path, and `valid` on the GET route a redirect points at. */
async function serve(wrong: Answer | "redirect", valid: unknown): Promise<AnswerServer> {
  server = await answerServer((r) => {
    if (r.url === "/landing") return { status: 200, json: valid };
    return wrong === "redirect" ? { status: 302, location: "/landing" } : wrong;
  });
  return server;
}

function expectUnexpected(r: CliRun, code: string, stream: "stdout" | "stderr"): void {
  expect(r.code).toBe(2);
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/undefined|TypeError|\n\s+at /);
  if (code === "response.unexpected") {
    expect(r[stream]).toContain("response.unexpected: Máy chủ trả lời không như mong đợi");
    expect(r[stream]).toContain("có thể dữ liệu chưa được lưu");
    expect(r[stream]).toContain("The server answered something unexpected");
  } else {
    expect(r[stream]).toContain(`HTTP 500 ${code}: Máy chủ đang gặp lỗi (HTTP 500); dữ liệu chưa được lưu.`);
  }
}

describe.each(WRONG)("a server answering %s", (_name, wrong, code) => {
  it("ntm submit: exit 2, not stored; --json ok: false; the POST is never re-sent as a GET", async () => {
    const s = await serve(wrong, VALID.submit);
    const env = { NTM_SERVER: s.url, NTM_TOKEN: "office-token-0123456789" };
    const r = await runCli(["submit", caoLoc], env);
    expectUnexpected(r, code, "stdout");
    expect(r.stdout).toContain(`${caoLoc}: chưa nộp được (not submitted) — `);
    expect(r.stdout).not.toContain("đã lưu");
    const j = await runCli(["submit", caoLoc, "--json"], env);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual([
      {
        file: caoLoc,
        ok: false,
        id: null,
        revision: null,
        deduplicated: null,
        warnings: [],
        issues: [],
        error: {
          status: wrong === "redirect" ? 302 : wrong.status,
          code,
          message: expect.stringMatching(/^Máy chủ /),
          messageEn: expect.stringMatching(/^The server /),
        },
      },
    ]);
    expect(s.received.map((q) => `${q.method} ${q.url}`)).toEqual(["POST /api/v1/submissions", "POST /api/v1/submissions"]);
  });

  it("ntm token create: exit 2, never `token: undefined`; the POST is not re-sent", async () => {
    const s = await serve(wrong, VALID.createToken);
    const r = await runCli(["token", "create", "--role", "admin", "--label", "Quản trị 2"], {
      NTM_SERVER: s.url,
      NTM_TOKEN: "admin-token-0123456789",
    });
    expectUnexpected(r, code, "stderr");
    expect(r.stderr).toContain("Không tạo được mã truy cập: ");
    expect(r.stdout).toBe("");
    expect(s.received.map((q) => q.method)).toEqual(["POST"]);
  });

  it("ntm token list: exit 2, no TypeError, no empty table", async () => {
    const s = await serve(wrong, VALID.health);
    const r = await runCli(["token", "list"], { NTM_SERVER: s.url, NTM_TOKEN: "admin-token-0123456789" });
    expectUnexpected(r, code, "stderr");
    expect(r.stdout).toBe("");
  });

  it("ntm report: exit 2, nothing printed as a report", async () => {
    const s = await serve(wrong, VALID.health);
    const r = await runCli(["report", "--year", "2018", "--json"], { NTM_SERVER: s.url, NTM_TOKEN: "office-token-0123456789" });
    expectUnexpected(r, code, "stderr");
    expect(r.stdout).toBe("");
  });
});

describe("a server answering correctly", () => {
  it("ntm token revoke: a valid answer exits 0; a revoked token without revokedAt is unexpected", async () => {
    let body: unknown = VALID.revokeToken;
    server = await answerServer(() => ({ status: 200, json: body }));
    const env = { NTM_SERVER: server.url, NTM_TOKEN: "admin-token-0123456789" };
    const ok = await runCli(["token", "revoke", "tok-1"], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("Đã thu hồi mã truy cập tok-1 (revoked).\n");
    body = { ...VALID.revokeToken, revokedAt: null };
    expectUnexpected(await runCli(["token", "revoke", "tok-1"], env), "response.unexpected", "stderr");
  });

  it("ntm report: a redirected GET is followed and its valid report used", async () => {
    server = await answerServer((r) =>
      r.url === "/landing" ? { status: 200, json: VALID.report } : { status: 302, location: "/landing" },
    );
    const r = await runCli(["report", "--year", "2018", "--json"], { NTM_SERVER: server.url });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(VALID.report);
    expect(server.received.map((q) => `${q.method} ${q.url}`)).toEqual(["GET /api/v1/reports/2018", "GET /landing"]);
  });
});
