import { describe, expect, it } from "vitest";
import { convertCells } from "../../../shared/text/legacy-convert.ts";
import { useFakeExcel } from "./helpers/install.ts";

const setup = useFakeExcel();

function legacyWorkbook() {
  const { fake, wb } = setup(13, ["Thông tin", "Tiêu chí"]);
  fake.sheet("Thông tin").put("A1", [["Đơn vị", "HuyÖn Cao Léc"]]);
  fake.sheet("Thông tin").setFont("B1", ".VnTime");
  fake.sheet("Tiêu chí").put("A1", [
    ["Mã xã", "Tên xã"],
    ["06001", "X· §oµn KÕt"],
    ["06002", "x· ®oµn kÕt"],
    ["06003", "Xaõ Ñoaøn Keát"],
    ["06004", "Año"],
  ]);
  fake.sheet("Tiêu chí").setFont("B2", ".VnTime").setFont("B3", ".VnTimeH").setFont("B4", "VNI-Times");
  return { fake, wb };
}

describe("Chuyển mã: read → preview → write", () => {
  it("converts what the fonts say (.VnTimeH capitals), leaves Unicode and look-alikes alone", async () => {
    const { wb } = legacyWorkbook();
    const { cells } = await wb.readTextCells();
    expect(convertCells(cells)).toEqual([
      { sheet: "Thông tin", cell: "B1", before: "HuyÖn Cao Léc", after: "Huyện Cao Lộc", encoding: "tcvn3" },
      { sheet: "Tiêu chí", cell: "B2", before: "X· §oµn KÕt", after: "Xã Đoàn Kết", encoding: "tcvn3" },
      { sheet: "Tiêu chí", cell: "B3", before: "x· ®oµn kÕt", after: "XÃ ĐOÀN KẾT", encoding: "tcvn3" },
      { sheet: "Tiêu chí", cell: "B4", before: "Xaõ Ñoaøn Keát", after: "Xã Đoàn Kết", encoding: "vni" },
    ]);
  });

  it("writes the converted values and sets Times New Roman on those cells only, in one Excel.run of 2 syncs", async () => {
    const { fake, wb } = legacyWorkbook();
    const changes = convertCells((await wb.readTextCells()).cells);
    const runs = fake.runs;
    const syncs = fake.syncs;
    const result = await wb.writeConverted(changes);
    expect(fake.runs - runs).toBe(1);
    expect(fake.syncs - syncs).toBe(2);
    expect(result).toEqual({ syncs: 2, skipped: [], written: 4, stale: [] });
    expect(fake.sheet("Thông tin").values("A1:B1")).toEqual([["Đơn vị", "Huyện Cao Lộc"]]);
    expect(fake.sheet("Tiêu chí").values("B1:B5")).toEqual([["Tên xã"], ["Xã Đoàn Kết"], ["XÃ ĐOÀN KẾT"], ["Xã Đoàn Kết"], ["Año"]]);
    expect(["B2", "B3", "B4", "B5", "A2"].map((c) => fake.sheet("Tiêu chí").fontName(c))).toEqual([
      "Times New Roman",
      "Times New Roman",
      "Times New Roman",
      "Calibri",
      "Calibri",
    ]);
    expect(fake.sheet("Thông tin").fontName("B1")).toBe("Times New Roman");
    // Read again: nothing left to convert.
    expect(convertCells((await wb.readTextCells()).cells)).toEqual([]);
  });

  it("leaves a cell edited since the preview alone and lists it as stale", async () => {
    const { fake, wb } = legacyWorkbook();
    const changes = convertCells((await wb.readTextCells()).cells);
    fake.sheet("Tiêu chí").put("B3", [["Xã Mới"]]);
    const result = await wb.writeConverted(changes);
    expect(result.written).toBe(3);
    expect(result.stale).toEqual(["Tiêu chí!B3"]);
    expect(fake.sheet("Tiêu chí").values("B3")).toEqual([["Xã Mới"]]);
    expect(fake.sheet("Tiêu chí").fontName("B3")).toBe(".VnTimeH");
  });

  it("writes nothing and runs no sync for an empty preview", async () => {
    const { fake, wb } = legacyWorkbook();
    const syncs = fake.syncs;
    expect(await wb.writeConverted([])).toEqual({ syncs: 0, skipped: [], written: 0, stale: [] });
    expect(fake.syncs - syncs).toBe(0);
  });
});
