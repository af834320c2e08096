import type { Issue, Result } from "../shared/result.ts";
import type { Submission } from "../shared/schemas/submission.ts";
import type { UnitSubmission } from "../shared/schemas/unit-submission.ts";
import type { Setup, UnitLevel } from "../shared/setup/types.ts";
import type { TemplateReading } from "../shared/template/read-template.ts";
import type { ApiClient } from "../shared/api/client.ts";
import type { SheetInput } from "../shared/template/input.ts";
import { INFO_KEYS, SHEETS } from "../shared/template/labels.ts";
import { UNIT_INFO_KEYS } from "../shared/template/ntm2-columns.ts";
import { CONTRACT_TEXTS, contractIssues, unitContractIssues } from "../shared/rules/contract-issues.ts";
import type { Catalogue } from "../shared/text/catalogue.ts";
import { renderBoth } from "../shared/text/catalogue.ts";
import { isWord } from "../shared/text/match.ts";
import { isPlanYear } from "../shared/schemas/plan-year.ts";
import { BUILT_IN_YEARS, builtInSetup } from "../shared/setup/defaults.ts";
import { readTemplate, templateVersionOf } from "../shared/template/read-template.ts";
import { readWorkbookFile } from "./xlsx/read-workbook.ts";
import type { Io } from "./output.ts";
import { EXIT_INVALID, formatIssue } from "./output.ts";
import { clientFrom, describeFailure, resolveToken } from "./server-options.ts";
import { loadSetupFile } from "./setup/load-setup-file.ts";

/** The CLI's own texts, and the submission contract's (shared/rules/contract-issues.ts), codes and texts unchanged. */
export const LOAD_TEXTS = {
  "parser.crashed": { vi: "Lỗi nội bộ khi đọc biểu mẫu: {detail}", en: "Internal error while reading the template: {detail}" },
  ...CONTRACT_TEXTS,
  "setup.missing": {
    vi: "Năm {year} không có thiết lập dựng sẵn (chỉ {from}-{to} có). Hãy dùng --setup <tệp Thiết lập.xlsx> (tạo bằng: ntm setup template --year {year} --out <tệp>), hoặc đặt NTM_TOKEN để dùng thiết lập của máy chủ.",
    en: "No built-in setup for {year} (only {from}-{to} have one). Give --setup <file.xlsx> (write one with: ntm setup template --year {year} --out <file>), or set NTM_TOKEN to use the server's setup.",
  },
  "setup.unavailable": {
    vi: "Không lấy được thiết lập năm {year} từ máy chủ: {detail}",
    en: "Could not get the setup of {year} from the server: {detail}",
  },
  "setup.year_unknown": {
    vi: "Không đọc được Năm kế hoạch của biểu mẫu nên không chọn được thiết lập. Hãy ghi Năm kế hoạch ở trang Thông tin, hoặc dùng --setup <tệp Thiết lập.xlsx>.",
    en: "The template's plan year cannot be read, so no setup can be chosen. Type the plan year on sheet Thông tin, or give --setup <file.xlsx>.",
  },
} satisfies Catalogue;

/** The contract checks moved to the shared core (the browser runs them too); still exported here. */
export { contractIssues, unitContractIssues };

function fileIssue(code: keyof typeof LOAD_TEXTS, params: Record<string, string | number>, sheet: string | null = null): Issue {
  const { vi, en } = renderBoth(LOAD_TEXTS, code, params);
  return { code, severity: "error", sheet, cell: null, row: null, commune: null, message: vi, messageEn: en };
}

/**
 * Where a command's setup comes from (docs/setup.md "Commands and API"): `--setup <file.xlsx>`
 * (one setup: a file of another year is `info.year_mismatch`), else the server's when a token is
 * set, else the built-in defaults of 2016-2020.
 */
export type SetupChoice = { kind: "file"; setup: Setup } | { kind: "server"; client: ApiClient } | { kind: "builtin" };

/** A setup for a year, or why there is none (`server`: the server was asked and failed: exit 2). */
export type SetupLookup = { ok: true; setup: Setup } | { ok: false; issue: Issue; server: boolean };

/**
 * Looks setups up by the year a file states, asking the server at most once per year. A file whose
 * year cannot be read is still read under a `--setup` file, and an NTM-1 file under the 2016-2020
 * defaults (both report the year); an NTM-2 file without a year has no setup to be read under.
 */
export function setupLookup(choice: SetupChoice): (year: number | null, version: "NTM-1" | "NTM-2" | null) => Promise<SetupLookup> {
  const cache = new Map<number, Promise<SetupLookup>>();
  const find = async (year: number): Promise<SetupLookup> => {
    if (choice.kind === "server") {
      const res = await choice.client.setup(year);
      if (res.ok) return { ok: true, setup: { ...res.value.setup, origin: res.value.origin } };
      return { ok: false, issue: fileIssue("setup.unavailable", { year, detail: describeFailure(res.failure) }), server: true };
    }
    const setup = builtInSetup(year);
    if (setup) return { ok: true, setup };
    return { ok: false, issue: fileIssue("setup.missing", { year, from: BUILT_IN_YEARS.from, to: BUILT_IN_YEARS.to }), server: false };
  };
  return async (stated, version) => {
    if (choice.kind === "file") return { ok: true, setup: choice.setup };
    if (stated === null && version === "NTM-2")
      return { ok: false, issue: fileIssue("setup.year_unknown", {}, SHEETS.info), server: false };
    const year = stated ?? BUILT_IN_YEARS.to;
    let p = cache.get(year);
    if (!p) cache.set(year, (p = find(year)));
    return p;
  };
}

