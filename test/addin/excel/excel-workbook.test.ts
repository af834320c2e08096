import { afterEach, describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../../addin/excel/excel-workbook.ts";
import { FakeExcel } from "../../fakes/excel/host.ts";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe("ExcelWorkbook", () => {
  it("reports the host's features once detected", () => {
    const fake = new FakeExcel({ apiVersion: 8 });
    uninstall = fake.install();
    const f = new ExcelWorkbook().features();
    expect(f.api["1.8"]).toBe(true);
    expect(f.api["1.9"]).toBe(false);
  });

  it("selectCell activates the sheet matched by name and selects the cell", async () => {
    const fake = new FakeExcel({ sheets: ["Thông tin", "TIÊU CHÍ"] });
    uninstall = fake.install();
    await new ExcelWorkbook().selectCell("Tiêu chí", "H12");
    expect(fake.active).toBe("TIÊU CHÍ");
    expect(fake.selection).toEqual({ sheet: "TIÊU CHÍ", address: "H12" });
  });

  it("selectCell on a missing sheet fails with a clear message", async () => {
    const fake = new FakeExcel({ sheets: ["Thông tin"] });
    uninstall = fake.install();
    const err = await new ExcelWorkbook().selectCell("Nguồn vốn", "C5").catch((e) => e);
    expect(err.code).toBe("ItemNotFound");
    expect(err.messageVi).toContain("Không tìm thấy");
    expect(fake.selection).toBeNull();
  });
});
