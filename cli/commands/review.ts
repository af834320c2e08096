import type { Round } from "../../shared/schemas/api/common.ts";
import type { CellComment, ReviewRequest, ReviewResponse } from "../../shared/schemas/api/review.ts";
import { parseArgs } from "../args.ts";
import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER, printJson } from "../output.ts";
import { loadCellsFile } from "../review/cells-file.ts";
import { ROUND_VI } from "../review/labels.ts";
import { revisionOf, roundOf, unitOf, yearOf } from "../review/options.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { usageError } from "../usage.ts";

type Action = ReviewRequest["action"];

/** What each subcommand takes beside --unit, --year, --round and the server options. */
const OPTIONS: Record<Action, readonly string[]> = {
  return: ["comment", "cells", "revision"],
  accept: ["revision"],
  reopen: ["reason"],
};

const VERB: Record<Action, string> = { return: "trả lại", accept: "duyệt", reopen: "mở lại" };

/**
 * `review return|accept|reopen` (office, admin): POST /api/v1/reviews. Return and accept name the
 * revision the office looked at: `--revision <n>`, else the unit's latest as GET /status shows it
 * now (the CLI says which); the server refuses with 409 `review.stale` when it is no longer the
 * latest. `--cells <file.json>` is checked entry by entry before anything is sent.
 */
export async function reviewCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "return" || sub === "accept" || sub === "reopen") return review(sub, rest, io);
  return usageError(io, "review", sub ? `unknown subcommand ${sub}` : "return, accept or reopen expected");
}

async function review(action: Action, argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["unit", "year", "round", ...OPTIONS[action], ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "review", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "review", `unexpected argument ${positionals[0]}`);
  const unit = unitOf(options);
  if (!unit.ok) return usageError(io, "review", unit.error);
  const year = yearOf(options);
  if (!year.ok) return usageError(io, "review", year.error);
  const parsedRound = roundOf(options);
  if (!parsedRound.ok) return usageError(io, "review", parsedRound.error);
  const round: Round = parsedRound.value ?? "plan";
  const named = revisionOf(options);
  if (!named.ok) return usageError(io, "review", named.error);
  const comment = options.get(action === "reopen" ? "reason" : "comment");
  if (action !== "accept" && !comment?.trim())
    return usageError(io, "review", `--${action === "reopen" ? "reason" : "comment"} is required`);
  let cells: CellComment[] | undefined;
  const cellsFile = options.get("cells");
  if (cellsFile !== undefined) {
    const loaded = await loadCellsFile(cellsFile);
    if (!loaded.ok) {
      io.stderr(`ntm review: ${loaded.error}\n`);
      return EXIT_INVALID;
    }
    cells = loaded.value;
  }

  const client = clientFrom(options, io);
  const where = `đơn vị ${unit.value}, năm ${year.value}, đợt ${ROUND_VI[round]}`;
  let revision = named.value;
  if (action !== "reopen" && revision === undefined) {
    const status = await client.status(year.value, { round });
    if (!status.ok) {
      io.stderr(`Không lấy được tình trạng nộp năm ${year.value}: ${describeFailure(status.failure)}\n`);
      return EXIT_SERVER;
    }
    const row = status.value.units.find((u) => u.code === unit.value);
    if (!row) {
      io.stderr(`ntm review: không có đơn vị ${unit.value} trong năm ${year.value} (no such unit)\n`);
      return EXIT_INVALID;
    }
    if (row.revision === null) {
      io.stderr(`ntm review: ${where}: chưa nộp bản nào, không có gì để ${VERB[action]} (nothing submitted)\n`);
      return EXIT_SERVER;
    }
    revision = row.revision;
    io.stderr(`Lần nộp mới nhất của ${where}: ${revision} — ${VERB[action]} lần nộp này (the latest revision, named).\n`);
  }

  const request: ReviewRequest = {
    unit: unit.value,
    year: year.value,
    round,
    action,
    ...(revision === undefined ? {} : { revision }),
    ...(comment === undefined ? {} : { comment }),
    ...(cells === undefined ? {} : { cells }),
  };
  const res = await client.review(request);
  if (!res.ok) {
    io.stderr(`Không ${VERB[action]} được (${where}): ${describeFailure(res.failure)}\n`);
    if (res.failure.code === "review.stale") {
      io.stderr(`Xem lại bản mới nhất (see the latest): ntm status --year ${year.value} --round ${round}\n`);
    }
    return EXIT_SERVER;
  }
  if (flags.has("json")) printJson(io, res.value);
  else io.stdout(done(res.value, cells?.length ?? 0));
  return EXIT_OK;
}

/** The line that says what was done. */
function done(r: ReviewResponse, cells: number): string {
  const where = `đơn vị ${r.unit}, năm ${r.year}, đợt ${ROUND_VI[r.round]}`;
  if (r.action === "return") return `Đã trả lại lần nộp ${r.revision} (${where}), ${cells} ý kiến theo ô.\n`;
  if (r.action === "accept") return `Đã duyệt lần nộp ${r.revision} (${where}): đợt đã khóa với đơn vị này.\n`;
  return `Đã mở lại (${where}): đơn vị nộp lại được.\n`;
}
