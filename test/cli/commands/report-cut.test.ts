import { afterEach, describe, expect, it } from "vitest";
import { buildReport } from "../../../shared/report/build-report.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import type { FakeServer } from "../fixtures.ts";
import { fakeServer, runCli } from "../fixtures.ts";

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A 2018 result-round report as the server states it at a cut: after action 42, accepted revisions only. */
const REPORT = {
  ...buildReport({ year: 2018, generatedAt: "2018-04-02T00:00:00.000Z", setup: builtInSetup(2018)!, entries: [] }),
  round: "result",
  cut: { asOf: "2018-04-01T03:04:05.000Z", seq: 42, accepted: true },
  deadline: "2018-03-31",
  completeness: { expected: 11, submitted: 9, onTime: 8, accepted: 3 },
};

describe("ntm report at a cut", () => {
  it("--round, --as-of and --accepted go in the query; the summary states the round, deadline, cut and completeness", async () => {
    server = await fakeServer(() => [200, REPORT]);
    const r = await runCli(["report", "--year", "2018", "--round", "result", "--as-of", "2018-04-01T10:04:05+07:00", "--accepted"], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "office-t",
    });
    expect(r.code).toBe(0);
    expect(server.requests.map((q) => q.url)).toEqual([
      "/api/v1/reports/2018?round=result&asOf=2018-04-01T10%3A04%3A05%2B07%3A00&accepted=true",
    ]);
    expect(r.stdout.split("\n").slice(1, 5)).toEqual([
      "Bộ tiêu chí 2016-2020 (19 tiêu chí)",
      "Đợt: Kết quả thực hiện · Hạn nộp: 31/03/2018",
      "Số liệu tại: 01/04/2018 10:04 (thao tác số 42), chỉ bản đã duyệt",
      "Đã nộp 9/11 · Đúng hạn 8/11 · Đã duyệt 3/11",
    ]);
  });

  it("without the options: no query; a report of every latest revision says nothing of accepted", async () => {
    server = await fakeServer(() => [200, { ...REPORT, round: "plan", cut: { ...REPORT.cut, accepted: false } }]);
    const r = await runCli(["report", "--year", "2018"], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(0);
    expect(server.requests.map((q) => q.url)).toEqual(["/api/v1/reports/2018"]);
    expect(r.stdout).toContain("\nĐợt: Kế hoạch · Hạn nộp: 31/03/2018\nSố liệu tại: 01/04/2018 10:04 (thao tác số 42)\nĐã nộp 9/11");
  });

  it.each([
    [["report", "--year", "2018", "--round", "annual"], "--round must be plan or result, not annual"],
    [["report", "--year", "2018", "--as-of", "01/04/2018"], "--as-of must be an ISO 8601 time"],
    [["report", "--year", "2018", "--accepted=yes"], "--accepted không nhận giá trị"],
  ])("%j: exit 1 with the usage, nothing sent", async (args, reason) => {
    server = await fakeServer(() => [200, REPORT]);
    const r = await runCli(args, { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ntm report: ${reason}`);
    expect(server.requests).toEqual([]);
  });
});
