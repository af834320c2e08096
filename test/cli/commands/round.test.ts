import { afterEach, describe, expect, it } from "vitest";
import type { FakeServer } from "../fixtures.ts";
import { fakeServer, runCli } from "../fixtures.ts";

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const ROUNDS = {
  year: 2027,
  rounds: [
    { round: "plan", deadline: "2027-03-31", source: "office", setAt: "2027-02-01T03:00:00.000Z", setBy: "Văn phòng Điều phối" },
    { round: "result", deadline: "2028-01-15", source: "setup", setAt: null, setBy: null },
  ],
};

const TABLE = [
  "ĐỢT BÁO CÁO NĂM 2027",
  "Đợt                         Hạn nộp     Nguồn          Đặt lúc           Người đặt",
  "--------------------------  ----------  -------------  ----------------  -------------------",
  "plan (Kế hoạch)             31/03/2027  văn phòng đặt  01/02/2027 10:00  Văn phòng Điều phối",
  "result (Kết quả thực hiện)  15/01/2028  thiết lập năm  -                 -",
  "",
].join("\n");

describe("ntm round", () => {
  it("show: GET /rounds/:year, both rounds with deadline, source, when (Vietnam time) and by whom; --json the answer", async () => {
    server = await fakeServer(() => [200, ROUNDS]);
    const env = { NTM_SERVER: server.url, NTM_TOKEN: "unit-t" };
    const r = await runCli(["round", "show", "--year", "2027"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(TABLE);
    const j = await runCli(["round", "show", "--year", "2027", "--json"], env);
    expect(JSON.parse(j.stdout)).toEqual(ROUNDS);
    expect(server.requests).toEqual([
      { method: "GET", url: "/api/v1/rounds/2027", authorization: "Bearer unit-t", body: null },
      { method: "GET", url: "/api/v1/rounds/2027", authorization: "Bearer unit-t", body: null },
    ]);
  });

  it("deadline: PUT /rounds/:year/:round { deadline }, then the rounds as the server answers", async () => {
    server = await fakeServer(() => [200, ROUNDS]);
    const r = await runCli(["round", "deadline", "--year", "2027", "--round", "plan", "--date", "2027-03-31"], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "office-t",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(TABLE);
    expect(r.stderr).toContain("Đã đặt hạn nộp đợt Kế hoạch năm 2027: 31/03/2027 (giờ Việt Nam).\n");
    expect(server.requests).toEqual([
      { method: "PUT", url: "/api/v1/rounds/2027/plan", authorization: "Bearer office-t", body: { deadline: "2027-03-31" } },
    ]);
  });

  it("deadline refused (403 for a unit token): exit 2 with the server's message", async () => {
    server = await fakeServer(() => [403, { error: { code: "auth.forbidden", message: "Không có quyền", messageEn: "Forbidden" } }]);
    const r = await runCli(["round", "deadline", "--year", "2027", "--round", "result", "--date", "2028-01-15"], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "unit-t",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không đặt được hạn nộp: HTTP 403 auth.forbidden: Không có quyền");
  });

  it.each([
    [["round"], "deadline or show expected"],
    [["round", "list"], "unknown subcommand list"],
    [["round", "show"], "--year is required"],
    [["round", "deadline", "--year", "2027", "--date", "2027-03-31"], "--round is required (plan or result)"],
    [["round", "deadline", "--year", "2027", "--round", "plan"], "--date is required"],
    [
      ["round", "deadline", "--year", "2027", "--round", "plan", "--date", "2027-02-30"],
      "--date must be a date YYYY-MM-DD, not 2027-02-30",
    ],
    [
      ["round", "deadline", "--year", "2027", "--round", "plan", "--date", "31/03/2027"],
      "--date must be a date YYYY-MM-DD, not 31/03/2027",
    ],
  ])("%j: exit 1 with the usage, nothing sent", async (args, reason) => {
    server = await fakeServer(() => [200, ROUNDS]);
    const r = await runCli(args, { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ntm round: ${reason}`);
    expect(r.stderr).toContain("ntm round show --year <năm>");
    expect(server.requests).toEqual([]);
  });
});
