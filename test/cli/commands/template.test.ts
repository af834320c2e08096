import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../fixtures.ts";

describe("ntm template", () => {
  it("writes the standard template of a known district", async () => {
    const out = path.join(await tempDir(), "cao-loc.xlsx");
    const r = await runCli(["template", "--district", "183", "--year", "2018", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Thông tin", "Tiêu chí", "Nguồn vốn"]);
    const info = wb.getWorksheet("Thông tin")!;
    expect([info.getCell("B3").value, info.getCell("B4").value, info.getCell("B5").value]).toEqual(["183", "Huyện Cao Lộc", 2018]);
    expect(wb.getWorksheet("Tiêu chí")!.getCell("A2").value).toBe("Huyện: Huyện Cao Lộc (mã 183) - Năm kế hoạch: 2018");
  });

  it("refuses an unknown district with exit 1 and writes nothing", async () => {
    const out = path.join(await tempDir(), "x.xlsx");
    const r = await runCli(["template", "--district", "999", "--year", "2018", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("mã huyện 999 không có trong danh mục");
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["template", "--district", "183", "--year", "2018"], "--unit, --year and --out are required"],
    [["template", "--district", "183", "--year", "18", "--out", "x.xlsx"], "--year must be"],
    [["template", "--district", "183", "--year", "2018", "--out", "x.xlsx", "--bogus"], "unknown option --bogus"],
  ])("bad arguments %j → exit 1 with usage on stderr", async (args, reason) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(reason);
    expect(r.stderr).toContain("ntm template --unit <mã đơn vị> --year <năm> --out <file.xlsx> [--setup <file.xlsx>]");
  });
});

describe("ntm (no or unknown command)", () => {
  it("exits 1 with the usage of every command", async () => {
    for (const args of [[], ["frobnicate"]]) {
      const r = await runCli(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("npm run -s ntm -- <command>");
      expect(r.stderr).toContain("ntm token revoke <id>");
    }
  });
  it("help prints the usage on stdout and exits 0", async () => {
    const r = await runCli(["help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ntm consolidate <file.xlsx>...");
  });
});
