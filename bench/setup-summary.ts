/** The setup lines of `npm run bench`'s summary: NTM-2 parse, the setup PUT, the report's statements. */
import { printRow } from "./measure.ts";
import type { Ntm2CoreResults } from "./ntm2-core.ts";
import { SETUP_COMMUNES } from "./setup-apply.ts";
import type { SetupFloorResults } from "./setup-apply.ts";
import type { SetupHttpResults } from "./setup-http.ts";
import { ratio } from "./timing.ts";

export function printSetupSummary(ntm2: Ntm2CoreResults | null, floor: SetupFloorResults | null, http: SetupHttpResults | null): void {
  if (ntm2) {
    printRow(
      `NTM-2 parse + validate, ${ntm2.communes.toLocaleString("en")} communes`,
      `${ntm2.parse.median.toFixed(1)} ms`,
      `${ntm2.cells.toLocaleString("en")} cells, grids in memory`,
    );
    printRow(
      "  / floor (read + NFC every cell)",
      ratio(ntm2.parse.median, ntm2.nfc.median),
      `floor ${ntm2.nfc.median.toFixed(2)} ms; goal ≤ 3× (issue 2's floor)`,
    );
    printRow(
      "  / touch-only loop (information)",
      ratio(ntm2.parse.median, ntm2.bare.median),
      `loop ${ntm2.bare.median.toFixed(2)} ms; no target`,
    );
  }
  if (http) {
    printRow(
      `setup PUT, ${SETUP_COMMUNES.toLocaleString("en")} communes + units, wrangler dev`,
      `${http.put.median.toFixed(0)} ms`,
      `${(http.bodyBytes / 1e6).toFixed(2)} MB of JSON; the same again (200): ${http.dedupe.median.toFixed(0)} ms`,
    );
  }
  if (floor) {
    const put = floor.put;
    printRow(
      "  D1 statements of that PUT",
      `${put.stats.statements}`,
      `${put.stats.roundTrips} round trip(s); setup write ${put.builder.total} (${put.builder.parts}), not one per commune`,
    );
    if (http) {
      printRow("  / SQLite floor (same SQL, node:sqlite)", ratio(http.put.median, put.sql.median), `floor ${put.sql.median.toFixed(1)} ms`);
      printRow("  / PUT route's code in Node on SQLite", ratio(http.put.median, put.node.median), `${put.node.median.toFixed(1)} ms`);
      printRow(
        `  of which moving ${(http.bodyBytes / 1e6).toFixed(2)} MB into the Worker`,
        `${http.transport.median.toFixed(0)} ms`,
        "a JSON string of the same size (422)",
      );
    }
    printRow(
      `report D1 statements, ${floor.reports.map((r) => r.units.toLocaleString("en")).join(" / ")} units`,
      floor.reports.map((r) => r.stats.statements).join(" / "),
      `constant in the number of units (${floor.reports.map((r) => r.label.split(":")[0]).join(" / ")})`,
    );
  }
}
