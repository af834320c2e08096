import type { ExcelModule } from "../../../cli/xlsx/workbook-bytes.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * exceljs's browser build, fetched on the first download only (it is larger than the whole page):
 * the same writer as the CLI's (cli/xlsx/workbook-bytes.ts: exceljs stays out of shared/).
 */
export async function loadExcel(): Promise<ExcelModule> {
  const m = (await import("exceljs")) as unknown as { default?: ExcelModule } & ExcelModule;
  return m.default ?? m;
}

/** Offers the bytes as a download named `name`. */
export function saveXlsx(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
