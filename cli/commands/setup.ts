import type { SetupResponse } from "../../shared/schemas/api/setup.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";
import { buildSetupWorkbook } from "../../shared/setup/build-workbook.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { parseArgs } from "../args.ts";
import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER, counts, printIssues, printJson } from "../output.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure, resolveToken } from "../server-options.ts";
import { describeSetup, describeVersion, unitsTable } from "../setup/describe-setup.ts";
import { loadSetupFile } from "../setup/load-setup-file.ts";
import { usageError } from "../usage.ts";
import { writeWorkbookFile } from "../xlsx/write-workbook.ts";

/**
 * `setup template|validate|apply|show|export` (docs/setup.md "Commands and API"): the `Thiết lập`
 * workbook of a plan year, written blank or pre-filled, validated cell by cell, applied to the
 * server (admin; validated locally first, nothing sent on an error), shown, exported.
 */
export async function setupCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "template") return template(rest, io);
  if (sub === "validate") return validate(rest, io);
  if (sub === "apply") return apply(rest, io);
  if (sub === "show") return show(rest, io);
  if (sub === "export") return exportSetup(rest, io);
  return usageError(io, "setup", sub ? `unknown subcommand ${sub}` : "template, validate, apply, show or export expected");
}

type Year = { ok: true; year: number } | { ok: false; code: number };

function yearOption(text: string | undefined, io: Io): Year {
  if (!text) return { ok: false, code: usageError(io, "setup", "--year is required") };
  const year = parsePlanYear(text);
  if (year === null)
    return { ok: false, code: usageError(io, "setup", `--year must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${text}`) };
  return { ok: true, year };
}

/** A year's setup from the server (GET /setup/:year), with a hint how to apply one when it has none. */
async function fetchSetup(year: number, options: Map<string, string>, io: Io): Promise<SetupResponse | null> {
  const res = await clientFrom(options, io).setup(year);
  if (res.ok) return res.value;
  io.stderr(`Không lấy được thiết lập năm ${year}: ${describeFailure(res.failure)}\n`);
  if (res.failure.code === "setup.missing") {
    io.stderr(
      `Áp dụng một thiết lập (apply one): ntm setup template --year ${year} --out thiet-lap-${year}.xlsx, điền tệp, rồi ntm setup apply thiet-lap-${year}.xlsx\n`,
    );
  }
  return null;
}

const setupOf = (r: SetupResponse): Setup => ({ ...r.setup, origin: r.origin });

