import type { Io } from "./output.ts";
import { EXIT_INVALID } from "./output.ts";

const COMMON = "  --server <url>   máy chủ / server (NTM_SERVER, mặc định http://127.0.0.1:8787)\n"
  + "  --token <t>      mã truy cập / token (nên dùng biến NTM_TOKEN / prefer NTM_TOKEN)\n";

export const USAGE: Record<string, string> = {
  template: "ntm template --district <mã huyện> --year <năm> --out <file.xlsx>\n  Tạo biểu mẫu trống / writes a blank standard template\n",
  validate: "ntm validate <file.xlsx>... [--json]\n  Kiểm tra từng tệp / parses and validates each file\n",
  consolidate: "ntm consolidate <file.xlsx>... [--json] [--out <file.xlsx>]\n  Tổng hợp các tệp, không cần máy chủ / consolidates workbooks locally\n",
  submit: "ntm submit <file.xlsx>... [--json] [--server <url>] [--token <t>]\n  Kiểm tra rồi nộp từng tệp / validates, then submits each file\n" + COMMON,
  report: "ntm report --year <năm> [--json] [--out <file.xlsx>] [--server <url>] [--token <t>]\n  Lấy báo cáo tổng hợp / fetches the consolidated report\n" + COMMON,
  token: "ntm token create --role <district|office|admin> [--district <mã>] --label <text> [--json]\n"
    + "ntm token list [--json]\nntm token revoke <id> [--json]\n  Quản lý mã truy cập (admin) / manage tokens\n" + COMMON,
};

export function usageAll(): string {
  return "Cách dùng / usage: npm run -s ntm -- <command>\n\n" + Object.values(USAGE).join("\n");
}

/** Bad arguments: the reason and the command's usage on stderr, exit 1. */
export function usageError(io: Io, command: string | null, reason: string): number {
  io.stderr(`ntm${command ? " " + command : ""}: ${reason}\n\n${command && USAGE[command] ? USAGE[command] : usageAll()}`);
  return EXIT_INVALID;
}
