import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { RoundsResponse } from "../../shared/schemas/api/review.ts";
import { deadlineSchema } from "../../shared/schemas/api/review.ts";
import { parseArgs } from "../args.ts";
import type { Io } from "../output.ts";
import { EXIT_OK, EXIT_SERVER, printJson, table } from "../output.ts";
import { ROUND_VI, deadlineVi } from "../review/labels.ts";
import { roundOf, yearOf } from "../review/options.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { usageError } from "../usage.ts";

const SOURCE_VI: Record<RoundsResponse["rounds"][number]["source"], string> = {
  setup: "thiết lập năm",
  office: "văn phòng đặt",
  none: "chưa có",
};

/** `round deadline|show`: a plan year's two rounds and their deadlines (GET/PUT /api/v1/rounds). */
export async function roundCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "deadline") return deadline(rest, io);
  if (sub === "show") return show(rest, io);
  return usageError(io, "round", sub ? `unknown subcommand ${sub}` : "deadline or show expected");
}

/** The two rounds: round, deadline (dd/mm/yyyy), where it comes from, when and by whom it was set. */
export function roundsTable(r: RoundsResponse): string {
  return (
    `ĐỢT BÁO CÁO NĂM ${r.year}\n` +
    table(
      ["Đợt", "Hạn nộp", "Nguồn", "Đặt lúc", "Người đặt"],
      r.rounds.map((x) => [
        `${x.round} (${ROUND_VI[x.round]})`,
        deadlineVi(x.deadline),
        SOURCE_VI[x.source],
        x.setAt === null ? null : formatVietnamTime(x.setAt),
        x.setBy,
      ]),
    )
  );
}

/** `round deadline --year <y> --round plan|result --date YYYY-MM-DD` (office, admin): PUT /rounds/:year/:round. */
async function deadline(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", "round", "date", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "round", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "round", `unexpected argument ${positionals[0]}`);
  const year = yearOf(options);
  if (!year.ok) return usageError(io, "round", year.error);
  const round = roundOf(options);
  if (!round.ok) return usageError(io, "round", round.error);
  if (round.value === undefined) return usageError(io, "round", "--round is required (plan or result)");
  const date = options.get("date");
  if (!date) return usageError(io, "round", "--date is required");
  if (!deadlineSchema.safeParse(date).success) return usageError(io, "round", `--date must be a date YYYY-MM-DD, not ${date}`);

  const res = await clientFrom(options, io).setDeadline(year.value, round.value, date);
  if (!res.ok) {
    io.stderr(`Không đặt được hạn nộp: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  if (flags.has("json")) printJson(io, res.value);
  else {
    io.stderr(`Đã đặt hạn nộp đợt ${ROUND_VI[round.value]} năm ${year.value}: ${deadlineVi(date)} (giờ Việt Nam).\n`);
    io.stdout(roundsTable(res.value));
  }
  return EXIT_OK;
}

/** `round show --year <y> [--json]`: GET /rounds/:year. */
async function show(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["year", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "round", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "round", `unexpected argument ${positionals[0]}`);
  const year = yearOf(options);
  if (!year.ok) return usageError(io, "round", year.error);
  const res = await clientFrom(options, io).rounds(year.value);
  if (!res.ok) {
    io.stderr(`Không lấy được đợt báo cáo năm ${year.value}: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  if (flags.has("json")) printJson(io, res.value);
  else io.stdout(roundsTable(res.value));
  return EXIT_OK;
}
