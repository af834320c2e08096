import type { Catalogue } from "../shared/text/catalogue.ts";
import type { Io } from "./output.ts";
import { EXIT_INVALID, bilingual } from "./output.ts";

/** The commands of `ntm`, in the order the usage lists them. */
export const COMMAND_NAMES = [
  "template",
  "validate",
  "convert",
  "consolidate",
  "submit",
  "status",
  "review",
  "round",
  "audit",
  "report",
  "token",
  "setup",
  "targets",
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** How each command is called (the same in both languages). */
const SYNOPSIS: Record<CommandName, string> = {
  template:
    "ntm template --unit <mã đơn vị> --year <năm> --out <file.xlsx> [--setup <file.xlsx>] [--no-carry-over] [--round result [--plan <file.xlsx>]]",
  validate: "ntm validate <file.xlsx>... [--setup <file.xlsx>] [--json]",
  convert: "ntm convert <in.xlsx> --out <out.xlsx> [--json]",
  consolidate: "ntm consolidate <file.xlsx>... [--setup <file.xlsx>] [--json] [--out <file.xlsx>]",
  submit: "ntm submit <file.xlsx>... [--json] [--server <url>] [--token <t>]",
  status: "ntm status --year <năm> [--round plan|result] [--as-of <thời điểm>] [--json]",
  review:
    "ntm review return --unit <mã> --year <năm> [--round plan|result] --comment <text> [--cells <file.json>] [--revision <n>] [--json]\n" +
    "ntm review accept --unit <mã> --year <năm> [--round plan|result] [--revision <n>] [--json]\n" +
    "ntm review reopen --unit <mã> --year <năm> [--round plan|result] --reason <text> [--json]",
  round: "ntm round show --year <năm> [--json]\nntm round deadline --year <năm> --round plan|result --date <YYYY-MM-DD> [--json]",
  audit: "ntm audit --year <năm> [--json]",
  report:
    "ntm report --year <năm> [--round plan|result] [--as-of <thời điểm>] [--accepted] [--json] [--out <file.xlsx> [--trend-from <năm>]] [--server <url>] [--token <t>]\n" +
    "ntm report --trend --from <năm> --to <năm> [--json]",
  token:
    "ntm token create --role <unit|office|admin> [--unit <mã>] --label <text> [--json]   (cũ: --role district --district <mã>)\n" +
    "ntm token list [--json]\nntm token revoke <id> [--json]",
  setup:
    "ntm setup template --year <năm> [--from <năm|file.xlsx>] --out <file.xlsx>\n" +
    "ntm setup validate <file.xlsx>... [--json]\n" +
    "ntm setup apply <file.xlsx> [--json]\n" +
    "ntm setup show --year <năm> [--json]\n" +
    "ntm setup export --year <năm> --out <file.xlsx>",
  targets:
    "ntm targets template --year <năm> --out <file.xlsx> [--setup <file.xlsx>]\n" +
    "ntm targets apply <file.xlsx> [--json]\n" +
    "ntm targets show --year <năm> [--json]",
};

/** What each command does. */
export const COMMAND_PURPOSES = {
  template: {
    vi: "Tạo biểu mẫu trống của một đơn vị: NTM-1 cho năm mặc định 2016-2020, NTM-2 (xã điền sẵn) theo thiết lập; --round result: biểu kết quả thực hiện (HT, KH lấy từ kế hoạch: --plan hoặc máy chủ); --district là tên cũ của --unit",
    en: "writes a unit's blank template: NTM-1 for the built-in years 2016-2020, NTM-2 (communes pre-filled) from an applied setup; --round result: the result template (HT, KH from the plan: --plan or the server); --district is the older name of --unit",
  },
  validate: { vi: "Kiểm tra từng tệp", en: "parses and validates each file" },
  convert: {
    vi: "Chuyển các ô gõ bằng bảng mã cũ TCVN3 (.VnTime) hoặc VNI sang Unicode, ghi ra tệp mới (tệp gốc giữ nguyên) và liệt kê từng ô đã chuyển",
    en: "converts the cells typed in the legacy TCVN3 (.VnTime) or VNI encodings to Unicode into a new file (the input is kept) and lists every converted cell",
  },
  consolidate: { vi: "Tổng hợp các tệp, không cần máy chủ", en: "consolidates workbooks locally" },
  submit: { vi: "Kiểm tra rồi nộp từng tệp", en: "validates, then submits each file" },
  status: {
    vi: "Tình trạng nộp của các đơn vị trong một đợt và mức đầy đủ (đơn vị chỉ thấy mình)",
    en: "each unit's review status in a round and the completeness (a unit sees its own)",
  },
  review: {
    vi: "Trả lại (kèm ý kiến, ý kiến theo ô), duyệt, mở lại bản nộp của một đơn vị (văn phòng, admin); không ghi --revision thì dùng lần nộp mới nhất",
    en: "return (with comments, cell comments), accept, reopen a unit's submission (office, admin); without --revision the latest revision",
  },
  round: {
    vi: "Xem các đợt báo cáo và hạn nộp; đặt hạn nộp (văn phòng, admin; ngày theo giờ Việt Nam)",
    en: "show the rounds and deadlines; set a deadline (office, admin; a date in Vietnam time)",
  },
  audit: { vi: "Nhật ký thao tác của năm, mới nhất trước (văn phòng, admin)", en: "the year's audit log, newest first (office, admin)" },
  report: {
    vi: "Lấy báo cáo tổng hợp, tại một thời điểm (--as-of), chỉ bản đã duyệt (--accepted)",
    en: "fetches the consolidated report, as it stood at a time (--as-of), accepted revisions only (--accepted)",
  },
  token: { vi: "Quản lý mã truy cập (admin)", en: "manage tokens" },
  setup: {
    vi: "Thiết lập năm kế hoạch: tạo, kiểm tra, áp dụng (admin), xem, xuất tệp Thiết lập",
    en: "the plan year's setup: write, validate, apply (admin), show, export the setup workbook",
  },
  targets: {
    vi: "Chỉ tiêu của năm (tỉnh, đơn vị): tạo tệp Chỉ tiêu, áp dụng (văn phòng, admin), xem so với tổng kế hoạch",
    en: "the year's targets (province, units): write the Chỉ tiêu workbook, apply it (office, admin), show them against the summed plans",
  },
} satisfies Catalogue<CommandName>;

export const USAGE_TEXTS = {
  usage: { vi: "Cách dùng", en: "usage" },
  moreHelp: { vi: "Cách dùng một lệnh", en: "usage of one command" },
  server: { vi: "máy chủ (biến NTM_SERVER, mặc định {url})", en: "server (NTM_SERVER, default {url})" },
  token: { vi: "mã truy cập (nên dùng biến NTM_TOKEN)", en: "token (prefer NTM_TOKEN)" },
  setup: {
    vi: "thiết lập của năm (tệp Thiết lập); không ghi thì dùng thiết lập của máy chủ khi có NTM_TOKEN, hoặc mặc định 2016-2020",
    en: "the year's setup (a Thiết lập workbook); without it the server's setup when NTM_TOKEN is set, else the built-in 2016-2020 defaults",
  },
} satisfies Catalogue;

/** Commands that read a year's setup (`--setup`). */
const SETUP_COMMANDS: readonly CommandName[] = ["template", "validate", "consolidate"];

const SERVER_COMMANDS: readonly CommandName[] = ["submit", "status", "review", "round", "audit", "report", "token", "setup", "targets"];

/** The usage of one command: synopsis, purpose and, for commands that call the server, its options. */
export function usageOf(command: CommandName): string {
  let text = `${SYNOPSIS[command]}\n  ${bilingual(COMMAND_PURPOSES, command)}\n`;
  if (SETUP_COMMANDS.includes(command)) text += `  --setup <file.xlsx>  ${bilingual(USAGE_TEXTS, "setup")}\n`;
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
