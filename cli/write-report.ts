import type { Report } from "../shared/schemas/report.ts";
import { buildReportSheet } from "../shared/report/report-sheet.ts";
import { writeReportWorkbookFile } from "./xlsx/write-workbook.ts";
import { EXIT_INVALID, EXIT_OK, printJson } from "./output.ts";
import type { Io } from "./output.ts";
import { reportSummary } from "./report-summary.ts";

/** `--out`: a new workbook (replacing the file) holding the `Tổng hợp` sheet of the report. */
export async function writeReportFile(report: Report, file: string): Promise<void> {
  await writeReportWorkbookFile(buildReportSheet(report), file);
}

/**
 * What `consolidate` and `report` do with a report: `--out` writes the workbook, `--json` prints the
 * JSON, neither prints the summary tables. Returns the exit code.
 */
export async function emitReport(io: Io, report: Report, options: { json: boolean; out: string | null }): Promise<number> {
  const { json, out } = options;
  if (out) {
    try {
      await writeReportFile(report, out);
    } catch (e) {
      io.stderr(`Không ghi được tệp ${out} (cannot write): ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`Đã ghi bảng tổng hợp vào ${out}\n`);
  }
  if (json) printJson(io, report);
  else if (!out) io.stdout(reportSummary(report));
  return EXIT_OK;
}
