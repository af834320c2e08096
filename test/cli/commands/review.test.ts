import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer, Recorded } from "../fixtures.ts";
import { fakeServer, runCli, tempDir } from "../fixtures.ts";
import { STATUS_2027 } from "./status-answer.ts";

let dir = "";
let server: FakeServer | null = null;
beforeAll(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await server?.close();
  server = null;
});

/** GET /status answers STATUS_2027; POST /reviews answers what it was asked, stored as action 13. */
function reviewServer(post?: (r: Recorded) => [number, unknown]): Promise<FakeServer> {
  return fakeServer((r) => {
    if (r.method === "GET") return [200, STATUS_2027];
    if (post) return post(r);
    const b = r.body as { unit: string; year: number; round: string; action: string; revision?: number };
    return [
      200,
      {
        unit: b.unit,
        year: b.year,
        round: b.round,
        action: b.action,
        revision: b.revision ?? null,
        seq: 13,
        at: "2027-04-05T02:00:00.000Z",
      },
    ];
  });
}

async function jsonFile(name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

const env = () => ({ NTM_SERVER: server!.url, NTM_TOKEN: "office-t" });

describe("ntm review return", () => {
  it("without --revision: reads GET /status, names the latest revision (and says so), sends the comment and the checked cells", async () => {
    server = await reviewServer();
    const cells = await jsonFile("cells.json", [
      { sheet: "Tiêu chí", cell: "h6", commune: "06400", text: "  Kiểm tra lại TC1 " },
      { sheet: "Nguồn vốn", cell: "C6", text: "Chưa ghi vốn trung ương" },
    ]);
    const r = await runCli(
      ["review", "return", "--unit", "185", "--year", "2027", "--comment", "Thiếu số liệu vốn", "--cells", cells],
      env(),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "Lần nộp mới nhất của đơn vị 185, năm 2027, đợt Kế hoạch: 1 — trả lại lần nộp này (the latest revision, named).\n",
    );
    expect(r.stdout).toBe("Đã trả lại lần nộp 1 (đơn vị 185, năm 2027, đợt Kế hoạch), 2 ý kiến theo ô.\n");
    expect(server.requests).toEqual([
      { method: "GET", url: "/api/v1/status/2027?round=plan", authorization: "Bearer office-t", body: null },
      {
        method: "POST",
        url: "/api/v1/reviews",
        authorization: "Bearer office-t",
        body: {
          unit: "185",
          year: 2027,
          round: "plan",
          action: "return",
          revision: 1,
          comment: "Thiếu số liệu vốn",
          cells: [
            { sheet: "Tiêu chí", cell: "H6", commune: "06400", text: "Kiểm tra lại TC1" },
            { sheet: "Nguồn vốn", cell: "C6", commune: null, text: "Chưa ghi vốn trung ương" },
          ],
        },
      },
    ]);
  });

  it("--revision and --round: no status read, the named revision is sent; --json prints the answer", async () => {
    server = await reviewServer();
    const r = await runCli(
      ["review", "return", "--unit", "06148", "--year", "2027", "--round", "result", "--revision", "4", "--comment", "Sai TC2", "--json"],
      env(),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      unit: "06148",
      year: 2027,
      round: "result",
      action: "return",
      revision: 4,
      seq: 13,
      at: "2027-04-05T02:00:00.000Z",
    });
    expect(server.requests.map((q) => [q.method, q.url, q.body])).toEqual([
      ["POST", "/api/v1/reviews", { unit: "06148", year: 2027, round: "result", action: "return", revision: 4, comment: "Sai TC2" }],
    ]);
  });

  it.each([
    ["not JSON", "[{", "tệp {file} không phải JSON"],
    ["not a list", { sheet: "Tiêu chí" }, 'tệp {file} phải là một danh sách [{ "sheet", "cell", "commune", "text" }]'],
    [
      "an entry that is not an object",
      [{ sheet: "A", cell: "B2", text: "x" }, "H6"],
      "{file}, mục 2: phải là một đối tượng { sheet, cell, text }",
    ],
    [
      "a bad cell address in entry 2",
      [
        { sheet: "Tiêu chí", cell: "H6", text: "ok" },
        { sheet: "Tiêu chí", cell: "6H", text: "sai ô" },
      ],
      '{file}, mục 2: cell (ô) phải là địa chỉ như H6, không phải "6H" / {file}, entry 2: cell must be an address such as H6, not "6H"',
    ],
    [
      "a commune of 4 digits",
      [{ sheet: "Tiêu chí", cell: "H6", commune: "6400", text: "x" }],
      '{file}, mục 1: commune (mã xã) phải có 5 chữ số, không phải "6400"',
    ],
    ["an empty text", [{ sheet: "Tiêu chí", cell: "H6", text: "   " }], "{file}, mục 1: text (nội dung) phải có 1-2.000 ký tự"],
    ["no sheet", [{ cell: "H6", text: "x" }], "{file}, mục 1: sheet (tên trang tính) phải có 1-100 ký tự"],
  ])("--cells with %s: exit 1, the entry named, nothing sent", async (_, content, message) => {
    server = await reviewServer();
    const file = await jsonFile("bad-cells.json", content);
    const r = await runCli(["review", "return", "--unit", "185", "--year", "2027", "--comment", "x", "--cells", file], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ntm review: ${message.replaceAll("{file}", file)}`);
    expect(r.stdout).toBe("");
    expect(server.requests).toEqual([]);
  });

  it("--cells with a file that does not exist: exit 1, nothing sent", async () => {
    server = await reviewServer();
    const r = await runCli(
      ["review", "return", "--unit", "185", "--year", "2027", "--comment", "x", "--cells", path.join(dir, "none.json")],
      env(),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ntm review: không đọc được tệp ${path.join(dir, "none.json")}`);
    expect(server.requests).toEqual([]);
  });
});

