/**
 * The web page `/nop` (units without the add-in): how much JavaScript it costs and how long a unit
 * waits from choosing a filled .xlsx to its issue list, read and checked in the browser.
 * 1. Sizes, gzip (node:zlib, default level) of the built files: (a) the first paint, what nop.html
 *    references (module script, modulepreloads, CSS) and their static imports; (b) what the browser
 *    had fetched when the first file's issue list appeared, against the 250 KB goal; (c) exceljs's
 *    chunk, fetched on the first download only. The sizes come from a vite build of addin/ with the
 *    real config into a temporary folder (dist/addin is left alone, as bench/addin-size.ts does);
 *    the list of what the browser fetched comes from the running `wrangler dev`, which serves
 *    dist/addin (the same sources, built by `npm run build:addin`): its files are matched to the
 *    temporary build by name, else by chunk name (`check-file-*.js`). The gzip of the bytes as
 *    served is printed beside it when it differs: dist/addin older than the sources, or built by the
 *    tests' global setup under vitest (NODE_ENV=test: React's development build, larger and slower;
 *    the times below are then those of that build).
 * 2. Times in headless Chromium against `wrangler dev`: sign in with a unit token, choose the year,
 *    choose the file (`setInputFiles`) until `[data-testid=check-results]` is attached, for a
 *    30-commune and a 10,000-commune NTM-2 workbook (bench/web-page-data.ts): the first run (cold
 *    chunks) apart, then the median of 3 runs with the page opened again (goto /nop) before each
 *    (chunks in the browser's cache, no state kept). Both the outside time and the page's own `data-checked-ms`;
 *    the time until the preview for the 30-commune file; the Node-side read of the same
 *    10,000-commune file with shared/xlsx/read-xlsx.ts for comparison.
 * Standalone: `npx node bench/web-page.ts` (starts and stops its own `wrangler dev`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { buildIntoTemp, firstPaint } from "./addin-size.ts";
import { readXlsx } from "../shared/xlsx/read-xlsx.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/browser/chromium.ts";
import { startWranglerDev } from "../test/helpers/wrangler-dev.ts";
import type { WranglerDev } from "../test/helpers/wrangler-dev.ts";
import type { Measurement } from "./measure.ts";
import { measureAsync, printRow } from "./measure.ts";
import { ratio } from "./timing.ts";
import type { UnitFile } from "./web-page-data.ts";
import { prepareUnit } from "./web-page-data.ts";

export const WEB_PAGE_GOAL_KB = 250;
/** Timed runs per file after the first (cold) one. */
const RUNS = 3;
/** After the year's setup arrived: React renders the new plan (the page asks 250 ms after the last change). */
const SETTLE_MS = 300;
const SMALL = { unit: "100", communes: 30, year: 2027 };
const LARGE = { unit: "101", communes: 10_000, year: 2028 };

type Built = { file: string; bytes: number; gzip: number };
export type PageSize = {
  files: Map<string, Built>;
  firstPaint: string[];
  /** Files of the chunks holding exceljs. */
  exceljs: string[];
};
/**
 * outside: Node's clock from `setInputFiles` to Playwright seeing the list attached; page: the page's
 * `data-checked-ms` (choice → check done, before the list renders); dom: in the page, the input's
 * `change` → the list in the DOM (the page's figure + rendering); preview: Node's clock to the preview.
 */
