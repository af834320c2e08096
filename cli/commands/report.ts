import type { Io } from "../output.ts";
import { EXIT_SERVER } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { emitReport } from "../write-report.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";

/** `report --year <y> [--json] [--out <file.xlsx>]`: GET /api/v1/reports/:year. */
export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", "out", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "report", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "report", `unexpected argument ${positionals[0]}`);
  const yearText = options.get("year");
  if (!yearText) return usageError(io, "report", "--year is required");
  const year = parsePlanYear(yearText);
  if (year === null)
    return usageError(io, "report", `--year must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${yearText}`);
  const out = options.get("out");

  const client = clientFrom(options, io);
  io.stderr(`Đang lấy báo cáo năm ${year} từ ${client.server}...\n`);
  const res = await client.report(year);
  if (!res.ok) {
    io.stderr(`Không lấy được báo cáo: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  return emitReport(io, res.value, { json: flags.has("json"), out: out ?? null });
}