describe("ntm review accept and reopen", () => {
  it("accept without --revision names the latest from the status (183: revision 2)", async () => {
    server = await reviewServer();
    const r = await runCli(["review", "accept", "--unit", "183", "--year", "2027"], env());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Lần nộp mới nhất của đơn vị 183, năm 2027, đợt Kế hoạch: 2 — duyệt lần nộp này");
    expect(r.stdout).toBe("Đã duyệt lần nộp 2 (đơn vị 183, năm 2027, đợt Kế hoạch): đợt đã khóa với đơn vị này.\n");
    expect(server.requests[1]?.body).toEqual({ unit: "183", year: 2027, round: "plan", action: "accept", revision: 2 });
  });

  it("reopen sends the reason as the comment, no revision, no status read", async () => {
    server = await reviewServer();
    const r = await runCli(["review", "reopen", "--unit", "187", "--year", "2027", "--reason", "Đơn vị xin sửa vốn"], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Đã mở lại (đơn vị 187, năm 2027, đợt Kế hoạch): đơn vị nộp lại được.\n");
    expect(server.requests.map((q) => [q.method, q.url, q.body])).toEqual([
      ["POST", "/api/v1/reviews", { unit: "187", year: 2027, round: "plan", action: "reopen", comment: "Đơn vị xin sửa vốn" }],
    ]);
  });

  it("a unit that has submitted nothing: exit 2, nothing posted; a unit not in the year: exit 1", async () => {
    server = await reviewServer();
    const missing = await runCli(["review", "accept", "--unit", "186", "--year", "2027"], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "ntm review: đơn vị 186, năm 2027, đợt Kế hoạch: chưa nộp bản nào, không có gì để duyệt (nothing submitted)",
    );
    const unknown = await runCli(["review", "accept", "--unit", "999", "--year", "2027"], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("ntm review: không có đơn vị 999 trong năm 2027 (no such unit)");
    expect(server.requests.map((q) => q.method)).toEqual(["GET", "GET"]);
  });

  it.each([
    // the texts of worker/http/errors.ts
    ["review.stale", "Bản số 1 không còn là bản mới nhất (bản mới nhất: 2); chưa thực hiện. Hãy xem lại bản mới nhất."],
    ["review.invalid_state", "Báo cáo đã được duyệt (đã khóa); hãy mở lại trước. Chưa thực hiện."],
    ["round.locked", "Báo cáo kế hoạch năm 2027 của đơn vị 185 đã được duyệt và khóa; không nhận bản mới."],
  ])("409 %s: the server's Vietnamese message, exit 2", async (code, message) => {
    server = await reviewServer(() => [409, { error: { code, message, messageEn: "refused" } }]);
    const r = await runCli(["review", "accept", "--unit", "185", "--year", "2027", "--revision", "1"], env());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`Không duyệt được (đơn vị 185, năm 2027, đợt Kế hoạch): HTTP 409 ${code}: ${message}\n`);
    expect(r.stderr.includes("ntm status --year 2027 --round plan")).toBe(code === "review.stale");
  });

  it("403 on the status read: exit 2, nothing posted", async () => {
    server = await fakeServer(() => [403, { error: { code: "auth.forbidden", message: "Không có quyền", messageEn: "Forbidden" } }]);
    const r = await runCli(["review", "accept", "--unit", "185", "--year", "2027"], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("HTTP 403 auth.forbidden: Không có quyền");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [["review"], "return, accept or reopen expected"],
    [["review", "approve"], "unknown subcommand approve"],
    [["review", "return", "--unit", "185", "--year", "2027"], "--comment is required"],
    [["review", "return", "--unit", "185", "--year", "2027", "--comment", "  "], "--comment is required"],
    [["review", "reopen", "--unit", "185", "--year", "2027"], "--reason is required"],
    [["review", "accept", "--year", "2027"], "--unit is required"],
    [["review", "accept", "--unit", "18", "--year", "2027"], "--unit must be a unit code (3 or 5 digits), not 18"],
    [["review", "accept", "--unit", "185"], "--year is required"],
    [["review", "accept", "--unit", "185", "--year", "2027", "--revision", "0"], "--revision must be a positive whole number, not 0"],
    [["review", "accept", "--unit", "185", "--year", "2027", "--comment", "x"], "không có tùy chọn --comment / unknown option --comment"],
    [["review", "reopen", "--unit", "185", "--year", "2027", "--reason", "x", "--revision", "2"], "không có tùy chọn --revision"],
    [["review", "accept", "--unit", "185", "--year", "2027", "--round", "final"], "--round must be plan or result, not final"],
  ])("%j: exit 1 with the usage, nothing sent", async (args, reason) => {
    server = await reviewServer();
    const r = await runCli(args, env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ntm review: ${reason}`);
    expect(r.stderr).toContain("ntm review return --unit <mã>");
    expect(server.requests).toEqual([]);
  });
});