type Run = { outside: number; page: number; dom: number; preview: number | null };
type UnitResult = {
  communes: number;
  cold: Run;
  /** Medians of the runs after the cold one. */
  warm: Run;
  errors: number;
  warnings: number;
  /** Issue codes among the rows the table shows (at most 500), most frequent first. */
  codes: [string, number][];
};
export type WebPageResults = {
  firstPaintGzip: number;
  atListGzip: number;
  exceljsGzip: number;
  small: UnitResult;
  large: UnitResult;
  nodeRead: Measurement;
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** `assets/check-file-DrOchbAt.js` → `assets/check-file.js` (rolldown's hash: 8 characters). */
const chunkName = (file: string) => file.replace(/-[\w-]{8}(\.\w+)$/, "$1");

/** The page's build in a temporary folder: every JS/CSS file's size, the first paint of nop.html, exceljs's chunks. */
export async function buildPageSize(): Promise<PageSize> {
  const { outDir, chunks } = await buildIntoTemp("ntm-web-size-");
  try {
    const files = new Map<string, Built>();
    for (const f of fs.readdirSync(path.join(outDir, "assets"))) {
      if (!f.endsWith(".js") && !f.endsWith(".css")) continue;
      const bytes = fs.readFileSync(path.join(outDir, "assets", f));
      files.set(`assets/${f}`, { file: `assets/${f}`, bytes: bytes.length, gzip: gzipSync(bytes).length });
    }
    const html = fs.readFileSync(path.join(outDir, "nop.html"), "utf8");
    const exceljs = [...chunks]
      .filter(([, c]) => Object.keys(c.modules).some((id) => id.includes("node_modules/exceljs/")))
      .map(([f]) => f);
    return { files, firstPaint: firstPaint(html, chunks), exceljs };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** A served file's counterpart in the temporary build: the same name, else the one file of the same chunk name. */
function builtOf(size: PageSize, served: string): Built | null {
  const same = size.files.get(served);
  if (same) return same;
  const byName = [...size.files.values()].filter((b) => chunkName(b.file) === chunkName(served));
  return byName.length === 1 ? byName[0]! : null;
}

const sum = (xs: readonly Built[]) => xs.reduce((s, b) => s + b.gzip, 0);

/** Records, in the page, when the file input changes and when the issue list first appears (once per page load). */
const LIST_WATCH = `document.addEventListener("change", (e) => {
  if (e.target instanceof HTMLInputElement && e.target.type === "file") window.__ntmChangeAt = performance.now();
}, true);
new MutationObserver(() => {
  if (window.__ntmListAt === undefined && document.querySelector("[data-testid=check-results]")) window.__ntmListAt = performance.now();
}).observe(document, { childList: true, subtree: true });`;
type Marks = { __ntmChangeAt?: number; __ntmListAt?: number };

/** `assets/…` JS and CSS the page fetched (resource timing), up to `until` (page time) when given. */
function assetsFetched(page: Page, until: number | null): Promise<string[]> {
  return page.evaluate(
    (end) =>
      performance
        .getEntriesByType("resource")
        .filter((e) => (end === null || (e as PerformanceResourceTiming).responseEnd <= end) && /\/assets\/[^/]+\.(js|css)$/.test(e.name))
        .map((e) => new URL(e.name).pathname.slice(1)),
    until,
  );
}

async function chooseYear(page: Page, year: number): Promise<void> {
  const loaded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/setup/${year}`) && r.request().method() === "GET");
  await page.getByTestId("year-input").fill(String(year));
  const r = await loaded;
  if (r.status() !== 200) throw new Error(`GET /setup/${year} answered ${r.status()} to the page`);
  await page.getByTestId("template-download").waitFor();
  if (!(await page.getByTestId("template-download").isEnabled())) throw new Error("the template button stays disabled");
  await page.waitForTimeout(SETTLE_MS);
}

/**
 * Signed in with the unit's year loaded: the token form the first time; after a new load the page
 * signs in again with the token this browser kept (the form shows, busy, meanwhile).
 */
async function ready(page: Page, u: UnitFile, first: boolean): Promise<void> {
  if (first) {
    await page.getByTestId("token-input").fill(u.token);
    await page.getByTestId("sign-in").click();
  }
  await page.getByTestId("who").waitFor({ timeout: 60_000 });
  await chooseYear(page, u.year);
}

/**
 * Opens (or reopens) `/nop`, again after a pause when it fails: the tests' global setup rebuilds
 * dist/addin (emptying it first), and `wrangler dev` answers 404 meanwhile.
 */
async function open(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await page.goto(`${url}/nop`);
      if (r?.ok()) return;
      if (attempt >= 5) throw new Error(`GET /nop answered ${r?.status()}`);
    } catch (e) {
      if (attempt >= 5) throw e;
    }
    await page.waitForTimeout(2000);
  }
}

type Counted = { errors: number; warnings: number; codes: [string, number][] };

/** The summary's counts (Vietnamese texts: "N lỗi, M cảnh báo…", "M cảnh báo…", "Không có lỗi…"). */
async function counts(page: Page): Promise<Counted> {
  const results = page.getByTestId("check-results");
  if ((await results.getByTestId("file-refused").count()) > 0)
    throw new Error(`the page refused the file: ${await results.getByTestId("file-refused").textContent()}`);
  const text = (await results.getByTestId("issues-summary").textContent()) ?? "";
  const digits = (s: string | undefined) => Number((s ?? "0").replace(/\D/g, ""));
  const both = /^\s*([\d.,\s]+) lỗi, ([\d.,\s]+) cảnh báo/.exec(text);
  const warningsOnly = /^\s*([\d.,\s]+) cảnh báo/.exec(text);
  const errors = both ? digits(both[1]) : 0;
  const warnings = both ? digits(both[2]) : warningsOnly ? digits(warningsOnly[1]) : 0;
  const rows = await page
    .locator("[data-testid=issue-table] tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code") ?? ""));
  const byCode = new Map<string, number>();
  for (const c of rows) byCode.set(c, (byCode.get(c) ?? 0) + 1);
  return { errors, warnings, codes: [...byCode].sort((a, b) => b[1] - a[1]) };
}

/** One choice of the file: outside time to the list, the page's own figure, the preview's time (when wanted and possible). */
async function chooseFile(page: Page, u: UnitFile, withPreview: boolean): Promise<Run & Counted> {
  const results = page.getByTestId("check-results");
  const t0 = performance.now();
  // The preview, or the page's error notice when it cannot be made (its text is kept as the reason).
  const failed = page.locator("section[aria-labelledby=file-title] [data-testid=error]");
  const previewAt: Promise<number | string> = withPreview
    ? page
        .getByTestId("preview")
        .or(failed)
        .first()
        .waitFor({ timeout: 60_000 })
        .then(async () => {
          const at = performance.now() - t0;
          if (await page.getByTestId("preview").isVisible()) return at;
          return `no preview: ${(await failed.first().textContent()) ?? ""}`;
        })
        .catch((e: Error) => `no preview: ${e.message.split("\n")[0]}`)
    : Promise.resolve("not asked");
  const listed = results.waitFor({ state: "attached", timeout: 300_000 }).then(() => performance.now() - t0);
  listed.catch(() => {}); // awaited below; never an unhandled rejection when setInputFiles fails first
  await page.getByTestId("file-input").setInputFiles(u.file);
  const outside = await listed;
  const own = Number(await results.getAttribute("data-checked-ms"));
  const marks = await page.evaluate(() => {
    const g = globalThis as Marks;
    return { change: g.__ntmChangeAt ?? null, list: g.__ntmListAt ?? null };
  });
  if (marks.change === null || marks.list === null) throw new Error("the page's marks of the change and the list are missing");
  const counted = await counts(page);
  const shown = counted.errors === 0 ? await previewAt : "errors: no preview";
  if (typeof shown === "string" && withPreview && counted.errors === 0) console.log(`  (${u.communes} communes) ${shown}`);
  return { outside, page: own, dom: marks.list - marks.change, preview: typeof shown === "number" ? shown : null, ...counted };
}

const runLine = (r: Run) =>
  `${ms(r.outside)} outside, page ${ms(r.page)}, change → DOM ${ms(r.dom)}${r.preview === null ? "" : `, preview ${ms(r.preview)}`}`;

/** A fresh browser context for the unit: the cold run, then RUNS runs each with the page opened again. */
async function benchUnit(
  browser: Browser,
  server: WranglerDev,
  u: UnitFile,
  onCold: (page: Page, fetchedAtList: string[]) => Promise<void>,
  after: ((page: Page) => Promise<void>) | null,
): Promise<UnitResult> {
  const context = await browser.newContext({ locale: "vi-VN" });
  const errors: string[] = [];
  try {
    await context.addInitScript({ content: LIST_WATCH });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await open(page, server.url);
    await ready(page, u, true);
    const cold = await chooseFile(page, u, true);
    const listAt = await page.evaluate(() => (globalThis as Marks).__ntmListAt ?? null);
    if (listAt === null) throw new Error("the issue list was not seen by the page's observer");
    await onCold(page, await assetsFetched(page, listAt));
    const warm: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      await open(page, server.url);
      await ready(page, u, false);
      const r = await chooseFile(page, u, true);
      if (r.errors !== cold.errors || r.warnings !== cold.warnings) throw new Error("the same file gave other issues on another run");
      warm.push(r);
    }
    if (after) await after(page);
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join("; ")}`);
    const previews = warm.map((r) => r.preview).filter((p): p is number => p !== null);
    const label = `${u.communes.toLocaleString("en")} communes`;
    printRow(`${label}: cold run (chunks fetched)`, ms(cold.outside), runLine(cold));
    for (const [i, r] of warm.entries()) printRow(`${label}: run ${i + 1}, page opened again`, ms(r.outside), runLine(r));
    return {
      communes: u.communes,
      cold: { outside: cold.outside, page: cold.page, dom: cold.dom, preview: cold.preview },
      warm: {
        outside: median(warm.map((r) => r.outside)),
        page: median(warm.map((r) => r.page)),
        dom: median(warm.map((r) => r.dom)),
        preview: previews.length === warm.length ? median(previews) : null,
      },
      errors: cold.errors,
      warnings: cold.warnings,
      codes: cold.codes,
    };
  } finally {
    await context.close();
  }
}

export async function benchWebPage(server: WranglerDev): Promise<WebPageResults> {
  console.log("\n## Web page /nop: JavaScript (gzip) and time from the file's choice to its issue list, headless Chromium");
  const size = await buildPageSize();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-web-page-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const small = await prepareUnit(server, dir, SMALL.unit, SMALL.communes, SMALL.year);
    const large = await prepareUnit(server, dir, LARGE.unit, LARGE.communes, LARGE.year);
    console.log(
      `  files: unit ${small.unit} (${small.year}), ${small.communes} communes, ${kb(small.bytes.byteLength)}; ` +
        `unit ${large.unit} (${large.year}), ${large.communes.toLocaleString("en")} communes, ${kb(large.bytes.byteLength)} (.xlsx, CLI writer)`,
    );

    // 1. sizes
    const firstPaint = size.firstPaint.map((f) => size.files.get(f)).filter((b): b is Built => b !== undefined);
    const firstPaintGzip = sum(firstPaint);
    const css = sum(firstPaint.filter((b) => b.file.endsWith(".css")));
    printRow(
      "(a) first paint: nop.html's script, preloads, CSS + imports",
      kb(firstPaintGzip),
      `${firstPaint.length} files (JS ${kb(firstPaintGzip - css)}, CSS ${kb(css)})`,
    );
    const excel = size.exceljs.map((f) => size.files.get(f)).filter((b): b is Built => b !== undefined);
    const exceljsGzip = sum(excel);
    printRow(
      "(c) exceljs chunk (fetched on the first download only)",
      kb(exceljsGzip),
      `raw ${kb(excel.reduce((s, b) => s + b.bytes, 0))}; ${excel.map((b) => b.file).join(", ")}`,
    );
    if (excel.some((b) => firstPaint.includes(b))) throw new Error("exceljs is part of the first paint");
    let atListGzip = 0;
    const small$ = await benchUnit(
      browser,
      server,
      small,
      async (page, list) => {
        const fetched = [...new Set(list)];
        const matched = fetched.map((f) => ({ f, b: builtOf(size, f) }));
        const missing = matched.filter((m) => m.b === null).map((m) => m.f);
        const atList = matched.flatMap((m) => (m.b ? [m.b] : []));
        atListGzip = sum(atList);
        printRow(
          "(b) fetched by the 1st file's issue list (30 communes)",
          kb(atListGzip),
          `${(atListGzip / (WEB_PAGE_GOAL_KB * 1024)).toFixed(2)}× the ${WEB_PAGE_GOAL_KB} KB goal; ${fetched.length} files` +
            (missing.length > 0 ? `; not in the temp build: ${missing.join(", ")}` : ""),
        );
        let servedGzip = 0;
        for (const f of fetched) servedGzip += gzipSync(await (await page.request.get(`${server.url}/${f}`)).body()).length;
        if (Math.abs(servedGzip - atListGzip) > 64)
          printRow(
            "    the same files as served from dist/addin, gzip",
            kb(servedGzip),
            "dist/addin is not this build (older, or NODE_ENV=test: React's development build)",
          );
        for (const b of [...atList].sort((x, y) => y.gzip - x.gzip))
          printRow(`    ${size.firstPaint.includes(b.file) ? "*" : " "} ${b.file}`, kb(b.gzip), `raw ${kb(b.bytes)}`);
        if (excel.some((b) => atList.includes(b))) throw new Error("exceljs was fetched before the first download");
      },
      async (page) => {
        // (c) checked: the first download (the blank template) fetches exceljs, nothing before it did.
        const before = new Set(await assetsFetched(page, null));
        await page.getByTestId("template-download").click();
        await page.getByTestId("template-done").waitFor({ timeout: 120_000 });
        const added = (await assetsFetched(page, null)).filter((f) => !before.has(f));
        const got = added.filter((f) => size.exceljs.some((e) => chunkName(e) === chunkName(f)));
        const addedGzip = added.map((f) => builtOf(size, f)?.gzip ?? 0).reduce((a, b) => a + b, 0);
        printRow(
          "  the first download (blank template) then fetched",
          kb(addedGzip),
          `${added.length} files: ${added.map((f) => chunkName(f).slice(7)).join(", ")}${got.length === 0 ? " (exceljs NOT among them)" : ""}`,
        );
      },
    );

    // 2. times
    const large$ = await benchUnit(browser, server, large, async () => {}, null);
    if (small$.errors !== 0)
      throw new Error(`the 30-commune file shows ${small$.errors} errors: ${JSON.stringify(small$.codes.slice(0, 5))}`);
    if (small$.warm.preview === null || small$.cold.preview === null) throw new Error("the 30-commune file never reached the preview");
    const codes = (r: UnitResult) => r.codes.map(([c, n]) => `${c} ×${n}`).join(", ") || "none";
    console.log(`  medians of ${RUNS} runs, the page opened again before each (chunks in the browser's cache, no state kept):`);
    for (const r of [small$, large$]) {
      const label = `${r.communes.toLocaleString("en")} communes`;
      printRow(`${label}: choice → issue list, outside`, ms(r.warm.outside), `cold first run ${ms(r.cold.outside)}`);
      printRow(`${label}: the page's data-checked-ms`, ms(r.warm.page), `cold first run ${ms(r.cold.page)}`);
      printRow(`${label}: in the page, change → list in the DOM`, ms(r.warm.dom), `cold first run ${ms(r.cold.dom)}`);
      printRow(`${label}: the list shows`, `${r.errors} errors`, `${r.warnings.toLocaleString("en")} warnings; table rows: ${codes(r)}`);
    }
    printRow(
      "30 communes: choice → preview",
      ms(small$.warm.preview),
      `cold first run ${ms(small$.cold.preview)}` + (large$.warm.preview === null ? "" : `; 10,000: ${ms(large$.warm.preview)}`),
    );
    printRow("10,000 / 30 communes, outside", ratio(large$.warm.outside, small$.warm.outside), "");
    printRow("10,000 / 30 communes, data-checked-ms", ratio(large$.warm.page, small$.warm.page), "");
    printRow("10,000 / 30 communes, change → list in the DOM", ratio(large$.warm.dom, small$.warm.dom), "");
    const nodeRead = await measureAsync(
      "Node: readXlsx of the same 10,000-commune file",
      async () => {
        const r = await readXlsx(large.bytes, { file: path.basename(large.file), fonts: true });
        if (!r.ok) throw new Error(`readXlsx: ${r.issues[0]?.code}`);
      },
      RUNS,
      1,
    );
    printRow("  page's data-checked-ms (read + check) / Node read", ratio(large$.warm.page, nodeRead.median), "");
    return { firstPaintGzip, atListGzip, exceljsGzip, small: small$, large: large$, nodeRead };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const dev = await startWranglerDev();
  try {
    await benchWebPage(dev);
  } finally {
    await dev.stop();
  }
}
