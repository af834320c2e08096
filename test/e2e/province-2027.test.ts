/**
 * End to end, issue 8: a 2027 plan of Lạng Sơn after the two-tier reform — 61 communes, each its own
 * reporting unit, the 2026-2030 set of 10 criteria with commune groups 1/2/3. A real `wrangler dev`
 * (local D1, migrated), the real CLI as a child process, the demo `Thiết lập` workbook and the 61
 * filled unit templates of `npm run demo:data -- --year 2027`. The tests run in order on one server:
 * setup → tokens → submissions → report (against figures computed here from the demo plan, not with
 * the product's report code) → a merger case.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planForSetup } from "../../cli/demo/plan-units.ts";
import { setup2027 } from "../../cli/demo/setup-2027.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { startWranglerDev } from "../helpers/wrangler-dev.ts";
import type { WranglerDev } from "../helpers/wrangler-dev.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const YEAR = 2027;
const STEP_TIMEOUT = 240_000;
const SETUP = setup2027();
/** The demo plan, the source of the files: what the report must add up. */
const PLAN: UnitSubmission[] = planForSetup(SETUP);
const UNITS = SETUP.units.map((u) => u.code);
/** The commune formed from two former communes that the merger case uses (Kiên Mộc in the demo). */
const MERGED = SETUP.communes!.find((c) => c.formerCodes.length === 2 && c.formerCodes[1] !== c.code)!;
/** The unit that submits its own file with its own token (the others go by the office). */
const SELF = MERGED.unit;

type CliRun = { code: number; stdout: string; stderr: string };

let dev: WranglerDev;
let tmp: string;
let setupFile = "";
/** unit code → its filled template */
const files = new Map<string, string>();
let officeToken = "";
const unitTokens = new Map<string, string>();

function run(args: readonly string[], token: string | null, script = "cli/main.ts"): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  if (dev) env.NTM_SERVER = dev.url;
  if (token) env.NTM_TOKEN = token;
  else delete env.NTM_TOKEN;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, script), ...args],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function json<T>(r: CliRun): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${r.code}):\n${r.stdout}\n--- stderr:\n${r.stderr}`);
  }
}

async function api<T>(route: string, token: string): Promise<{ status: number; body: T }> {
  const r = await fetch(`${dev.url}/api/v1${route}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: r.status, body: (await r.json()) as T };
}

/** Exact ratio × 100 to one decimal, half away from zero (non-negative integers). */
const pct = (n: number, d: number) => Math.floor((2 * n * 1000 + d) / (2 * d)) / 10;
/** Exact average to two decimals, half away from zero (non-negative integers). */
const avg = (sum: number, count: number) => Math.floor((2 * sum * 100 + count) / (2 * count)) / 100;

/** Runs `tasks` at most `n` at a time (61 CLI processes at once would only thrash the machine). */
async function limited<T>(n: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-e2e-2027-"));
  const [started, demo] = await Promise.all([
    startWranglerDev({ timeoutMs: 120_000 }),
    run(["--year", String(YEAR), "--out", tmp], null, "cli/demo-data.ts"),
  ]);
  dev = started;
  if (demo.code !== 0) throw new Error(`demo-data --year 2027 failed (${demo.code}):\n${demo.stderr}`);
  for (const line of demo.stdout.split("\n").map((l) => l.trim())) {
    if (!line.endsWith(".xlsx")) continue;
    if (path.basename(line) === "thiet-lap-2027.xlsx") setupFile = line;
    else files.set(path.basename(line).slice(0, 5), line);
  }
}, 240_000);

