import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./fixtures.ts";

function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(ROOT, "node_modules/.bin/node"), [path.join(ROOT, "cli/bin.mjs"), ...args], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe("cli/bin.mjs", () => {
  it("runs cli/main.ts and passes its exit code through", async () => {
    const help = await runBin(["help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("npm run -s ntm -- <command>");
    const bad = await runBin(["validate"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("ntm validate: no file given");
  });
});
