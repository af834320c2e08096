/**
 * Benchmark of the shared core (issue 2): parse + validate a 10,000-commune grid and consolidate
 * 10,000 communes, against the floor: a bare loop that only reads and NFC-normalises every cell.
 */
import { parseWorkbook } from "../shared/template/parse.ts";
import { aggregateSubmission } from "../shared/report/aggregate.ts";
import { buildReport } from "../shared/report/build-report.ts";
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import { builtInSetup } from "../shared/setup/defaults.ts";
import type { SheetInput } from "../shared/template/input.ts";
import { filledWorkbook } from "./grid.ts";
import { measure, printRow } from "./measure.ts";

function floor(sheets: SheetInput[]): number {
  let n = 0;
  for (const s of sheets)
    for (const row of s.values)
      for (const cell of row) {
        if (typeof cell === "string") n += cell.normalize("NFC").length;
        else if (cell !== "" && cell != null) n++;
      }
  return n;
}

export async function benchSharedCore(): Promise<void> {
  const COMMUNES = 10_000;
  const sheets = filledWorkbook(COMMUNES);
  const cells = sheets.reduce((a, s) => a + s.values.reduce((b, r) => b + r.length, 0), 0);
  console.log(`\n## Shared core: ${COMMUNES.toLocaleString("en")} communes, ${cells.toLocaleString("en")} cells`);

  const f = measure("floor: read + NFC every cell", () => floor(sheets));
  const p = measure("parse + validate (parseWorkbook)", () => {
    const r = parseWorkbook(sheets, DEFAULT_REFERENCE);
    if (!r.ok) throw new Error(`bench grid does not parse: ${r.issues.find((i) => i.severity === "error")?.message}`);
    return r;
  });
  const parsed = parseWorkbook(sheets, DEFAULT_REFERENCE);
  if (!parsed.ok) throw new Error("unreachable");
  const sub = parsed.value;
  // 10,000 communes split over the 11 districts for consolidation.
  const per = Math.ceil(sub.communes.length / DEFAULT_REFERENCE.districts.length);
  const subs = DEFAULT_REFERENCE.districts.map((d, i) => ({
    ...sub,
    district: d.code,
    districtName: d.name,
    communes: sub.communes.slice(i * per, (i + 1) * per),
  }));
  const setup = builtInSetup(2018)!;
  const c = measure("consolidate (aggregate 10,000 communes + report)", () => {
    const entries = subs.map((s) => ({
      unit: s.district,
      aggregate: aggregateSubmission(s, setup),
      revision: 1,
      submittedAt: "2018-03-01T00:00:00.000Z",
      submittedBy: "bench",
      preparedBy: null,
      phone: null,
    }));
    return buildReport({ year: 2018, generatedAt: "2018-03-01T00:00:00.000Z", setup, entries });
  });
  printRow("parse+validate / floor", `${(p.median / f.median).toFixed(2)}×`, "target ≤ 3×");
  printRow("parse+validate 10,000 communes", `${p.median.toFixed(1)} ms`, "target < 100 ms");
  printRow("consolidate 10,000 communes", `${c.median.toFixed(1)} ms`, "");
}
