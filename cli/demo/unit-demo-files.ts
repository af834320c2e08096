import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Setup } from "../../shared/setup/types.ts";
import type { SheetModel } from "../../shared/template/sheet-model.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { stripDiacritics } from "../../shared/text/match.ts";
import { writeWorkbookFile } from "../xlsx/write-workbook.ts";
import { fillNtm2 } from "./fill-template-ntm2.ts";
import { planForSetup } from "./plan-units.ts";
import type { Variation } from "./typing-variations.ts";
import { VARIATIONS, varyFilled } from "./typing-variations.ts";

/**
 * The filled NTM-2 templates of every unit of a setup (the 2027 e2e: `demo:data --year 2027`):
 * the demo plan of plan-units.ts, each unit typing the way one of the eleven 2018 districts types
 * (typing-variations.ts, in turn: unit i takes the habits of the (i mod 11)-th district).
 */
export type UnitDemo = { unit: string; name: string; submission: UnitSubmission; variation: Variation; sheets: SheetModel[] };

const HABITS = Object.values(VARIATIONS);

export function unitDemos(setup: Setup): UnitDemo[] {
  return planForSetup(setup).map((submission, i) => {
    const variation = HABITS[i % HABITS.length]!;
    return {
      unit: submission.unit,
      name: submission.unitName,
      submission,
      variation,
      sheets: varyFilled(fillNtm2(setup, submission), variation),
    };
  });
}

/** `06001-xa-that-khe-2027.xlsx` */
export function unitFileName(code: string, name: string, year: number): string {
  const slug = stripDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${code}-${slug}-${year}.xlsx`;
}

export type UnitDemoFile = { file: string; unit: string; communes: number; variation: string };

/** Writes every unit's filled template into `dir` (created if needed); returns what was written. */
export async function writeUnitDemoFiles(dir: string, setup: Setup): Promise<UnitDemoFile[]> {
  await mkdir(dir, { recursive: true });
  const out: UnitDemoFile[] = [];
  for (const d of unitDemos(setup)) {
    const file = join(dir, unitFileName(d.unit, d.name, setup.year));
    await writeWorkbookFile(d.sheets, file);
    out.push({ file, unit: d.unit, communes: d.submission.communes.length, variation: d.variation.description });
  }
  return out;
}
