import type { Io } from "../output.ts";
import { EXIT_SERVER } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { emitReport } from "../write-report.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";
import { asOfOf, roundOf } from "../review/options.ts";

/**
 * `report --year <y> [--round plan|result] [--as-of <time>] [--accepted] [--json] [--out <file.xlsx>]`:
 * GET /api/v1/reports/:year?round=&asOf=&accepted=true, the report at a cut (default: now, every
 * unit's latest revision; `--accepted`: accepted revisions only).
 */
export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json", "accepted"], options: ["year", "round", "as-of", "out", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "report", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "report", `unexpected argument ${positionals[0]}`);
  const yearText = options.get("year");
  if (!yearText) return usageError(io, "report", "--year is required");
  const year = parsePlanYear(yearText);
  if (year === null)
    return usageError(io, "report", `--year must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${yearText}`);
  const round = roundOf(options);
  if (!round.ok) return usageError(io, "report", round.error);
  const asOf = asOfOf(options);
  if (!asOf.ok) return usageError(io, "report", asOf.error);
  const out = options.get("out");

  const client = clientFrom(options, io);
  io.stderr(`Đang lấy báo cáo năm ${year} từ ${client.server}...\n`);
  const res = await client.report(year, { round: round.value, asOf: asOf.value, accepted: flags.has("accepted") });
  if (!res.ok) {
    io.stderr(`Không lấy được báo cáo: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  return emitReport(io, res.value, { json: flags.has("json"), out: out ?? null });
}
