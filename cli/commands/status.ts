import { parseArgs } from "../args.ts";
import type { Io } from "../output.ts";
import { EXIT_OK, EXIT_SERVER, printJson } from "../output.ts";
import { asOfOf, roundOf, yearOf } from "../review/options.ts";
import { statusBoard } from "../review/status-board.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { usageError } from "../usage.ts";

/**
 * `status --year <y> [--round plan|result] [--as-of <time>] [--json]`: GET /api/v1/status/:year,
 * every unit's review status and the round's completeness (a unit token: its own row).
 */
export async function statusCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", "round", "as-of", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "status", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "status", `unexpected argument ${positionals[0]}`);
  const year = yearOf(options);
  if (!year.ok) return usageError(io, "status", year.error);
  const round = roundOf(options);
  if (!round.ok) return usageError(io, "status", round.error);
  const asOf = asOfOf(options);
  if (!asOf.ok) return usageError(io, "status", asOf.error);

  const res = await clientFrom(options, io).status(year.value, { round: round.value, asOf: asOf.value });
  if (!res.ok) {
    io.stderr(`Không lấy được tình trạng nộp năm ${year.value}: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  if (flags.has("json")) printJson(io, res.value);
  else io.stdout(statusBoard(res.value));
  return EXIT_OK;
}
