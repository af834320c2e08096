import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_SERVER, formatIssue } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import type { LoadedFile } from "../load-workbook.ts";
import { chooseSetup, loadWorkbook, setupLookup } from "../load-workbook.ts";
import { emitReport } from "../write-report.ts";
import { SERVER_OPTIONS } from "../server-options.ts";
import { consolidateSubmissions } from "../../shared/report/consolidate.ts";

/**
 * `consolidate <file.xlsx>... [--setup <file.xlsx>] [--json] [--out <file.xlsx>]`: read every file
 * (NTM-1 or NTM-2) under its year's setup (`--setup`, else the server's when a token is set, else
 * the built-in one of 2016-2020); any invalid file → its issues and exit 1 (2 when the server could
 * not give the setup), nothing consolidated. Else the report under that setup: JSON, a workbook, or a
 * summary. With --json, problem lines go to stderr so that stdout stays one JSON document.
 */
export async function consolidateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["out", "setup", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "consolidate", args.error);
  const files = args.value.positionals;
  if (files.length === 0) return usageError(io, "consolidate", "no file given");
  const json = args.value.flags.has("json");
  const out = args.value.options.get("out");
  const problems = json ? io.stderr : io.stdout;

  const chosen = await chooseSetup("consolidate", args.value.options, { ...io, stdout: problems });
  if (!chosen.ok) return chosen.code;
  const lookup = setupLookup(chosen.choice); // one setup per year, asked of the server at most once

  io.stderr(`Đang đọc ${files.length} tệp...\n`);
  const loaded: LoadedFile[] = [];
  for (const f of files) loaded.push(await loadWorkbook(f, lookup));
  for (const l of loaded) for (const i of l.issues) problems(formatIssue(i, l.file) + "\n");
  const invalid = loaded.filter((l) => !l.ok);
  if (invalid.length > 0) {
    io.stderr(`Không tổng hợp: ${invalid.length} tệp không hợp lệ (${invalid.map((l) => l.file).join(", ")}). Nothing consolidated.\n`);
    return loaded.some((l) => l.serverFailed) ? EXIT_SERVER : EXIT_INVALID;
  }

  // The setup of the first file's year (files of other years are refused by consolidateSubmissions).
  const first = loaded[0]!;
  const found = await lookup(first.year, first.templateVersion);
  if (!found.ok) {
    problems(formatIssue(found.issue) + "\n");
    return found.server ? EXIT_SERVER : EXIT_INVALID;
  }
  const subs = loaded.map((l) => ({ file: l.file, submission: l.submission ?? l.unitSubmission! }));
  const result = consolidateSubmissions(subs, found.setup, new Date().toISOString());
  if (!result.ok) {
    for (const i of result.issues) problems(formatIssue(i) + "\n");
    io.stderr("Không tổng hợp được (cannot consolidate).\n");
    return EXIT_INVALID;
  }
  for (const i of result.warnings) problems(formatIssue(i) + "\n");
  return emitReport(io, result.value, { json, out: out ?? null });
}
