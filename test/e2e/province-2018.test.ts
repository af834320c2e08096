/**
 * End to end, issue 3: a real `wrangler dev` (local D1, migrated), the real CLI run as a child
 * process, and the eleven demo workbooks of 2018 (cli/demo-data.ts) that add up to the Lạng Sơn
 * provincial plan of docs/domain.md. The tests run in order and share one server: tokens → submissions
 * → report (JSON and .xlsx) → a revision → refusals.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { BandKey } from "../../shared/reference/bands.ts";
import { bandOf } from "../../shared/reference/bands.ts";
import { GROUP_KEYS } from "../../shared/reference/groups.ts";
import { loadWorkbook } from "../../cli/load-workbook.ts";
import { startWranglerDev } from "../helpers/wrangler-dev.ts";
import type { WranglerDev } from "../helpers/wrangler-dev.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const YEAR = 2018;
const DISTRICTS = ["178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189"];
/** The district that submits its own file with its own token in step 2 (the others go by the office). */
const SELF_SUBMITTER = "189";
/** Per test: several CLI runs against a local wrangler dev. */
const STEP_TIMEOUT = 180_000;

type CliRun = { code: number; stdout: string; stderr: string };

let dev: WranglerDev;
let tmp: string;
/** district code → demo workbook path */
const files = new Map<string, string>();
/** district code → the demo workbook as the shared parser reads it */
const subs = new Map<string, Submission>();
let officeToken = "";
const OFFICE_LABEL = "Văn phòng Điều phối NTM tỉnh (e2e)";
const districtTokens = new Map<string, { token: string; label: string }>();

function cli(args: readonly string[], token: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "cli/main.ts"), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NTM_SERVER: dev.url, NTM_TOKEN: token, NO_COLOR: "1" },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function json<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\n--- stderr:\n${run.stderr}`);
  }
}

async function apiReport(token: string): Promise<Report> {
  const r = await fetch(`${dev.url}/api/v1/reports/${YEAR}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(r.status).toBe(200);
  return (await r.json()) as Report;
}

function withoutGeneratedAt(r: Report): Omit<Report, "generatedAt"> {
  const { generatedAt: _generatedAt, ...rest } = r;
  return rest;
}

/** Exact ratio × 100 to one decimal, half away from zero (inputs are non-negative integers). */
function pct(n: number, d: number): number {
  return Math.floor((2 * n * 1000 + d) / (2 * d)) / 10;
}

/** Exact average to two decimals, half away from zero (non-negative integers). */
function avg(sum: number, count: number): number {
  return Math.floor((2 * sum * 100 + count) / (2 * count)) / 100;
}

/** Million VND (≤ 3 decimals) as integer thousand VND, for exact sums. */
function thousand(million: number): number {
  return Math.round(million * 1000);
}

