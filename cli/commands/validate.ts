import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, counts, printIssues, printJson } from "../output.ts";
import { parseArgs } from "../args.ts";
import { loadWorkbooks } from "../load-workbook.ts";
import { usageError } from "../usage.ts";

/** `validate <file.xlsx>... [--json]`: parse and validate each file; exit 1 if any is invalid. */
export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"] });
  if (!args.ok) return usageError(io, "validate", args.error);
  const files = args.value.positionals;
  if (files.length === 0) return usageError(io, "validate", "no file given");
  const json = args.value.flags.has("json");

  const loaded = await loadWorkbooks(files);
  if (json) {
    printJson(
      io,
      loaded.map(({ file, ok, district, year, issues }) => ({ file, ok, district, year, issues })),
    );
  } else {
    for (const l of loaded) {
      printIssues(io, l.issues, l.file);
      const { errors, warnings } = counts(l.issues);
      io.stderr(
        l.ok
          ? `${l.file}: hợp lệ — huyện ${l.district}, năm ${l.year}, ${l.submission?.communes.length ?? 0} xã, ${warnings} cảnh báo (valid)\n`
          : `${l.file}: không hợp lệ — ${errors} lỗi, ${warnings} cảnh báo (invalid)\n`,
      );
    }
  }
  return loaded.every((l) => l.ok) ? EXIT_OK : EXIT_INVALID;
}
