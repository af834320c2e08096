/** Test helpers of the workers project: requests, tokens, submissions (not a test file). */
import { env, SELF } from "cloudflare:test";
import { columnLetter } from "../../shared/template/a1.ts";
import { CRITERIA_LAYOUT } from "../../shared/template/build-template.ts";
import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import { districtSetup } from "./setup-fixtures.ts";

export { communeSetup, districtSetup, largeCommuneSetup } from "./setup-fixtures.ts";

export const ADMIN = "test-admin-token-0123456789abcdef";
export const testEnv = env;
export const db = testEnv.DB;

export type Call = { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> };

/** A request to the Worker (through its real entry point). `token` undefined = admin, null = none. */
export async function api(path: string, call: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  const token = call.token === undefined ? ADMIN : call.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  return SELF.fetch(`http://ntm.test/api/v1${path}`, { method: call.method ?? (body ? "POST" : "GET"), headers, body });
}

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field; the contract test checks their shapes.
export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

let labels = 0;
/**
 * Creates a token through the API (as the bootstrap admin) and returns it with its id. `district`
 * (the older name of `unit`, as older clients send it) and `unit` take the unit code.
 */
export async function createToken(
  role: "district" | "unit" | "office" | "admin",
  unit?: string,
): Promise<{ id: string; token: string; label: string }> {
  const label = `${role} ${unit ?? ""} test ${++labels}`.replace(/\s+/g, " ");
  const res = await api("/tokens", { body: { role, ...(unit ? { [role === "unit" ? "unit" : "district"]: unit } : {}), label } });
  if (res.status !== 201) throw new Error(`token create failed: ${res.status} ${await res.text()}`);
  const body = await json<{ id: string; token: string }>(res);
  return { id: body.id, token: body.token, label };
}

/**
 * Applies a setup for `year` through the API as the bootstrap admin (default: the districts of
 * `districtSetup`): a year outside 2016-2020 needs one for its report. Returns the version.
 */
export async function applySetup(year: number, setup: unknown = districtSetup(year)): Promise<number> {
  const res = await api(`/setup/${year}`, { method: "PUT", body: setup });
  if (res.status !== 201 && res.status !== 200) throw new Error(`setup apply failed: ${res.status} ${await res.text()}`);
  return (await json<{ version: number }>(res)).version;
}

export const ALL = Array.from({ length: 19 }, (_, i) => i + 1);
export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const NO_FLAGS = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };

export function commune(
  code: string,
  name: string,
  baseline: number[],
  plan: number[],
  opts: { flags?: Partial<Commune["flags"]>; row?: number } = {},
): Commune {
  return {
    code,
    name,
    flags: { ...NO_FLAGS, ...opts.flags },
    baseline,
    plan,
    ...(opts.row !== undefined ? { source: { sheet: "Tiêu chí", row: opts.row } } : {}),
  };
}

/** The columns of the generated `Tiêu chí` sheet, as a client reports them. */
export const SOURCE_COLUMNS: NonNullable<Submission["source"]>["columns"] = {
  code: "B",
  name: "C",
  flags: { border: "D", pilotDifficult: "E", ntmTarget: "F", districtDifficult: "G" },
  criteria: ALL.map((k) => ({
    baseline: columnLetter(CRITERIA_LAYOUT.firstCriterionColumn + 2 * (k - 1)),
    plan: columnLetter(CRITERIA_LAYOUT.firstCriterionColumn + 2 * (k - 1) + 1),
  })),
};

const ZERO_CAPITAL = { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 };

/** A valid NTM-1 submission; communes get source rows 6, 7, … unless they carry their own. */
export function submission(
  district: string,
  year: number,
  communes: Commune[],
  capital: Partial<Submission["capital"]> = {},
  extra: Partial<Submission> = {},
): Submission {
  return {
    templateVersion: "NTM-1",
    district,
    districtName: districtName(district),
    year,
    preparedBy: "Nguyễn Văn A",
    phone: "0205 3812 345",
    preparedOn: `${year}-01-15`,
    communes: communes.map((c, i) => (c.source ? c : { ...c, source: { sheet: "Tiêu chí", row: CRITERIA_LAYOUT.firstDataRow + i } })),
    capital: { ...ZERO_CAPITAL, ...capital },
    source: { criteriaSheet: "Tiêu chí", columns: SOURCE_COLUMNS },
    ...extra,
  };
}

