import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { consolidateSubmissions } from "../../../shared/report/consolidate.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { writeDemoFiles } from "../../../cli/demo-data.ts";
import type { DemoFile } from "../../../cli/demo-data.ts";
import { expectDomain2018 } from "./domain-2018.ts";

/** The issue's test: the eleven 2018 workbooks, written as real .xlsx, read back, parsed and consolidated. */
describe("demo data files (npm run demo:data)", () => {
  let dir = "";
  let files: DemoFile[] = [];
  const parsed: { file: string; submission: Submission }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ntm-demo-"));
    files = await writeDemoFiles(dir);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes eleven .xlsx files, one per district", async () => {
    expect(files.map((f) => f.district)).toEqual(DEFAULT_REFERENCE.districts.map((d) => d.code));
    expect((await readdir(dir)).filter((f) => f.endsWith(".xlsx"))).toHaveLength(11);
    expect(files.find((f) => f.district === "183")!.file).toMatch(/183-huyen-cao-loc-2018\.xlsx$/);
  });

  it("every file reads back and parses without errors", async () => {
    for (const f of files) {
      const read = await readWorkbookFile(f.file);
      expect(read.ok, f.file).toBe(true);
      if (!read.ok) continue;
      const r = parseWorkbook(read.value, DEFAULT_REFERENCE);
      if (!r.ok)
        expect(
          r.issues.filter((i) => i.severity === "error"),
          f.file,
        ).toEqual([]);
      if (r.ok) {
        expect(
          r.warnings.filter((w) => w.code !== "plan.district_difficult_missing"),
          f.file,
        ).toEqual([]);
        parsed.push({ file: f.file, submission: r.value });
      }
    }
    expect(parsed).toHaveLength(11);
  }, 120_000);

  it("consolidates to every 2018 figure of docs/domain.md", () => {
    const r = consolidateSubmissions(parsed, builtInSetup(2018)!, "2018-02-28T03:00:00.000Z");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expectDomain2018(r.value);
    expect(r.value.units.find((d) => d.code === "186")!.capitalTotal % 1).toBe(0.5);
  });
});
