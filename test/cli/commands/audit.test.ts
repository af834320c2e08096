import { afterEach, describe, expect, it } from "vitest";
import type { FakeServer } from "../fixtures.ts";
import { fakeServer, runCli } from "../fixtures.ts";

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const actor = (label: string, tokenId: string | null) => ({ label, tokenId });
/** Two pages, newest first, as the server sends them (keyset on seq). */
const PAGE_1 = {
  entries: [
    {
      seq: 5,
      at: "2027-04-04T02:00:00.000Z",
      actor: actor("Văn phòng Điều phối", "tok-2"),
      action: "return",
      unit: "185",
      year: 2027,
      round: "plan",
      revision: 1,
      detail: { comment: "Thiếu số liệu vốn", cells: 2 },
    },
    {
      seq: 4,
      at: "2027-04-02T17:30:00.000Z",
      actor: actor("Huyện Bắc Sơn", "tok-3"),
      action: "submit",
      unit: "185",
      year: 2027,
      round: "plan",
      revision: 1,
      detail: { communes: 3, templateVersion: "NTM-2" },
    },
  ],
  next: "c4",
};
const PAGE_2 = {
  entries: [
    {
      seq: 2,
      at: "2027-02-01T03:00:00.000Z",
      actor: actor("Văn phòng Điều phối", "tok-2"),
      action: "deadline",
      unit: null,
      year: 2027,
      round: "plan",
      revision: null,
      detail: { deadline: "2027-03-31" },
    },
    {
      seq: 1,
      at: "2027-01-05T01:00:00.000Z",
      actor: actor("ADMIN_TOKEN", null),
      action: "setup",
      unit: null,
      year: 2027,
      round: null,
      revision: null,
      detail: {},
    },
  ],
  next: null,
};

describe("ntm audit", () => {
  it("follows every page, newest first: time in Vietnam, actor, action in Vietnamese, unit, round, revision, detail", async () => {
    server = await fakeServer((r) => [200, r.url.includes("cursor=") ? PAGE_2 : PAGE_1]);
    const r = await runCli(["audit", "--year", "2027"], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "NHẬT KÝ THAO TÁC NĂM 2027 (4, mới nhất trước)",
        "Thời gian         Người thực hiện      Thao tác  Đơn vị  Đợt       Lần nộp  Chi tiết",
        "----------------  -------------------  --------  ------  --------  -------  ----------------------------------",
        "04/04/2027 09:00  Văn phòng Điều phối  Trả lại      185  Kế hoạch        1  ý kiến: Thiếu số liệu vốn; số ô: 2",
        "03/04/2027 00:30  Huyện Bắc Sơn        Nộp          185  Kế hoạch        1  số xã: 3; mẫu: NTM-2",
        "01/02/2027 10:00  Văn phòng Điều phối  Hạn nộp        -  Kế hoạch        -  hạn: 2027-03-31",
        "05/01/2027 08:00  ADMIN_TOKEN          Cấu hình       -  -               -  -",
        "",
      ].join("\n"),
    );
    expect(server.requests.map((q) => `${q.method} ${q.url} ${q.authorization}`)).toEqual([
      "GET /api/v1/audit?year=2027&limit=1000 Bearer office-t",
      "GET /api/v1/audit?year=2027&limit=1000&cursor=c4 Bearer office-t",
    ]);
  });

  it("--json: one array of every entry, newest first", async () => {
    server = await fakeServer((r) => [200, r.url.includes("cursor=") ? PAGE_2 : PAGE_1]);
    const r = await runCli(["audit", "--year", "2027", "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([...PAGE_1.entries, ...PAGE_2.entries]);
  });

  it("403 for a unit token: exit 2 with the server's message, nothing on stdout", async () => {
    server = await fakeServer(() => [403, { error: { code: "auth.forbidden", message: "Không có quyền", messageEn: "Forbidden" } }]);
    const r = await runCli(["audit", "--year", "2027"], { NTM_SERVER: server.url, NTM_TOKEN: "unit-t" });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Không lấy được nhật ký năm 2027: HTTP 403 auth.forbidden: Không có quyền");
  });

  it.each([
    [["audit"], "--year is required"],
    [["audit", "--year", "27"], "--year must be a year between 2000 and 2100, not 27"],
    [["audit", "--year", "2027", "x"], "unexpected argument x"],
  ])("%j: exit 1 with the usage, nothing sent", async (args, reason) => {
    server = await fakeServer(() => [200, PAGE_2]);
    const r = await runCli(args, { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ntm audit: ${reason}`);
    expect(server.requests).toEqual([]);
  });
});