async function editCell(source: string, target: string, sheet: string, cell: string, value: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.worksheets.find((w) => w.name === sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${source}`);
  const before = ws.getCell(cell).value;
  ws.getCell(cell).value = value;
  await wb.xlsx.writeFile(target);
  return before;
}

function districtRow(report: Report, code: string): Report["units"][number] {
  const d = report.units.find((x) => x.code === code);
  if (!d) throw new Error(`district ${code} missing from the report`);
  return d;
}

function sourceOf(sub: Submission, c: Commune): { sheet: string; row: number } {
  if (!c.source || !sub.source) throw new Error(`commune ${c.code} has no source cell`);
  return { sheet: c.source.sheet, row: c.source.row };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-e2e-"));
  const demoDir = path.join(tmp, "demo");
  const [started, demo] = await Promise.all([
    startWranglerDev({ timeoutMs: 120_000 }),
    new Promise<CliRun>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, "cli/demo-data.ts"), "--out", demoDir],
        { cwd: ROOT, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr }),
      );
    }),
  ]);
  dev = started;
  if (demo.code !== 0) throw new Error(`demo-data failed (${demo.code}):\n${demo.stderr}`);
  const written = demo.stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.endsWith(".xlsx"));
  for (const file of written) {
    const loaded = await loadWorkbook(file);
    if (!loaded.ok || !loaded.submission) throw new Error(`demo workbook ${file} does not parse: ${JSON.stringify(loaded.issues)}`);
    files.set(loaded.submission.district, file);
    subs.set(loaded.submission.district, loaded.submission);
  }
}, 240_000);

afterAll(async () => {
  await dev?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe("the 2018 province plan through wrangler dev, the CLI and the demo workbooks", () => {
  it(
    "has eleven demo workbooks, one per district, 207 communes",
    () => {
      expect([...files.keys()].sort()).toEqual(DISTRICTS);
      expect([...subs.values()].reduce((s, x) => s + x.communes.length, 0)).toBe(207);
      for (const s of subs.values()) expect(s.year).toBe(YEAR);
    },
    STEP_TIMEOUT,
  );

  it(
    "creates the office token and one token per district with the CLI",
    async () => {
      const office = await cli(["token", "create", "--role", "office", "--label", OFFICE_LABEL, "--json"], dev.adminToken);
      expect(office.code, office.stderr).toBe(0);
      const o = json<{ id: string; token: string; role: string; district: string | null; label: string }>(office);
      expect(o).toMatchObject({ role: "office", district: null, label: OFFICE_LABEL });
      expect(o.token.length).toBeGreaterThanOrEqual(22);
      officeToken = o.token;

      const runs = await Promise.all(
        DISTRICTS.map((code) => {
          const label = `Cán bộ huyện ${code} (e2e)`;
          return cli(["token", "create", "--role", "district", "--district", code, "--label", label, "--json"], dev.adminToken).then(
            (run) => ({ code, label, run }),
          );
        }),
      );
      for (const { code, label, run } of runs) {
        expect(run.code, run.stderr).toBe(0);
        const t = json<{ id: string; token: string; role: string; unit: string | null; district: string | null; label: string }>(run);
        // The older form `--role district --district` still works: the token is a unit token of that code.
        expect(t).toMatchObject({ role: "unit", unit: code, district: code, label });
        districtTokens.set(code, { token: t.token, label });
      }
      expect(new Set([officeToken, ...[...districtTokens.values()].map((t) => t.token)]).size).toBe(12);

      // A district token is not an admin: it cannot create tokens (exit 2, 403).
      const denied = await cli(["token", "create", "--role", "office", "--label", "x", "--json"], districtTokens.get("183")!.token);
      expect(denied.code).toBe(2);
      expect(denied.stderr).toContain("403");
    },
    STEP_TIMEOUT,
  );

  it(
    "submits the eleven workbooks with the CLI (ten by the office, one by its district): revision 1 each",
    async () => {
      const byOffice = DISTRICTS.filter((d) => d !== SELF_SUBMITTER).map((d) => files.get(d)!);
      const run = await cli(["submit", ...byOffice, "--json"], officeToken);
      expect(run.code, run.stderr).toBe(0);
      const out =
        json<
          Array<{
            file: string;
            ok: boolean;
            id: string | null;
            revision: number | null;
            deduplicated: boolean | null;
            warnings: Array<{ severity: string }>;
            issues: unknown[];
            error: unknown;
          }>
        >(run);
      expect(out.map((o) => o.file)).toEqual(byOffice);
      for (const o of out) {
        expect(o).toMatchObject({ ok: true, revision: 1, deduplicated: false, issues: [], error: null });
        expect(typeof o.id).toBe("string");
        for (const w of o.warnings) expect(w.severity).toBe("warning");
      }

      const own = await cli(["submit", files.get(SELF_SUBMITTER)!, "--json"], districtTokens.get(SELF_SUBMITTER)!.token);
      expect(own.code, own.stderr).toBe(0);
      expect(json<Array<Record<string, unknown>>>(own)).toMatchObject([{ ok: true, revision: 1, deduplicated: false, error: null }]);

      // Submitting the same file again stores nothing new: revision 1, deduplicated.
      const again = await cli(["submit", files.get("183")!, "--json"], officeToken);
      expect(again.code, again.stderr).toBe(0);
      expect(json<Array<Record<string, unknown>>>(again)).toMatchObject([{ ok: true, revision: 1, deduplicated: true }]);
    },
    STEP_TIMEOUT,
  );

  it(
    "reports every 2018 figure of docs/domain.md, the same through the CLI and the API",
    async () => {
      const run = await cli(["report", "--year", String(YEAR), "--json"], districtTokens.get("180")!.token);
      expect(run.code, run.stderr).toBe(0);
      const viaCli = json<Report>(run);
      const viaApi = await apiReport(officeToken);
      expect(withoutGeneratedAt(viaCli)).toEqual(withoutGeneratedAt(viaApi));
      const r = viaApi;

      expect(r.year).toBe(YEAR);
      expect(r.schemaVersion).toBe(2);
      expect(r.criteriaSet).toEqual({ id: "2016-2020", size: 19 });
      expect(r.units.every((u) => u.templateVersion === "NTM-1" && u.level === "huyện")).toBe(true);
      expect(r.unlisted).toEqual([]);
      expect(Number.isNaN(Date.parse(r.generatedAt))).toBe(false);

      // Overview: 207 communes, NTM 36 → 48 (+12), average criteria (plan) within the plan's "9.5-10".
      expect(r.overview.communes).toBe(207);
      expect(r.overview.ntm).toEqual({ baseline: 36, plan: 48, added: 12 });
      expect(r.overview.avgCriteria.plan).toBeGreaterThanOrEqual(9.5);
      expect(r.overview.avgCriteria.plan).toBeLessThanOrEqual(10);

      // Bands (plan): 48 / 2 / 29 / 128 / 0 and 23.2 / 1.0 / 14.0 / 61.8 / 0.0 %; 36 NTM at the start.
      expect(r.bands.map((b) => [b.band, b.plan, b.planPercent])).toEqual([
        ["19", 48, 23.2],
        ["15-18", 2, 1.0],
        ["10-14", 29, 14.0],
        ["5-9", 128, 61.8],
        ["<5", 0, 0.0],
      ]);
      expect(r.bands[0]!.baseline).toBe(36);
      expect(r.bands.reduce((s, b) => s + b.baseline, 0)).toBe(207);

      // Criteria: every stated figure of the docs/domain.md table.
      const stated: Array<[number, string, number | null, number, number | null, number]> = [
        [2, "Giao thông", 47, 58, 11, 28.0],
        [3, "Thủy lợi", 132, 151, 19, 72.9],
        [4, "Điện", 109, 115, 6, 55.6],
        [5, "Trường học", 39, 54, 15, 26.1],
        [6, "Cơ sở vật chất văn hóa", 41, 52, 11, 25.1],
        [7, "Cơ sở hạ tầng thương mại nông thôn", null, 168, null, 81.2],
        [8, "Thông tin và Truyền thông", null, 61, null, 29.5],
        [9, "Nhà ở dân cư", 85, 106, 21, 51.2],
        [10, "Thu nhập", 54, 58, 4, 28.0],
        [11, "Hộ nghèo", 55, 64, 9, 30.9],
        [12, "Lao động có việc làm", 207, 207, 0, 100.0],
        [13, "Tổ chức sản xuất", 63, 90, 27, 43.5],
        [14, "Giáo dục và Đào tạo", 173, 187, 14, 90.3],
        [15, "Y tế", 81, 107, 26, 51.7],
        [16, "Văn hóa", 64, 90, 26, 43.5],
        [17, "Môi trường và an toàn thực phẩm", 38, 53, 15, 25.6],
        [18, "Hệ thống chính trị và tiếp cận pháp luật", 40, 55, 15, 26.6],
        [19, "Quốc phòng và An ninh", 163, 186, 23, 89.9],
      ];
      expect(r.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
      expect(r.criteria[0]!.name).toBe("Quy hoạch");
      for (const [n, name, baseline, plan, added, planPercent] of stated) {
        const c = r.criteria[n - 1]!;
        expect(c.name, `TC${n}`).toBe(name);
        expect(c.plan, `TC${n} plan`).toBe(plan);
        expect(c.planPercent, `TC${n} planPercent`).toBe(planPercent);
        if (baseline !== null) expect(c.baseline, `TC${n} baseline`).toBe(baseline);
        if (added !== null) expect(c.added, `TC${n} added`).toBe(added);
        expect(c.added, `TC${n} added = plan − baseline`).toBe(c.plan - c.baseline);
      }
      expect(r.criteria[7]!.added).toBeGreaterThanOrEqual(10); // TC8: "at least 10" more
      // Criteria 2-19 sum to 1,862 in the plan.
      expect(r.criteria.slice(1).reduce((s, c) => s + c.plan, 0)).toBe(1862);

      // Groups: border 20 communes avg plan 9.35; pilot 5 avg 13; NTM target 12; one district-chosen per district.
      const group = (k: string) => r.groups.find((g) => g.group === k)!;
      expect(r.groups.map((g) => g.group)).toEqual([...GROUP_KEYS]);
      expect(group("border")).toMatchObject({ communes: 20, avgCriteria: { plan: 9.35 } });
      expect(group("pilotDifficult")).toMatchObject({ communes: 5, avgCriteria: { plan: 13 } });
      expect(group("ntmTarget").communes).toBe(12);
      expect(group("districtDifficult").communes).toBe(11);

      // Capital (million VND): amounts and percents of the plan.
      expect(r.capital.unit).toBe("million VND");
      expect(r.capital.sources.map((s) => [s.key, s.amount, s.percent])).toEqual([
        ["1", 437100, 17.3],
        ["1.1", 273800, 10.8],
        ["1.2", 163300, 6.5],
        ["2", 229300, 9.1],
        ["3", 35000, 1.4],
        ["4", 1700000, 67.3],
        ["5", 120000, 4.7],
        ["6", 5000, 0.2],
        ["total", 2526400, 100.0],
      ]);
      // Per district amounts add up exactly to the province's.
      expect(r.capital.byUnit.map((b) => b.code).sort()).toEqual(DISTRICTS);
      for (const s of r.capital.sources) {
        const sum = r.capital.byUnit.reduce((t, b) => t + thousand(b.amounts[s.key] ?? 0), 0);
        expect(sum, `capital ${s.key} by district`).toBe(thousand(s.amount));
      }

      // Districts: all eleven submitted, revision 1, by the token that sent them, with their file's figures.
      expect(r.units.map((d) => d.code).sort()).toEqual(DISTRICTS);
      for (const d of r.units) {
        const sub = subs.get(d.code)!;
        expect(d, d.code).toMatchObject({
          status: "submitted",
          revision: 1,
          submittedBy: d.code === SELF_SUBMITTER ? districtTokens.get(d.code)!.label : OFFICE_LABEL,
          preparedBy: sub.preparedBy,
          phone: sub.phone,
          communes: sub.communes.length,
          ntmPlan: sub.communes.filter((c) => c.plan.length === 19).length,
          avgCriteriaPlan: avg(
            sub.communes.reduce((s, c) => s + c.plan.length, 0),
            sub.communes.length,
          ),
        });
        expect(Number.isNaN(Date.parse(d.submittedAt ?? ""))).toBe(false);
        const total = r.capital.byUnit.find((b) => b.code === d.code)!.amounts.total ?? 0;
        expect(thousand(d.capitalTotal)).toBe(thousand(total));
      }
      expect(r.units.reduce((s, d) => s + d.communes, 0)).toBe(207);
      expect(r.units.reduce((s, d) => s + d.ntmPlan, 0)).toBe(48);
    },
    STEP_TIMEOUT,
  );

  it(
    "writes the Tổng hợp workbook (report --out) with the eight tables and the same figures",
    async () => {
      const out = path.join(tmp, "tong-hop-2018.xlsx");
      const run = await cli(["report", "--year", String(YEAR), "--out", out], officeToken);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(""); // --out without --json: the workbook is the result
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet("Tổng hợp");
      expect(ws).toBeDefined();
      const sheet = ws!;
      const title = String(sheet.getCell("A1").value);
      expect(title).toContain("2018");
      expect(title).toContain("Đã nhận 11/11 huyện");

      const tables = new Map<string, { top: number; left: number; bottom: number }>();
      for (const t of sheet.getTables() as unknown as Array<{ table: { name: string; tableRef: string } }>) {
        const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.table.tableRef);
        expect(m, t.table.tableRef).not.toBeNull();
        tables.set(t.table.name, { top: Number(m![2]), left: sheet.getColumn(m![1]!).number, bottom: Number(m![4]) });
      }
      const names = [
        "NTM_Units",
        "NTM_Overview",
        "NTM_Bands",
        "NTM_Criteria",
        "NTM_Groups",
        "NTM_Capital",
        "NTM_CapitalByUnit",
        "NTM_Status",
      ];
      expect([...tables.entries()].sort((a, b) => a[1].top - b[1].top).map(([n]) => n)).toEqual(names);
      expect(tables.get("NTM_Units")!.top).toBe(3);

      /** Value of data row i (0-based) and column j (0-based) of a table. */
      const at = (name: string, i: number, j: number) => {
        const t = tables.get(name)!;
        return sheet.getCell(t.top + 1 + i, t.left + j).value;
      };
      const column = (name: string, rows: number, j: number) => Array.from({ length: rows }, (_, i) => at(name, i, j));

      expect(column("NTM_Bands", 5, 2)).toEqual([48, 2, 29, 128, 0]);
      expect(column("NTM_Bands", 5, 3)).toEqual([23.2, 1.0, 14.0, 61.8, 0.0]);
      expect(at("NTM_Bands", 0, 1)).toBe(36);
      expect(sheet.getCell(tables.get("NTM_Bands")!.top + 1, tables.get("NTM_Bands")!.left + 3).numFmt).toBe("0.0");

      expect(
        column("NTM_Overview", 1, 0).concat(column("NTM_Overview", 1, 1), column("NTM_Overview", 1, 2), column("NTM_Overview", 1, 3)),
      ).toEqual([207, 36, 48, 12]);

      expect([0, 1, 2, 3, 4, 5].map((j) => at("NTM_Criteria", 1, j))).toEqual([2, "Giao thông", 47, 58, 11, 28.0]);
      expect([0, 2, 3, 4, 5].map((j) => at("NTM_Criteria", 18, j))).toEqual([19, 163, 186, 23, 89.9]);
      expect(
        column("NTM_Criteria", 19, 3)
          .slice(1)
          .reduce((s: number, v) => s + Number(v), 0),
      ).toBe(1862);

      expect([1, 3].map((j) => at("NTM_Groups", 0, j))).toEqual([20, 9.35]);
      expect([1, 3].map((j) => at("NTM_Groups", 1, j))).toEqual([5, 13]);

      // NTM_Capital: 8 sources and the total; million VND, billion VND, percent.
      expect(column("NTM_Capital", 9, 2)).toEqual([437100, 273800, 163300, 229300, 35000, 1700000, 120000, 5000, 2526400]);
      expect(column("NTM_Capital", 9, 4)).toEqual([17.3, 10.8, 6.5, 9.1, 1.4, 67.3, 4.7, 0.2, 100]);
      expect(at("NTM_Capital", 8, 3)).toBe(2526.4);
      expect(String(at("NTM_Capital", 8, 1))).toBe("Tổng cộng");

      // NTM_Units: eleven rows, all submitted, revision 1; the totals row holds 207 communes and 48 NTM.
      expect(column("NTM_Units", 11, 0).sort()).toEqual(DISTRICTS);
      expect(new Set(column("NTM_Units", 11, 2))).toEqual(new Set(["Đã nộp"]));
      expect(new Set(column("NTM_Units", 11, 3))).toEqual(new Set([1]));
      expect([8, 9].map((j) => at("NTM_Units", 11, j))).toEqual([207, 48]);
      // NTM_CapitalByUnit totals row: the province total in the last column.
      const byDistrict = tables.get("NTM_CapitalByUnit")!;
      expect(at("NTM_CapitalByUnit", 11, 10)).toBe(2526400);
      expect(byDistrict.bottom).toBe(byDistrict.top + 12);
    },
    STEP_TIMEOUT,
  );

  it(
    "a revised workbook changes exactly the figures it should (revision 2)",
    async () => {
      const before = await apiReport(officeToken);
      // A commune that reaches all 19 in KH but not in HT, and one criterion it newly achieves.
      let pick: { district: string; commune: Commune; k: number } | null = null;
      for (const code of DISTRICTS) {
        for (const c of subs.get(code)!.communes) {
          const k = c.plan.find((n) => !c.baseline.includes(n));
          if (pick === null && c.plan.length === 19 && c.baseline.length < 19 && k !== undefined) pick = { district: code, commune: c, k };
        }
      }
      expect(pick).not.toBeNull();
      const { district, commune, k } = pick!;
      const sub = subs.get(district)!;
      const src = sourceOf(sub, commune);
      const column = sub.source!.columns.criteria[k - 1]!.plan;
      const revisedFile = path.join(tmp, `revised-${district}.xlsx`);
      await editCell(files.get(district)!, revisedFile, src.sheet, `${column}${src.row}`, "Chưa đạt");

      // The edited file differs from the original in exactly that one KH cell.
      const reread = await loadWorkbook(revisedFile);
      expect(reread.ok, JSON.stringify(reread.issues)).toBe(true);
      const expectedSub = structuredClone(sub);
      const ec = expectedSub.communes.find((c) => c.code === commune.code)!;
      ec.plan = ec.plan.filter((n) => n !== k);
      expect(reread.submission).toEqual(expectedSub);

      const run = await cli(["submit", revisedFile, "--json"], districtTokens.get(district)!.token);
      expect(run.code, run.stderr).toBe(0);
      expect(json<Array<Record<string, unknown>>>(run)).toMatchObject([{ ok: true, revision: 2, deduplicated: false, error: null }]);

      const after = await apiReport(officeToken);
      const N = before.overview.communes;
      const expected = structuredClone(before);
      // The criterion: one fewer commune planned.
      const crit = expected.criteria[k - 1]!;
      crit.plan -= 1;
      crit.added -= 1;
      crit.planPercent = pct(crit.plan, N);
      // The commune's band moves from 19 to 18 criteria, and it is no longer an NTM commune in the plan.
      const bandFrom: BandKey = bandOf(19);
      const bandTo: BandKey = bandOf(18);
      for (const b of expected.bands) {
        if (b.band === bandFrom) b.plan -= 1;
        if (b.band === bandTo) b.plan += 1;
        if (b.band === bandFrom || b.band === bandTo) b.planPercent = pct(b.plan, N);
      }
      expected.overview.ntm.plan -= 1;
      expected.overview.ntm.added -= 1;
      // Averages: the plan sum drops by one wherever the commune counts.
      const all = [...subs.values()].flatMap((s) => s.communes);
      const sumPlan = (cs: readonly Commune[]) => cs.reduce((s, c) => s + c.plan.length, 0);
      expect(before.overview.avgCriteria.plan).toBe(avg(sumPlan(all), all.length));
      expected.overview.avgCriteria.plan = avg(sumPlan(all) - 1, all.length);
      for (const g of expected.groups) {
        const flag = g.group as keyof Commune["flags"];
        if (!commune.flags[flag]) continue;
        const members = all.filter((c) => c.flags[flag]);
        expect(g.avgCriteria.plan).toBe(avg(sumPlan(members), members.length));
        g.avgCriteria.plan = avg(sumPlan(members) - 1, members.length);
      }
      const d = expected.units.find((x) => x.code === district)!;
      d.ntmPlan -= 1;
      d.avgCriteriaPlan = avg(sumPlan(sub.communes) - 1, sub.communes.length);
      d.revision = 2;
      d.submittedBy = districtTokens.get(district)!.label;
      const afterRow = districtRow(after, district);
      expect(Date.parse(afterRow.submittedAt!)).toBeGreaterThanOrEqual(Date.parse(districtRow(before, district).submittedAt!));
      d.submittedAt = afterRow.submittedAt;
      // The cut moved by exactly one action: the revision stored.
      expect(after.cut!.seq).toBe(before.cut!.seq + 1);
      expected.cut = after.cut;

      expect(withoutGeneratedAt(after)).toEqual(withoutGeneratedAt(expected));
      // And the change is real: the figures did move.
      expect(after.criteria[k - 1]!.plan).toBe(before.criteria[k - 1]!.plan - 1);
      expect(after.overview.ntm.plan).toBe(47);
    },
    STEP_TIMEOUT,
  );

  it(
    "refusals (another district's workbook, a commune owned by another district) leave the report unchanged",
    async () => {
      const before = await apiReport(officeToken);

      // 1. District 180's token sends district 181's workbook: 403, exit 2.
      const foreign = await cli(["submit", files.get("181")!, "--json"], districtTokens.get("180")!.token);
      expect(foreign.code).toBe(2);
      const f = json<Array<{ ok: boolean; error: { status: number | null; code: string } | null }>>(foreign);
      expect(f).toHaveLength(1);
      expect(f[0]!.ok).toBe(false);
      expect(f[0]!.error?.status).toBe(403);

      // 2. District 184's workbook carrying, on its first commune row, a commune code of district 182: 409, exit 2.
      const owner = subs.get("182")!.communes[0]!;
      const b = subs.get("184")!;
      const victim = b.communes[0]!;
      const src = sourceOf(b, victim);
      const cell = `${b.source!.columns.code}${src.row}`;
      const stolenFile = path.join(tmp, "184-with-182-commune.xlsx");
      await editCell(files.get("184")!, stolenFile, src.sheet, cell, owner.code);
      const reread = await loadWorkbook(stolenFile);
      expect(reread.ok, JSON.stringify(reread.issues)).toBe(true); // valid locally: only the server knows the owner
      expect(reread.submission!.communes[0]!.code).toBe(owner.code);

      const stolen = await cli(["submit", stolenFile, "--json"], districtTokens.get("184")!.token);
      expect(stolen.code).toBe(2);
      const s =
        json<
          Array<{
            ok: boolean;
            error: { status: number | null; code: string } | null;
            issues: Array<{ code: string; severity: string; sheet: string | null; cell: string | null; commune: string | null }>;
          }>
        >(stolen);
      expect(s[0]!.ok).toBe(false);
      expect(s[0]!.error?.status).toBe(409);
      expect(s[0]!.issues).toEqual([
        expect.objectContaining({
          code: "commune.owned_elsewhere",
          severity: "error",
          sheet: src.sheet,
          cell,
          commune: owner.code,
        }),
      ]);

      // The problem line of the plain output names the Mã xã cell.
      const plain = await cli(["submit", stolenFile], districtTokens.get("184")!.token);
      expect(plain.code).toBe(2);
      const line = plain.stdout.split("\n").find((l) => l.includes("[E]"));
      expect(line).toBeDefined();
      expect(line!.startsWith(`${stolenFile}: ${src.sheet}!${cell}: [E] `)).toBe(true);
      expect(line).toContain(owner.code);
      expect(plain.stdout).toContain("409");

      const after = await apiReport(officeToken);
      expect(withoutGeneratedAt(after)).toEqual(withoutGeneratedAt(before));
      expect(districtRow(after, "184").revision).toBe(1);
      expect(districtRow(after, "181").revision).toBe(1);
    },
    STEP_TIMEOUT,
  );
});
