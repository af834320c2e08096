/**
 * Reading a filled 10,000-commune NTM-2 workbook from .xlsx bytes: the shared reader the web page
 * uses (shared/xlsx/read-xlsx.ts: zip + DecompressionStream + string scanning) against the CLI's
 * exceljs reader (cli/xlsx/read-workbook.ts readWorkbookBuffer), on the same bytes, with the same
 * result (checked once before timing). The workbook is bench/ntm2-grid.ts filledNtm2Workbook for
 * the setup of bench/ntm2-core.ts, written by the CLI's writer (cli/xlsx/write-workbook.ts).
 * Standalone: `npx node bench/xlsx-read.ts`.
 */
import { isDeepStrictEqual } from "node:util";
import { readWorkbookBuffer } from "../cli/xlsx/read-workbook.ts";
import { writeWorkbookBuffer } from "../cli/xlsx/write-workbook.ts";
import { buildNtm2Template } from "../shared/template/build-template-ntm2.ts";
import { isFormula, type SheetModel } from "../shared/template/sheet-model.ts";
import { readXlsx } from "../shared/xlsx/read-xlsx.ts";
import type { Measurement } from "./measure.ts";
import { measureAsync, printRow } from "./measure.ts";
import { cellCount, filledNtm2Workbook } from "./ntm2-grid.ts";
import { districtLevelSetup, typedSetup } from "./setup-datasets.ts";
import { ratio } from "./timing.ts";

export type XlsxReadResults = { communes: number; bytes: number; shared: Measurement; exceljs: Measurement };

/** The filled NTM-2 workbook of `communes` communes as .xlsx bytes: the template's models, typed cells in place of the blanks. */
export async function filledNtm2Xlsx(communes: number): Promise<{ bytes: Uint8Array; cells: number }> {
  const setup = typedSetup(districtLevelSetup(1, communes, 2027));
  const unit = setup.units[0]!;
  const filled = filledNtm2Workbook(setup, unit.code);
  const models: SheetModel[] = buildNtm2Template(setup, unit).map((m, i) => {
    const grid = filled[i]!.values;
    const cells = grid.map((row, r) =>
      row.map((v, c) => (isFormula(m.cells[r]?.[c]) ? m.cells[r]![c]! : v === "" ? null : (v as string | number | boolean))),
    );
    return { ...m, cells };
  });
  return { bytes: new Uint8Array(await writeWorkbookBuffer(models)), cells: cellCount(filled) };
}

export async function benchXlsxRead(communes = 10_000): Promise<XlsxReadResults> {
  const { bytes, cells } = await filledNtm2Xlsx(communes);
  console.log(
    `\n## Reading .xlsx: filled NTM-2 workbook, ${communes.toLocaleString("en")} communes, ${cells.toLocaleString("en")} cells, ` +
      `${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB`,
  );
  const a = await readXlsx(bytes);
  const b = await readWorkbookBuffer(bytes);
  if (!a.ok || !isDeepStrictEqual(a, b)) throw new Error("readXlsx and readWorkbookBuffer disagree on the bench workbook");
  const shared = await measureAsync("readXlsx (shared/xlsx, web streams)", () => readXlsx(bytes), 7, 2);
  const exceljs = await measureAsync("readWorkbookBuffer (CLI, exceljs)", () => readWorkbookBuffer(bytes), 5, 1);
  printRow("  exceljs / readXlsx", ratio(exceljs.median, shared.median), "same bytes, same result");
  return { communes, bytes: bytes.byteLength, shared, exceljs };
}

if (import.meta.main) await benchXlsxRead();
