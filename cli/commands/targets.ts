import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { Issue } from "../../shared/result.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { buildTargetsWorkbook } from "../../shared/targets/build-workbook.ts";
import { checkTargets } from "../../shared/targets/check-targets.ts";
import { readTargetsJson } from "../../shared/targets/read-workbook.ts";
import { parseArgs } from "../args.ts";
import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER, printIssues, printJson } from "../output.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure, resolveToken } from "../server-options.ts";
import { loadSetupFile } from "../setup/load-setup-file.ts";
import { targetsSection } from "../targets/targets-table.ts";
import { usageError } from "../usage.ts";
import { readWorkbookFile } from "../xlsx/read-workbook.ts";
import { writeWorkbookFile } from "../xlsx/write-workbook.ts";

/**
 * `targets template|apply|show` (cycle.md "Targets"): the blank `Chỉ tiêu` workbook of a year
 * (its setup from the server, `--setup <file.xlsx>` offline, or the built-in one of 2016-2020);
 * apply a filled one (read and checked against the year's setup first: nothing is sent on an error,
 * each at its sheet and cell, exit 1; the server's refusal exit 2); show the year's targets against
 * the summed plans.
 */
export async function targetsCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "template") return template(rest, io);
  if (sub === "apply") return apply(rest, io);
  if (sub === "show") return show(rest, io);
  return usageError(io, "targets", sub ? `unknown subcommand ${sub}` : "template, apply or show expected");
}

function yearOf(text: string | undefined, io: Io): { ok: true; year: number } | { ok: false; code: number } {
  if (!text) return { ok: false, code: usageError(io, "targets", "--year is required") };
  const year = parsePlanYear(text);
  if (year === null)
    return {
      ok: false,
      code: usageError(io, "targets", `--year must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${text}`),
    };
  return { ok: true, year };
}

/** The setup of `year` from the server (GET /setup/:year); null with the reason printed. */
async function serverSetup(year: number, options: Map<string, string>, io: Io): Promise<Setup | null> {
  const res = await clientFrom(options, io).setup(year);
  if (res.ok) return { ...res.value.setup, origin: res.value.origin };
  io.stderr(`Không lấy được thiết lập năm ${year}: ${describeFailure(res.failure)}\n`);
  return null;
}

