import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BAC_SON, CAO_LOC, filledTemplate, runCli, setCell, tempDir } from "../fixtures.ts";

let dir = "";
let good = "";
beforeAll(async () => {
  dir = await tempDir();
  good = await filledTemplate(dir, "183", CAO_LOC);
});

describe("ntm validate", () => {
  it("accepts a template filled like a user would: exit 0, no error lines", async () => {
    const r = await runCli(["validate", good]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("[E]");
    expect(r.stderr).toContain(`${good}: hợp lệ — huyện 183, năm 2018, 2 xã`);
  });

  it("--json prints [{ file, ok, district, year, issues }]", async () => {
    const other = await filledTemplate(dir, "185", BAC_SON);
    const r = await runCli(["validate", good, other, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; ok: boolean; district: string; year: number; issues: { severity: string }[] }[];
    expect(out.map(({ file, ok, district, year }) => ({ file, ok, district, year }))).toEqual([
      { file: good, ok: true, district: "183", year: 2018 },
      { file: other, ok: true, district: "185", year: 2018 },
    ]);
    expect(out.every((f) => f.issues.every((i) => i.severity === "warning"))).toBe(true);
    expect(Object.keys(out[0]!).sort()).toEqual(["district", "file", "issues", "ok", "year"]);
  });

  it("refuses `Dạt` typed for `Đạt`: exit 1 and the line names the cell", async () => {
    const broken = await filledTemplate(dir, "183", CAO_LOC, "broken.xlsx");
    await setCell(broken, "Tiêu chí", "J7", "Dạt"); // TC2 HT of the second commune
    const r = await runCli(["validate", broken]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines.some((l) => l.startsWith(`${broken}: Tiêu chí!J7: [E] `))).toBe(true);
    expect(r.stderr).toContain(`${broken}: không hợp lệ`);

    const j = await runCli(["validate", "--json", broken, good]);
    expect(j.code).toBe(1);
    const out = JSON.parse(j.stdout) as { ok: boolean; district: string | null; year: number | null; issues: Record<string, unknown>[] }[];
    expect(out.map((f) => f.ok)).toEqual([false, true]);
    expect(out[0]!.district).toBe("183");
    expect(out[0]!.year).toBe(2018);
    expect(out[0]!.issues).toContainEqual(
      expect.objectContaining({
        code: "criterion.invalid_value",
        severity: "error",
        sheet: "Tiêu chí",
        cell: "J7",
        row: 7,
        commune: "06151",
      }),
    );
  });

  it("refuses a file that is not .xlsx: exit 1, a file-level problem line", async () => {
    const csv = path.join(dir, "data.xlsx");
    await writeFile(csv, "Mã xã;Tên xã\n06148;Xã Tân Liên\n");
    const r = await runCli(["validate", csv]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${csv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\[E\\] Tệp không phải là bảng tính Excel`));
    const j = await runCli(["validate", csv, "--json"]);
    expect(JSON.parse(j.stdout)).toEqual([
      { file: csv, ok: false, district: null, year: null, issues: [expect.objectContaining({ code: "workbook.not_xlsx" })] },
    ]);
  });

  it("refuses a missing file and no file at all", async () => {
    const missing = await runCli(["validate", path.join(dir, "nope.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("[E] Không tìm thấy tệp");
    const none = await runCli(["validate"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("ntm validate <file.xlsx>... [--setup <file.xlsx>] [--json]");
  });
});
