/**
 * Peak memory of `ntm validate` (issue 12): on the largest workbook the size contract allows
 * (MAX_COMMUNES communes, shared/limits.ts) and on a refused 200,000-row `Tiêu chí`. Each run is a
 * child process on the project's Node; its peak resident set is `process.resourceUsage().maxRSS`,
 * printed by a preloaded module at exit. Figures only.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { fillTemplate } from "../cli/demo/fill-template.ts";
import { writeWorkbookFile } from "../cli/xlsx/write-workbook.ts";
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import { MAX_COMMUNES } from "../shared/limits.ts";
import { gridSubmission } from "./datasets.ts";
import { printRow } from "./measure.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const PRINT_MAX_RSS = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxRSS '+process.resourceUsage().maxRSS+'\\n'))";

type Run = { exit: number | string; seconds: number; maxRssMb: number | null };

function validate(file: string, heapMb: number): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      NODE,
      [`--import=${PRINT_MAX_RSS}`, `--max-old-space-size=${heapMb}`, "cli/main.ts", "validate", file],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const kb = /maxRSS (\d+)/.exec(stderr)?.[1];
        const exit = error ? (error.signal ?? (typeof error.code === "number" ? error.code : -1)) : 0;
        resolve({ exit, seconds: (performance.now() - started) / 1000, maxRssMb: kb ? Number(kb) / 1024 : null });
      },
    );
  });
}

const show = (r: Run) => `${r.maxRssMb === null ? "no figure" : `${r.maxRssMb.toFixed(0)} MB`}`;

export async function benchCliMemory(): Promise<void> {
  console.log("\n## ntm validate: peak memory (maxRSS of the child process)");
  const dir = await mkdtemp(path.join(tmpdir(), "ntm-bench-cli-"));
  try {
    const largest = path.join(dir, "largest-allowed.xlsx");
    const sub = gridSubmission("183", MAX_COMMUNES, 1, 10_000, 2019);
    await writeWorkbookFile(fillTemplate(sub, DEFAULT_REFERENCE), largest);
    const rows = path.join(dir, "rows-200000.xlsx");
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: rows, useSharedStrings: false, useStyles: false });
    const ws = w.addWorksheet("Tiêu chí");
    for (let r = 1; r <= 200_000; r++) ws.addRow([r, `06${String(r % 1000).padStart(3, "0")}`, `Xã ${r}`, "Đạt", "Đạt"]).commit();
    ws.commit();
    await w.commit();

    for (const [label, file] of [
      [`largest allowed: ${MAX_COMMUNES.toLocaleString("en")} communes`, largest],
      ["refused: 200,000 rows on Tiêu chí", rows],
    ] as const) {
      const size = (await stat(file)).size / 1024 / 1024;
      for (const heap of [4096, 1024]) {
        const r = await validate(file, heap);
        printRow(`${label} (${size.toFixed(1)} MB), heap ${heap} MB`, show(r), `exit ${r.exit}, ${r.seconds.toFixed(1)} s`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await benchCliMemory();