async function template(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { options: ["year", "out", "setup", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "targets", args.error);
  const { options, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "targets", `unexpected argument ${positionals[0]}`);
  const y = yearOf(options.get("year"), io);
  if (!y.ok) return y.code;
  const out = options.get("out");
  if (!out) return usageError(io, "targets", "--out is required");
  let setup: Setup | null;
  const file = options.get("setup");
  if (file !== undefined) {
    const loaded = await loadSetupFile(file);
    if (!loaded.ok || !loaded.setup) {
      printIssues(io, loaded.issues, file);
      io.stderr(`ntm targets: tệp thiết lập ${file} không hợp lệ (invalid --setup file).\n`);
      return EXIT_INVALID;
    }
    if (loaded.setup.year !== y.year) {
      io.stderr(`ntm targets: tệp ${file} là thiết lập năm ${loaded.setup.year}, không phải năm ${y.year} (year mismatch).\n`);
      return EXIT_INVALID;
    }
    setup = loaded.setup;
  } else if (resolveToken(options.get("token"), io.env)) {
    setup = await serverSetup(y.year, options, io);
    if (!setup) return EXIT_SERVER;
  } else {
    setup = builtInSetup(y.year);
    if (!setup) {
      io.stderr(
        `ntm targets: năm ${y.year} không có thiết lập mặc định; dùng --setup <file.xlsx> hoặc đặt NTM_TOKEN (use --setup or set NTM_TOKEN).\n`,
      );
      return EXIT_INVALID;
    }
  }
  try {
    await writeWorkbookFile(buildTargetsWorkbook(setup), out);
  } catch (e) {
    io.stderr(`ntm targets: không ghi được tệp ${out} (cannot write): ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_INVALID;
  }
  io.stderr(`Đã tạo tệp Chỉ tiêu năm ${y.year}: ${out}\n`);
  return EXIT_OK;
}

async function apply(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: SERVER_OPTIONS });
  if (!args.ok) return usageError(io, "targets", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length !== 1) return usageError(io, "targets", "apply takes exactly one file");
  const json = flags.has("json");
  const file = positionals[0]!;
  const answer = (r: Record<string, unknown>) => ({ file, ok: false, year: null, targets: null, issues: [], error: null, ...r });
  const invalid = (issues: Issue[], year: number | null = null): number => {
    if (json) printJson(io, answer({ year, issues }));
    else printIssues(io, issues, file);
    io.stderr(`${file}: không hợp lệ, không gửi gì lên máy chủ (invalid: nothing sent).\n`);
    return EXIT_INVALID;
  };
  const book = await readWorkbookFile(file);
  if (!book.ok) return invalid(book.issues);
  const read = readTargetsJson(book.value);
  if (!read.ok) return invalid(read.issues);
  const year = read.value.year;
  const setup = await serverSetup(year, options, io);
  if (!setup) return EXIT_SERVER;
  const checked = checkTargets(read.value, setup, year);
  if (!checked.ok) return invalid(checked.issues, year);
  const client = clientFrom(options, io);
  io.stderr(`Đang áp dụng chỉ tiêu năm ${year} lên ${client.server}...\n`);
  const res = await client.putTargets(year, read.value);
  if (!res.ok) {
    const f = res.failure;
    if (json) printJson(io, answer({ year, issues: f.issues, error: { status: f.status, code: f.code, message: describeFailure(f) } }));
    else printIssues(io, f.issues, file);
    io.stderr(`Không áp dụng được chỉ tiêu: ${describeFailure(f)}\n`);
    return EXIT_SERVER;
  }
  const t = res.value.targets;
  if (json) printJson(io, answer({ ok: true, year, targets: t }));
  else {
    const units = Object.keys(t?.units ?? {}).length;
    io.stdout(
      `${file}: năm ${year} — đã áp dụng ${Object.keys(t?.province ?? {}).length} chỉ tiêu tỉnh, chỉ tiêu của ${units} đơn vị (applied)\n`,
    );
  }
  return EXIT_OK;
}

async function show(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "targets", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "targets", `unexpected argument ${positionals[0]}`);
  const y = yearOf(options.get("year"), io);
  if (!y.ok) return y.code;
  const client = clientFrom(options, io);
  const stored = await client.targets(y.year);
  if (!stored.ok) {
    io.stderr(`Không lấy được chỉ tiêu năm ${y.year}: ${describeFailure(stored.failure)}\n`);
    return EXIT_SERVER;
  }
  if (stored.value.targets === null) {
    if (flags.has("json")) printJson(io, { ...stored.value, rows: null, unitRows: null });
    else io.stdout(`Năm ${y.year} chưa có chỉ tiêu. Tạo tệp: ntm targets template --year ${y.year} --out chi-tieu-${y.year}.xlsx\n`);
    return EXIT_OK;
  }
  const report = await client.report(y.year);
  if (!report.ok) {
    io.stderr(`Không lấy được báo cáo năm ${y.year}: ${describeFailure(report.failure)}\n`);
    return EXIT_SERVER;
  }
  if (flags.has("json")) {
    printJson(io, { ...stored.value, rows: report.value.targets ?? null, unitRows: report.value.unitTargets ?? null });
    return EXIT_OK;
  }
  const at = stored.value.setAt ? `, ${formatVietnamTime(stored.value.setAt)} (giờ Việt Nam)` : "";
  io.stdout(`CHỈ TIÊU NĂM ${y.year} — áp dụng bởi ${stored.value.setBy ?? "-"}${at}\n`);
  io.stdout(targetsSection(report.value));
  return EXIT_OK;
}
