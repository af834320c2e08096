import type { Io } from "../output.ts";
import { EXIT_SERVER } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { emitReport } from "../write-report.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";
import { asOfOf, roundOf } from "../review/options.ts";
import { reportWithTrend, trendCommand } from "./report-trend.ts";

/**
 * `report --year <y> [--round plan|result] [--as-of <time>] [--accepted] [--json] [--out <file.xlsx>]`:
 * GET /api/v1/reports/:year?round=&asOf=&accepted=true, the report at a cut (default: now, every
 * unit's latest revision; `--accepted`: accepted revisions only). `--trend --from <y0> --to <y1>
 * [--json]`: the multi-year trend (GET /reports/trend) instead; `--trend-from <y0>` (with `--out`):
 * the sheet gains `NTM_Trend` for y0..year (report-trend.ts).
 */
export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    flags: ["json", "accepted", "trend"],
    options: ["year", "round", "as-of", "out", "from", "to", "trend-from", ...SERVER_OPTIONS],
  });
  if (!args.ok) return usageError(io, "report", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "report", `unexpected argument ${positionals[0]}`);
  const yearOf = (name: string): number | string => {
    const text = options.get(name) ?? "";
    return parsePlanYear(text) ?? `--${name} must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${text}`;
  };
  if (flags.has("trend")) {
    const other =
      ["year", "round", "as-of", "out", "trend-from"].find((o) => options.has(o)) ?? (flags.has("accepted") ? "accepted" : null);
    if (other) return usageError(io, "report", `--${other} is not for --trend`);
    if (!options.has("from") || !options.has("to")) return usageError(io, "report", "--trend needs --from and --to");
    const [from, to] = [yearOf("from"), yearOf("to")];
    if (typeof from === "string") return usageError(io, "report", from);
    if (typeof to === "string") return usageError(io, "report", to);
    if (from > to) return usageError(io, "report", "--from must not be after --to");
    return trendCommand(options, from, to, flags.has("json"), io);
  }
  if (options.has("from") || options.has("to")) return usageError(io, "report", "--from and --to are for --trend");
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
  const trendFrom = options.has("trend-from") ? yearOf("trend-from") : null;
  if (typeof trendFrom === "string") return usageError(io, "report", trendFrom);
  if (trendFrom !== null && !out) return usageError(io, "report", "--trend-from needs --out");
  if (trendFrom !== null && trendFrom > year) return usageError(io, "report", "--trend-from must not be after --year");

  const client = clientFrom(options, io);
  io.stderr(`Đang lấy báo cáo năm ${year} từ ${client.server}...\n`);
  const res = await client.report(year, { round: round.value, asOf: asOf.value, accepted: flags.has("accepted") });
  if (!res.ok) {
    io.stderr(`Không lấy được báo cáo: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  if (trendFrom !== null && out) return reportWithTrend(options, res.value, trendFrom, out, flags.has("json"), io);
  return emitReport(io, res.value, { json: flags.has("json"), out: out ?? null });
}
