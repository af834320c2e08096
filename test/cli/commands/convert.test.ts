import { access, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CONVERT_TEXTS } from "../../../cli/commands/convert.ts";
import { readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { convertCells, textCells } from "../../../shared/text/legacy-convert.ts";
import { expectWellFormed } from "../../shared/text/catalogue-check.ts";
import { runCli, tempDir } from "../fixtures.ts";
import { legacyWorkbookBytes } from "../../helpers/legacy-workbook.ts";

let dir = "";
let legacy = "";
let clean = "";

/** The legacy fixture (test/helpers/legacy-workbook.ts) as a file. */
async function writeLegacyWorkbook(file: string): Promise<void> {
  await writeFile(file, await legacyWorkbookBytes());
}

beforeAll(async () => {
  dir = await tempDir();
  legacy = path.join(dir, "legacy.xlsx");
  await writeLegacyWorkbook(legacy);
  clean = path.join(dir, "clean.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").getCell("A1").value = "Xã Đoàn Kết";
  wb.getWorksheet("S")!.getCell("A2").value = "Año nuevo";
  await wb.xlsx.writeFile(clean);
});

const exists = (f: string) =>
  access(f).then(
    () => true,
    () => false,
  );

describe("ntm convert", () => {
  it("converts every TCVN3 and VNI text cell, lists each one (row by row), writes the copy with Times New Roman", async () => {
    const out = path.join(dir, "converted.xlsx");
    const r = await runCli(["convert", legacy, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "Tiêu chí!A1: X· §oµn KÕt → Xã Đoàn Kết (TCVN3 (ABC, phông .VnTime))",
      "Tiêu chí!A2: x· ®oµn kÕt → XÃ ĐOÀN KẾT (TCVN3 (ABC, phông .VnTime))",
      "Tiêu chí!B2: Kh«ng → Không (TCVN3 (ABC, phông .VnTime))",
      "Tiêu chí!A3: Huyeän Cao Loäc → Huyện Cao Lộc (VNI (phông VNI-Times))",
      "Tiêu chí!A7: PhÊn ®Êu ®¹t chuÈn n«ng th«n míi → Phấn đấu đạt chuẩn nông thôn mới (TCVN3 (ABC, phông .VnTime))",
      "Thông tin!B3: Chöa ñaït → Chưa đạt (VNI (phông VNI-Times))",
      "",
    ]);
    expect(r.stderr).toContain("Tiêu chí!B1: ô có công thức, không chuyển");
    expect(r.stderr).toContain(`${legacy}: đã chuyển 6 ô sang Unicode (phông Times New Roman), ghi vào ${out}.`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Tiêu chí")!;
    const at = (ref: string) => ({ value: ws.getCell(ref).value, font: ws.getCell(ref).font?.name ?? null });
    expect(at("A1")).toEqual({ value: "Xã Đoàn Kết", font: "Times New Roman" });
    expect(at("A2")).toEqual({ value: "XÃ ĐOÀN KẾT", font: "Times New Roman" });
    expect(ws.getCell("A2").font).toMatchObject({ size: 13, bold: true });
    expect(at("A3")).toEqual({ value: "Huyện Cao Lộc", font: "Times New Roman" });
    expect(at("A4")).toEqual({ value: "Xã Đoàn Kết", font: "Times New Roman" });
    expect(at("A5")).toEqual({ value: "Año nuevo", font: "Calibri" });
    expect(at("A6")).toEqual({ value: 2018, font: ".VnTime" });
    expect(at("A7")).toEqual({ value: "Phấn đấu đạt chuẩn nông thôn mới", font: "Times New Roman" });
    expect(at("B1")).toEqual({ value: { formula: "A1", result: "X· §oµn KÕt" }, font: ".VnTime" });
    expect(at("B2")).toEqual({ value: "Không", font: "Times New Roman" });
    expect(ws.getCell("B2").font).toMatchObject({ italic: true });
    expect(wb.getWorksheet("Thông tin")!.getCell("B3").value).toBe("Chưa đạt");

    // The input is untouched; the copy has nothing left to convert but the formula's cached result.
    const before = await readWorkbookFile(legacy, { fonts: true });
    expect(before.ok && convertCells(textCells(before.value)).length).toBe(7);
    const after = await readWorkbookFile(out, { fonts: true });
    expect(after.ok && convertCells(textCells(after.value)).map((c) => c.cell)).toEqual(["B1"]);
  });

  it("--json prints { file, out, ok, changes, skipped, issues }", async () => {
    const out = path.join(dir, "converted-json.xlsx");
    const r = await runCli(["convert", legacy, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { file: string; out: string; ok: boolean; changes: unknown[]; skipped: { cell: string }[] };
    expect(j.out).toBe(out);
    expect(j.ok).toBe(true);
    expect(j.changes).toHaveLength(6);
    expect(j.changes[0]).toEqual({ sheet: "Tiêu chí", cell: "A1", before: "X· §oµn KÕt", after: "Xã Đoàn Kết", encoding: "tcvn3" });
    expect(j.skipped.map((s) => s.cell)).toEqual(["B1"]);
    expect(await exists(out)).toBe(true);
  });

  it("a file without legacy text: says so, exit 0, writes nothing", async () => {
    const out = path.join(dir, "clean-out.xlsx");
    const r = await runCli(["convert", clean, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `${clean}: không có ô nào gõ bằng bảng mã cũ TCVN3 hoặc VNI; không ghi tệp nào. / ${clean}: no cell is typed in the legacy TCVN3 or VNI encodings; nothing written.\n`,
    );
    expect(await exists(out)).toBe(false);
    const j = await runCli(["convert", clean, "--out", out, "--json"]);
    expect(JSON.parse(j.stdout)).toEqual({ file: clean, out: null, ok: true, changes: [], skipped: [], issues: [] });
  });

  it("refuses a missing --out, --out naming the input, no file; a missing file is exit 1 with its issue", async () => {
    const noOut = await runCli(["convert", legacy]);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain("ntm convert: cần --out <tệp mới.xlsx>");
    const same = await runCli(["convert", legacy, "--out", legacy]);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain("--out phải là một tệp khác tệp gốc");
    expect((await runCli(["convert"])).code).toBe(1);
    const missing = path.join(dir, "nope.xlsx");
    const gone = await runCli(["convert", missing, "--out", path.join(dir, "x.xlsx")]);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain(`${missing}: [E] Không tìm thấy tệp: ${missing}`);
  });

  it("--help prints the usage", async () => {
    const r = await runCli(["convert", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ntm convert <in.xlsx> --out <out.xlsx> [--json]");
  });

  it("its messages are one well-formed catalogue", () => {
    expectWellFormed(CONVERT_TEXTS);
  });
});
