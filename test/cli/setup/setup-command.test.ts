import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { readWorkbookFile } from "../../../cli/xlsx/read-workbook.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { readSetupWorkbook } from "../../../shared/setup/read-workbook.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import type { FakeServer } from "../fixtures.ts";
import { closedPort, fakeServer, runCli, setCell, tempDir } from "../fixtures.ts";
import { xaSetup } from "../../shared/setup/fixtures.ts";

let server: FakeServer | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function dir(): Promise<string> {
  const d = await tempDir();
  dirs.push(d);
  return d;
}

const SETUP_2027 = (() => {
  const r = checkSetup(xaSetup(), 2027);
  if (!r.ok) throw new Error("fixture");
  return r.value;
})();
const { origin: _o, ...STORED_2027 } = SETUP_2027;
const RESPONSE_2027 = {
  year: 2027,
  version: 2,
  origin: "applied",
  appliedAt: "2027-01-05T08:00:00.000Z",
  appliedBy: "Quản trị",
  setup: STORED_2027,
};

/** The 2027 fixture written as a Thiết lập workbook. */
async function setupFile(d: string, name = "thiet-lap-2027.xlsx", setup: Setup = SETUP_2027): Promise<string> {
  const file = path.join(d, name);
  await writeWorkbookFile(buildSetupWorkbook(setup.year, setup), file);
  return file;
}

async function readSetup(file: string) {
  const sheets = await readWorkbookFile(file);
  if (!sheets.ok) throw new Error("unreadable");
  return readSetupWorkbook(sheets.value);
}

