import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Setup } from "../../../shared/setup/types.ts";
import { readTemplate } from "../../../shared/template/read-template.ts";
import { setup2027 } from "../../../cli/demo/setup-2027.ts";
import { planForSetup } from "../../../cli/demo/plan-units.ts";
import { fillNtm2 } from "../../../cli/demo/fill-template-ntm2.ts";
import { VARIATIONS, varyFilled } from "../../../cli/demo/typing-variations.ts";
import { unitDemos, writeUnitDemoFiles } from "../../../cli/demo/unit-demo-files.ts";
import type { UnitDemoFile } from "../../../cli/demo/unit-demo-files.ts";
import { loadWorkbooks } from "../../../cli/load-workbook.ts";
import { FREE_2019, FREE_2026, HUYEN_2023 } from "../../shared/template/ntm2-fixtures.ts";
import { modelToInput } from "./model-to-input.ts";

const S2027 = setup2027();
const TARGET = "Phấn đấu đạt chuẩn NTM";
const ADVANCED_2027 = "Phấn đấu đạt chuẩn NTM nâng cao";
const essentials = (
  communes: readonly { code: string; group: unknown; attributes: unknown; flags: unknown; baseline: unknown; plan: unknown }[],
) => communes.map(({ code, group, attributes, flags, baseline, plan }) => ({ code, group, attributes, flags, baseline, plan }));

describe("the demo plan of a setup (cli/demo/plan-units.ts)", () => {
  it("2027: 61 units of one commune each, deterministic, with these figures", () => {
    const subs = planForSetup(S2027);
    expect(planForSetup(S2027)).toEqual(subs);
    const communes = subs.flatMap((s) => s.communes);
    expect([subs.length, communes.length]).toEqual([61, 61]);
    expect(subs.every((s) => s.communes.length === 1 && s.communes[0]!.code === s.unit)).toBe(true);
    expect({
      ntmStart: communes.filter((c) => c.baseline.length === 10).length,
      ntmPlanned: communes.filter((c) => c.plan.length === 10).length,
      targets: communes.filter((c) => c.flags[TARGET]).length,
      advanced: communes.filter((c) => c.flags[ADVANCED_2027]).length,
      criteriaStart: communes.reduce((s, c) => s + c.baseline.length, 0),
      criteriaPlanned: communes.reduce((s, c) => s + c.plan.length, 0),
      capitalThousand: subs.reduce((s, u) => s + Object.values(u.capital).reduce((a, b) => a + b, 0), 0),
    }).toEqual({
      ntmStart: 11,
      ntmPlanned: 21,
      targets: 10,
      advanced: 9,
      criteriaStart: 369,
      criteriaPlanned: 471,
      capitalThousand: 1_880_223_000,
    });
    expect(communes.every((c) => c.plan.length >= 5 && c.baseline.every((k) => c.plan.includes(k)))).toBe(true);
    // The list's group and attributes, as registered.
    const registered = new Map(S2027.communes!.map((c) => [c.code, c]));
    expect(communes.every((c) => c.group === registered.get(c.code)!.group)).toBe(true);
    expect(communes.every((c) => JSON.stringify(c.attributes) === JSON.stringify(registered.get(c.code)!.attributes))).toBe(true);
  });

  it("without a commune list: three invented communes per unit, coded after it", () => {
    const subs = planForSetup(FREE_2026);
    expect(subs.map((s) => s.communes.map((c) => [c.code, c.group]))).toEqual([
      [
        ["18301", 1],
        ["18302", 2],
        ["18303", 3],
      ],
      [
        ["18501", 1],
        ["18502", 2],
        ["18503", 3],
      ],
    ]);
  });
});

/** Every unit's filled template, as Excel's values, read back under the setup: no issue at all, the same data. */
function expectClean(setup: Setup): void {
  for (const d of unitDemos(setup)) {
    const r = readTemplate(d.sheets.map(modelToInput), setup);
    expect(r.ok ? r.warnings : r.issues, `${d.unit}: ${d.variation.description}`).toEqual([]);
    if (!r.ok) continue;
    expect(r.value.version).toBe("NTM-2");
    expect(essentials(r.value.submission.communes)).toEqual(essentials(d.submission.communes));
    expect(r.value.submission.capital).toEqual(d.submission.capital);
    expect([r.value.submission.preparedBy, r.value.submission.preparedOn]).toEqual([d.submission.preparedBy, d.submission.preparedOn]);
  }
}

describe("the filled NTM-2 templates, typed the eleven 2018 ways (unitDemos)", () => {
  it("2027 (61 xã, 10 criteria, groups, a plan flag): every template validates with no warning", () => {
    const demos = unitDemos(S2027);
    expect(demos.map((d) => d.variation)).toEqual(demos.map((_, i) => Object.values(VARIATIONS)[i % 11]));
    expectClean(S2027);
  });

  it("other setups: 2021-2025 with a commune list, 2016-2020 and 2026-2030 without one", () => {
    for (const setup of [HUYEN_2023, FREE_2019, FREE_2026]) expectClean(setup);
  });

  it("really typed differently: upper case and NFD labels, numeric codes, text amounts", () => {
    const demos = unitDemos(S2027);
    const cells = (i: number, sheet: number) => demos[i]!.sheets[sheet]!.cells.flat();
    expect(cells(2, 1)).toContain("MÃ XÃ".normalize("NFD"));
    expect(cells(4, 1)).toContain(Number(demos[4]!.unit));
    expect(cells(6, 2).some((v) => typeof v === "string" && /^\d{1,3}(\.\d{3})+$/.test(v))).toBe(true);
  });

  it("the check is not vacuous: a planned regression and a mark the parser refuses are caught", () => {
    const sub = planForSetup(S2027).find((s) => s.communes[0]!.plan.length >= 7 && s.communes[0]!.baseline.length >= 3)!;
    const c = sub.communes[0]!;
    const regressed = { ...sub, communes: [{ ...c, plan: c.plan.filter((k) => k !== c.baseline[0]) }] };
    const r = readTemplate(varyFilled(fillNtm2(S2027, regressed), VARIATIONS["178"]!).map(modelToInput), S2027);
    expect(r.ok && r.warnings.map((w) => [w.code, w.commune])).toEqual([["plan.regression", sub.unit]]);
    const bad = readTemplate(varyFilled(fillNtm2(S2027, sub), { description: "bad", yes: () => "OK" }).map(modelToInput), S2027);
    expect(!bad.ok && bad.issues[0]!.code).toBe("criterion.invalid_value");
  });
});

describe("the 2027 demo files (writeUnitDemoFiles), read back as .xlsx by the CLI's loader", () => {
  let dir = "";
  let files: UnitDemoFile[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ntm-demo-2027-"));
    files = await writeUnitDemoFiles(dir, S2027);
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("61 files, named by unit, each valid under the 2027 setup with no warning", async () => {
    expect((await readdir(dir)).filter((f) => f.endsWith(".xlsx"))).toHaveLength(61);
    expect(path.basename(files[0]!.file)).toBe("06001-xa-that-khe-2027.xlsx");
    const loaded = await loadWorkbooks(
      files.map((f) => f.file),
      { kind: "file", setup: S2027 },
    );
    expect(loaded.filter((l) => !l.ok || l.issues.length > 0).map((l) => [l.file, l.issues])).toEqual([]);
    expect(loaded.map((l) => [l.district, l.templateVersion, l.level])).toEqual(files.map((f) => [f.unit, "NTM-2", "xã"]));
    expect(loaded.reduce((s, l) => s + (l.unitSubmission?.communes.length ?? 0), 0)).toBe(61);
  }, 180_000);
});
