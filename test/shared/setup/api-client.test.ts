import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../../../shared/api/client.ts";
import type { ApiClient } from "../../../shared/api/client.ts";
import { SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import type { Answer, AnswerServer, Received } from "../api/answer-server.ts";
import { answerServer } from "../api/answer-server.ts";
import { xaSetup } from "./fixtures.ts";

/** The setup methods of the one client (shared/api/client.ts) against a real HTTP server. */
let next: (r: Received) => Answer = () => ({ status: 500, text: "unset" });
let server: AnswerServer;
let client: ApiClient;
beforeAll(async () => {
  server = await answerServer((r) => next(r));
  client = createApiClient({ server: server.url, token: "admin-0123456789abcdef", timeoutMs: 5000 });
});
afterAll(() => server.close());

const checked = checkSetup(xaSetup(), 2027);
if (!checked.ok) throw new Error("fixture");
const { origin: _, ...stored } = checked.value;
const SETUP = { year: 2027, version: 1, origin: "applied", appliedAt: "2027-01-05T08:00:00.000Z", appliedBy: "Quản trị", setup: stored };
const APPLIED = {
  year: 2027,
  version: 1,
  origin: "applied",
  appliedAt: "2027-01-05T08:00:00.000Z",
  appliedBy: "Quản trị",
  deduplicated: false,
  warnings: [],
};
const unit = (code: string) => ({ code, name: `Xã ${code}`, attributes: {} });

function answer(a: Answer | ((r: Received) => Answer)): void {
  server.received.length = 0;
  next = typeof a === "function" ? a : () => a;
}

describe("the API client: setup routes", () => {
  it("setup(year): GET /setup/:year, checked against the response schema", async () => {
    answer({ status: 200, json: SETUP });
    const r = await client.setup(2027);
    expect(r).toEqual({ ok: true, status: 200, value: SETUP });
    expect(server.received.map((q) => [q.method, q.url, q.authorization])).toEqual([
      ["GET", "/api/v1/setup/2027", "Bearer admin-0123456789abcdef"],
    ]);
    answer({ status: 200, json: { ...SETUP, origin: "other" } });
    expect((await client.setup(2027)).ok).toBe(false);
  });

  it("setup(year) of a year without one: the server's 404 setup.missing", async () => {
    answer({ status: 404, json: { error: { code: "setup.missing", message: "Năm 2030 chưa có cấu hình.", messageEn: "No setup." } } });
    const r = await client.setup(2030);
    expect(r.ok).toBe(false);
    expect(!r.ok && [r.failure.status, r.failure.code, r.failure.serverMessage]).toEqual([
      404,
      "setup.missing",
      { vi: "Năm 2030 chưa có cấu hình.", en: "No setup." },
    ]);
  });

  it("applySetup(year, json): PUT /setup/:year with the JSON body; 422 gives the issues", async () => {
    answer({ status: 201, json: APPLIED });
    const body = xaSetup();
    expect(await client.applySetup(2027, body)).toEqual({ ok: true, status: 201, value: APPLIED });
    expect(server.received.map((q) => [q.method, q.url, JSON.parse(q.body)])).toEqual([["PUT", "/api/v1/setup/2027", body]]);
    const issue = {
      code: "setup.unit_duplicate",
      severity: "error",
      sheet: "Đơn vị",
      cell: "A5",
      row: 5,
      commune: null,
      message: "x",
      messageEn: "x",
    };
    answer({ status: 422, json: { error: { code: "setup.invalid", message: "lỗi", details: { issues: [issue] } } } });
    const r = await client.applySetup(2027, body);
    expect(!r.ok && [r.failure.code, r.failure.issues]).toEqual(["setup.invalid", [issue]]);
  });

  it("criteriaSets(): GET /criteria-sets", async () => {
    const json = { criteriaSets: [{ ...SET_2026_2030, builtIn: true, version: null }] };
    answer({ status: 200, json });
    expect(await client.criteriaSets()).toEqual({ ok: true, status: 200, value: json });
    expect(server.received.map((q) => q.url)).toEqual(["/api/v1/criteria-sets"]);
  });

  it("units / allUnits(year): GET /units?year= pages of 1000 following next", async () => {
    answer((r) =>
      r.url.includes("cursor=p2")
        ? { status: 200, json: { year: 2027, version: 1, level: "xã", units: [unit("06003")], next: null } }
        : { status: 200, json: { year: 2027, version: 1, level: "xã", units: [unit("06001"), unit("06002")], next: "p2" } },
    );
    const r = await client.allUnits(2027);
    expect(r.ok && r.value.map((u) => u.code)).toEqual(["06001", "06002", "06003"]);
    expect(server.received.map((q) => q.url)).toEqual([
      "/api/v1/units?year=2027&limit=1000",
      "/api/v1/units?year=2027&limit=1000&cursor=p2",
    ]);
    answer({ status: 200, json: { year: 2027, version: null, level: "huyện", units: [unit("183")], next: null } });
    const one = await client.units({ year: 2018, limit: 5 });
    expect(one.ok && one.value.units).toEqual([unit("183")]);
    expect(server.received.map((q) => q.url)).toEqual(["/api/v1/units?year=2018&limit=5"]);
  });
});