describe("ntm setup template", () => {
  it("blank for a year: validates with the two keys left to fill (exit 1, cell-level lines)", async () => {
    const d = await dir();
    const out = path.join(d, "blank.xlsx");
    const t = await runCli(["setup", "template", "--year", "2027", "--out", out]);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stderr).toBe(`Đã tạo tệp Thiết lập năm 2027: ${out}\n`);
    const v = await runCli(["setup", "validate", out]);
    expect(v.code).toBe(1);
    expect(v.stdout).toBe(
      `${out}: Năm!B4: [E] Trang "Năm" thiếu "Bộ tiêu chí". Hãy ghi "Bộ tiêu chí" ở cột A và giá trị ở cột B.\n` +
        `${out}: Năm!B5: [E] Trang "Năm" thiếu "Cấp đơn vị báo cáo". Hãy ghi "Cấp đơn vị báo cáo" ở cột A và giá trị ở cột B.\n`,
    );
    expect(v.stderr).toBe(`${out}: không hợp lệ — 2 lỗi, 0 cảnh báo (invalid)\n`);
  });

  it("--from a built-in year without a token: the 11 districts of 2018 for 2021", async () => {
    const d = await dir();
    const out = path.join(d, "2021.xlsx");
    const t = await runCli(["setup", "template", "--year", "2021", "--from", "2018", "--out", out]);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stderr).toBe(`Đã tạo tệp Thiết lập năm 2021 (điền sẵn từ năm 2018): ${out}\n`);
    const r = await readSetup(out);
    expect(r.ok && r.value).toEqual({ ...builtInSetup(2018)!, year: 2021, origin: "applied" });
  });

  it("--from a year that is not built in needs the server (exit 1 without a token)", async () => {
    const d = await dir();
    const t = await runCli(["setup", "template", "--year", "2028", "--from", "2027", "--out", path.join(d, "x.xlsx")]);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain("năm 2027 không có thiết lập mặc định; đặt NTM_TOKEN");
  });

  it("--from a year with a token: GET /setup/:year, pre-filled for the new year without deadlines", async () => {
    server = await fakeServer(() => [200, RESPONSE_2027]);
    const d = await dir();
    const out = path.join(d, "2028.xlsx");
    const t = await runCli(["setup", "template", "--year", "2028", "--from", "2027", "--out", out], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "t-1",
    });
    expect(t.code, t.stderr).toBe(0);
    expect(server.requests).toEqual([{ method: "GET", url: "/api/v1/setup/2027", authorization: "Bearer t-1", body: null }]);
    const r = await readSetup(out);
    expect(r.ok && r.value).toEqual({ ...SETUP_2027, year: 2028, deadlines: { plan: null, result: null } });
  });

  it("--from a setup workbook file", async () => {
    const d = await dir();
    const from = await setupFile(d);
    const out = path.join(d, "2029.xlsx");
    const t = await runCli(["setup", "template", "--year", "2029", "--from", from, "--out", out]);
    expect(t.code, t.stderr).toBe(0);
    const r = await readSetup(out);
    expect(r.ok && r.value.units).toEqual(SETUP_2027.units);
  });

  it("bad arguments: exit 1 with the usage", async () => {
    const r = await runCli(["setup", "template", "--year", "27", "--out", "x.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ntm setup: --year must be a year between 2000 and 2100, not 27");
    expect((await runCli(["setup"])).code).toBe(1);
    expect((await runCli(["setup", "remove"])).stderr).toContain("unknown subcommand remove");
    const help = await runCli(["setup", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("ntm setup apply <file.xlsx> [--json]\n");
  });
});

describe("ntm setup validate", () => {
  it("a valid file: nothing on stdout, a summary on stderr; --json", async () => {
    const d = await dir();
    const file = await setupFile(d);
    const v = await runCli(["setup", "validate", file]);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe("");
    expect(v.stderr).toBe(`${file}: hợp lệ — năm 2027, bộ 2026-2030, cấp xã, 3 đơn vị, 3 xã, 0 cảnh báo (valid)\n`);
    const j = await runCli(["setup", "validate", file, "--json"]);
    expect(JSON.parse(j.stdout)).toEqual([
      { file, ok: true, year: 2027, criteriaSet: "2026-2030", level: "xã", units: 3, communes: 3, issues: [] },
    ]);
  });

  it("a broken cell: its line, exit 1", async () => {
    const d = await dir();
    const file = await setupFile(d);
    await setCell(file, "Xã", "D5", 5);
    const v = await runCli(["setup", "validate", file]);
    expect(v.code).toBe(1);
    expect(v.stdout).toBe(`${file}: Xã!D5: [E] Nhóm xã 5 của xã 06002 không hợp lệ. Hãy chọn 1, 2 hoặc 3 (hoặc để trống).\n`);
  });

  it("a file that is not a workbook", async () => {
    const v = await runCli(["setup", "validate", "/nonexistent/thiet-lap.xlsx"]);
    expect(v.code).toBe(1);
    expect(v.stdout).toBe("/nonexistent/thiet-lap.xlsx: [E] Không tìm thấy tệp: /nonexistent/thiet-lap.xlsx\n");
  });
});

describe("ntm setup apply", () => {
  const applied = {
    year: 2027,
    version: 1,
    origin: "applied",
    appliedAt: "2027-01-05T08:00:00.000Z",
    appliedBy: "Quản trị",
    deduplicated: false,
    warnings: [],
  };

  it("validates locally, then PUTs the setup JSON with its cells; 201 → applied", async () => {
    server = await fakeServer(() => [201, applied]);
    const d = await dir();
    const file = await setupFile(d);
    const r = await runCli(["setup", "apply", file], { NTM_SERVER: server.url, NTM_TOKEN: "admin-1" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${file}: năm 2027 — đã áp dụng, phiên bản 1 (applied)\n`);
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req).toMatchObject({ method: "PUT", url: "/api/v1/setup/2027", authorization: "Bearer admin-1" });
    const body = req.body as { year: number; communes: { code: string; source: unknown }[]; source: { communes: unknown } };
    expect(body.year).toBe(2027);
    expect(body.communes[1]).toMatchObject({ code: "06002", group: 2, source: { sheet: "Xã", row: 5 } });
    expect(body.source.communes).toEqual({
      sheet: "Xã",
      columns: { code: "A", name: "B", unit: "C", group: "D", "Xã biên giới": "E", former: "F" },
    });
    const checked = checkSetup(body, 2027);
    expect(checked.ok && checked.value).toEqual(SETUP_2027);
  });

  it("the same setup again: 200, unchanged; --json", async () => {
    server = await fakeServer(() => [200, { ...applied, deduplicated: true }]);
    const d = await dir();
    const file = await setupFile(d);
    const r = await runCli(["setup", "apply", file, "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "admin-1" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file,
      ok: true,
      year: 2027,
      version: 1,
      deduplicated: true,
      warnings: [],
      issues: [],
      error: null,
    });
  });

  it("an invalid file: its issues, exit 1, nothing sent", async () => {
    server = await fakeServer(() => [201, applied]);
    const d = await dir();
    const file = await setupFile(d);
    await setCell(file, "Đơn vị", "A5", "06001");
    const r = await runCli(["setup", "apply", file], { NTM_SERVER: server.url, NTM_TOKEN: "admin-1" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: Đơn vị!A5: [E] Mã đơn vị 06001 bị trùng (đã có ở dòng 4).`);
    expect(r.stderr).toContain("không gửi gì lên máy chủ (invalid: nothing sent)");
    expect(server.requests).toEqual([]);
  });

  it("the server refuses (422 with issues, 403) or cannot be reached: exit 2", async () => {
    const issue = {
      code: "setup.unit_duplicate",
      severity: "error",
      sheet: "Đơn vị",
      cell: "A5",
      row: 5,
      commune: null,
      message: "trùng",
      messageEn: "twice",
    };
    server = await fakeServer(() => [
      422,
      { error: { code: "setup.invalid", message: "Cấu hình có lỗi", messageEn: "errors", details: { issues: [issue] } } },
    ]);
    const d = await dir();
    const file = await setupFile(d);
    const r = await runCli(["setup", "apply", file], { NTM_SERVER: server.url, NTM_TOKEN: "admin-1" });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${file}: Đơn vị!A5: [E] trùng\n`);
    expect(r.stderr).toContain("Không áp dụng được thiết lập: HTTP 422 setup.invalid: Cấu hình có lỗi");
    await server.close();
    server = await fakeServer(() => [403, { error: { code: "auth.forbidden", message: "Không có quyền" } }]);
    expect((await runCli(["setup", "apply", file], { NTM_SERVER: server.url, NTM_TOKEN: "unit-1" })).code).toBe(2);
    const port = await closedPort();
    expect((await runCli(["setup", "apply", file], { NTM_SERVER: `http://127.0.0.1:${port}`, NTM_TOKEN: "a" })).code).toBe(2);
  });
});

describe("ntm setup show / export", () => {
  it("show: version, set, bands, level, communes by group, flags, capital rows, deadlines, the units", async () => {
    server = await fakeServer(() => [200, RESPONSE_2027]);
    const r = await runCli(["setup", "show", "--year", "2027"], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      "Năm kế hoạch 2027: thiết lập phiên bản 2, áp dụng 2027-01-05T08:00:00.000Z bởi Quản trị (applied setup)\n" +
        "Bộ tiêu chí (criteria set): 2026-2030 — 10 tiêu chí, QĐ 51/2025/QĐ-TTg (29/12/2025, hiệu lực 15/02/2026)\n" +
        "Nhóm số tiêu chí (bands): 10, 8-9, 5-7, <5\n" +
        "Cấp đơn vị báo cáo (level): xã — 3 đơn vị (units)\n" +
        "Danh sách xã (commune list): 3 xã — nhóm 1: 1, nhóm 2: 1, nhóm 3: 1\n" +
        "Cờ kế hoạch (plan flags): Phấn đấu đạt chuẩn NTM, Xã NTM nâng cao\n" +
        "Nguồn vốn (capital rows): 8 dòng — 1, 1.1, 1.2, 2, 3, 4, 5, 6\n" +
        "Hạn nộp (deadlines): kế hoạch 31/03/2027, kết quả 15/12/2027\n" +
        "\n" +
        "   mã  tên đơn vị  số xã  thuộc tính\n" +
        "-----  ----------  -----  ----------\n" +
        "06001  Xã Một          1  -\n" +
        "06002  Xã Hai          1  -\n" +
        "06003  Xã Ba           1  -\n",
    );
    const j = await runCli(["setup", "show", "--year", "2027", "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(JSON.parse(j.stdout)).toEqual(RESPONSE_2027);
  });

  it("show of a year without a setup: the server's 404 and how to apply one, exit 2", async () => {
    server = await fakeServer(() => [404, { error: { code: "setup.missing", message: "Năm 2030 chưa có cấu hình." } }]);
    const r = await runCli(["setup", "show", "--year", "2030"], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Không lấy được thiết lập năm 2030: HTTP 404 setup.missing: Năm 2030 chưa có cấu hình.");
    expect(r.stderr).toContain("ntm setup template --year 2030 --out thiet-lap-2030.xlsx");
  });

  it("export: the year's setup as a workbook that reads back to it", async () => {
    server = await fakeServer(() => [200, RESPONSE_2027]);
    const d = await dir();
    const out = path.join(d, "export.xlsx");
    const r = await runCli(["setup", "export", "--year", "2027", "--out", out], { NTM_SERVER: server.url, NTM_TOKEN: "t" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Đã xuất thiết lập năm 2027: ${out}`);
    const read = await readSetup(out);
    expect(read.ok && read.value).toEqual(SETUP_2027);
  });
});