afterAll(async () => {
  await dev?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe("the 2027 province plan (61 communes reporting, set 2026-2030) through wrangler dev and the CLI", () => {
  it("has the setup workbook and 61 unit templates, one per commune", () => {
    expect(setupFile).not.toBe("");
    expect([...files.keys()].sort()).toEqual([...UNITS].sort());
    expect(PLAN.map((p) => p.unit)).toEqual(UNITS);
  });

  it(
    "a year without a setup answers 404 setup.missing; the admin applies the Thiết lập workbook with the CLI",
    async () => {
      const before = await api<{ error: { code: string } }>(`/setup/${YEAR}`, dev.adminToken);
      expect(before.status).toBe(404);
      expect(before.body.error.code).toBe("setup.missing");

      const checked = await run(["setup", "validate", setupFile], null);
      expect(checked.code, checked.stderr + checked.stdout).toBe(0);
      const applied = await run(["setup", "apply", setupFile], dev.adminToken);
      expect(applied.code, applied.stderr + applied.stdout).toBe(0);

      const shown = await run(["setup", "show", "--year", String(YEAR), "--json"], dev.adminToken);
      expect(shown.code, shown.stderr).toBe(0);
      const s = json<{
        version: number;
        origin: string;
        setup: { level: string; criteriaSet: { id: string }; units: unknown[]; communes: { code: string; formerCodes: string[] }[] };
      }>(shown);
      expect(s).toMatchObject({ version: 1, origin: "applied", setup: { level: "xã", criteriaSet: { id: "2026-2030" } } });
      expect(s.setup.units).toHaveLength(61);
      expect(s.setup.communes.find((c) => c.code === MERGED.code)!.formerCodes).toEqual(MERGED.formerCodes);
    },
    STEP_TIMEOUT,
  );

  it(
    "creates the office token and one unit token per commune with the CLI",
    async () => {
      const office = await run(
        ["token", "create", "--role", "office", "--label", "Văn phòng Điều phối (e2e 2027)", "--json"],
        dev.adminToken,
      );
      expect(office.code, office.stderr).toBe(0);
      officeToken = json<{ token: string }>(office).token;

      const runs = await limited(
        6,
        UNITS.map(
          (code) => () =>
            run(["token", "create", "--role", "unit", "--unit", code, "--label", `Xã ${code} (e2e)`, "--json"], dev.adminToken),
        ),
      );
      runs.forEach((r, i) => {
        expect(r.code, r.stderr).toBe(0);
        const t = json<{ token: string; role: string; unit: string }>(r);
        expect(t).toMatchObject({ role: "unit", unit: UNITS[i] });
        unitTokens.set(UNITS[i]!, t.token);
      });
      expect(new Set(unitTokens.values()).size).toBe(61);
    },
    STEP_TIMEOUT,
  );

  it(
    "submits the 61 templates with the CLI (60 by the office, one by its own commune): revision 1 each",
    async () => {
      const byOffice = UNITS.filter((u) => u !== SELF).map((u) => files.get(u)!);
      const office = await run(["submit", ...byOffice, "--json"], officeToken);
      expect(office.code, office.stderr).toBe(0);
      const out = json<Array<{ ok: boolean; revision: number | null; deduplicated: boolean | null }>>(office);
      expect(out).toHaveLength(60);
      for (const o of out) expect(o).toMatchObject({ ok: true, revision: 1, deduplicated: false });

      const own = await run(["submit", files.get(SELF)!, "--json"], unitTokens.get(SELF)!);
      expect(own.code, own.stderr).toBe(0);
      expect(json<Array<Record<string, unknown>>>(own)).toMatchObject([{ ok: true, revision: 1, deduplicated: false }]);

      // A commune's token cannot submit another commune's template (403 from the server: exit 2).
      const other = UNITS.find((u) => u !== SELF)!;
      const denied = await run(["submit", files.get(other)!, "--json"], unitTokens.get(SELF)!);
      expect(denied.code).toBe(2);
    },
    STEP_TIMEOUT,
  );

  it(
    "reports the figures of the demo plan, computed here",
    async () => {
      const { status, body: r } = await api<Report>(`/reports/${YEAR}`, officeToken);
      expect(status).toBe(200);
      const communes = PLAN.flatMap((p) => p.communes);
      const n = SETUP.criteriaSet.criteria.length;
      expect(n).toBe(10);
      expect(r).toMatchObject({ schemaVersion: 2, year: YEAR, level: "xã", criteriaSet: { id: "2026-2030", size: 10 }, unlisted: [] });
      expect(r.units.map((u) => [u.code, u.status, u.templateVersion, u.revision])).toEqual(UNITS.map((u) => [u, "submitted", "NTM-2", 1]));

      const met = (side: "baseline" | "plan") => communes.map((c) => c[side].length);
      const ntm = (side: "baseline" | "plan") => met(side).filter((k) => k === n).length;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(r.overview).toEqual({
        communes: 61,
        ntm: { baseline: ntm("baseline"), plan: ntm("plan"), added: ntm("plan") - ntm("baseline") },
        avgCriteria: { baseline: avg(sum(met("baseline")), 61), plan: avg(sum(met("plan")), 61) },
      });
      expect(r.overview.ntm).toEqual({ baseline: 11, plan: 21, added: 10 });

      const bands: Array<[string, number, number]> = [
        ["10", 10, 10],
        ["8-9", 8, 9],
        ["5-7", 5, 7],
        ["<5", 0, 4],
      ];
      expect(r.bands.map((b) => [b.band, b.baseline, b.plan, b.planPercent])).toEqual(
        bands.map(([key, lo, hi]) => {
          const inBand = (side: "baseline" | "plan") => met(side).filter((k) => k >= lo && k <= hi).length;
          return [key, inBand("baseline"), inBand("plan"), pct(inBand("plan"), 61)];
        }),
      );

      expect(r.criteria.map((c) => [c.number, c.name, c.baseline, c.plan, c.added, c.planPercent])).toEqual(
        SETUP.criteriaSet.criteria.map((c) => {
          const b = communes.filter((x) => x.baseline.includes(c.number)).length;
          const p = communes.filter((x) => x.plan.includes(c.number)).length;
          return [c.number, c.name, b, p, p - b, pct(p, 61)];
        }),
      );

      // Groups: commune groups 1/2/3 and `Xã biên giới` from the setup's list, plan flags as typed.
      const registered = new Map(SETUP.communes!.map((c) => [c.code, c]));
      const groupOf = (members: typeof communes) => ({
        communes: members.length,
        avgCriteria:
          members.length === 0
            ? { baseline: null, plan: null }
            : {
                baseline: avg(sum(members.map((c) => c.baseline.length)), members.length),
                plan: avg(sum(members.map((c) => c.plan.length)), members.length),
              },
      });
      const byKey = new Map(r.groups.map((g) => [g.group, { communes: g.communes, avgCriteria: g.avgCriteria }]));
      for (const k of [1, 2, 3] as const)
        expect(byKey.get(`group${k}`), `group${k}`).toEqual(groupOf(communes.filter((c) => registered.get(c.code)!.group === k)));
      expect(byKey.get("group1")!.communes + byKey.get("group2")!.communes + byKey.get("group3")!.communes).toBe(61);
      expect(byKey.get("attr:Xã biên giới")).toEqual(groupOf(communes.filter((c) => registered.get(c.code)!.attributes["Xã biên giới"])));
      expect(byKey.get("attr:Xã biên giới")!.communes).toBe(27);
      for (const flag of ["Phấn đấu đạt chuẩn NTM", ...SETUP.planFlags])
        expect(byKey.get(`flag:${flag}`), flag).toEqual(groupOf(communes.filter((c) => c.flags[flag] === true)));

      // Capital: exact, in million VND; the total is the sum of every unit's leaves.
      const totalThousand = sum(PLAN.map((p) => sum(Object.values(p.capital))));
      expect(totalThousand).toBe(1_880_223_000);
      const total = r.capital.sources.find((s) => s.key === "total")!;
      expect(total.amount).toBe(totalThousand / 1000);
      expect(r.capital.byUnit).toHaveLength(61);
      for (const u of r.capital.byUnit) {
        const p = PLAN.find((x) => x.unit === u.code)!;
        expect(u.amounts.total, u.code).toBe(sum(Object.values(p.capital)) / 1000);
      }
    },
    STEP_TIMEOUT,
  );

  it(
    "a merger: the former code of a merged commune is refused with its cell, and nothing is stored",
    async () => {
      const former = MERGED.formerCodes.find((c) => c !== MERGED.code)!;
      const source = files.get(MERGED.unit)!;
      const edited = path.join(tmp, `${MERGED.unit}-former-code.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(source);
      const ws = wb.worksheets.find((w) => w.name.normalize("NFC").toLowerCase() === "tiêu chí")!;
      let cell = "";
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (cell === "" && String(c.value) === MERGED.code) {
            c.value = former;
            cell = c.address;
          }
        }),
      );
      expect(cell).not.toBe("");
      await wb.xlsx.writeFile(edited);

      const refused = await run(["submit", edited, "--json"], unitTokens.get(MERGED.unit)!);
      expect(refused.code).toBe(1);
      const out = JSON.stringify(json<unknown>(refused));
      expect(out).toContain("commune.unknown");
      expect(out).toContain(cell);

      const list = await api<{ submissions: Array<{ unit?: string; revision: number }> }>(
        `/submissions?year=${YEAR}&unit=${MERGED.unit}`,
        officeToken,
      );
      expect(list.status).toBe(200);
      expect(list.body.submissions.map((s) => s.revision)).toEqual([1]);
    },
    STEP_TIMEOUT,
  );
});
