import { describe, expect, it } from "vitest";
import type { Io } from "../../cli/output.ts";
import { COMMAND_NAMES, isCommandName, usageAll, usageError, usageOf } from "../../cli/usage.ts";

describe("usage", () => {
  it("of one command: synopsis, then its purpose in both languages", () => {
    const setupLine =
      "  --setup <file.xlsx>  thiết lập của năm (tệp Thiết lập); không ghi thì dùng thiết lập của máy chủ khi có NTM_TOKEN, hoặc mặc định 2016-2020" +
      " / the year's setup (a Thiết lập workbook); without it the server's setup when NTM_TOKEN is set, else the built-in 2016-2020 defaults\n";
    expect(usageOf("validate")).toBe(
      `ntm validate <file.xlsx>... [--setup <file.xlsx>] [--json]\n  Kiểm tra từng tệp / parses and validates each file\n${setupLine}`,
    );
    expect(usageOf("template")).toBe(
      "ntm template --unit <mã đơn vị> --year <năm> --out <file.xlsx> [--setup <file.xlsx>] [--no-carry-over] [--round result [--plan <file.xlsx>]]\n" +
        "  Tạo biểu mẫu trống của một đơn vị: NTM-1 cho năm mặc định 2016-2020, NTM-2 (xã điền sẵn) theo thiết lập; --round result: biểu kết quả thực hiện (HT, KH lấy từ kế hoạch: --plan hoặc máy chủ); --district là tên cũ của --unit" +
        " / writes a unit's blank template: NTM-1 for the built-in years 2016-2020, NTM-2 (communes pre-filled) from an applied setup; --round result: the result template (HT, KH from the plan: --plan or the server); --district is the older name of --unit\n" +
        setupLine,
    );
    expect(usageOf("consolidate")).toBe(
      "ntm consolidate <file.xlsx>... [--setup <file.xlsx>] [--json] [--out <file.xlsx>]\n" +
        `  Tổng hợp các tệp, không cần máy chủ / consolidates workbooks locally\n${setupLine}`,
    );
  });

  it("of a command that calls the server names --server and --token", () => {
    expect(usageOf("submit")).toBe(
      "ntm submit <file.xlsx>... [--json] [--server <url>] [--token <t>]\n" +
        "  Kiểm tra rồi nộp từng tệp / validates, then submits each file\n" +
        "  --server <url>   máy chủ (biến NTM_SERVER, mặc định http://127.0.0.1:8787) / server (NTM_SERVER, default http://127.0.0.1:8787)\n" +
        "  --token <t>      mã truy cập (nên dùng biến NTM_TOKEN) / token (prefer NTM_TOKEN)\n",
    );
    for (const c of ["report", "token"] as const) expect(usageOf(c)).toContain("--token <t>      mã truy cập");
    for (const c of ["template", "validate", "consolidate"] as const) expect(usageOf(c)).not.toContain("--server");
    expect(usageOf("token")).toContain("ntm token revoke <id> [--json]\n");
  });

  it("of the review workflow's commands: status, review (three forms), round (two), audit, report at a cut; all call the server", () => {
    expect(usageOf("status")).toBe(
      "ntm status --year <năm> [--round plan|result] [--as-of <thời điểm>] [--json]\n" +
        "  Tình trạng nộp của các đơn vị trong một đợt và mức đầy đủ (đơn vị chỉ thấy mình) / each unit's review status in a round and the completeness (a unit sees its own)\n" +
        "  --server <url>   máy chủ (biến NTM_SERVER, mặc định http://127.0.0.1:8787) / server (NTM_SERVER, default http://127.0.0.1:8787)\n" +
        "  --token <t>      mã truy cập (nên dùng biến NTM_TOKEN) / token (prefer NTM_TOKEN)\n",
    );
    expect(usageOf("review").split("\n").slice(0, 3)).toEqual([
      "ntm review return --unit <mã> --year <năm> [--round plan|result] --comment <text> [--cells <file.json>] [--revision <n>] [--json]",
      "ntm review accept --unit <mã> --year <năm> [--round plan|result] [--revision <n>] [--json]",
      "ntm review reopen --unit <mã> --year <năm> [--round plan|result] --reason <text> [--json]",
    ]);
    expect(usageOf("round").split("\n").slice(0, 2)).toEqual([
      "ntm round show --year <năm> [--json]",
      "ntm round deadline --year <năm> --round plan|result --date <YYYY-MM-DD> [--json]",
    ]);
    expect(usageOf("audit").startsWith("ntm audit --year <năm> [--json]\n")).toBe(true);
    expect(usageOf("report").startsWith("ntm report --year <năm> [--round plan|result] [--as-of <thời điểm>] [--accepted] [--json]")).toBe(
      true,
    );
    for (const c of ["status", "review", "round", "audit"] as const) expect(usageOf(c)).toContain("--token <t>      mã truy cập");
  });

  it("of all: a heading, every command in order, and how to get one command's usage", () => {
    const all = usageAll();
    expect(all.startsWith("Cách dùng / usage: npm run -s ntm -- <command>\n\n")).toBe(true);
    expect(all.endsWith("Cách dùng một lệnh / usage of one command: ntm <command> --help\n")).toBe(true);
    const at = COMMAND_NAMES.map((c) => all.indexOf(usageOf(c)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("isCommandName", () => {
    expect(COMMAND_NAMES.every(isCommandName)).toBe(true);
    expect(["help", "Submit", "", "toString", "__proto__"].some(isCommandName)).toBe(false);
  });

  it("usageError: the reason and the command's usage on stderr, exit 1", () => {
    let err = "";
    const io: Io = {
      stdout: () => {
        throw new Error("nothing on stdout");
      },
      stderr: (t) => {
        err += t;
      },
      env: {},
    };
    expect(usageError(io, "report", "--year is required")).toBe(1);
    expect(err).toBe(`ntm report: --year is required\n\n${usageOf("report")}`);
    err = "";
    expect(usageError(io, null, "no")).toBe(1);
    expect(err).toBe(`ntm: no\n\n${usageAll()}`);
  });
});
