/**
 * Parse + validate of a 10,000-commune NTM-2 workbook (shared/template/read-template.ts: version,
 * `Thông tin`, `Tiêu chí`, `Nguồn vốn`, the unit rules and the registered commune list) against
 * the project's floor (issue 2's benchmark, as the NTM-1 benchmark of shared-core.ts): a bare loop
 * that only reads and NFC-normalises every cell of the same grids. The target is parse + validate
 * ≤ 3× that floor. A loop that only touches every cell (no normalisation) is printed beside it for
 * information, with no target. The grids are built in memory beforehand (bench/ntm2-grid.ts);
 * nothing of exceljs is timed.
 */
import type { SheetInput } from "../shared/template/input.ts";
import { readTemplate } from "../shared/template/read-template.ts";
import type { Measurement } from "./measure.ts";
import { measure, printRow } from "./measure.ts";
import { cellCount, filledNtm2Workbook } from "./ntm2-grid.ts";
import { districtLevelSetup, typedSetup } from "./setup-datasets.ts";
import { ratio } from "./timing.ts";

export type Ntm2CoreResults = { communes: number; cells: number; bare: Measurement; nfc: Measurement; parse: Measurement };

/** Every cell once: its kind looked at, nothing else (informational, no target). */
function bareFloor(sheets: readonly SheetInput[]): number {
  let n = 0;
  for (const s of sheets)
    for (const row of s.values)
      for (const cell of row) {
        if (typeof cell === "string") n += cell.length;
        else if (cell !== "" && cell != null) n++;
      }
  return n;
}

/** The floor: every cell read once, every text NFC-normalised. */
function nfcFloor(sheets: readonly SheetInput[]): number {
  let n = 0;
  for (const s of sheets)
    for (const row of s.values)
      for (const cell of row) {
        if (typeof cell === "string") n += cell.normalize("NFC").length;
        else if (cell !== "" && cell != null) n++;
      }
  return n;
}

export async function benchNtm2Core(communes = 10_000): Promise<Ntm2CoreResults> {
  // One district of a 2027 setup at level huyện, set 2026-2030 (10 criteria, groups), `communes` registered.
  const setup = typedSetup(districtLevelSetup(1, communes, 2027));
  const unit = setup.units[0]!.code;
  const sheets = filledNtm2Workbook(setup, unit);
  const cells = cellCount(sheets);
  const check = readTemplate(sheets, setup);
  if (!check.ok) throw new Error(`bench NTM-2 grid does not parse: ${check.issues[0]?.code} ${check.issues[0]?.messageEn}`);
  if (check.value.submission.communes.length !== communes) throw new Error("bench NTM-2 grid: wrong number of communes");
  console.log(
    `\n## Shared core, template NTM-2: ${communes.toLocaleString("en")} communes of unit ${unit} (set ${setup.criteriaSet.id}, ` +
      `commune list registered), ${cells.toLocaleString("en")} cells, ${check.warnings.length.toLocaleString("en")} warnings`,
  );
  const bare = measure("floor: touch every cell once", () => bareFloor(sheets));
  const nfc = measure("floor: read + NFC every cell", () => nfcFloor(sheets));
  const parse = measure("parse + validate (readTemplate, NTM-2)", () => {
    const r = readTemplate(sheets, setup);
    if (!r.ok) throw new Error("unreachable: the grid parsed before");
    return r;
  });
  printRow("parse+validate / floor (read + NFC every cell)", ratio(parse.median, nfc.median), "target ≤ 3×");
  printRow("parse+validate / touch-only loop", ratio(parse.median, bare.median), "information, no target");
  return { communes, cells, bare, nfc, parse };
}