async function write(sheets: Parameters<typeof writeWorkbookFile>[0], out: string, io: Io): Promise<boolean> {
  try {
    await writeWorkbookFile(sheets, out);
    return true;
  } catch (e) {
    io.stderr(`ntm setup: không ghi được tệp ${out} (cannot write): ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
}

async function template(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { options: ["year", "from", "out", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "setup", args.error);
  const { options, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "setup", `unexpected argument ${positionals[0]}`);
  const y = yearOption(options.get("year"), io);
  if (!y.ok) return y.code;
  const out = options.get("out");
  if (!out) return usageError(io, "setup", "--out is required");
  const from = options.get("from");
  let setup: Setup | null = null;
  if (from !== undefined && /^\d{4}$/.test(from)) {
    const y0 = parsePlanYear(from);
    if (y0 === null)
      return usageError(io, "setup", `--from must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR} or a file, not ${from}`);
    if (resolveToken(options.get("token"), io.env)) {
      const fetched = await fetchSetup(y0, options, io);
      if (!fetched) return EXIT_SERVER;
      setup = setupOf(fetched);
    } else {
      setup = builtInSetup(y0);
      if (!setup) {
        io.stderr(
          `ntm setup: năm ${y0} không có thiết lập mặc định; đặt NTM_TOKEN để lấy thiết lập từ máy chủ (set NTM_TOKEN to fetch it from the server).\n`,
        );
        return EXIT_INVALID;
      }
    }
  } else if (from !== undefined) {
    const loaded = await loadSetupFile(from);
    if (!loaded.ok || !loaded.setup) {
      printIssues(io, loaded.issues, from);
      io.stderr(`ntm setup: tệp ${from} không hợp lệ, không tạo được tệp mới (invalid --from file).\n`);
      return EXIT_INVALID;
    }
    setup = loaded.setup;
  }
  if (!(await write(buildSetupWorkbook(y.year, setup), out, io))) return EXIT_INVALID;
  io.stderr(`Đã tạo tệp Thiết lập năm ${y.year}${setup ? ` (điền sẵn từ năm ${setup.year})` : ""}: ${out}\n`);
  return EXIT_OK;
}

async function validate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"] });
  if (!args.ok) return usageError(io, "setup", args.error);
  const files = args.value.positionals;
  if (files.length === 0) return usageError(io, "setup", "no file given");
  const loaded = [];
  for (const f of files) loaded.push(await loadSetupFile(f));
  if (args.value.flags.has("json")) {
    printJson(
      io,
      loaded.map((l) => ({
        file: l.file,
        ok: l.ok,
        year: l.setup?.year ?? l.json?.year ?? null,
        criteriaSet: l.setup?.criteriaSet.id ?? null,
        level: l.setup?.level ?? null,
        units: l.setup?.units.length ?? null,
        communes: l.setup?.communes?.length ?? null,
        issues: l.issues,
      })),
    );
  } else {
    for (const l of loaded) {
      printIssues(io, l.issues, l.file);
      const { errors, warnings } = counts(l.issues);
      const s = l.setup;
      io.stderr(
        s
          ? `${l.file}: hợp lệ — năm ${s.year}, bộ ${s.criteriaSet.id}, cấp ${s.level}, ${s.units.length} đơn vị, ${s.communes?.length ?? 0} xã, ${warnings} cảnh báo (valid)\n`
          : `${l.file}: không hợp lệ — ${errors} lỗi, ${warnings} cảnh báo (invalid)\n`,
      );
    }
  }
  return loaded.every((l) => l.ok) ? EXIT_OK : EXIT_INVALID;
}

async function apply(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: SERVER_OPTIONS });
  if (!args.ok) return usageError(io, "setup", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length !== 1) return usageError(io, "setup", "apply takes exactly one file");
  const json = flags.has("json");
  const file = positionals[0]!;
  const loaded = await loadSetupFile(file);
  const result = (r: Record<string, unknown>) => ({
    file,
    ok: false,
    year: null,
    version: null,
    deduplicated: null,
    warnings: [],
    issues: [],
    error: null,
    ...r,
  });
  if (!loaded.ok || !loaded.setup || !loaded.json) {
    if (json) printJson(io, result({ issues: loaded.issues }));
    else printIssues(io, loaded.issues, file);
    io.stderr(`${file}: không hợp lệ, không gửi gì lên máy chủ (invalid: nothing sent).\n`);
    return EXIT_INVALID;
  }
  const year = loaded.setup.year;
  if (!json) printIssues(io, loaded.issues, file);
  const client = clientFrom(options, io);
  io.stderr(`Đang áp dụng thiết lập năm ${year} lên ${client.server}...\n`);
  const res = await client.applySetup(year, loaded.json);
  if (!res.ok) {
    const f = res.failure;
    if (json) printJson(io, result({ year, issues: f.issues, error: { status: f.status, code: f.code, message: describeFailure(f) } }));
    else printIssues(io, f.issues, file);
    io.stderr(`Không áp dụng được thiết lập: ${describeFailure(f)}\n`);
    return EXIT_SERVER;
  }
  const v = res.value;
  if (json) printJson(io, result({ ok: true, year, version: v.version, deduplicated: v.deduplicated, warnings: v.warnings }));
  else {
    io.stdout(
      v.deduplicated
        ? `${file}: năm ${year} — không thay đổi, vẫn là phiên bản ${v.version} (unchanged)\n`
        : `${file}: năm ${year} — đã áp dụng, phiên bản ${v.version} (applied)\n`,
    );
  }
  return EXIT_OK;
}

async function show(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "setup", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "setup", `unexpected argument ${positionals[0]}`);
  const y = yearOption(options.get("year"), io);
  if (!y.ok) return y.code;
  const res = await fetchSetup(y.year, options, io);
  if (!res) return EXIT_SERVER;
  if (flags.has("json")) {
    printJson(io, res);
    return EXIT_OK;
  }
  const setup = setupOf(res);
  io.stdout(describeVersion(res) + describeSetup(setup) + "\n" + unitsTable(setup));
  return EXIT_OK;
}

async function exportSetup(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { options: ["year", "out", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "setup", args.error);
  const { options, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "setup", `unexpected argument ${positionals[0]}`);
  const y = yearOption(options.get("year"), io);
  if (!y.ok) return y.code;
  const out = options.get("out");
  if (!out) return usageError(io, "setup", "--out is required");
  const res = await fetchSetup(y.year, options, io);
  if (!res) return EXIT_SERVER;
  if (!(await write(buildSetupWorkbook(y.year, setupOf(res)), out, io))) return EXIT_INVALID;
  io.stderr(`Đã xuất thiết lập năm ${y.year}: ${out}\n`);
  return EXIT_OK;
}
