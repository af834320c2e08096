/**
 * End to end, issue 10: the office's review of the 2018 plans on a real `wrangler dev` (local D1,
 * migrated), with the real CLI and the eleven 2018 demo workbooks. The server's clock starts three
 * days back (`CLOCK_OFFSET_MS`, worker/http/clock.ts): the office sets the deadline two days back
 * and ten districts submit before it; then the server restarts on the same D1 with the real clock,
 * the deadline has passed, and the eleventh district is late. One district is returned with two
 * cell comments and resubmits; all eleven are accepted; a locked district's new file is refused;
 * the report as it stood before the review equals, figure for figure, the report fetched then.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkbook } from "../../cli/load-workbook.ts";
import { vietnamDate } from "../../shared/review/deadline.ts";
import type { AuditEntry, StatusResponse } from "../../shared/schemas/api/review.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import { cliJson, runCli } from "../helpers/cli-run.ts";
import type { CliRun } from "../helpers/cli-run.ts";
import { createToken, startWranglerDev } from "../helpers/wrangler-dev.ts";
import type { WranglerDev } from "../helpers/wrangler-dev.ts";

const YEAR = 2018;
const DISTRICTS = ["178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189"];
const LATE = "189";
const RETURNED = "183";
const LOCKED = "184";
const DAY_MS = 24 * 60 * 60 * 1000;
const STEP_TIMEOUT = 240_000;

let dev: WranglerDev;
let tmp: string;
let persistDir: string;
let adminToken: string;
let officeToken = "";
const files = new Map<string, string>();
const subs = new Map<string, Submission>();
const tokens = new Map<string, string>();
/** The deadline: two days before the real today, Vietnam time. */
const DEADLINE = vietnamDate(new Date(Date.now() - 2 * DAY_MS).toISOString());
/** The report fetched once every district had sent, before any review. */
let beforeReview: Report;
/** The KH cell the returned district is asked to correct, and the criterion it holds. */
let fix: { sheet: string; cell: string; commune: Commune; k: number };

const cli = (args: readonly string[], token: string): Promise<CliRun> => runCli(args, { server: dev.url, token });

