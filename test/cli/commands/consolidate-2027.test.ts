import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setup2027, writeSetup2027 } from "../../../cli/demo/setup-2027.ts";
import { planForSetup } from "../../../cli/demo/plan-units.ts";
import { writeUnitDemoFiles } from "../../../cli/demo/unit-demo-files.ts";
import { aggregateUnit } from "../../../shared/report/aggregate.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { runCli } from "../fixtures.ts";

/**
 * The 2027 plan end to end offline: the `Thiết lập` workbook of Lạng Sơn 2027 (61 xã, each its own
 * unit, 10 criteria, commune groups) and the 61 filled NTM-2 templates, consolidated by the CLI, give
 * the report built in memory from the same plan.
 */
describe("ntm consolidate of the 2027 demo (61 NTM-2 files, --setup)", () => {
  let dir = "";
  let setupFile = "";
  let files: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ntm-2027-"));
    setupFile = await writeSetup2027(dir);
    files = (await writeUnitDemoFiles(path.join(dir, "units"), setup2027())).map((f) => f.file);
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("reports the 61 xã under the 2026-2030 set, figure for figure as built from the plan", async () => {
    const r = await runCli(["consolidate", ...files, "--setup", setupFile, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    const setup = setup2027();
    const expected = buildReport({
      year: 2027,
      generatedAt: report.generatedAt,
      setup,
      entries: planForSetup(setup).map((s) => ({
        unit: s.unit,
        aggregate: aggregateUnit(s, setup),
        revision: null,
        submittedAt: null,
        submittedBy: null,
        preparedBy: s.preparedBy,
        phone: s.phone,
        status: "submitted" as const,
      })),
    });
    const figures = (x: Report) => ({ ...x, units: x.units.map(({ preparedBy: _p, phone: _ph, ...u }) => u) });
    expect(figures(report)).toEqual(figures(expected));
    expect(report.level).toBe("xã");
    expect(report.criteriaSet).toEqual({ id: "2026-2030", size: 10 });
    expect(report.units).toHaveLength(61);
    expect(report.units.every((u) => u.status === "submitted" && u.templateVersion === "NTM-2" && u.communes === 1)).toBe(true);
    expect(report.overview.communes).toBe(61);
    expect(report.bands.map((b) => b.band)).toEqual(["10", "8-9", "5-7", "<5"]);
    expect(report.groups.map((g) => g.group)).toEqual([
      "group1",
      "group2",
      "group3",
      "attr:Xã biên giới",
      "flag:Phấn đấu đạt chuẩn NTM",
      "flag:Phấn đấu đạt chuẩn NTM nâng cao",
    ]);
    expect(report.groups.slice(0, 3).reduce((s, g) => s + g.communes, 0)).toBe(61);
    expect(report.unlisted).toEqual([]);
  }, 180_000);
});
