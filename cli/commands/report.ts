import type { Io } from "../output.ts";
import { EXIT_SERVER } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { emitReport } from "../write-report.ts";
import { SERVER_OPTIONS, clientFrom, describeError } from "../server-options.ts";
import { reportSchema } from "../../shared/schemas/report.ts";

/** `report --year <y> [--json] [--out <file.xlsx>]`: GET /api/v1/reports/:year. */
export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", "out", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "report", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "report", `unexpected argument ${positionals[0]}`);
  const yearText = options.get("year");
  if (!yearText) return usageError(io, "report", "--year is required");
  if (!/^\d{4}$/.test(yearText)) return usageError(io, "report", `--year must be a year, not ${yearText}`);
  const out = options.get("out");

  const client = clientFrom(options, io);
  io.stderr(`Đang lấy báo cáo năm ${yearText} từ ${client.server}...\n`);
  const res = await client.report(Number(yearText));
  if (!res.ok) {
    io.stderr(`Không lấy được báo cáo: ${describeError(res.status, res.error)}\n`);
    return EXIT_SERVER;
  }
  const parsed = reportSchema.safeParse(res.body);
  if (!parsed.success) {
    io.stderr(`Máy chủ trả về báo cáo không đúng định dạng (the server's report does not match the schema): ${parsed.error.message}\n`);
    return EXIT_SERVER;
  }
  const report = parsed.data;
  return emitReport(io, report, { json: flags.has("json"), out: out ?? null });
}
