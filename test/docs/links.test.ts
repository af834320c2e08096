import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The project stands alone: its Markdown links resolve inside it, and no file points at a directory
 * beside the checkout or at an absolute path of the machine it was written on.
 */
const root = path.resolve(import.meta.dirname, "../..");

/** Relative link targets of a Markdown text (inline `[t](x)` and reference `[t]: x`), outside code. */
function relativeLinks(markdown: string): string[] {
  const text = markdown.replace(/^\s*```[\s\S]*?^\s*```/gm, "").replace(/`[^`\n]*`/g, "");
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(\s*(?:<([^>\n]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)) targets.push((m[1] ?? m[2])!);
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)) targets.push(m[1]!);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith("#"));
}

/** The links of `markdown` (a file in `dir`) whose file does not exist. */
function brokenLinks(markdown: string, dir: string, exists: (file: string) => boolean = existsSync): string[] {
  return relativeLinks(markdown).filter((t) => {
    const file = decodeURIComponent(t.replace(/[#?].*$/, ""));
    return file === "" ? false : !exists(path.resolve(dir, file));
  });
}

const UP_SHARED = new RegExp(String.raw`(?<![\w./-])((?:\.\./)+)` + "shared" + "/", "g");
const MACHINE_PATH = new RegExp(String.raw`(?<![\w.~:/-])/` + "work" + "/", "g");
const IMPORT_LINE = /^\s*(?:import\b|export\b.*\bfrom\b)|\bimport\(\s*["'`]|\bfrom\s+["'`]/;

/**
 * Where a text (the file `file`, relative to the project root) points outside the project: a path
 * climbing into a `shared` directory beside the checkout (a module import counts only when it climbs
 * above the root; any other such path is read from the root, where scripts and READMEs run), or an
 * absolute path under the machine's `work` directory. `allowed` lists exact paths this file may name.
 */
function outsideReferences(text: string, file: string, allowed: readonly string[] = []): string[] {
  const depth = path.posix.dirname(file) === "." ? 0 : path.posix.dirname(file).split("/").length;
  const found: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(UP_SHARED)) {
      const ups = m[1]!.length / 3;
      const rest = /^[^\s"'`)<>\]]*/.exec(line.slice(m.index! + m[0].length))![0];
      const target = m[0] + rest;
      if (IMPORT_LINE.test(line) && ups <= depth) continue;
      if (allowed.some((a) => target === a || target.startsWith(a + "/"))) continue;
      found.push(`${file}:${i + 1}: ${target}`);
    }
    for (const m of line.matchAll(MACHINE_PATH)) {
      found.push(`${file}:${i + 1}: ${line.slice(m.index!, m.index! + 40).trim()}`);
    }
  });
  return found;
}

/** CI lays Microsoft's manifest schemas beside the checkout and says so in `.ci/run` (and only there). */
const ALLOWED: Record<string, readonly string[]> = {
  ".ci/run": ["../" + "shared/vendor/office-addin-manifest-xsd"],
};

/** Files of the project: tracked, plus new ones not ignored (so the check holds before a commit). */
function projectFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" });
  return [...new Set(out.split("\0"))].filter(
    (f) => f !== "" && !f.startsWith("node_modules/") && path.posix.basename(f) !== "package-lock.json" && existsSync(path.join(root, f)),
  );
}

function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8000).includes(0);
}

describe("relative Markdown links", () => {
  it("finds inline and reference links, skipping URLs, anchors and code", () => {
    const md =
      'See [a](docs/a.md#x), [b](<docs/b c.md> "t"), [web](https://x.org), [top](#top), `[c](no.md)`.\n' +
      "```\n[d](no-either.md)\n```\n[ref]: ../e.md\n";
    expect(relativeLinks(md)).toEqual(["docs/a.md#x", "docs/b c.md", "../e.md"]);
  });

  it("reports a link whose file does not exist", () => {
    const have = new Set([path.resolve("/p/docs/a.md")]);
    expect(brokenLinks("[ok](a.md#part) and [gone](missing.md)", "/p/docs", (f) => have.has(f))).toEqual(["missing.md"]);
  });

  it("README.md and every docs/*.md resolve", () => {
    const files = [
      "README.md",
      ...readdirSync(path.join(root, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    ];
    expect(files).toEqual(
      expect.arrayContaining([
        "docs/README.md",
        "docs/template.md",
        "docs/report.md",
        "docs/domain.md",
        "docs/interfaces.md",
        "docs/admin.md",
        "docs/huong-dan-don-vi.md",
        "docs/huong-dan-van-phong.md",
      ]),
    );
    const broken = files.flatMap((f) =>
      brokenLinks(readFileSync(path.join(root, f), "utf8"), path.dirname(path.join(root, f))).map((t) => `${f}: ${t}`),
    );
    expect(broken).toEqual([]);
  });

  it("every docs/<name>.md that a source comment cites exists", () => {
    const cited = new Set<string>();
    for (const f of projectFiles().filter((f) => /\.(ts|tsx|mjs|sql)$/.test(f) && !f.startsWith("test/docs/"))) {
      for (const m of readFileSync(path.join(root, f), "utf8").matchAll(/\bdocs\/([\w-]+\.md)/g)) cited.add(m[1]!);
    }
    expect(cited.size).toBeGreaterThan(0);
    expect([...cited].filter((name) => !existsSync(path.join(root, "docs", name)))).toEqual([]);
  });
});

describe("nothing points outside the project", () => {
  it("flags a sibling directory and a machine path, not an import that stays inside", () => {
    const up = "../" + "shared/";
    expect(outsideReferences(`The spec is in \`${up}spec/\`.`, "README.md")).toEqual([`README.md:1: ${up}spec/`]);
    expect(outsideReferences(`const x = path.resolve(root, "${up}vendor/a.xsd");`, "test/a.test.ts")).toEqual([
      `test/a.test.ts:1: ${up}vendor/a.xsd`,
    ]);
    expect(outsideReferences(`import { a } from "${up}money.ts";`, "cli/x.ts")).toEqual([]);
    expect(outsideReferences(`import { a } from "../${up}money.ts";`, "cli/commands/x.ts")).toEqual([]);
    expect(outsideReferences(`import { a } from "../${up}money.ts";`, "cli/x.ts")).toEqual([`cli/x.ts:1: ../${up}money.ts`]);
    const machine = "/" + "work/main/docs";
    expect(outsideReferences(`cd ${machine}`, "scripts/a.ts")).toEqual([`scripts/a.ts:1: ${machine}`]);
    expect(outsideReferences("see https://example.org/" + "work/x", "README.md")).toEqual([]);
    expect(outsideReferences(`X=${up}vendor/office-addin-manifest-xsd`, ".ci/run", ALLOWED[".ci/run"])).toEqual([]);
    expect(outsideReferences(`X=${up}spec`, ".ci/run", ALLOWED[".ci/run"])).toEqual([`.ci/run:1: ${up}spec`]);
  });

  it("no project text file does", () => {
    const files = projectFiles();
    expect(files).toContain("README.md");
    const found: string[] = [];
    for (const f of files) {
      const bytes = readFileSync(path.join(root, f));
      if (!isText(bytes)) continue;
      found.push(...outsideReferences(bytes.toString("utf8"), f, ALLOWED[f] ?? []));
    }
    expect(found).toEqual([]);
  });
});
