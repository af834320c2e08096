/**
 * `npm run render:sheets -- --out <dir>`: pictures of what a person sees of the generated
 * workbooks, opened in LibreOffice or printed. Writes through the CLI, as a user gets them:
 * 1. `ntm1-template.xlsx`: the NTM-1 template of Thành phố Lạng Sơn (178), 2018;
 * 2. `tong-hop-2018.xlsx`: the `Tổng hợp` workbook of the 2018 demo (the eleven demo district files
 *    consolidated);
 * 3. `ntm2-template-2027.xlsx`: the NTM-2 template (the 10 criteria of the 2026-2030 set) of the
 *    first unit of the 2027 demo setup (cli/demo/setup-2027.ts), written from its setup workbook;
 * then converts every workbook to PDF with LibreOffice headless (`soffice --convert-to pdf`, its own
 * throw-away profile so parallel runs do not clash) and every PDF page to PNG (`pdftoppm -png -r 60`):
 * `<name>.pdf`, `<name>-<page>.png`. Lists words drawn over each other (text running out of its
 * cell onto the next row), exit 1 if any. Needs Debian's `libreoffice-calc-nogui` and `poppler-utils`.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeDemoFiles } from "../cli/demo-data.ts";
import { SETUP_DEMO_YEAR, setup2027, writeSetup2027 } from "../cli/demo/setup-2027.ts";
import { main } from "../cli/main.ts";
import type { Io } from "../cli/output.ts";

export type Workbook = { name: string; xlsx: string };
export type Rendered = Workbook & { pdf: string; pages: number; pngs: string[] };

/** Resolution of the PNGs, dots per inch (an A4 page is about 500 × 700 pixels). */
export const PNG_DPI = 60;

/** The CLI, quietly; its messages come back with the exit code. */
async function ntm(argv: string[]): Promise<{ code: number; output: string }> {
  let output = "";
  const io: Io = {
    stdout: (t) => {
      output += t;
    },
    stderr: (t) => {
      output += t;
    },
    env: {},
  };
  const code = await main(argv, io);
  return { code, output };
}

async function cli(argv: string[]): Promise<void> {
  const { code, output } = await ntm(argv);
  if (code !== 0) throw new Error(`ntm ${argv[0]} failed (exit ${code}):\n${output}`);
}

