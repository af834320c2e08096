import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbookBuffer } from "../../../cli/xlsx/read-workbook.ts";
import { writeWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { setup2027 } from "../../../cli/demo/setup-2027.ts";
import type { Result } from "../../../shared/result.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { readSetupWorkbook } from "../../../shared/setup/read-workbook.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { huyenSetup, xaSetup } from "../../shared/setup/fixtures.ts";

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.value;
};

/** Build → a real .xlsx (exceljs) → read back as Excel's values → readSetupWorkbook. */
async function roundTrip(year: number, setup: Setup | null): Promise<Result<Setup>> {
  const buffer = await writeWorkbookBuffer(buildSetupWorkbook(year, setup));
  return readSetupWorkbook(ok(await readWorkbookBuffer(buffer)));
}

describe("the Thiết lập workbook as a real .xlsx", () => {
  it("round trip: the same setup (xã 2027, huyện 2022 with communes, built-in 2018, the 2027 demo)", async () => {
    for (const [year, input] of [
      [2027, xaSetup()],
      [2022, huyenSetup()],
    ] as const) {
      const s = ok(checkSetup(input, year));
      expect(ok(await roundTrip(year, s))).toEqual(s);
    }
    const builtin = builtInSetup(2018)!;
    expect(ok(await roundTrip(2018, builtin))).toEqual({ ...builtin, origin: "applied" });
    const demo = setup2027();
    const read = await roundTrip(2027, demo);
    expect(ok(read)).toEqual(demo);
    expect(read.ok && read.warnings).toEqual([]);
  });

  it("codes keep their leading zero (text cells), deadlines are dates, drop-downs on set, level, yes/no and group", async () => {
    const s = ok(checkSetup(xaSetup(), 2027));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbookBuffer(buildSetupWorkbook(2027, s))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Năm",
      "Đơn vị",
      "Xã",
      "Bộ tiêu chí",
      "Nhóm số tiêu chí",
      "Nguồn vốn",
      "Cờ kế hoạch",
    ]);
    const nam = wb.getWorksheet("Năm")!;
    expect(nam.getCell("B4").value).toBe("2026-2030");
    expect(nam.getCell("B4").dataValidation).toMatchObject({ type: "list", formulae: ['"2016-2020,2021-2025,2026-2030"'] });
    expect(nam.getCell("B5").dataValidation).toMatchObject({ type: "list", formulae: ['"Huyện,Xã"'] });
    expect(nam.getCell("B6").numFmt).toBe("dd/mm/yyyy");
    const xa = wb.getWorksheet("Xã")!;
    expect(xa.getCell("A4").value).toBe("06001");
    expect(xa.getCell("A4").numFmt).toBe("@");
    expect(xa.getCell("D4").dataValidation).toMatchObject({ type: "list", formulae: ['"1,2,3"'] });
    expect(xa.getCell("E3").value).toBe("Xã biên giới");
    expect(xa.getCell("E5").value).toBe("x");
    expect(xa.getCell("E5").dataValidation).toMatchObject({ type: "list", formulae: ['"x"'] });
    expect(xa.getCell("F5").value).toBe("06151, 06154");
  });

  it("a blank workbook reads back with the errors of what is left to fill", async () => {
    const r = await roundTrip(2027, null);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
      "setup.key_missing Năm!B4",
      "setup.key_missing Năm!B5",
    ]);
  });
});
