import type { Catalogue } from "../shared/text/catalogue.ts";
import type { Io } from "./output.ts";
import { EXIT_INVALID, bilingual } from "./output.ts";

/** The commands of `ntm`, in the order the usage lists them. */
export const COMMAND_NAMES = ["template", "validate", "consolidate", "submit", "report", "token"] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** How each command is called (the same in both languages). */
const SYNOPSIS: Record<CommandName, string> = {
  template: "ntm template --district <mã huyện> --year <năm> --out <file.xlsx>",
  validate: "ntm validate <file.xlsx>... [--json]",
  consolidate: "ntm consolidate <file.xlsx>... [--json] [--out <file.xlsx>]",
  submit: "ntm submit <file.xlsx>... [--json] [--server <url>] [--token <t>]",
  report: "ntm report --year <năm> [--json] [--out <file.xlsx>] [--server <url>] [--token <t>]",
  token:
    "ntm token create --role <district|office|admin> [--district <mã>] --label <text> [--json]\n" +
    "ntm token list [--json]\nntm token revoke <id> [--json]",
};

/** What each command does. */
export const COMMAND_PURPOSES = {
  template: { vi: "Tạo biểu mẫu trống", en: "writes a blank standard template" },
  validate: { vi: "Kiểm tra từng tệp", en: "parses and validates each file" },
  consolidate: { vi: "Tổng hợp các tệp, không cần máy chủ", en: "consolidates workbooks locally" },
  submit: { vi: "Kiểm tra rồi nộp từng tệp", en: "validates, then submits each file" },
  report: { vi: "Lấy báo cáo tổng hợp", en: "fetches the consolidated report" },
  token: { vi: "Quản lý mã truy cập (admin)", en: "manage tokens" },
} satisfies Catalogue<CommandName>;

export const USAGE_TEXTS = {
  usage: { vi: "Cách dùng", en: "usage" },
  moreHelp: { vi: "Cách dùng một lệnh", en: "usage of one command" },
  server: { vi: "máy chủ (biến NTM_SERVER, mặc định {url})", en: "server (NTM_SERVER, default {url})" },
  token: { vi: "mã truy cập (nên dùng biến NTM_TOKEN)", en: "token (prefer NTM_TOKEN)" },
} satisfies Catalogue;

const SERVER_COMMANDS: readonly CommandName[] = ["submit", "report", "token"];

/** The usage of one command: synopsis, purpose and, for commands that call the server, its options. */
export function usageOf(command: CommandName): string {
  let text = `${SYNOPSIS[command]}\n  ${bilingual(COMMAND_PURPOSES, command)}\n`;
  if (SERVER_COMMANDS.includes(command)) {
    text +=
      `  --server <url>   ${bilingual(USAGE_TEXTS, "server", { url: "http://127.0.0.1:8787" })}\n` +
      `  --token <t>      ${bilingual(USAGE_TEXTS, "token")}\n`;
  }
  return text;
}

/** Every command's usage (`ntm --help`). */
export function usageAll(): string {
  return (
    `${bilingual(USAGE_TEXTS, "usage")}: npm run -s ntm -- <command>\n\n${COMMAND_NAMES.map(usageOf).join("\n")}\n` +
    `${bilingual(USAGE_TEXTS, "moreHelp")}: ntm <command> --help\n`
  );
}

/** Bad arguments: the reason and the command's usage on stderr, exit 1. */
export function usageError(io: Io, command: string | null, reason: string): number {
  const usage = command !== null && isCommandName(command) ? usageOf(command) : usageAll();
  io.stderr(`ntm${command ? ` ${command}` : ""}: ${reason}\n\n${usage}`);
  return EXIT_INVALID;
}
