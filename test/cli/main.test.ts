import { describe, expect, it } from "vitest";
import { main } from "../../cli/main.ts";
import type { Io } from "../../cli/output.ts";
import { COMMAND_NAMES, usageAll, usageOf } from "../../cli/usage.ts";

/** Runs `ntm <argv>` in this process, collecting what it writes. */
async function ntm(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe("ntm help", () => {
  it.each([["help"], ["--help"], ["-h"]])("%s lists every command on stdout, exit 0", async (arg) => {
    const r = await ntm(arg);
    expect(r).toEqual({ code: 0, stdout: usageAll(), stderr: "" });
    for (const c of COMMAND_NAMES) expect(r.stdout).toContain(`ntm ${c} `);
  });

  it.each(COMMAND_NAMES.map((c) => [c]))("help %s, %s --help and %s -h print that command's usage, exit 0", async (command) => {
    for (const argv of [
      ["help", command],
      ["--help", command],
      [command, "--help"],
      [command, "-h"],
    ]) {
      expect(await ntm(...argv)).toEqual({ code: 0, stdout: usageOf(command), stderr: "" });
    }
  });

  it("--help anywhere among the command's arguments, even with bad ones, prints the usage", async () => {
    expect(await ntm("submit", "a.xlsx", "--bogus", "--help")).toEqual({ code: 0, stdout: usageOf("submit"), stderr: "" });
    expect(await ntm("token", "create", "-h")).toEqual({ code: 0, stdout: usageOf("token"), stderr: "" });
  });

  it("after --, --help is a file name passed to the command", async () => {
    const r = await ntm("validate", "--", "--help");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("--help");
    expect(r.stdout).toContain("Không tìm thấy tệp");
  });

  it("help for an unknown command is refused with a suggestion, exit 1", async () => {
    const r = await ntm("help", "sumbit");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(
      'ntm: không có lệnh "sumbit". Có phải ý bạn là "submit"? / unknown command "sumbit". Did you mean "submit"?',
    );
  });
});

describe("ntm <unknown command>", () => {
  it("a near miss gets a suggestion, exit 1, and the usage", async () => {
    const r = await ntm("sumbit", "a.xlsx");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `ntm: không có lệnh "sumbit". Có phải ý bạn là "submit"? / unknown command "sumbit". Did you mean "submit"?\n\n${usageAll()}`,
    );
  });

  it.each([
    ["valdiate", "validate"],
    ["tokens", "token"],
    ["cons", "consolidate"],
    ["rep", "report"],
    ["hlep", "help"],
  ])("%s → did you mean %s", async (typed, meant) => {
    const r = await ntm(typed);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(
      `ntm: không có lệnh "${typed}". Có phải ý bạn là "${meant}"? / unknown command "${typed}". Did you mean "${meant}"?`,
    );
  });

  it("a far word gets no suggestion, exit 1, and the usage", async () => {
    const r = await ntm("frobnicate");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ntm: không có lệnh "frobnicate" / unknown command "frobnicate"\n\n${usageAll()}`);
  });

  it("no command: exit 1 and the usage", async () => {
    const r = await ntm();
    expect(r).toEqual({ code: 1, stdout: "", stderr: `ntm: chưa có lệnh / no command given\n\n${usageAll()}` });
  });

  it("a known command still runs", async () => {
    const r = await ntm("validate");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ntm validate: ");
    expect(r.stderr).toContain(usageOf("validate"));
  });
});
