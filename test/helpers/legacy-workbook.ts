import ExcelJS from "exceljs";

/**
 * Test helper: a workbook as an old provincial file has it: TCVN3 in `.VnTime` / `.VnTimeH`, VNI in
 * `VNI-Times`, Unicode, a foreign word, a number, rich text and a formula (ntm convert's and the
 * .xlsx readers' fixture).
 */
export async function legacyWorkbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tiêu chí");
  const put = (ref: string, value: ExcelJS.CellValue, font?: Partial<ExcelJS.Font>) => {
    const c = ws.getCell(ref);
    c.value = value;
    if (font) c.font = font;
  };
  put("A1", "X· §oµn KÕt", { name: ".VnTime", size: 12 });
  put("A2", "x· ®oµn kÕt", { name: ".VnTimeH", size: 13, bold: true });
  put("A3", "Huyeän Cao Loäc", { name: "VNI-Times", size: 12 });
  put("A4", "Xã Đoàn Kết", { name: "Times New Roman" });
  put("A5", "Año nuevo", { name: "Calibri" });
  put("A6", 2018, { name: ".VnTime" });
  put("A7", {
    richText: [
      { text: "PhÊn ®Êu ", font: { name: ".VnTime" } },
      { text: "®¹t chuÈn n«ng th«n míi", font: { name: ".VnTime", bold: true } },
    ],
  });
  put("B1", { formula: "A1", result: "X· §oµn KÕt" }, { name: ".VnTime" });
  put("B2", "Kh«ng", { name: ".VnTime", italic: true });
  const info = wb.addWorksheet("Thông tin");
  info.getCell("B3").value = "Chöa ñaït";
  info.getCell("B3").font = { name: "VNI-Times" };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
