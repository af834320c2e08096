/**
 * End to end, issue 9 ("Demo and e2e"): the yearly cycle of 2018 on a real `wrangler dev` (local
 * D1, migrated) with the real CLI and the demo data (`npm run demo:data`): the seed's targets applied
 * → the eleven 2018 plans submitted → the report's targets all met → plans accepted → the eleven result
 * templates generated from the server's plans (KH equal to the demo's result files) → the demo's
 * result files submitted → the result report → 183's 2019 template carried over from its 2018 TH →
 * the 2019 plans submitted → the trend 2018-2019.
 * Every figure is computed here from the demo's data (cli/demo: plans, TH, disbursed), never with the
 * product's report code: counts by plain loops, percentages by integer arithmetic.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycleDemo } from "../../cli/demo/cycle-demo-files.ts";
import type { DistrictResult } from "../../cli/demo/results-2018.ts";
import { targets2018 } from "../../cli/demo/targets-2018.ts";
import { readWorkbookFile } from "../../cli/xlsx/read-workbook.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import { buildSetupWorkbook } from "../../shared/setup/build-workbook.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { writeWorkbookFile } from "../../cli/xlsx/write-workbook.ts";
import type { TrendResponse } from "../../shared/cycle/trend-schema.ts";
import { readTemplate } from "../../shared/template/read-template.ts";
import { ntm2Layout } from "../../shared/template/build-criteria-ntm2.ts";
import { ntm2Columns } from "../../shared/template/ntm2-columns.ts";
import { cliJson, runCli } from "../helpers/cli-run.ts";
import type { CliRun } from "../helpers/cli-run.ts";
import { createToken, startWranglerDev } from "../helpers/wrangler-dev.ts";
import type { WranglerDev } from "../helpers/wrangler-dev.ts";

const YEAR = 2018;
const DISTRICTS = ["178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189"];
const CARRIED = "183";
const STEP_TIMEOUT = 240_000;
const ALL = Array.from({ length: 19 }, (_, i) => i + 1);
const BANDS: [string, number, number][] = [
  ["19", 19, 19],
  ["15-18", 15, 18],
  ["10-14", 10, 14],
  ["5-9", 5, 9],
  ["<5", 0, 4],
];
/** Capital rows of 2018 (docs/domain.md): STT → the leaves it sums. */
const CAPITAL_ROWS: [string, string[]][] = [
  ["1", ["1.1", "1.2"]],
  ["1.1", ["1.1"]],
  ["1.2", ["1.2"]],
  ["2", ["2"]],
  ["3", ["3"]],
  ["4", ["4"]],
  ["5", ["5"]],
  ["6", ["6"]],
  ["total", ["1.1", "1.2", "2", "3", "4", "5", "6"]],
];

const demo = cycleDemo();
const resultOf = new Map<string, DistrictResult>(demo.results.map((r) => [r.district, r]));
let dev: WranglerDev;
let tmp: string;
let demoDir: string;
let officeToken = "";
const tokens = new Map<string, string>();
const planFiles = new Map<string, string>();

const cli = (args: readonly string[], token: string): Promise<CliRun> => runCli(args, { server: dev.url, token });
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
/** achieved ÷ planned × 100, one decimal, half away from zero, by integers (null when nothing planned). */
function pct(num: number, den: number): number | null {
  if (den === 0) return null;
  return Math.floor((2 * num * 1000 + den) / (2 * den)) / 10;
}
const million = (thousand: number) => thousand / 1000;
const resultFile = (code: string, name: string) => path.join(demoDir, "2018-ket-qua", `${code}-${name}-2018-ket-qua.xlsx`);
const fileSlug = (file: string) =>
  path
    .basename(file)
    .replace(/^\d+-/, "")
    .replace(/-2018\.xlsx$/, "");

async function submitAll(files: ReadonlyMap<string, string>): Promise<void> {
  const codes = [...files.keys()];
  for (let i = 0; i < codes.length; i += 3) {
    const runs = await Promise.all(codes.slice(i, i + 3).map((code) => cli(["submit", files.get(code)!, "--json"], tokens.get(code)!)));
    for (const run of runs) expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  }
}

async function acceptAll(round: "plan" | "result"): Promise<void> {
  for (const code of DISTRICTS) {
    const run = await cli(["review", "accept", "--unit", code, "--year", String(YEAR), "--round", round], officeToken);
    expect(run.code, run.stderr).toBe(0);
  }
}

async function report(args: readonly string[]): Promise<Report> {
  const run = await cli(["report", "--year", String(YEAR), ...args, "--json"], officeToken);
  expect(run.code, run.stderr).toBe(0);
  return cliJson<Report>(run);
}

