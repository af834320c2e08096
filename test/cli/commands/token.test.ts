import { afterEach, describe, expect, it } from "vitest";
import type { FakeServer } from "../fixtures.ts";
import { closedPort, fakeServer, runCli } from "../fixtures.ts";

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const created = {
  id: "tok-1",
  token: "ntm_secret-abc-0123456789",
  role: "unit",
  unit: "06148",
  district: "06148",
  label: "UBND xã Thất Khê",
};

describe("ntm token", () => {
  it("create --role unit --unit POSTs role, unit and label with the bearer token from NTM_TOKEN; --json prints the token", async () => {
    server = await fakeServer(() => [201, created]);
    const r = await runCli(["token", "create", "--role", "unit", "--unit", "06148", "--label", "UBND xã Thất Khê", "--json"], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "admin-1",
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      id: "tok-1",
      token: "ntm_secret-abc-0123456789",
      role: "unit",
      unit: "06148",
      district: "06148",
      label: "UBND xã Thất Khê",
    });
    expect(server.requests).toEqual([
      {
        method: "POST",
        url: "/api/v1/tokens",
        authorization: "Bearer admin-1",
        body: { role: "unit", unit: "06148", label: "UBND xã Thất Khê" },
      },
    ]);
  });

  it("create --role district --district still works: the older form is sent, the unit the server answers is printed", async () => {
    server = await fakeServer(() => [201, { ...created, unit: "183", district: "183", label: "Phòng NN Cao Lộc" }]);
    const r = await runCli(["token", "create", "--role", "district", "--district", "183", "--label", "Phòng NN Cao Lộc"], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "admin-1",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("id: tok-1\nrole: unit\nunit: 183\nlabel: Phòng NN Cao Lộc\ntoken: ntm_secret-abc-0123456789\n");
    expect(server.requests[0]?.body).toEqual({ role: "district", district: "183", label: "Phòng NN Cao Lộc" });
  });

  it("--server and --token flags win over the environment", async () => {
    server = await fakeServer(() => [201, { ...created, role: "office", unit: null, district: null }]);
    const r = await runCli(["token", "create", "--role", "office", "--label", "VP", "--server", server.url, "--token", "flag-t"], {
      NTM_SERVER: "http://127.0.0.1:1",
      NTM_TOKEN: "env-t",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("token: ntm_secret-abc-0123456789");
    expect(r.stdout).toContain("unit: -\n");
    expect(server.requests[0]).toMatchObject({ authorization: "Bearer flag-t", body: { role: "office", label: "VP" } });
  });

  it("list prints the tokens with their unit; revoke DELETEs by id", async () => {
    server = await fakeServer((req) =>
      req.method === "GET"
        ? [
            200,
            {
              tokens: [
                {
                  id: "tok-1",
                  role: "admin",
                  unit: null,
                  district: null,
                  label: "Quản trị",
                  createdAt: "2018-01-01T00:00:00Z",
                  revokedAt: null,
                },
                {
                  id: "tok-2",
                  role: "unit",
                  unit: "06148",
                  district: "06148",
                  label: "Xã Thất Khê",
                  createdAt: "2027-01-01T00:00:00Z",
                  revokedAt: null,
                },
              ],
              next: null,
            },
          ]
        : [
            200,
            {
              id: "tok-1",
              role: "admin",
              unit: null,
              district: null,
              label: "Quản trị",
              createdAt: "2018-01-01T00:00:00Z",
              revokedAt: "2018-02-01T00:00:00Z",
            },
          ],
    );
    const env = { NTM_SERVER: server.url, NTM_TOKEN: "a" };
    const list = await runCli(["token", "list"], env);
    expect(list.code).toBe(0);
    const lines = list.stdout.split("\n");
    expect(lines[0]?.split(/\s+/)).toEqual(["id", "role", "unit", "label", "created", "revoked"]);
    expect(
      lines
        .find((l) => l.startsWith("tok-1"))
        ?.split(/\s{2,}/)
        .slice(0, 3),
    ).toEqual(["tok-1", "admin", "-"]);
    expect(
      lines
        .find((l) => l.startsWith("tok-2"))
        ?.split(/\s{2,}/)
        .slice(0, 4),
    ).toEqual(["tok-2", "unit", "06148", "Xã Thất Khê"]);
    const json = await runCli(["token", "list", "--json"], env);
    expect(JSON.parse(json.stdout).map((t: { unit: string | null }) => t.unit)).toEqual([null, "06148"]);
    const rev = await runCli(["token", "revoke", "tok-1"], env);
    expect(rev.code).toBe(0);
    expect(server.requests.map((q) => `${q.method} ${q.url}`)).toEqual([
      "GET /api/v1/tokens?limit=1000",
      "GET /api/v1/tokens?limit=1000",
      "DELETE /api/v1/tokens/tok-1",
    ]);
  });

  it("list follows next: both pages' tokens are printed, in order (table and --json)", async () => {
    const tok = (i: number, label: string) => ({
      id: `tok-${i}`,
      role: "office",
      unit: null,
      district: null,
      label,
      createdAt: `2018-01-0${i}T00:00:00Z`,
      revokedAt: null,
    });
    server = await fakeServer((req) =>
      req.url.includes("cursor=")
        ? [200, { tokens: [tok(3, "Trang hai")], next: null }]
        : [200, { tokens: [tok(1, "Trang một A"), tok(2, "Trang một B")], next: "eyJwYWdlIjoyfQ" }],
    );
    const env = { NTM_SERVER: server.url, NTM_TOKEN: "a" };
    const list = await runCli(["token", "list"], env);
    expect(list.code).toBe(0);
    const rows = list.stdout.split("\n").filter((l) => l.includes("tok-"));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(["tok-1", "tok-2", "tok-3"]);
    expect(list.stdout).toContain("Trang hai");
    const json = await runCli(["token", "list", "--json"], env);
    expect(JSON.parse(json.stdout).map((t: { id: string }) => t.id)).toEqual(["tok-1", "tok-2", "tok-3"]);
    expect(server.requests.map((q) => q.url)).toEqual([
      "/api/v1/tokens?limit=1000",
      "/api/v1/tokens?limit=1000&cursor=eyJwYWdlIjoyfQ",
      "/api/v1/tokens?limit=1000",
      "/api/v1/tokens?limit=1000&cursor=eyJwYWdlIjoyfQ",
    ]);
  });

  it("list against a server that repeats its cursor: exit 2 with an error, no table, no loop", async () => {
    server = await fakeServer(() => [
      200,
      { tokens: [{ id: "tok-1", role: "admin", unit: null, district: null, label: "x", createdAt: "t", revokedAt: null }], next: "c1" },
    ]);
    const r = await runCli(["token", "list"], { NTM_SERVER: server.url, NTM_TOKEN: "a" });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("response.unexpected");
    expect(r.stderr).toContain("pagination: the cursor of page 2 was given before");
    expect(server.requests).toHaveLength(2);
  });

  it("a refused request (403) exits 2 with the server's message on stderr", async () => {
    server = await fakeServer(() => [403, { error: { code: "auth.forbidden", message: "Không có quyền", messageEn: "Forbidden" } }]);
    const r = await runCli(["token", "list"], { NTM_SERVER: server.url, NTM_TOKEN: "district-t" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("HTTP 403 auth.forbidden: Không có quyền");
  });

  it("an unreachable server exits 2", async () => {
    const port = await closedPort();
    const r = await runCli(["token", "revoke", "x"], { NTM_SERVER: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không kết nối được máy chủ");
  });

  it.each([
    [["token"], "create, list or revoke expected"],
    [["token", "create", "--role", "district", "--label", "x"], "--district is required for role district"],
    [["token", "create", "--role", "office", "--district", "183", "--label", "x"], "--district is only for role district"],
    [["token", "create", "--role", "unit", "--label", "x"], "--unit is required for role unit"],
    [["token", "create", "--role", "unit", "--unit", "183", "--district", "183", "--label", "x"], "--district is only for role district"],
    [["token", "create", "--role", "district", "--unit", "183", "--district", "183", "--label", "x"], "--unit is only for role unit"],
    [["token", "create", "--role", "admin", "--unit", "183", "--label", "x"], "--unit is only for role unit"],
    [["token", "create", "--role", "boss", "--label", "x"], "--role must be one of"],
    [["token", "create", "--role", "admin"], "--label is required"],
    [["token", "revoke"], "revoke takes exactly one token id"],
  ])("bad arguments %j → exit 1, nothing sent", async (args, reason) => {
    server = await fakeServer(() => [500, {}]);
    const r = await runCli(args, { NTM_SERVER: server.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(reason);
    expect(server.requests).toEqual([]);
  });
});
