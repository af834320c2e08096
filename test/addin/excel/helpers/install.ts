import { afterEach } from "vitest";
import { FakeExcel } from "../../../fakes/excel/host.ts";
import { ExcelWorkbook } from "../../../../addin/excel/excel-workbook.ts";

/**
 * Registers the clean-up once per test file and returns `setup(apiVersion)`: the fake Excel host
 * (test/fakes/excel) installed as the `Excel`/`Office` globals with the given sheets (default one
 * empty `Sheet1`), and the real adapter over it (retries without waiting).
 */
export function useFakeExcel(): (apiVersion?: number, sheets?: string[]) => { fake: FakeExcel; wb: ExcelWorkbook } {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });
  return (apiVersion = 13, sheets = ["Sheet1"]) => {
    const fake = new FakeExcel({ apiVersion, sheets });
    uninstall = fake.install();
    return { fake, wb: new ExcelWorkbook({ sleep: async () => {} }) };
  };
}
