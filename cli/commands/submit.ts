import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER, formatIssue, printJson } from "../output.ts";
import type { Issue } from "../../shared/result.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { loadWorkbooks } from "../load-workbook.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { apiFailureTexts } from "../../shared/api/messages.ts";

type SubmitOutcome = {
  file: string;
  ok: boolean;
  id: string | null;
  revision: number | null;
  deduplicated: boolean | null;
  warnings: Issue[];
  issues: Issue[];
  error: { status: number | null; code: string; message: string; messageEn: string } | null;
};

/**
 * `submit <file.xlsx>... [--json]`: validate every file first; any invalid → exit 1, nothing sent.
 * Else POST each typed submission; exit 2 when the server refused any, could not be reached, or
 * answered something that is not the API's (then nothing may have been stored: never a success).
 */
export async function submitCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: SERVER_OPTIONS });
  if (!args.ok) return usageError(io, "submit", args.error);
  const files = args.value.positionals;
  if (files.length === 0) return usageError(io, "submit", "no file given");
  const json = args.value.flags.has("json");

  const loaded = await loadWorkbooks(files);
  const outcomes: SubmitOutcome[] = loaded.map((l) => ({
    file: l.file,
    ok: false,
    id: null,
    revision: null,
    deduplicated: null,
    warnings: l.issues.filter((i) => i.severity === "warning"),
    issues: l.ok ? [] : l.issues,
    error: null,
  }));

  if (loaded.some((l) => !l.ok)) {
    if (json) printJson(io, outcomes);
    else for (const l of loaded) if (!l.ok) for (const i of l.issues) io.stdout(formatIssue(i, l.file) + "\n");
    io.stderr(`Không nộp tệp nào: ${loaded.filter((l) => !l.ok).length} tệp không hợp lệ. Nothing was sent.\n`);
    return EXIT_INVALID;
  }

  const client = clientFrom(args.value.options, io);
  let exit = EXIT_OK;
  for (let k = 0; k < loaded.length; k++) {
    const l = loaded[k]!;
    const o = outcomes[k]!;
    if (l.submission === null) continue; // not reached: every file was valid above
    io.stderr(`Đang nộp ${l.file} (huyện ${l.district}, năm ${l.year}) lên ${client.server}...\n`);
    const res = await client.submit(l.submission);
    if (res.ok) {
      const b = res.value;
      o.ok = true;
      o.id = b.id;
      o.revision = b.revision;
      o.deduplicated = b.deduplicated;
      o.warnings = b.warnings;
      if (!json) {
        for (const w of o.warnings) io.stdout(formatIssue(w, l.file) + "\n");
        io.stdout(
          b.deduplicated
            ? `${l.file}: huyện ${b.district} năm ${b.year}: không thay đổi, trùng lần nộp ${b.revision} (id ${b.id})\n`
            : `${l.file}: huyện ${b.district} năm ${b.year}: đã lưu lần nộp ${b.revision} (id ${b.id})\n`,
        );
      }
    } else {
      exit = EXIT_SERVER;
      const f = res.failure;
      const texts = f.serverMessage ?? apiFailureTexts(f);
      o.error = { status: f.status, code: f.code, message: texts.vi, messageEn: texts.en };
      o.issues = f.issues;
      o.warnings = [];
      if (!json) {
        for (const i of o.issues) io.stdout(formatIssue(i, l.file) + "\n");
        io.stdout(`${l.file}: chưa nộp được (not submitted) — ${describeFailure(f)}\n`);
      }
    }
  }
  if (json) printJson(io, outcomes);
  return exit;
}
