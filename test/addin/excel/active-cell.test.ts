import { describe, expect, it } from "vitest";
import { useFakeExcel } from "./helpers/install.ts";

const install = useFakeExcel();

describe("activeCell", () => {
  it("ExcelApi 1.7: the active cell of a selected block is its top-left cell, in one run of one sync", async () => {
    const { fake, wb } = install(13, ["Thông tin", "Tiêu chí"]);
    await wb.selectCell("tiêu chí", "I8:K9");
    const before = { runs: fake.runs, syncs: fake.syncs };
    expect(await wb.activeCell()).toEqual({ sheet: "Tiêu chí", cell: "I8" });
    expect({ runs: fake.runs - before.runs, syncs: fake.syncs - before.syncs }).toEqual({ runs: 1, syncs: 1 });
  });
  it("ExcelApi 1.7: a sheet where nothing was selected has A1 active", async () => {
    const { wb } = install(13, ["Sheet1"]);
    expect(await wb.activeCell()).toEqual({ sheet: "Sheet1", cell: "A1" });
  });
  it("ExcelApi 1.1: the top-left cell of the selected range (getActiveCell, 1.7, would be refused)", async () => {
    const { wb } = install(1, ["Nguồn vốn"]);
    await wb.selectCell("Nguồn vốn", "C6:C9");
    expect(await wb.activeCell()).toEqual({ sheet: "Nguồn vốn", cell: "C6" });
  });
  it("ExcelApi 1.6: getActiveCell would need 1.7, so the adapter never asks for it", async () => {
    const { wb } = install(6, ["Tiêu chí"]);
    await wb.selectCell("Tiêu chí", "H6");
    expect(await wb.activeCell()).toEqual({ sheet: "Tiêu chí", cell: "H6" });
  });
});

describe("fake Excel: workbook.getActiveCell", () => {
  it("is refused below ExcelApi 1.7 like Excel (ApiNotFound)", async () => {
    const { fake } = install(6, ["Sheet1"]);
    await expect(
      fake.run(async (ctx) => {
        const r = (ctx.workbook as unknown as { getActiveCell(): { load(p: string): void; address: string } }).getActiveCell();
        r.load("address");
        await ctx.sync();
        return r.address;
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
