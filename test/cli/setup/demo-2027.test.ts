import { execFile } from "node:child_process";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INVENTED_CODES_NOTE, XA_2025, setup2027 } from "../../../cli/demo/setup-2027.ts";
import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { readSetupWorkbook } from "../../../shared/setup/read-workbook.ts";
import { ROOT, runCli, tempDir } from "../fixtures.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const names = (group: number) =>
  setup2027()
    .communes!.filter((c) => c.group === group)
    .map((c) => c.name);

describe("the 2027 demo setup of Lạng Sơn (cli/demo/setup-2027.ts)", () => {
  it("61 xã of Resolution 1672, each its own unit, set 2026-2030, level xã; valid with no warning", () => {
    const s = setup2027();
    expect(XA_2025).toHaveLength(61);
    expect(new Set(XA_2025).size).toBe(61);
    expect(s.communes!.map((c) => c.name)).toEqual([...XA_2025]);
    expect(XA_2025.slice(0, 4)).toEqual(["Thất Khê", "Đoàn Kết", "Tân Tiến", "Tràng Định"]);
    expect(XA_2025.slice(-4)).toEqual(["Đồng Đăng", "Cao Lộc", "Công Sơn", "Ba Sơn"]);
    expect(s.level).toBe("xã");
    expect(s.criteriaSet).toEqual(SET_2026_2030);
    expect(s.units.map((u) => u.code)).toEqual(s.communes!.map((c) => c.code));
    expect(s.communes!.every((c) => c.unit === c.code)).toBe(true);
    expect(s.units[0]).toEqual({ code: "06001", name: "Xã Thất Khê", attributes: {} });
    const { origin: _, ...json } = s;
    const r = checkSetup(json, 2027);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it("groups: 4 in nhóm 1, 14 in nhóm 2, 43 in nhóm 3", () => {
    expect(names(1)).toEqual(["Hữu Lũng", "Chi Lăng", "Đồng Đăng", "Cao Lộc"]);
    expect(names(2)).toHaveLength(14);
    expect(names(2)).toContain("Bình Gia");
    expect(names(3)).toHaveLength(43);
    expect(names(3)).toContain("Hữu Liên");
  });

  it("Xã biên giới: the 27 communes of the former border districts", () => {
    const border = setup2027().communes!.filter((c) => c.attributes["Xã biên giới"]);
    expect(border).toHaveLength(27);
    expect(border.map((c) => c.name).slice(0, 8)).toEqual([
      "Thất Khê",
      "Đoàn Kết",
      "Tân Tiến",
      "Tràng Định",
      "Quốc Khánh",
      "Kháng Chiến",
      "Quốc Việt",
      "Na Sầm",
    ]);
    expect(setup2027().communes!.filter((c) => c.attributes["Xã biên giới"] === false)).toHaveLength(34);
  });

  it("former codes: the 2018 demo communes of the former district, 194 in all; mergers of two", () => {
    const s = setup2027();
    const former = s.communes!.flatMap((c) => c.formerCodes);
    expect(former).toHaveLength(194);
    expect(new Set(former).size).toBe(194);
    const codes2018 = new Set(buildPlan2018().flatMap((d) => d.communes.map((c) => c.code)));
    expect(former.every((f) => codes2018.has(f))).toBe(true);
    expect(s.communes!.filter((c) => c.formerCodes.length === 2).map((c) => c.name)).toEqual([
      "Hoa Thám",
      "Quý Hòa",
      "Thiện Hòa",
      "Thiện Thuật",
      "Thiện Long",
      "Châu Sơn",
      "Kiên Mộc",
    ]);
    expect(s.communes!.find((c) => c.name === "Kiên Mộc")).toMatchObject({ code: "06670", formerCodes: ["06670", "06673"] });
    expect(s.communes!.find((c) => c.name === "Thất Khê")!.formerCodes).toEqual(["06001", "06004", "06007", "06010"]);
    expect(s.communes!.every((c) => c.code === c.formerCodes[0])).toBe(true);
  });

  it("npm run demo:data -- --year 2027 writes thiet-lap-2027.xlsx, which `ntm setup validate` accepts, and the 61 unit templates", async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        path.join(ROOT, "node_modules/.bin/node"),
        ["cli/demo-data.ts", "--year", "2027", "--out", dir],
        { cwd: ROOT, timeout: 60_000 },
        (e, stdout, stderr) => resolve({ code: e ? Number(e.code ?? -1) : 0, stdout, stderr }),
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(dir, "thiet-lap-2027.xlsx");
    // The setup workbook first, then the 61 filled unit templates in <dir>/2027/, one per commune.
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(file);
    const units = setup2027().units.map((u) => u.code);
    expect(lines.slice(1).map((l) => [path.dirname(l), path.basename(l).slice(0, 5)])).toEqual(
      units.map((u) => [path.join(dir, "2027"), u]),
    );
    expect((await readdir(dir)).sort()).toEqual(["2027", "thiet-lap-2027.xlsx"]);
    expect(await readdir(path.join(dir, "2027"))).toHaveLength(61);
    const sheets = await readWorkbookFile(file);
    if (!sheets.ok) throw new Error("unreadable");
    expect(readSetupWorkbook(sheets.value)).toEqual({ ok: true, value: setup2027(), warnings: [] });
    const nam = sheets.value.find((s) => s.name === "Năm")!;
    expect(nam.values.flat()).toContain(`Ghi chú: ${INVENTED_CODES_NOTE}`);
    const v = await runCli(["setup", "validate", file]);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe("");
    expect(v.stderr).toBe(`${file}: hợp lệ — năm 2027, bộ 2026-2030, cấp xã, 61 đơn vị, 61 xã, 0 cảnh báo (valid)\n`);
  });

  it("demo:data refuses another year", async () => {
    const run = await new Promise<number>((resolve) =>
      execFile(path.join(ROOT, "node_modules/.bin/node"), ["cli/demo-data.ts", "--year", "2030", "--out", "/tmp/x"], { cwd: ROOT }, (e) =>
        resolve(e ? Number(e.code ?? -1) : 0),
      ),
    );
    expect(run).toBe(1);
  });
});
