import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER, counts, printIssues, printJson } from "../output.ts";
import { parseArgs } from "../args.ts";
import { chooseSetup, loadWorkbooks } from "../load-workbook.ts";
import { SERVER_OPTIONS } from "../server-options.ts";
import { usageError } from "../usage.ts";

/**
 * `validate <file.xlsx>... [--setup <file.xlsx>] [--json]`: parse and validate each file (NTM-1 or
 * NTM-2) under its year's setup (`--setup`, else the server's when a token is set, else the
 * built-in defaults); exit 1 if any is invalid, 2 if the server could not give a setup.
 */
export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["setup", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "validate", args.error);
  const files = args.value.positionals;
  if (files.length === 0) return usageError(io, "validate", "no file given");
  const json = args.value.flags.has("json");
  const chosen = await chooseSetup("validate", args.value.options, json ? { ...io, stdout: io.stderr } : io);
  if (!chosen.ok) return chosen.code;

  const loaded = await loadWorkbooks(files, chosen.choice);
  if (json) {
    printJson(
      io,
      loaded.map(({ file, ok, district, year, issues }) => ({ file, ok, district, year, issues })),
    );
  } else {
    for (const l of loaded) {
      printIssues(io, l.issues, l.file);
      const { errors, warnings } = counts(l.issues);
      const unit = l.level === "xã" ? "xã" : "huyện";
      io.stderr(
        l.ok
          ? `${l.file}: hợp lệ — ${unit} ${l.district}, năm ${l.year}, ${l.unitSubmission?.communes.length ?? 0} xã, ${warnings} cảnh báo (valid)\n`
          : `${l.file}: không hợp lệ — ${errors} lỗi, ${warnings} cảnh báo (invalid)\n`,
      );
    }
  }
  if (loaded.some((l) => l.serverFailed)) return EXIT_SERVER;
  return loaded.every((l) => l.ok) ? EXIT_OK : EXIT_INVALID;
}