/**
 * The 2019 setup the administrator applies before the carry-over: the built-in one of 2019 (11
 * districts, set 2016-2020) with the 2018 demo communes registered as its commune list. The
 * carry-over pre-fills the communes of the year's list (shared/cycle/carry-over.ts); a built-in
 * year has none, so its template is not pre-filled.
 */
const SETUP_2019: Setup = {
  ...builtInSetup(2019)!,
  origin: "applied",
  communes: demo.results.flatMap((r) =>
    r.plan.communes.map((c) => ({
      code: c.code,
      name: c.name,
      unit: r.district,
      group: null,
      attributes: { "Xã biên giới": c.flags.border },
      formerCodes: [],
    })),
  ),
};

/** A workbook file read as the server reads it, under the year's setup. */
async function readAs(file: string, year: number, setup: Setup = builtInSetup(year)!): Promise<UnitSubmission> {
  const book = await readWorkbookFile(file);
  if (!book.ok) throw new Error(`${file}: ${JSON.stringify(book.issues)}`);
  const r = readTemplate(book.value, setup);
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.issues)}`);
  return r.value.submission;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-cycle-e2e-"));
  demoDir = path.join(tmp, "demo");
  const [started, run] = await Promise.all([
    startWranglerDev({ timeoutMs: 120_000 }),
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
  if (run.code !== 0) throw new Error(`demo-data failed:\n${run.stderr}`);
  for (const file of run.stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.endsWith(".xlsx"))) {
    planFiles.set(path.basename(file).slice(0, 3), file);
  }
  officeToken = await createToken(dev, { role: "office", label: "Văn phòng Điều phối NTM tỉnh (e2e chu kỳ)" });
  for (const code of DISTRICTS) tokens.set(code, await createToken(dev, { role: "district", district: code, label: `Huyện ${code}` }));
}, 300_000);

afterAll(async () => {
  await dev?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe("the 2018 cycle: targets → plans → results → the 2019 template → trend", () => {
  it(
    "the office applies the seed's 2018 targets (ntm targets apply)",
    async () => {
      expect([...planFiles.keys()].sort()).toEqual(DISTRICTS);
      const run = await cli(["targets", "apply", path.join(demoDir, "2018-chi-tieu", "chi-tieu-2018.xlsx"), "--json"], officeToken);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      const body = cliJson<{ ok: boolean; year: number; targets: { province: Record<string, number> } }>(run);
      expect(body.ok).toBe(true);
      expect(body.year).toBe(YEAR);
      expect(body.targets.province).toEqual(targets2018().province);
    },
    STEP_TIMEOUT,
  );

  it(
    "the eleven plans are submitted; every target is met, the gaps as computed from the demo plans",
    async () => {
      await submitAll(planFiles);
      const r = await report([]);
      expect(r.completeness).toEqual({ expected: 11, submitted: 11, onTime: 11, accepted: 0 });
      const communes = demo.results.flatMap((x) => x.plan.communes);
      const capital = (leaves: readonly string[]) =>
        million(sum(demo.results.flatMap((x) => leaves.map((stt) => x.result.capital[stt] ?? 0))));
      const planOf = (key: string): number => {
        if (key === "ntm") return communes.filter((c) => c.plan.length === 19).length;
        const band = BANDS.find(([b]) => key === `band:${b}`);
        if (band) return communes.filter((c) => c.plan.length >= band[1] && c.plan.length <= band[2]).length;
        const k = /^criterion:(\d+)$/.exec(key);
        if (k) return communes.filter((c) => c.plan.includes(Number(k[1]))).length;
        const row = CAPITAL_ROWS.find(([stt]) => key === `capital:${stt}`);
        if (row) return capital(row[1]);
        throw new Error(`unexpected key ${key}`);
      };
      const targets = targets2018().province;
      const expected = Object.entries(targets).map(([key, target]) => {
        const plan = planOf(key);
        return { key, target, plan, gap: plan - target, met: key === "band:<5" ? plan <= target : plan >= target };
      });
      expect(r.targets!.map(({ key, target, plan, gap, met }) => ({ key, target, plan, gap, met }))).toEqual(
        expect.arrayContaining(expected),
      );
      expect(r.targets).toHaveLength(expected.length);
      expect(r.targets!.every((t) => t.met && t.gap === 0)).toBe(true);
      expect(r.targets!.find((t) => t.key === "ntm")).toMatchObject({ target: 48, plan: 48, gap: 0, met: true });
      expect(r.targets!.find((t) => t.key === "capital:total")).toMatchObject({ target: 2_526_400, plan: 2_526_400, gap: 0 });
    },
    STEP_TIMEOUT,
  );

  it(
    "the office accepts the eleven plans",
    async () => {
      await acceptAll("plan");
      const r = await report(["--accepted"]);
      expect(r.completeness).toEqual({ expected: 11, submitted: 11, onTime: 11, accepted: 11 });
      expect(r.units.every((u) => u.status === "accepted")).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    "the eleven result templates (ntm template --round result) carry the accepted plans: HT, KH and plan capital equal the demo's result files",
    async () => {
      for (const code of DISTRICTS) {
        const out = path.join(tmp, `ket-qua-${code}.xlsx`);
        const run = await cli(["template", "--unit", code, "--year", String(YEAR), "--round", "result", "--out", out], tokens.get(code)!);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain("lần gửi 1 (đã tiếp nhận)");
        const generated = await readAs(out, YEAR);
        const demoFile = await readAs(resultFile(code, fileSlug(planFiles.get(code)!)), YEAR);
        expect(generated.round).toBe("result");
        expect(generated.communes.map((c) => [c.code, c.name, c.baseline, c.plan])).toEqual(
          demoFile.communes.map((c) => [c.code, c.name, c.baseline, c.plan]),
        );
        expect(generated.communes.map((c) => c.plan)).toEqual(resultOf.get(code)!.plan.communes.map((c) => c.plan));
        expect(generated.capital).toEqual(demoFile.capital);
        // Nothing typed yet: TH empty, nothing disbursed.
        expect(generated.communes.every((c) => (c.achieved ?? []).length === 0)).toBe(true);
      }
    },
    STEP_TIMEOUT,
  );

  it(
    "the demo's eleven result files are submitted, and the result report matches the demo's TH and disbursed figures",
    async () => {
      const files = new Map(DISTRICTS.map((code) => [code, resultFile(code, fileSlug(planFiles.get(code)!))]));
      await submitAll(files);
      const r = await report(["--round", "result"]);
      expect(r.round).toBe("result");
      expect(r.completeness).toEqual({ expected: 11, submitted: 11, onTime: 11, accepted: 0 });

      const communes = demo.results.flatMap((x) => x.result.communes);
      const plannedNtm = communes.filter((c) => c.plan.length === 19).length;
      const achievedNtm = communes.filter((c) => c.achieved!.length === 19).length;
      expect([plannedNtm, achievedNtm]).toEqual([48, 47]);
      expect(r.overview.ntm).toEqual({ baseline: 36, plan: 48, added: 12, achieved: 47, achievedPercent: pct(47, 48) });
      expect(r.overview.ntm.achievedPercent).toBe(97.9);

      const criteria = ALL.map((k) => {
        const plan = communes.filter((c) => c.plan.includes(k)).length;
        const achieved = communes.filter((c) => c.achieved!.includes(k)).length;
        return { number: k, plan, achieved, achievedPercent: pct(achieved, plan) };
      });
      expect(r.criteria.map(({ number, plan, achieved, achievedPercent }) => ({ number, plan, achieved, achievedPercent }))).toEqual(
        criteria,
      );
      expect(r.criteria[1]).toMatchObject({ number: 2, plan: 58, achieved: 61, achievedPercent: 105.2 });

      const bands = BANDS.map(([band, lo, hi]) => {
        const plan = communes.filter((c) => c.plan.length >= lo && c.plan.length <= hi).length;
        const achieved = communes.filter((c) => c.achieved!.length >= lo && c.achieved!.length <= hi).length;
        return { band, plan, achieved, achievedPercent: pct(achieved, plan) };
      });
      expect(r.bands.map(({ band, plan, achieved, achievedPercent }) => ({ band, plan, achieved, achievedPercent }))).toEqual(bands);

      const sources = CAPITAL_ROWS.map(([key, leaves]) => {
        const planned = sum(demo.results.flatMap((x) => leaves.map((stt) => x.result.capital[stt] ?? 0)));
        const disbursed = sum(demo.results.flatMap((x) => leaves.map((stt) => x.result.disbursed![stt] ?? 0)));
        return { key, amount: million(planned), disbursed: million(disbursed), disbursedPercent: pct(disbursed, planned) };
      });
      expect(
        r.capital.sources.map(({ key, amount, disbursed, disbursedPercent }) => ({ key, amount, disbursed, disbursedPercent })),
      ).toEqual(sources);
      expect(r.capital.sources.find((s) => s.key === "total")).toMatchObject({
        amount: 2_526_400,
        disbursed: 2_433_031,
        disbursedPercent: 96.3,
      });

      const units = DISTRICTS.map((code) => {
        const x = resultOf.get(code)!;
        return {
          code,
          status: "submitted",
          ntmPlan: x.result.communes.filter((c) => c.plan.length === 19).length,
          ntmAchieved: x.result.communes.filter((c) => c.achieved!.length === 19).length,
          capitalTotal: million(sum(Object.values(x.result.capital))),
          capitalDisbursed: million(sum(Object.values(x.result.disbursed!))),
        };
      });
      expect(
        r.units.map(({ code, status, ntmPlan, ntmAchieved, capitalTotal, capitalDisbursed }) => ({
          code,
          status,
          ntmPlan,
          ntmAchieved,
          capitalTotal,
          capitalDisbursed,
        })),
      ).toEqual(units);
      // Over and under: Cao Lộc one NTM commune more, Bình Gia and Lộc Bình one less.
      expect(units.filter((u) => u.ntmAchieved !== u.ntmPlan).map((u) => [u.code, u.ntmAchieved - u.ntmPlan])).toEqual([
        ["181", -1],
        ["183", 1],
        ["188", -1],
      ]);
      await acceptAll("result");
    },
    STEP_TIMEOUT,
  );

  it(
    "the administrator registers the 2019 commune list (the 2018 communes: ntm setup apply)",
    async () => {
      const file = path.join(tmp, "thiet-lap-2019.xlsx");
      await writeWorkbookFile(buildSetupWorkbook(2019, SETUP_2019), file);
      const run = await cli(["setup", "apply", file], dev.adminToken);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    `the 2019 template of ${CARRIED} (ntm template --year 2019) pre-fills HT exactly from its 2018 TH`,
    async () => {
      const out = path.join(tmp, `ke-hoach-${CARRIED}-2019.xlsx`);
      const run = await cli(["template", "--unit", CARRIED, "--year", "2019", "--out", out], tokens.get(CARRIED)!);
      expect(run.code, run.stderr).toBe(0);
      const th = resultOf.get(CARRIED)!.result.communes;
      expect(run.stderr).toContain("HT lấy từ kết quả thực hiện năm 2018");
      const book = await readWorkbookFile(out);
      expect(book.ok).toBe(true);
      if (!book.ok) return;
      // KH is not filled yet (the template is not a valid plan): read the pre-filled HT cells of `Tiêu chí`.
      const sheet = book.value.find((x) => x.name === "Tiêu chí")!;
      expect(sheet.address.startsWith("A1")).toBe(true);
      const L = ntm2Layout(ntm2Columns(SETUP_2019), 19);
      const rows = sheet.values.slice(L.firstDataRow - 1, L.firstDataRow - 1 + th.length);
      const prefilled = rows.map((row) => [
        String(row[L.codeColumn - 1]),
        ALL.filter((k) => row[L.firstCriterionColumn - 1 + 2 * (k - 1)] === "Đạt"),
        ALL.filter((k) => (row[L.firstCriterionColumn + 2 * (k - 1)] ?? "") !== ""),
      ]);
      expect(prefilled).toEqual(th.map((c) => [c.code, c.achieved, []]));
      expect(sheet.values[L.firstDataRow - 1 + th.length]?.[L.codeColumn - 1] ?? "").toBe("");
    },
    STEP_TIMEOUT,
  );

  it(
    "the 2019 plans (HT carried from 2018) are submitted; the trend 2018-2019 counts plans and results per year",
    async () => {
      const files2019 = new Map(
        DISTRICTS.map((code) => [
          code,
          path.join(demoDir, "2019", path.basename(planFiles.get(code)!).replace(/-2018\.xlsx$/, "-2019.xlsx")),
        ]),
      );
      await submitAll(files2019);
      const run = await cli(["report", "--trend", "--from", "2018", "--to", "2019", "--json"], officeToken);
      expect(run.code, run.stderr).toBe(0);
      const trend = cliJson<TrendResponse>(run);
      expect([trend.from, trend.to]).toEqual([2018, 2019]);
      const c2018 = demo.results.flatMap((x) => x.result.communes);
      const c2019 = demo.plans2019.flatMap((p) => p.communes);
      const years = [
        {
          year: 2018,
          ntm: {
            planned: c2018.filter((c) => c.plan.length === 19).length,
            achieved: c2018.filter((c) => c.achieved!.length === 19).length,
          },
          criteria: ALL.map((k) => ({
            number: k,
            planned: c2018.filter((c) => c.plan.includes(k)).length,
            achieved: c2018.filter((c) => c.achieved!.includes(k)).length,
          })),
        },
        {
          year: 2019,
          ntm: { planned: c2019.filter((c) => c.plan.length === 19).length, achieved: null },
          criteria: ALL.map((k) => ({ number: k, planned: c2019.filter((c) => c.plan.includes(k)).length, achieved: null })),
        },
      ];
      expect(
        trend.years.map((y) => ({
          year: y.year,
          ntm: y.ntm,
          criteria: y.criteria.map((c) => ({ number: c.number, planned: c.planned, achieved: c.achieved })),
        })),
      ).toEqual(years);
      expect(years.map((y) => [y.year, y.ntm.planned, y.ntm.achieved])).toEqual([
        [2018, 48, 47],
        [2019, 50, null],
      ]);
    },
    STEP_TIMEOUT,
  );
});
