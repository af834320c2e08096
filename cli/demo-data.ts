/**
 * `npm run demo:data -- --out <dir>`: writes the eleven filled district workbooks of 2018 (207
 * communes) that consolidate exactly to the Lạng Sơn 2018 plan of docs/domain.md, each typed the way
 * one real district types (cli/demo/typing-variations.ts). Try: `npm run -s ntm -- consolidate <dir>/*.xlsx`.
 * `--year 2027` writes the 2027 `Thiết lập` workbook instead (cli/demo/setup-2027.ts: 61 communes,
 * set 2026-2030, invented codes) and, in `<dir>/2027/`, the 61 filled NTM-2 templates of its units
 * (cli/demo/unit-demo-files.ts): try `npm run -s ntm -- setup validate <dir>/thiet-lap-2027.xlsx`.
 * For 2018 it also writes the yearly cycle's files (cli/demo/cycle-demo-files.ts): `<dir>/2018-chi-tieu/chi-tieu-2018.xlsx`
 * (the seed's targets), `<dir>/2018-ket-qua/` (the eleven 2018 result templates, filled) and `<dir>/2019/`
 * (the eleven 2019 plans carried over from them). Only the eleven 2018 plans are listed on stdout (one
 * path a line, as before); the cycle's files are listed on stderr.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { ReferenceData } from "../shared/reference/index.ts";
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import type { Catalogue } from "../shared/text/catalogue.ts";
import { render } from "../shared/text/catalogue.ts";
import { stripDiacritics } from "../shared/text/match.ts";
import { parseArgs } from "./args.ts";
import { bilingual } from "./output.ts";
import { DEMO_YEAR, buildPlan2018 } from "./demo/plan-2018.ts";
import { fillTemplate } from "./demo/fill-template.ts";
import { SETUP_DEMO_YEAR, setup2027, writeSetup2027 } from "./demo/setup-2027.ts";
import { writeUnitDemoFiles } from "./demo/unit-demo-files.ts";
import { writeCycleDemoFiles } from "./demo/cycle-demo-files.ts";
import { variationOf, varyTyping } from "./demo/typing-variations.ts";
import { writeWorkbookFile } from "./xlsx/write-workbook.ts";

export type DemoFile = { file: string; district: string; communes: number; variation: string };

/** `183-huyen-cao-loc-2018.xlsx` */
function demoFileName(code: string, name: string, year: number): string {
  const slug = stripDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${code}-${slug}-${year}.xlsx`;
}

/** Writes the eleven workbooks into `dir` (created if needed); returns what was written. */
export async function writeDemoFiles(dir: string, reference: ReferenceData = DEFAULT_REFERENCE): Promise<DemoFile[]> {
  await mkdir(dir, { recursive: true });
  const out: DemoFile[] = [];
  for (const sub of buildPlan2018(reference)) {
    const v = variationOf(sub.district);
    const sheets = varyTyping(fillTemplate(sub, reference), sub, reference, v);
    const file = join(dir, demoFileName(sub.district, sub.districtName, DEMO_YEAR));
    await writeWorkbookFile(sheets, file);
    out.push({ file, district: sub.district, communes: sub.communes.length, variation: v.description });
  }
  return out;
}

export const DEMO_TEXTS = {
  usage: { vi: "Cách dùng", en: "usage" },
  district: { vi: "huyện {district}: {communes} xã; {variation}", en: "district {district}: {communes} communes; {variation}" },
  written: {
    vi: "Đã ghi {files} tệp năm {year} ({communes} xã) vào {dir}",
    en: "wrote {files} files of {year} ({communes} communes) to {dir}",
  },
  unitsWritten: {
    vi: "Đã ghi {files} biểu mẫu NTM-2 đã điền của năm {year} ({communes} xã, mỗi xã một đơn vị) vào {dir}",
    en: "wrote {files} filled NTM-2 templates of {year} ({communes} communes, one unit each) to {dir}",
  },
  cycleFile: { vi: "{kind} {year} {district}: {file} ({description})", en: "{kind} {year} {district}: {file} ({description})" },
  cycleWritten: {
    vi: "Đã ghi chỉ tiêu 2018, {results} biểu kết quả thực hiện 2018 và {plans} kế hoạch 2019 (HT lấy từ TH 2018) vào {dir}",
    en: "wrote the 2018 targets, {results} filled 2018 result templates and {plans} 2019 plans (HT from the 2018 TH) to {dir}",
  },
  setupWritten: {
    vi: "Đã ghi tệp Thiết lập năm {year} (61 xã, bộ 2026-2030; mã xã giả định): {file}",
    en: "wrote the {year} setup workbook (61 communes, set 2026-2030; invented codes): {file}",
  },
} satisfies Catalogue;

async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { options: ["out", "year"] });
  const dir = args.ok ? args.value.options.get("out") : undefined;
  const year = args.ok ? (args.value.options.get("year") ?? String(DEMO_YEAR)) : "";
  if (!args.ok || !dir || args.value.positionals.length > 0 || (year !== String(DEMO_YEAR) && year !== String(SETUP_DEMO_YEAR))) {
    process.stderr.write(
      `${args.ok ? "" : `${args.error}\n`}${bilingual(DEMO_TEXTS, "usage")}: npm run demo:data -- [--year ${DEMO_YEAR}|${SETUP_DEMO_YEAR}] --out <thư mục>\n`,
    );
    return 1;
  }
  if (year === String(SETUP_DEMO_YEAR)) {
    await mkdir(dir, { recursive: true });
    const file = await writeSetup2027(dir);
    process.stdout.write(`${file}\n`);
    process.stderr.write(`${bilingual(DEMO_TEXTS, "setupWritten", { year: SETUP_DEMO_YEAR, file })}\n`);
    const units = await writeUnitDemoFiles(join(dir, String(SETUP_DEMO_YEAR)), setup2027());
    for (const u of units) process.stdout.write(`${u.file}\n`);
    const communes = units.reduce((n, u) => n + u.communes, 0);
    process.stderr.write(
      `${bilingual(DEMO_TEXTS, "unitsWritten", { files: units.length, year: SETUP_DEMO_YEAR, communes, dir: join(dir, String(SETUP_DEMO_YEAR)) })}\n`,
    );
    return 0;
  }
  const files = await writeDemoFiles(dir);
  for (const f of files) {
    process.stdout.write(`${f.file}\n`);
    process.stderr.write(
      `  ${render(DEMO_TEXTS, "district", "vi", { district: f.district, communes: f.communes, variation: f.variation })}\n`,
    );
  }
  const communes = files.reduce((s, f) => s + f.communes, 0);
  process.stderr.write(`${bilingual(DEMO_TEXTS, "written", { files: files.length, year: DEMO_YEAR, communes, dir })}\n`);
  const cycle = await writeCycleDemoFiles(dir);
  const kinds = { targets: "chỉ tiêu", result: "kết quả", plan: "kế hoạch" } as const;
  for (const f of cycle) {
    const params = { kind: kinds[f.kind], year: f.year, district: f.district ?? "tỉnh", file: f.file, description: f.description };
    process.stderr.write(`  ${render(DEMO_TEXTS, "cycleFile", "vi", params)}\n`);
  }
  const count = (kind: string) => cycle.filter((f) => f.kind === kind).length;
  process.stderr.write(`${bilingual(DEMO_TEXTS, "cycleWritten", { results: count("result"), plans: count("plan"), dir })}\n`);
  return 0;
}

if (import.meta.main) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`demo:data: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
