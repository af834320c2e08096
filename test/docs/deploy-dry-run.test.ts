import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The deploy guide (docs/admin.md) cannot rot: `wrangler deploy --dry-run` bundles the Worker offline,
 * and every `npx wrangler …` line of the guide names a real wrangler command with real flags.
 */
const root = path.resolve(import.meta.dirname, "../..");
const wranglerJs = path.join(root, "node_modules/wrangler/bin/wrangler.js");
const OFFLINE = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", CI: "true" };
const tmp = mkdtempSync(path.join(os.tmpdir(), "ntm-deploy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function wrangler(args: readonly string[]) {
  return spawnSync(process.execPath, [wranglerJs, ...args], { cwd: root, env: OFFLINE, encoding: "utf8", timeout: 120_000 });
}

/** A `wrangler` command line of a guide: the words before the first flag, and the flags' names. */
type WranglerLine = { line: string; words: string[]; flags: string[] };

/** Every `npx wrangler …` (or `wrangler …`) line inside the fenced code blocks of a Markdown text. */
function wranglerLines(markdown: string): WranglerLine[] {
  const out: WranglerLine[] = [];
  let inFence = false;
  for (const raw of markdown.split(/\r?\n/)) {
    if (/^\s*```/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) continue;
    const line = raw.replace(/\s+#.*$/, "").trim();
    const m = /^(?:npx\s+)?wrangler\s+(.*)$/.exec(line);
    if (!m) continue;
    const tokens = m[1]!.split(/\s+/).filter((t) => t.length > 0);
    const firstFlag = tokens.findIndex((t) => t.startsWith("-"));
    const words = firstFlag < 0 ? tokens : tokens.slice(0, firstFlag);
    const flags = tokens.filter((t) => t.startsWith("--")).map((t) => t.replace(/=.*$/, ""));
    out.push({ line, words, flags });
  }
  return out;
}

/**
 * Null when `help` (the output of `wrangler <words> --help`) documents the command of `cmd`: its usage
 * line names exactly the leading words as the command, the remaining words fit its positionals, and
 * every flag is listed. Otherwise the reason. (wrangler answers an unknown subcommand with its
 * parent's help and exit 0, so the exit code alone proves nothing.)
 */
function checkAgainstHelp(cmd: WranglerLine, help: string): string | null {
  const usage =
    help
      .split(/\r?\n/)
      .find((l) => l.trim().length > 0)
      ?.trim() ?? "";
  const tokens = usage.split(/\s+/);
  if (tokens[0] !== "wrangler") return `no usage line: ${usage}`;
  const command = tokens.slice(1).filter((t) => !/^[<[]/.test(t) && !/^\p{Extended_Pictographic}/u.test(t));
  const commandWords = tokens.slice(1).filter((t) => /^[a-z][\w-]*$/.test(t));
  const positionals = tokens.filter((t) => /^[<[]/.test(t)).length;
  if (commandWords.length === 0) return `no command in ${usage}`;
  if (commandWords.join(" ") !== cmd.words.slice(0, commandWords.length).join(" ")) {
    return `"wrangler ${cmd.words.join(" ")}" is not a command (help is for "${usage}")`;
  }
  if (command.length !== commandWords.length) return `unexpected usage line ${usage}`;
  const rest = cmd.words.length - commandWords.length;
  if (rest > 0 && positionals === 0 && /^COMMANDS$/m.test(help)) {
    return `"wrangler ${cmd.words.join(" ")}" is not a command ("${cmd.words[commandWords.length]}" is no subcommand of "wrangler ${commandWords.join(" ")}")`;
  }
  if (rest > positionals) {
    return `"wrangler ${cmd.words.join(" ")}": too many arguments for "${usage}"`;
  }
  for (const flag of cmd.flags) {
    if (!new RegExp(`(^|\\s)${flag.replace(/[-]/g, "\\-")}(\\s|,|$)`, "m").test(help)) return `${flag} is not an option of "${usage}"`;
  }
  return null;
}

function helpOf(words: readonly string[]): { status: number | null; text: string } {
  const r = wrangler([...words, "--help"]);
  return { status: r.status, text: r.stdout + r.stderr };
}

const adminGuide = readFileSync(path.join(root, "docs/admin.md"), "utf8");

describe("docs/admin.md wrangler commands", () => {
  it("reads the commands of fenced blocks only, with their flags", () => {
    const md =
      "npx wrangler not-in-a-block\n```sh\nnpx wrangler d1 migrations apply DB --remote   # comment --nope\n" +
      "npm run build:addin\nnpx wrangler d1 export DB --remote --output=x.sql\n```\n";
    expect(wranglerLines(md)).toEqual([
      { line: "npx wrangler d1 migrations apply DB --remote", words: ["d1", "migrations", "apply", "DB"], flags: ["--remote"] },
      { line: "npx wrangler d1 export DB --remote --output=x.sql", words: ["d1", "export", "DB"], flags: ["--remote", "--output"] },
    ]);
  });

  it("the deploy section names the six steps of a first deployment", () => {
    const section = adminGuide.slice(adminGuide.indexOf("## Deploying to Cloudflare"), adminGuide.indexOf("## The production manifest"));
    expect(wranglerLines(section).map((c) => c.words.slice(0, 3).join(" "))).toEqual(
      expect.arrayContaining(["login", "d1 create ntm", "d1 migrations apply", "secret put ADMIN_TOKEN", "deploy"]),
    );
    expect(section).toContain("npm run build:addin");
    expect(section).toContain("database_id");
  });

  it("a misspelt subcommand or flag is caught against wrangler's real help", () => {
    const typo = wranglerLines("```\nnpx wrangler d1 creat ntm\n```")[0]!;
    const help = helpOf(typo.words);
    expect(help.status).toBe(0); // wrangler shows the parent's help: the exit code alone would pass
    expect(checkAgainstHelp(typo, help.text)).toMatch(/is not a command/);
    const badFlag = wranglerLines("```\nnpx wrangler d1 export DB --remot --output=x.sql\n```")[0]!;
    expect(checkAgainstHelp(badFlag, helpOf(badFlag.words).text)).toMatch(/--remot is not an option/);
    const extra = wranglerLines("```\nnpx wrangler secret put ADMIN_TOKEN OTHER\n```")[0]!;
    expect(checkAgainstHelp(extra, helpOf(extra.words).text)).toMatch(/too many arguments/);
  }, 120_000);

  it("every wrangler command of the guide is a real command with real flags (offline --help)", () => {
    const commands = wranglerLines(adminGuide);
    expect(commands.length).toBeGreaterThanOrEqual(6);
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const cmd of commands) {
      const key = cmd.words.join(" ");
      if (!seen.has(key)) {
        const help = helpOf(cmd.words);
        if (help.status !== 0) problems.push(`wrangler ${key} --help: exit ${help.status}`);
        seen.set(key, help.text);
      }
      const reason = checkAgainstHelp(cmd, seen.get(key)!);
      if (reason) problems.push(`${cmd.line}: ${reason}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("wrangler deploy --dry-run", () => {
  it("bundles the Worker offline with the built task pane", () => {
    expect(existsSync(path.join(root, "dist/addin/index.html"))).toBe(true); // test/global-setup.ts builds it
    const outdir = path.join(tmp, "out");
    const r = wrangler(["deploy", "--dry-run", "--outdir", outdir]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("--dry-run: exiting now.");
    expect(r.stdout).toContain("env.DB (ntm)");
    expect(r.stdout).toMatch(/Read \d+ files from the assets directory/);
    const bundle = readdirSync(outdir).find((f) => f.endsWith(".js"));
    expect(bundle).toBe("index.js");
    const code = readFileSync(path.join(outdir, bundle!), "utf8");
    expect(code).toContain("/api/v1");
    expect(code).toContain("submission.conflict");
  }, 120_000);
});