const NAMES: Record<string, string> = {
  "178": "Thành phố Lạng Sơn",
  "180": "Huyện Tràng Định",
  "181": "Huyện Bình Gia",
  "182": "Huyện Văn Lãng",
  "183": "Huyện Cao Lộc",
  "184": "Huyện Văn Quan",
  "185": "Huyện Bắc Sơn",
  "186": "Huyện Hữu Lũng",
  "187": "Huyện Chi Lăng",
  "188": "Huyện Lộc Bình",
  "189": "Huyện Đình Lập",
};
export const districtName = (code: string): string => NAMES[code] ?? `Huyện ${code}`;

/** A simple valid commune set of `n` communes with codes: the last 5 digits of prefix+index (a Mã xã has exactly 5). */
export function communes(prefix: string, n: number, seed = 0): Commune[] {
  return Array.from({ length: n }, (_, i) => {
    const base = range(1, 5 + ((i + seed) % 10));
    return commune(
      `${prefix}${String(i).padStart(3, "0")}`.slice(-5),
      `Xã Thử ${prefix}-${i}`,
      base,
      range(1, Math.min(19, base.length + 2)),
    );
  });
}

export async function count(table: string): Promise<number> {
  const row = await db.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

export const TABLES = ["submissions", "submission_communes", "latest_submissions", "commune_owners"] as const;

export async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await count(t);
  return out;
}

/** What a request did to D1: round trips (first/all/run/raw/batch calls) and statements executed. */
export type DbStats = { roundTrips: number; statements: number; batches: number[] };

// biome-ignore lint/suspicious/noExplicitAny: the wrapped D1 statement is whatever the binding returns.
type Wrapped = { __real: any };

/** A D1 binding that counts round trips and statements, delegating to the real one. */
export function countingDb(real: D1Database): { db: D1Database; stats: DbStats } {
  const stats: DbStats = { roundTrips: 0, statements: 0, batches: [] };
  // biome-ignore lint/suspicious/noExplicitAny: a counting proxy over D1's statement, delegating every call.
  const wrap = (stmt: any): any => ({
    __real: stmt,
    bind: (...args: unknown[]) => wrap(stmt.bind(...args)),
    first: (...args: unknown[]) => {
      stats.roundTrips++;
      stats.statements++;
      return stmt.first(...args);
    },
    all: () => {
      stats.roundTrips++;
      stats.statements++;
      return stmt.all();
    },
    run: () => {
      stats.roundTrips++;
      stats.statements++;
      return stmt.run();
    },
    raw: (...args: unknown[]) => {
      stats.roundTrips++;
      stats.statements++;
      return stmt.raw(...args);
    },
  });
  const db = {
    prepare: (sql: string) => wrap(real.prepare(sql)),
    batch: (stmts: Wrapped[]) => {
      stats.roundTrips++;
      stats.statements += stmts.length;
      stats.batches.push(stmts.length);
      return real.batch(stmts.map((s) => s.__real));
    },
    exec: (sql: string) => {
      stats.roundTrips++;
      return real.exec(sql);
    },
  };
  return { db: db as unknown as D1Database, stats };
}

/** Calls the Worker's app directly with a counting D1 binding. */
export async function countedCall(path: string, call: Call = {}): Promise<{ res: Response; stats: DbStats }> {
  const { app } = await import("../../worker/index.ts");
  const { db: counted, stats } = countingDb(db);
  const headers: Record<string, string> = { ...call.headers };
  const token = call.token === undefined ? ADMIN : call.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const req = new Request(`http://ntm.test/api/v1${path}`, { method: call.method ?? (body ? "POST" : "GET"), headers, body });
  const res = await app.fetch(req, { ...testEnv, DB: counted });
  return { res, stats };
}
