/**
 * The yearly cycle's demo files (issue 9), written by `npm run demo:data -- --out <dir>` beside the
 * eleven 2018 plan workbooks (which stay as they are):
 * - `<dir>/2018-chi-tieu/chi-tieu-2018.xlsx`: the `Chỉ tiêu` workbook with the seed's stated 2018 figures (targets-2018.ts);
 * - `<dir>/2018-ket-qua/<code>-<name>-2018-ket-qua.xlsx`: the eleven 2018 result templates
 *   (`Kết quả thực hiện`, HT/KH from the demo plan, TH and capital `Thực hiện` typed: results-2018.ts,
 *   fill-result.ts);
 * - `<dir>/2019/<code>-<name>-2019.xlsx`: the eleven 2019 plans carried over from those results (HT =
 *   TH of 2018, KH planned further: plan-2019.ts), each typed with its district's habits.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { ReferenceData } from "../../shared/reference/index.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import { stripDiacritics } from "../../shared/text/match.ts";
import { writeWorkbookFile } from "../xlsx/write-workbook.ts";
import { fillResult, resultVariationOf } from "./fill-result.ts";
import { fillTemplate } from "./fill-template.ts";
import { DEMO_YEAR, buildPlan2018 } from "./plan-2018.ts";
import { PLAN_2019_YEAR, buildPlan2019 } from "./plan-2019.ts";
import type { DistrictResult } from "./results-2018.ts";
import { buildResults2018 } from "./results-2018.ts";
import { targetsWorkbook2018 } from "./targets-2018.ts";
import { variationOf, varyTyping } from "./typing-variations.ts";

/** In a folder of its own, so that `<dir>/*.xlsx` stays the eleven 2018 plans (the README's `ntm submit demo/*.xlsx`). */
export const TARGETS_DIR = "2018-chi-tieu";
export const TARGETS_FILE = "chi-tieu-2018.xlsx";
export const RESULTS_DIR = "2018-ket-qua";
export const PLANS_2019_DIR = String(PLAN_2019_YEAR);

export type CycleDemoFile = {
  file: string;
  kind: "targets" | "result" | "plan";
  year: number;
  /** The district (null for the targets workbook). */
  district: string | null;
  description: string;
};

export type CycleDemo = { results: DistrictResult[]; plans2019: Submission[] };

/** The cycle's demo data (pure): the 2018 results of the demo plans and the 2019 plans carried over. */
export function cycleDemo(reference: ReferenceData = DEFAULT_REFERENCE): CycleDemo {
  const results = buildResults2018(buildPlan2018(reference));
  return { results, plans2019: buildPlan2019(results) };
}

function slug(name: string): string {
  return stripDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Writes the targets workbook, the 2018 results and the 2019 plans under `dir`; returns what was written. */
export async function writeCycleDemoFiles(dir: string, reference: ReferenceData = DEFAULT_REFERENCE): Promise<CycleDemoFile[]> {
  const setup2018 = builtInSetup(DEMO_YEAR)!;
  const { results, plans2019 } = cycleDemo(reference);
  const out: CycleDemoFile[] = [];
  await mkdir(join(dir, RESULTS_DIR), { recursive: true });
  await mkdir(join(dir, PLANS_2019_DIR), { recursive: true });
  await mkdir(join(dir, TARGETS_DIR), { recursive: true });
  const targets = join(dir, TARGETS_DIR, TARGETS_FILE);
  await writeWorkbookFile(targetsWorkbook2018(setup2018), targets);
  out.push({ file: targets, kind: "targets", year: DEMO_YEAR, district: null, description: "chỉ tiêu tỉnh năm 2018 (KH 42/KH-UBND)" });
  for (const r of results) {
    const file = join(dir, RESULTS_DIR, `${r.district}-${slug(r.plan.districtName)}-${DEMO_YEAR}-ket-qua.xlsx`);
    await writeWorkbookFile(fillResult(setup2018, r), file);
    out.push({ file, kind: "result", year: DEMO_YEAR, district: r.district, description: resultVariationOf(r.district).description });
  }
  for (const p of plans2019) {
    const v = variationOf(p.district);
    const file = join(dir, PLANS_2019_DIR, `${p.district}-${slug(p.districtName)}-${PLAN_2019_YEAR}.xlsx`);
    await writeWorkbookFile(varyTyping(fillTemplate(p, reference), p, reference, v), file);
    out.push({ file, kind: "plan", year: PLAN_2019_YEAR, district: p.district, description: v.description });
  }
  return out;
}