/** The workbooks to render, written into `dir`. */
export async function writeWorkbooks(dir: string): Promise<Workbook[]> {
  mkdirSync(dir, { recursive: true });
  const out: Workbook[] = [];

  const template = path.join(dir, "ntm1-template.xlsx");
  await cli(["template", "--district", "178", "--year", "2018", "--out", template]);
  out.push({ name: "ntm1-template", xlsx: template });

  const demo = path.join(dir, "demo-2018");
  rmSync(demo, { recursive: true, force: true });
  const files = await writeDemoFiles(demo);
  const report = path.join(dir, "tong-hop-2018.xlsx");
  await cli(["consolidate", ...files.map((f) => f.file), "--out", report]);
  rmSync(demo, { recursive: true, force: true });
  out.push({ name: "tong-hop-2018", xlsx: report });

  const setupDir = path.join(dir, "setup-2027");
  rmSync(setupDir, { recursive: true, force: true });
  mkdirSync(setupDir, { recursive: true });
  const setupFile = await writeSetup2027(setupDir);
  const ntm2 = path.join(dir, "ntm2-template-2027.xlsx");
  const unit = setup2027().units[0]!.code;
  await cli(["template", "--unit", unit, "--year", String(SETUP_DEMO_YEAR), "--setup", setupFile, "--out", ntm2]);
  rmSync(setupDir, { recursive: true, force: true });
  out.push({ name: "ntm2-template-2027", xlsx: ntm2 });

  return out;
}

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 180_000 });
  if (r.error) throw new Error(`${command}: ${r.error.message} (install libreoffice-calc-nogui and poppler-utils)`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Pages of a PDF (`pdfinfo`). */
export function pdfPages(pdf: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(run("pdfinfo", [pdf]));
  if (!m) throw new Error(`pdfinfo ${pdf}: no page count`);
  return Number(m[1]);
}

/** Every workbook to PDF (one LibreOffice run, its own profile) and every page to PNG, beside it. */
export function render(workbooks: readonly Workbook[], dir: string): Rendered[] {
  if (workbooks.length === 0) return [];
  for (const w of workbooks) rmSync(path.join(dir, `${w.name}.pdf`), { force: true });
  const profile = path.join(tmpdir(), `ntm-render-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    run("soffice", [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      ...workbooks.map((w) => w.xlsx),
    ]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return workbooks.map((w) => {
    const pdf = path.join(dir, `${w.name}.pdf`);
    if (!statSync(pdf, { throwIfNoEntry: false })?.size) throw new Error(`soffice wrote no ${pdf}`);
    for (const f of readdirSync(dir)) if (f.startsWith(`${w.name}-`) && f.endsWith(".png")) rmSync(path.join(dir, f));
    run("pdftoppm", ["-png", "-r", String(PNG_DPI), pdf, path.join(dir, w.name)]);
    const page = new RegExp(`^${w.name}-(\\d+)\\.png$`);
    const pngs = readdirSync(dir)
      .map((f) => ({ f, m: page.exec(f) }))
      .filter((x) => x.m !== null)
      .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
      .map((x) => path.join(dir, x.f));
    return { ...w, pdf, pages: pdfPages(pdf), pngs };
  });
}

/** A word drawn on a PDF page and its box, in points from the top left (`pdftotext -bbox`). */
export type Word = { page: number; text: string; x1: number; y1: number; x2: number; y2: number };

const XML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };

/** Every word of a PDF with its page and box. */
export function pdfWords(pdf: string): Word[] {
  const xml = run("pdftotext", ["-bbox", pdf, "-"]);
  const words: Word[] = [];
  let page = 0;
  for (const m of xml.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === "<page ") {
      page++;
      continue;
    }
    const text = m[5]!.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e]!);
    words.push({ page, text, x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]) });
  }
  return words;
}

/**
 * Pairs of words drawn over each other: text that runs out of its cell onto the next row's text.
 * A word's box is taken without the top and bottom quarter of its height (the font's ascent and
 * descent reach into the lines above and below, the glyphs themselves do not).
 */
export function overlappingWords(words: readonly Word[]): [Word, Word][] {
  const core = (w: Word) => {
    const q = (w.y2 - w.y1) / 4;
    return { x1: w.x1 + 0.3, x2: w.x2 - 0.3, y1: w.y1 + q, y2: w.y2 - q };
  };
  const out: [Word, Word][] = [];
  for (let i = 0; i < words.length; i++) {
    const a = core(words[i]!);
    for (let j = i + 1; j < words.length; j++) {
      if (words[j]!.page !== words[i]!.page) continue;
      const b = core(words[j]!);
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push([words[i]!, words[j]!]);
    }
  }
  return out;
}

/** Writes, converts and rasterises everything into `dir`. */
export async function renderSheets(dir: string): Promise<Rendered[]> {
  const out = path.resolve(dir);
  return render(await writeWorkbooks(out), out);
}

function outDir(argv: readonly string[]): string | null {
  const i = argv.indexOf("--out");
  const value = i >= 0 ? argv[i + 1] : undefined;
  return value && !value.startsWith("--") ? value : null;
}

if (import.meta.main) {
  const dir = outDir(process.argv.slice(2));
  if (!dir) {
    process.stderr.write("Cách dùng (usage): npm run render:sheets -- --out <thư mục>\n");
    process.exitCode = 1;
  } else {
    const started = Date.now();
    renderSheets(dir).then(
      (rendered) => {
        let overlaps = 0;
        for (const r of rendered) {
          const pairs = overlappingWords(pdfWords(r.pdf));
          overlaps += pairs.length;
          process.stdout.write(`${r.xlsx}: ${r.pages} trang (pages)\n${r.pngs.map((p) => `  ${p}\n`).join("")}`);
          for (const [a, b] of pairs)
            process.stdout.write(`  chữ chồng lên nhau (overlapping words), trang ${a.page}: "${a.text}" / "${b.text}"\n`);
        }
        process.stderr.write(`render:sheets: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        if (overlaps > 0) process.exitCode = 1;
      },
      (e: unknown) => {
        process.stderr.write(`render:sheets: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