async function api<T>(route: string, token: string): Promise<{ status: number; body: T }> {
  const r = await fetch(`${dev.url}/api/v1${route}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: r.status, body: (await r.json()) as T };
}

function withoutGeneratedAt(r: Report): Omit<Report, "generatedAt"> {
  const { generatedAt: _generatedAt, ...rest } = r;
  return rest;
}

async function status(token: string): Promise<StatusResponse> {
  const run = await cli(["status", "--year", String(YEAR), "--json"], token);
  expect(run.code, run.stderr).toBe(0);
  return cliJson<StatusResponse>(run);
}

async function submitAll(codes: readonly string[]): Promise<void> {
  for (let i = 0; i < codes.length; i += 3) {
    const runs = await Promise.all(codes.slice(i, i + 3).map((code) => cli(["submit", files.get(code)!, "--json"], tokens.get(code)!)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-review-e2e-"));
  persistDir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-review-d1-"));
  const demoDir = path.join(tmp, "demo");
  const [started, demo] = await Promise.all([
    startWranglerDev({ timeoutMs: 120_000, persistDir, vars: { CLOCK_OFFSET_MS: String(-3 * DAY_MS) } }),
    new Promise<CliRun>((resolve) =>
      execFile(
        process.execPath,
        [path.resolve(import.meta.dirname, "../../cli/demo-data.ts"), "--out", demoDir],
        { timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error === null ? 0 : 1, stdout, stderr }),
      ),
    ),
  ]);
  dev = started;
  adminToken = dev.adminToken;
  if (demo.code !== 0) throw new Error(`demo-data failed:\n${demo.stderr}`);
  for (const file of demo.stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.endsWith(".xlsx"))) {
    const loaded = await loadWorkbook(file);
    if (!loaded.ok || !loaded.submission || loaded.submission.templateVersion !== "NTM-1") throw new Error(`demo ${file} does not parse`);
    files.set(loaded.submission.district, file);
    subs.set(loaded.submission.district, loaded.submission);
  }
  officeToken = await createToken(dev, { role: "office", label: "Văn phòng Điều phối NTM tỉnh (e2e duyệt)" });
  for (const code of DISTRICTS) tokens.set(code, await createToken(dev, { role: "district", district: code, label: `Huyện ${code}` }));
}, 300_000);

afterAll(async () => {
  await dev?.stop();
  for (const dir of [tmp, persistDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("review of the 2018 plans: deadline, late, return with cell comments, accept and lock, as-of", () => {
  it(
    "the office sets the deadline; ten districts send before it",
    async () => {
      const set = await cli(["round", "deadline", "--year", String(YEAR), "--round", "plan", "--date", DEADLINE], officeToken);
      expect(set.code, set.stderr).toBe(0);
      await submitAll(DISTRICTS.filter((d) => d !== LATE));
      const s = await status(officeToken);
      expect(s.deadline).toBe(DEADLINE);
      expect(s.completeness).toEqual({ expected: 11, submitted: 10, onTime: 10, accepted: 0 });
      expect(s.units.find((u) => u.code === LATE)!.status).toBe("missing");
      expect(s.units.filter((u) => u.status === "submitted").map((u) => u.code)).toEqual(DISTRICTS.filter((d) => d !== LATE));
    },
    STEP_TIMEOUT,
  );

  it(
    "the deadline passes (the server's clock moves on three days): the eleventh district is late by 2 days",
    async () => {
      await dev.stop();
      dev = await startWranglerDev({ timeoutMs: 120_000, persistDir, adminToken });
      await submitAll([LATE]);
      const s = await status(officeToken);
      const late = s.units.find((u) => u.code === LATE)!;
      expect(late.status).toBe("late");
      expect(late.daysLate).toBe(2);
      expect(s.completeness).toEqual({ expected: 11, submitted: 11, onTime: 10, accepted: 0 });
      const r = await api<Report>(`/reports/${YEAR}`, officeToken);
      expect(r.status).toBe(200);
      beforeReview = r.body;
      expect(beforeReview.overview.communes).toBe(207);
      expect(beforeReview.overview.ntm).toEqual({ baseline: 36, plan: 48, added: 12 });
      expect(beforeReview.completeness).toEqual({ expected: 11, submitted: 11, onTime: 10, accepted: 0 });
      expect(beforeReview.units.find((u) => u.code === LATE)!.status).toBe("late");
    },
    STEP_TIMEOUT,
  );

  it(
    "the office returns one district with two cell comments; the district sees them, and only its own row",
    async () => {
      const sub = subs.get(RETURNED)!;
      const commune = sub.communes.find((c) => c.plan.some((n) => !c.baseline.includes(n)) && c.source)!;
      const k = commune.plan.find((n) => !commune.baseline.includes(n))!;
      fix = { sheet: commune.source!.sheet, cell: `${sub.source!.columns.criteria[k - 1]!.plan}${commune.source!.row}`, commune, k };
      const cells = [
        { sheet: fix.sheet, cell: fix.cell, commune: commune.code, text: `TC${k} chưa đủ hồ sơ để đạt trong năm` },
        { sheet: "Nguồn vốn", cell: "C8", text: "Kiểm tra lại vốn tín dụng" },
      ];
      const cellsFile = path.join(tmp, "cells.json");
      fs.writeFileSync(cellsFile, JSON.stringify(cells));
      const run = await cli(
        [
          "review",
          "return",
          "--unit",
          RETURNED,
          "--year",
          String(YEAR),
          "--comment",
          "Đề nghị huyện sửa hai ô dưới đây",
          "--cells",
          cellsFile,
        ],
        officeToken,
      );
      expect(run.code, run.stderr).toBe(0);

      const own = await status(tokens.get(RETURNED)!);
      expect(own.units).toHaveLength(1);
      expect(own.units[0]).toMatchObject({ code: RETURNED, status: "returned", revision: 1, comment: "Đề nghị huyện sửa hai ô dưới đây" });
      expect(own.units[0]!.cells).toEqual([
        { sheet: fix.sheet, cell: fix.cell, commune: commune.code, text: `TC${k} chưa đủ hồ sơ để đạt trong năm` },
        { sheet: "Nguồn vốn", cell: "C8", commune: null, text: "Kiểm tra lại vốn tín dụng" },
      ]);
    },
    STEP_TIMEOUT,
  );

  it(
    "the district corrects the cell and sends again: no longer returned, still on time; the report moves by that cell",
    async () => {
      const revised = path.join(tmp, `revised-${RETURNED}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files.get(RETURNED)!);
      wb.getWorksheet(fix.sheet)!.getCell(fix.cell).value = "Chưa đạt";
      await wb.xlsx.writeFile(revised);
      const run = await cli(["submit", revised, "--json"], tokens.get(RETURNED)!);
      expect(run.code, run.stderr).toBe(0);
      expect(cliJson<Array<Record<string, unknown>>>(run)).toMatchObject([{ ok: true, revision: 2 }]);

      const unit = (await status(officeToken)).units.find((u) => u.code === RETURNED)!;
      expect(unit).toMatchObject({ status: "submitted", revision: 2, daysLate: 0, comment: null, cells: [] });
      const after = (await api<Report>(`/reports/${YEAR}`, officeToken)).body;
      expect(after.criteria[fix.k - 1]!.plan).toBe(beforeReview.criteria[fix.k - 1]!.plan - 1);
    },
    STEP_TIMEOUT,
  );

  it(
    "the office accepts all eleven; a locked district's new file is refused and nothing is stored",
    async () => {
      for (const code of DISTRICTS) {
        const run = await cli(["review", "accept", "--unit", code, "--year", String(YEAR)], officeToken);
        expect(run.code, `${code}: ${run.stderr}`).toBe(0);
      }
      const s = await status(officeToken);
      expect(s.completeness).toEqual({ expected: 11, submitted: 11, onTime: 10, accepted: 11 });
      expect(s.units.find((u) => u.code === RETURNED)!.acceptedRevision).toBe(2);

      const changed = path.join(tmp, `changed-${LOCKED}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files.get(LOCKED)!);
      const sub = subs.get(LOCKED)!;
      const c = sub.communes[0]!;
      wb.getWorksheet(c.source!.sheet)!.getCell(`${sub.source!.columns.name}${c.source!.row}`).value = `${c.name} (sửa)`;
      await wb.xlsx.writeFile(changed);
      const refused = await cli(["submit", changed, "--json"], tokens.get(LOCKED)!);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout + refused.stderr).toContain("round.locked");
      const revisions = await api<{ submissions: unknown[] }>(`/submissions?year=${YEAR}&unit=${LOCKED}`, officeToken);
      expect(revisions.body.submissions).toHaveLength(1);
    },
    STEP_TIMEOUT,
  );

  it(
    "reports over time: as of the moment before the review it equals the report fetched then; now and accepted-only agree",
    async () => {
      const asOf = beforeReview.cut!.asOf!;
      const again = await api<Report>(`/reports/${YEAR}?asOf=${encodeURIComponent(asOf)}`, officeToken);
      expect(again.status).toBe(200);
      expect(withoutGeneratedAt(again.body)).toEqual(withoutGeneratedAt(beforeReview));
      const viaCli = await cli(["report", "--year", String(YEAR), "--as-of", asOf, "--json"], officeToken);
      expect(viaCli.code, viaCli.stderr).toBe(0);
      expect(withoutGeneratedAt(cliJson<Report>(viaCli))).toEqual(withoutGeneratedAt(beforeReview));

      const now = (await api<Report>(`/reports/${YEAR}`, officeToken)).body;
      const accepted = (await api<Report>(`/reports/${YEAR}?accepted=true`, officeToken)).body;
      expect(now.cut!.seq).toBeGreaterThan(beforeReview.cut!.seq);
      expect(now.units.every((u) => u.status === "accepted")).toBe(true);
      expect(now.units.find((u) => u.code === RETURNED)!.revision).toBe(2);
      expect(accepted.cut).toEqual({ ...now.cut, accepted: true });
      const { cut: _a, generatedAt: _g, ...acceptedFigures } = accepted;
      const { cut: _b, generatedAt: _h, ...nowFigures } = now;
      expect(acceptedFigures).toEqual(nowFigures);
    },
    STEP_TIMEOUT,
  );

  it(
    "the audit log lists every action, newest first: 11 accepts, the resubmission, the return, 11 submissions, the deadline",
    async () => {
      const run = await cli(["audit", "--year", String(YEAR), "--json"], officeToken);
      expect(run.code, run.stderr).toBe(0);
      const entries = cliJson<AuditEntry[]>(run);
      expect(entries.map((e) => e.action)).toEqual([
        ...Array<string>(11).fill("accept"),
        "submit",
        "return",
        ...Array<string>(11).fill("submit"),
        "deadline",
      ]);
      expect(entries[11]).toMatchObject({ unit: RETURNED, revision: 2 });
      expect(entries[12]).toMatchObject({ unit: RETURNED, revision: 1, detail: { cells: 2 } });
      const seqs = entries.map((e) => e.seq);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
      const unitView = await api<unknown>(`/audit?year=${YEAR}`, tokens.get(RETURNED)!);
      expect(unitView.status).toBe(403);
      expect(adminToken.length).toBeGreaterThan(16);
    },
    STEP_TIMEOUT,
  );
});
