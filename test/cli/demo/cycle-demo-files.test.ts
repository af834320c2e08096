import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { attachTargets } from "../../../shared/targets/compare.ts";
import { readTargetsWorkbook } from "../../../shared/targets/read-workbook.ts";
import { readTemplate } from "../../../shared/template/read-template.ts";
import { readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { cycleDemo, writeCycleDemoFiles } from "../../../cli/demo/cycle-demo-files.ts";
import type { CycleDemoFile } from "../../../cli/demo/cycle-demo-files.ts";
import { targets2018 } from "../../../cli/demo/targets-2018.ts";
import { plans2018Report } from "../../shared/targets/plans-2018-report.ts";

/** The cycle's demo files as real .xlsx, read back and parsed as the CLI and the server read them. */
describe("the cycle's demo files (npm run demo:data)", () => {
  let dir = "";
  let files: CycleDemoFile[] = [];
  const { results, plans2019 } = cycleDemo();
  const setup2018 = builtInSetup(2018)!;
  const setup2019 = builtInSetup(2019)!;
  const of = (kind: CycleDemoFile["kind"]) => files.filter((f) => f.kind === kind);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ntm-cycle-demo-"));
    files = await writeCycleDemoFiles(dir);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes the targets workbook, eleven 2018 results and eleven 2019 plans in their folders", async () => {
    expect(files.map((f) => [f.kind, f.year, f.district])).toEqual([
      ["targets", 2018, null],
      ...results.map((r) => ["result", 2018, r.district]),
      ...plans2019.map((p) => ["plan", 2019, p.district]),
    ]);
    expect(of("targets")[0]!.file).toBe(path.join(dir, "2018-chi-tieu", "chi-tieu-2018.xlsx"));
    expect(of("result").find((f) => f.district === "183")!.file).toBe(
      path.join(dir, "2018-ket-qua", "183-huyen-cao-loc-2018-ket-qua.xlsx"),
    );
    expect(of("plan").find((f) => f.district === "183")!.file).toBe(path.join(dir, "2019", "183-huyen-cao-loc-2019.xlsx"));
    expect((await readdir(path.join(dir, "2018-ket-qua"))).filter((f) => f.endsWith(".xlsx"))).toHaveLength(11);
    expect((await readdir(path.join(dir, "2019"))).filter((f) => f.endsWith(".xlsx"))).toHaveLength(11);
    // Nothing at the top: `<dir>/*.xlsx` stays the eleven 2018 plans that demo-data writes there.
    expect((await readdir(dir)).filter((f) => f.endsWith(".xlsx"))).toEqual([]);
  });

  it("the targets workbook reads back to the seed's targets, and the eleven plans meet each with gap 0", async () => {
    const read = await readWorkbookFile(of("targets")[0]!.file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { result } = readTargetsWorkbook(read.value, setup2018);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.province).toEqual(targets2018().province);
    const { aggregates, report } = plans2018Report("2018-02-28T01:00:00.000Z");
    const rows = attachTargets(report, result.value, setup2018, aggregates).targets!;
    expect(rows).toHaveLength(33);
    expect(rows.filter((r) => !r.met || r.gap !== 0)).toEqual([]);
  });

  it("every result file parses as a result (round result, TH and disbursed as generated); warnings only for capital over plan (183, 186, 189)", async () => {
    const warned: [string, number][] = [];
    for (const f of of("result")) {
      const read = await readWorkbookFile(f.file);
      expect(read.ok, f.file).toBe(true);
      if (!read.ok) continue;
      const r = readTemplate(read.value, setup2018);
      expect(r.ok ? [] : r.issues, f.file).toEqual([]);
      if (!r.ok) continue;
      const want = results.find((x) => x.district === f.district)!.result;
      const got = r.value.submission;
      expect(r.value.version).toBe("NTM-2");
      expect(got.round).toBe("result");
      expect(got.unit).toBe(f.district);
      expect(got.communes.map((c) => [c.code, c.baseline, c.plan, c.achieved])).toEqual(
        want.communes.map((c) => [c.code, c.baseline, c.plan, c.achieved]),
      );
      expect(got.capital).toEqual(want.capital);
      expect(got.disbursed).toEqual(want.disbursed);
      expect(r.warnings.every((w) => w.code === "result.disbursed_over_plan")).toBe(true);
      if (r.warnings.length > 0) warned.push([f.district!, r.warnings.length]);
    }
    expect(warned).toEqual([
      ["183", 7],
      ["186", 7],
      ["189", 7],
    ]);
  }, 120_000);

  it("every 2019 plan parses with HT = the district's 2018 TH", async () => {
    for (const f of of("plan")) {
      const read = await readWorkbookFile(f.file);
      expect(read.ok, f.file).toBe(true);
      if (!read.ok) continue;
      const r = readTemplate(read.value, setup2019);
      expect(r.ok ? [] : r.issues, f.file).toEqual([]);
      if (!r.ok) continue;
      expect(r.value.version).toBe("NTM-1");
      expect(r.warnings.every((w) => w.code === "plan.district_difficult_missing")).toBe(true);
      const got = r.value.submission;
      const th = results.find((x) => x.district === f.district)!.result.communes;
      expect(got.year).toBe(2019);
      expect(got.communes.map((c) => [c.code, c.baseline])).toEqual(th.map((c) => [c.code, c.achieved]));
      expect(got.communes.map((c) => c.plan)).toEqual(plans2019.find((p) => p.district === f.district)!.communes.map((c) => c.plan));
    }
  }, 120_000);
});
