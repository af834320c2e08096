import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer } from "../fixtures.ts";
import { BAC_SON, CAO_LOC, closedPort, fakeServer, filledTemplate, runCli, tempDir } from "../fixtures.ts";
import { zipEntryText } from "../zip-entry.ts";

let dir = "";
let report: Record<string, unknown> = {};
let server: FakeServer | null = null;
beforeAll(async () => {
  dir = await tempDir();
  // a realistic report: what `consolidate --json` makes of two districts' files
  const files = [await filledTemplate(dir, "183", CAO_LOC), await filledTemplate(dir, "185", BAC_SON)];
  const r = await runCli(["consolidate", ...files, "--json"]);
  report = JSON.parse(r.stdout) as Record<string, unknown>;
});
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("ntm report", () => {
  it("--json: GET /api/v1/reports/:year with the token; prints the report", async () => {
    server = await fakeServer(() => [200, report]);
    const r = await runCli(["report", "--year", "2018", "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "d-t" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(report);
    expect(server.requests).toEqual([{ method: "GET", url: "/api/v1/reports/2018", authorization: "Bearer d-t", body: null }]);
  });

  it("--out writes the Tổng hợp workbook; no flag prints the summary", async () => {
    server = await fakeServer(() => [200, report]);
    const out = path.join(dir, "bao-cao.xlsx");
    const w = await runCli(["report", "--year", "2018", "--out", out], { NTM_SERVER: server.url });
    expect(w.code).toBe(0);
    expect(zipEntryText(await readFile(out), "xl/tables/table7.xml")).toContain("NTM_CapitalByUnit");
    const s = await runCli(["report", "--year", "2018"], { NTM_SERVER: server.url });
    expect(s.code).toBe(0);
    expect(s.stdout).toContain("Tổng quan");
    expect(s.stdout).toContain("đã nhận 2/11 huyện");
  });

  it("401: exit 2 with the server's message", async () => {
    server = await fakeServer(() => [
      401,
      { error: { code: "auth.required", message: "Cần mã truy cập hợp lệ", messageEn: "Token required" } },
    ]);
    const r = await runCli(["report", "--year", "2018"], { NTM_SERVER: server.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("HTTP 401 auth.required: Cần mã truy cập hợp lệ");
    expect(r.stdout).toBe("");
  });

  it("a body that is not a report: exit 2, the server answered something unexpected", async () => {
    server = await fakeServer(() => [200, { year: 2018 }]);
    const r = await runCli(["report", "--year", "2018", "--json"], { NTM_SERVER: server.url });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Không lấy được báo cáo: HTTP 200 response.unexpected: Máy chủ trả lời không như mong đợi (HTTP 200)");
  });

  it("an unreachable server: exit 2", async () => {
    const port = await closedPort();
    const r = await runCli(["report", "--year", "2018", "--server", `http://127.0.0.1:${port}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không kết nối được máy chủ");
  });

  it("--year outside 2000-2100 (what the server refuses): a usage error, exit 1, nothing sent", async () => {
    server = await fakeServer(() => [200, report]);
    const r = await runCli(["report", "--year", "1999"], { NTM_SERVER: server.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--year must be a year between 2000 and 2100, not 1999");
    expect(server.requests).toEqual([]);
  });

  it("bad arguments: exit 1 with usage", async () => {
    for (const args of [
      ["report"],
      ["report", "--year", "abc"],
      ["report", "--year", "2018", "extra"],
      ["report", "--year", "1999"],
      ["report", "--year", "2101"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("ntm report --year <năm>");
    }
  });
});