/**
 * The setup a command works under: `--setup <file.xlsx>` (a `Thiết lập` workbook, read and checked),
 * else the server's when a token is set, else the built-in defaults. Problems are printed; null
 * then, with the exit code.
 */
export async function chooseSetup(
  command: string,
  options: Map<string, string>,
  io: Io,
): Promise<{ ok: true; choice: SetupChoice } | { ok: false; code: number }> {
  const file = options.get("setup");
  if (file) {
    const loaded = await loadSetupFile(file);
    for (const i of loaded.issues) io.stdout(`${formatIssue(i, file)}\n`);
    if (!loaded.ok || !loaded.setup) {
      io.stderr(`ntm ${command}: tệp thiết lập ${file} không hợp lệ (the setup file is invalid).\n`);
      return { ok: false, code: EXIT_INVALID };
    }
    return { ok: true, choice: { kind: "file", setup: loaded.setup } };
  }
  if (resolveToken(options.get("token"), io.env)) return { ok: true, choice: { kind: "server", client: clientFrom(options, io) } };
  return { ok: true, choice: { kind: "builtin" } };
}

/** One file read and parsed: the submission or the issues, plus unit/year where readable. */
export type LoadedFile = {
  file: string;
  ok: boolean;
  /** The unit's code (`Mã đơn vị`, or `Mã huyện` of NTM-1); the older name of docs/interfaces.md. */
  district: string | null;
  year: number | null;
  /** Level of the setup the file was read under, null when none could be chosen. */
  level: UnitLevel | null;
  templateVersion: "NTM-1" | "NTM-2" | null;
  /** The NTM-1 submission (the body `POST /submissions` takes today), null for NTM-2. */
  submission: Submission | null;
  /** The unit's submission in the general shape, both versions (rules, reports). */
  unitSubmission: UnitSubmission | null;
  /** Errors and warnings (warnings only when ok). */
  issues: Issue[];
  /** True when the setup could not be had from the server (the command exits 2). */
  serverFailed: boolean;
};

/** Best effort: the unit code and `Năm kế hoạch` from `Thông tin`, to choose a setup and report on invalid files. */
function identity(sheets: readonly SheetInput[]): { district: string | null; year: number | null } {
  const info = sheets.find((s) => isWord(s.name, SHEETS.info));
  const codeKeys = [...UNIT_INFO_KEYS.unitCode];
  let district: string | null = null;
  let year: number | null = null;
  for (const row of info?.values ?? []) {
    if (!Array.isArray(row)) continue;
    for (let i = 0; i + 1 < row.length; i++) {
      const v = row[i + 1];
      if (district === null && codeKeys.some((k) => isWord(row[i], k))) {
        if (typeof v === "number" && Number.isInteger(v)) district = String(v);
        else if (typeof v === "string" && /^\s*\d{1,5}\s*$/.test(v)) district = v.trim();
      }
      if (isWord(row[i], INFO_KEYS.year) && year === null) {
        const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim()) : NaN;
        if (isPlanYear(n)) year = n;
      }
    }
  }
  return { district, year };
}

/** Reads, under the year's setup (builtin when not told otherwise), and checks one file. */
export async function loadWorkbook(file: string, lookup = setupLookup({ kind: "builtin" })): Promise<LoadedFile> {
  const none = { level: null, templateVersion: null, submission: null, unitSubmission: null, serverFailed: false };
  const read = await readWorkbookFile(file);
  if (!read.ok) return { file, ok: false, district: null, year: null, ...none, issues: read.issues };
  const who = identity(read.value);
  const version = templateVersionOf(read.value);
  const found = await lookup(who.year, version);
  if (!found.ok) return { file, ok: false, ...who, ...none, serverFailed: found.server, issues: [found.issue] };
  const setup = found.setup;
  let parsed: Result<TemplateReading>;
  try {
    parsed = readTemplate(read.value, setup);
  } catch (e) {
    // The parser promises never to throw; if it does, say so instead of crashing.
    parsed = { ok: false, issues: [fileIssue("parser.crashed", { detail: e instanceof Error ? e.message : String(e) })] };
  }
  const base = { level: setup.level, serverFailed: false };
  if (!parsed.ok) return { file, ok: false, ...who, ...none, ...base, templateVersion: version, issues: parsed.issues };
  const { submission, ntm1 } = parsed.value;
  const at = { file, district: submission.unit, year: submission.year, ...base, templateVersion: parsed.value.version };
  const refused = ntm1 ? contractIssues(ntm1) : unitContractIssues(submission);
  if (refused.length > 0) return { ...at, ok: false, submission: null, unitSubmission: null, issues: [...refused, ...parsed.warnings] };
  return { ...at, ok: true, submission: ntm1, unitSubmission: submission, issues: parsed.warnings };
}

/** Files in command-line order. */
export async function loadWorkbooks(files: readonly string[], choice: SetupChoice = { kind: "builtin" }): Promise<LoadedFile[]> {
  const lookup = setupLookup(choice);
  const out: LoadedFile[] = [];
  for (const f of files) out.push(await loadWorkbook(f, lookup));
  return out;
}
