import type { Report } from "../shared/schemas/report.ts";
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import { buildReportSheet } from "../shared/report/report-sheet.ts";
import { writeReportWorkbookFile } from "./xlsx/write-report-sheet.ts";

/** `--out`: a new workbook (replacing the file) holding the `Tổng hợp` sheet of the report. */
export async function writeReportFile(report: Report, file: string): Promise<void> {
  await writeReportWorkbookFile(buildReportSheet(report, DEFAULT_REFERENCE), file);
}
