import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER, formatIssue, printJson } from "../output.ts";
import type { Issue } from "../../shared/result.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import type { LoadedFile, SetupLookup } from "../load-workbook.ts";
import { loadWorkbook, setupLookup } from "../load-workbook.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { apiFailureTexts } from "../../shared/api/messages.ts";
import type { ApiClient } from "../../shared/api/client.ts";
import type { SubmitRequest } from "../../shared/schemas/api.ts";
import { builtInSetup } from "../../shared/setup/defaults.ts";

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
 * The setup each file is checked under before it is sent: the built-in defaults for a year
 * 2016-2020 (as before setups: no request), the server's setup of the file's year otherwise (NTM-2
 * templates of 2021 on; asked once per year). The server checks again under its own setup.
 */
function submitLookup(client: ApiClient): (year: number | null, version: "NTM-1" | "NTM-2" | null) => Promise<SetupLookup> {
  const builtIn = setupLookup({ kind: "builtin" });
  const server = setupLookup({ kind: "server", client });
  return (year, version) => (year === null || builtInSetup(year) !== null ? builtIn(year, version) : server(year, version));
}

/** The body POST /submissions takes for a checked file: the NTM-1 submission, or the NTM-2 one. */
function bodyOf(l: LoadedFile): SubmitRequest | null {
  return l.templateVersion === "NTM-1" ? l.submission : l.unitSubmission;
}

/** How a line names the unit: `huyện 183` or (a commune reporting for itself) `xã 06148`. */
const unitWord = (l: LoadedFile, code: string | null): string => `${l.level === "xã" ? "xã" : "huyện"} ${code ?? "?"}`;

/**
 * `submit <file.xlsx>... [--json]`: read and check every file first (NTM-1 or NTM-2, under the
 * year's setup: `submitLookup`); any invalid → exit 1, nothing sent; a setup the server could not
 * give → exit 2, nothing sent. Else POST each typed submission; exit 2 when the server refused any,
 * could not be reached, or answered something that is not the API's (then nothing may have been
 * stored: never a success).
 */
export async function submitCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: SERVER_OPTIONS });
  if (!args.ok) return usageError(io, "submit", args.error);
  const files = args.value.positionals;
  if (files.length === 0) return usageError(io, "submit", "no file given");
  const json = args.value.flags.has("json");

  const client = clientFrom(args.value.options, io);
  const lookup = submitLookup(client);
  const loaded: LoadedFile[] = [];
  for (const f of files) loaded.push(await loadWorkbook(f, lookup));
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
    return loaded.some((l) => l.serverFailed) ? EXIT_SERVER : EXIT_INVALID;
  }

  let exit = EXIT_OK;
  for (let k = 0; k < loaded.length; k++) {
    const l = loaded[k]!;
    const o = outcomes[k]!;
    const body = bodyOf(l);
    if (body === null) continue; // not reached: every file was valid above
    io.stderr(`Đang nộp ${l.file} (${unitWord(l, l.district)}, năm ${l.year}) lên ${client.server}...\n`);
    const res = await client.submit(body);
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
            ? `${l.file}: ${unitWord(l, b.unit ?? b.district)} năm ${b.year}: không thay đổi, trùng lần nộp ${b.revision} (id ${b.id})\n`
            : `${l.file}: ${unitWord(l, b.unit ?? b.district)} năm ${b.year}: đã lưu lần nộp ${b.revision} (id ${b.id})\n`,
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
