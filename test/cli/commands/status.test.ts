import { afterEach, describe, expect, it } from "vitest";
import type { FakeServer } from "../fixtures.ts";
import { closedPort, fakeServer, runCli } from "../fixtures.ts";
import { STATUS_2027 } from "./status-answer.ts";

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("ntm status", () => {
  it("GET /status/:year with the token; a table in Vietnamese, a returned unit's comments under it, completeness and deadline", async () => {
    server = await fakeServer(() => [200, STATUS_2027]);
    const r = await runCli(["status", "--year", "2027"], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "TÌNH TRẠNG NỘP BÁO CÁO NĂM 2027 — đợt Kế hoạch",
        "Số liệu tại: 05/04/2027 08:00 (thao tác số 12)",
        "",
        " Mã  Đơn vị          Trạng thái  Lần nộp  Nộp lúc           Số ngày muộn",
        "---  --------------  ----------  -------  ----------------  ------------",
        "183  Huyện Cao Lộc   Đã nộp            2  10/03/2027 10:05             0",
        "185  Huyện Bắc Sơn   Trả lại           1  03/04/2027 00:30             3",
        "    Ý kiến trả lại: Thiếu số liệu vốn",
        "    Tiêu chí!H6 (xã 06400): Kiểm tra lại TC1",
        "    Nguồn vốn!C6: Chưa ghi vốn trung ương",
        "186  Huyện Chi Lăng  Chưa nộp          -  -                            -",
        "187  Huyện Đình Lập  Đã duyệt          3  31/03/2027 23:59             0",
        "",
        "Đã nộp 3/4 · Đúng hạn 2/4 · Đã duyệt 1/4",
        "Hạn nộp: 31/03/2027",
        "",
      ].join("\n"),
    );
    expect(server.requests).toEqual([{ method: "GET", url: "/api/v1/status/2027", authorization: "Bearer office-t", body: null }]);
  });

  it("--round result --as-of go in the query; --json prints the server's answer", async () => {
    server = await fakeServer(() => [200, { ...STATUS_2027, round: "result" }]);
    const r = await runCli(["status", "--year", "2027", "--round", "result", "--as-of", "2027-04-01T00:00:00+07:00", "--json"], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "t",
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ...STATUS_2027, round: "result" });
    expect(server.requests.map((q) => q.url)).toEqual(["/api/v1/status/2027?round=result&asOf=2027-04-01T00%3A00%3A00%2B07%3A00"]);
  });

  it("a unit token: the server sends its own row, the board shows that row and the completeness it states", async () => {
    const own = { ...STATUS_2027, units: [STATUS_2027.units[1]], completeness: { expected: 1, submitted: 1, onTime: 0, accepted: 0 } };
    server = await fakeServer(() => [200, own]);
    const r = await runCli(["status", "--year", "2027"], { NTM_SERVER: server.url, NTM_TOKEN: "unit-185" });
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^\d{3}\s/.test(l));
    expect(rows).toEqual(["185  Huyện Bắc Sơn  Trả lại           1  03/04/2027 00:30             3"]);
    expect(r.stdout).toContain("    Tiêu chí!H6 (xã 06400): Kiểm tra lại TC1\n");
    expect(r.stdout).toContain("\nĐã nộp 1/1 · Đúng hạn 0/1 · Đã duyệt 0/1\n");
  });

  it("a round without a deadline says so", async () => {
    server = await fakeServer(() => [200, { ...STATUS_2027, deadline: null }]);
    const r = await runCli(["status", "--year", "2027"], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.stdout.endsWith("Hạn nộp: chưa đặt\n")).toBe(true);
  });

  it("403: exit 2 with the server's message; unreachable: exit 2", async () => {
    server = await fakeServer(() => [403, { error: { code: "auth.forbidden", message: "Không có quyền", messageEn: "Forbidden" } }]);
    const r = await runCli(["status", "--year", "2027"], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Không lấy được tình trạng nộp năm 2027: HTTP 403 auth.forbidden: Không có quyền");
    const port = await closedPort();
    const u = await runCli(["status", "--year", "2027"], { NTM_SERVER: `http://127.0.0.1:${port}`, NTM_TOKEN: "t" });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("Không kết nối được máy chủ");
  });

  it.each([
    [["status"], "--year is required"],
    [["status", "--year", "1999"], "--year must be a year between 2000 and 2100, not 1999"],
    [["status", "--year", "2027", "--round", "final"], "--round must be plan or result, not final"],
    [["status", "--year", "2027", "--as-of", "hôm qua"], "--as-of must be an ISO 8601 time"],
    [["status", "--year", "2027", "--as-of", "2027-02-30T00:00:00Z"], "--as-of must be an ISO 8601 time"],
    [["status", "--year", "2027", "extra"], "unexpected argument extra"],
  ])("%j: exit 1 with the usage, nothing sent", async (args, reason) => {
    server = await fakeServer(() => [200, STATUS_2027]);
    const r = await runCli(args, { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ntm status: ${reason}`);
    expect(r.stderr).toContain("ntm status --year <năm> [--round plan|result]");
    expect(server.requests).toEqual([]);
  });
});
