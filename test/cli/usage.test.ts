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
      "ntm template --unit <mã đơn vị> --year <năm> --out <file.xlsx> [--setup <file.xlsx>]\n" +
        "  Tạo biểu mẫu trống của một đơn vị: NTM-1 cho năm mặc định 2016-2020, NTM-2 (xã điền sẵn) theo thiết lập; --district là tên cũ của --unit" +
        " / writes a unit's blank template: NTM-1 for the built-in years 2016-2020, NTM-2 (communes pre-filled) from an applied setup; --district is the older name of --unit\n" +
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
