import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { trend } from "../../../shared/cycle/trend.ts";
import { SET_2016_2020 } from "../../../shared/setup/criteria-sets.ts";
import type { FakeServer, Recorded } from "../fixtures.ts";
import { BAC_SON, CAO_LOC, fakeServer, filledTemplate, runCli, tempDir } from "../fixtures.ts";
import { zipEntryText } from "../zip-entry.ts";

/** `ntm report --trend --from --to [--json]` and `ntm report --year --out --trend-from` against a fake server. */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const TREND = trend(2017, 2018, [
  { year: 2017, criteriaSet: SET_2016_2020, communes: null, plans: [{ code: "06148", criteria: upTo(19) }], results: [] },
  {
    year: 2018,
    criteriaSet: SET_2016_2020,
    communes: null,
    plans: [
      { code: "06148", criteria: upTo(19) },
      { code: "06151", criteria: upTo(5) },
    ],
    results: [{ code: "06148", criteria: upTo(18) }],
  },
]);

let dir = "";
let report: Record<string, unknown> = {};
let server: FakeServer | null = null;
beforeAll(async () => {
  dir = await tempDir();
  const files = [await filledTemplate(dir, "183", CAO_LOC), await filledTemplate(dir, "185", BAC_SON)];
  report = JSON.parse((await runCli(["consolidate", ...files, "--json"])).stdout) as Record<string, unknown>;
});
afterEach(async () => {
  await server?.close();
  server = null;
});
const answer = (r: Recorded): [number, unknown] =>
  new URL(r.url, "http://x").pathname === "/api/v1/reports/trend" ? [200, TREND] : [200, report];

describe("ntm report --trend", () => {
  it("prints a table per criterion × year (KH, TH); --json the answer", async () => {
    server = await fakeServer(answer);
    const r = await runCli(["report", "--trend", "--from", "2017", "--to", "2018"], { NTM_SERVER: server.url, NTM_TOKEN: "o" });
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.map((q) => q.url)).toEqual(["/api/v1/reports/trend?from=2017&to=2018"]);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Xu hướng 2017-2018: số xã theo danh sách xã năm 2018 (xã sáp nhập tính theo các xã cũ có số liệu)",
      "Bộ tiêu chí: 2017: 2016-2020; 2018: 2016-2020",
      "Mục   Nội dung                                  2017 KH  2017 TH  2018 KH  2018 TH",
    ]);
    // 2017 counted on 2018's communes: 06151 has no 2017 row.
    expect(lines.slice(4, 7)).toEqual([
      "NTM   Xã đạt chuẩn NTM                                1        -        1        0",
      "Xã    Xã có số liệu                                   1        -        2        1",
      "TC1   Quy hoạch                                       1        -        2        1",
    ]);
    expect(lines.length).toBe(2 + 2 + 2 + 19 + 1);
    const j = await runCli(["report", "--trend", "--from", "2017", "--to", "2018", "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "o" });
    expect(JSON.parse(j.stdout)).toEqual(TREND);
  });

  it("--trend-from: the written Tổng hợp has NTM_Trend (the eighth table)", async () => {
    server = await fakeServer(answer);
    const out = path.join(dir, "bao-cao-trend.xlsx");
    const r = await runCli(["report", "--year", "2018", "--out", out, "--trend-from", "2017"], { NTM_SERVER: server.url, NTM_TOKEN: "o" });
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.map((q) => q.url)).toEqual(["/api/v1/reports/2018", "/api/v1/reports/trend?from=2017&to=2018"]);
    expect(zipEntryText(await readFile(out), "xl/tables/table8.xml")).toContain("NTM_Trend");
  });

  it("usage: --trend needs --from and --to, takes no --year; --trend-from needs --out; --from after --to", async () => {
    const cases: [string[], string][] = [
      [["--trend", "--from", "2017"], "--trend needs --from and --to"],
      [["--trend", "--from", "2017", "--to", "2018", "--year", "2018"], "--year is not for --trend"],
      [["--trend", "--from", "2019", "--to", "2018"], "--from must not be after --to"],
      [["--year", "2018", "--trend-from", "2017"], "--trend-from needs --out"],
      [["--year", "2018", "--from", "2017"], "--from and --to are for --trend"],
    ];
    for (const [args, text] of cases) {
      const r = await runCli(["report", ...args]);
      expect([r.code, r.stderr.split("\n")[0]]).toEqual([1, `ntm report: ${text}`]);
    }
  });
});
