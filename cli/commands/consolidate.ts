import type { Io } from "../output.ts";
import { EXIT_INVALID, formatIssue } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { loadWorkbooks } from "../load-workbook.ts";
import { emitReport } from "../write-report.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import { consolidateSubmissions } from "../../shared/report/consolidate.ts";

/**
 * `consolidate <file.xlsx>... [--json] [--out <file.xlsx>]`: parse every file; any invalid one →
 * its issues and exit 1, nothing consolidated. Else the report: JSON, a workbook, or a summary.
 * With --json, problem lines go to stderr so that stdout stays one JSON document.
 */
export async function consolidateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["out"] });
  if (!args.ok) return usageError(io, "consolidate", args.error);
  const files = args.value.positionals;
  if (files.length === 0) return usageError(io, "consolidate", "no file given");
  const json = args.value.flags.has("json");
  const out = args.value.options.get("out");
  const problems = json ? io.stderr : io.stdout;

  io.stderr(`Đang đọc ${files.length} tệp...\n`);
  const loaded = await loadWorkbooks(files);
  for (const l of loaded) for (const i of l.issues) problems(formatIssue(i, l.file) + "\n");
  const invalid = loaded.filter((l) => !l.ok);
  if (invalid.length > 0) {
    io.stderr(`Không tổng hợp: ${invalid.length} tệp không hợp lệ (${invalid.map((l) => l.file).join(", ")}). Nothing consolidated.\n`);
    return EXIT_INVALID;
  }

  const result = consolidateSubmissions(
    loaded.map((l) => ({ file: l.file, submission: l.submission! })),
    DEFAULT_REFERENCE,
    new Date().toISOString(),
  );
  if (!result.ok) {
    for (const i of result.issues) problems(formatIssue(i) + "\n");
    io.stderr("Không tổng hợp được (cannot consolidate).\n");
    return EXIT_INVALID;
  }
  for (const i of result.warnings) problems(formatIssue(i) + "\n");
  const report = result.value;

  return emitReport(io, report, { json: json, out: out ?? null });
}
