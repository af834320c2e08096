import { describe, expect, it } from "vitest";
import { reportSummary } from "../../cli/report-summary.ts";
import { aggregateUnit } from "../../shared/report/aggregate.ts";
import { buildReport } from "../../shared/report/build-report.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import { SUBMISSIONS_2027, TINY_2027 } from "../shared/report/tiny-2027.ts";

const report2027 = buildReport({
  year: 2027,
  generatedAt: "2027-03-01T02:00:00.000Z",
  setup: TINY_2027,
  entries: SUBMISSIONS_2027.map((s) => ({
    unit: s.unit,
    aggregate: aggregateUnit(s, TINY_2027),
    revision: 1,
    submittedAt: null,
    submittedBy: null,
    preparedBy: null,
    phone: null,
  })),
});

describe("reportSummary", () => {
  it("a xã-level report: counts xã, names the set, lists the setup's bands, groups and capital rows, then the unlisted communes", () => {
    const text = reportSummary(report2027);
    expect(text).toContain("BÁO CÁO TỔNG HỢP XÂY DỰNG NÔNG THÔN MỚI NĂM 2027 — đã nhận 3/4 xã");
    expect(text).toMatch(/06013\s+Mã xã 06013 \(ngoài danh mục\)\s+Đã nộp/);
    expect(text).toContain("Bộ tiêu chí 2026-2030 (10 tiêu chí)");
    // made offline: the round; no deadline, no cut and no completeness line (on time and accepted are the server's)
    expect(text.split("\n").slice(1, 4)).toEqual(["Bộ tiêu chí 2026-2030 (10 tiêu chí)", "Đợt: Kế hoạch", ""]);
    expect(text).not.toContain("Đúng hạn");
    expect(text).toMatch(/Đạt 8-9 tiêu chí\s+1\s+1\s+25,0/);
    expect(text).toMatch(/Xã nhóm 2\s+2\s+7,00\s+9,50/);
    expect(text).toMatch(/NTM nâng cao\s+1\s+10,00\s+10,00/);
    expect(text).toMatch(/1\.2\s+Ngân sách tỉnh\s+120,5\s+3,0/);
    expect(text).toMatch(/Tổng cộng\s+4\.010,001\s+100,0/);
    expect(text).toContain("Xã không còn trong danh mục của cấu hình (1)");
    expect(text).toMatch(/06013\s+Xã Cũ\s+06013/);
  });

  it("a 2018 report without submissions: every district missing, no unlisted section", () => {
    const text = reportSummary(
      buildReport({ year: 2018, generatedAt: "2018-03-01T00:00:00.000Z", setup: builtInSetup(2018)!, entries: [] }),
    );
    expect(text).toContain("đã nhận 0/11 huyện");
    expect(text).toContain("Bộ tiêu chí 2016-2020 (19 tiêu chí)");
    expect(text).not.toContain("Xã không còn trong danh mục");
  });

  it("a server's report states its cut (Vietnam time, action number), accepted-only, the deadline and a late unit's status", () => {
    const base = buildReport({ year: 2018, generatedAt: "2018-04-02T00:00:00.000Z", setup: builtInSetup(2018)!, entries: [] });
    const text = reportSummary({
      ...base,
      cut: { asOf: "2018-03-31T16:59:59.000Z", seq: 7, accepted: true },
      deadline: "2018-03-31",
      completeness: { expected: 11, submitted: 2, onTime: 1, accepted: 1 },
      units: base.units.map((u, i) => (i === 0 ? { ...u, status: "late" as const, daysLate: 2, revision: 1 } : u)),
    });
    expect(text.split("\n").slice(2, 5)).toEqual([
      "Đợt: Kế hoạch · Hạn nộp: 31/03/2018",
      "Số liệu tại: 31/03/2018 23:59 (thao tác số 7), chỉ bản đã duyệt",
      "Đã nộp 2/11 · Đúng hạn 1/11 · Đã duyệt 1/11",
    ]);
    expect(text).toMatch(/\n\d{3}\s+\S.*\s+Nộp muộn\s+1\s/);
  });
});
