/**
 * The web page `/nop` (issue 11) in headless chromium against a real `wrangler dev` (local D1): a
 * 2018 district signs in, downloads its blank template (the CLI's, cell for cell), chooses a bad
 * file (the issues the CLI finds, at the same cells), the good one (preview figures as the parser
 * computes them), sends it (receipt, stored), a TCVN3 file converted on the page and sent, files
 * that are not .xlsx or too large refused in the browser (no request), the office's return comments,
 * then the office's status board, report and `Tổng hợp` download, and the English switch.
 * Screenshots: test-artifacts/screenshots/web-*.png.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateCommand } from "../../cli/commands/template.ts";
import { writeDemoFiles } from "../../cli/demo-data.ts";
import { loadWorkbook } from "../../cli/load-workbook.ts";
import { readWorkbookBuffer, readWorkbookFile } from "../../cli/xlsx/read-workbook.ts";
import { summarizeSubmission } from "../../addin/model/submission-summary.ts";
import { formatMoney } from "../../addin/i18n/format.ts";
import type { Issue } from "../../shared/result.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import { detectLegacyEncoding } from "../../shared/text/legacy-encoding.ts";
import { LEGACY_ROWS, TCVN3_CAPITALS } from "../../shared/text/legacy-tables.ts";
import { renderBoth } from "../../shared/text/catalogue.ts";
import { READ_TEXTS } from "../../shared/xlsx/read-texts.ts";
import { zip } from "../shared/xlsx/zip-writer.ts";
import { startWranglerDev } from "../helpers/wrangler-dev.ts";
import type { WranglerDev } from "../helpers/wrangler-dev.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.ts";
import { SHOTS } from "./pane-harness.ts";

const YEAR = 2018;
const UNIT = "183";
const STEP = 120_000;

let dev: WranglerDev;
let browser: Browser;
let tmp: string;
let unitToken = "";
let officeToken = "";
/** The demo workbook of 183 and what the CLI reads of it. */
let goodFile = "";
/** The second district, whose file comes in TCVN3. */
const LEGACY_UNIT = "180";
let legacyToken = "";
let legacySource = "";

async function api<T>(method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const r = await fetch(`${dev.url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as T };
}

async function token(body: Record<string, string>): Promise<string> {
  const r = await api<{ token: string }>("POST", "/tokens", dev.adminToken, body);
  expect(r.status).toBe(201);
  return r.body.token;
}

type Opened = { context: BrowserContext; page: Page; errors: string[]; posts: string[] };

/** The page in a new context (its own storage), signed in with `tok`, on the year. */
async function open(tok: string, lang: "vi-VN" | "en-US" = "vi-VN"): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: lang, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const posts: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  page.on("request", (r) => {
    if (r.method() !== "GET") posts.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(`${dev.url}/nop`);
  await page.getByTestId("token-input").fill(tok);
  await page.getByTestId("sign-in").click();
  await page.getByTestId("who").waitFor();
  await page.getByTestId("year-input").fill(String(YEAR));
  // The year's setup loads after the year settles (hooks/use-setup-flow.ts); the file input waits for it.
  if ((await page.getByTestId("web-app").getAttribute("data-role")) === "unit")
    await page.locator("[data-testid=drop-zone][data-ready=true]").waitFor();
  await page.waitForLoadState("networkidle");
  return { context, page, errors, posts };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Chooses a file and waits for the check's result (issues, or the refusal). */
async function choose(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("check-results").waitFor();
}

/** The issue table's rows as `sheet|cell|commune|message`. */
async function tableRows(page: Page): Promise<string[]> {
  return page
    .getByTestId("issue-table")
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((r) => {
        const td = [...r.querySelectorAll("td")].map((c) => c.textContent ?? "");
        return `${td[1]}|${td[2]}|${td[3]}|${td[4]}`;
      }),
    );
}

const row = (i: Issue, en = false) => `${i.sheet ?? ""}|${i.cell ?? ""}|${i.commune ?? ""}|${en ? i.messageEn : i.message}`;

/** Unicode → TCVN3 as an old .VnTime file has it (lower case and the 7 capitals of the font; other capitals stay ASCII). */
function toTcvn3(text: string): string | null {
  const map = new Map<string, string>([...LEGACY_ROWS.map(([u, t]) => [u, t] as const), ...TCVN3_CAPITALS]);
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (/[A-Za-z0-9 ]/.test(ch)) out += ch;
    else {
      const t = map.get(ch);
      if (t === undefined) return null;
      out += t;
    }
  }
  return out;
}

/** A copy of the demo file with `edit` applied to the exceljs workbook. */
async function edited(name: string, edit: (wb: ExcelJS.Workbook) => void, from = goodFile): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  edit(wb);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function submissionsOf183(): Promise<{ status: number; body: { submissions: { revision: number; id: string }[] } }> {
  return api("GET", `/submissions?year=${YEAR}&unit=${UNIT}`, officeToken);
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-web-"));
  const demo = await writeDemoFiles(tmp);
  goodFile = demo.find((d) => d.district === UNIT)!.file;
  legacySource = demo.find((d) => d.district === LEGACY_UNIT)!.file;
  dev = await startWranglerDev();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  unitToken = await token({ role: "unit", unit: UNIT, label: "Huyện Cao Lộc (web)" });
  officeToken = await token({ role: "office", label: "Văn phòng điều phối (web)" });
  legacyToken = await token({ role: "unit", unit: LEGACY_UNIT, label: "Huyện Tràng Định (web)" });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the web page /nop for a unit without the add-in", () => {
  it(
    "signs in with the unit's token (kept as the task pane keeps it) and downloads the CLI's template",
    async () => {
      // The page that holds a token runs only this origin's scripts and cannot be framed.
      const head = await fetch(`${dev.url}/nop`);
      expect(head.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(head.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(head.headers.get("x-content-type-options")).toBe("nosniff");
      const { page, errors, context } = await open(unitToken);
      expect(await page.getByTestId("who").innerText()).toContain("Đơn vị 183 — Huyện Cao Lộc");
      // The token is kept in this browser's storage under the pane's settings key, never in a cookie.
      const kept = await page.evaluate(() => localStorage.getItem("ntm.settings.v1"));
      expect(JSON.parse(kept ?? "{}")).toEqual({ server: "", token: unitToken });
      expect(await context.cookies()).toEqual([]);

      const download = page.waitForEvent("download");
      await page.getByTestId("template-download").click();
      const d = await download;
      expect(d.suggestedFilename()).toBe("bieu-mau-183-2018.xlsx");
      const got = path.join(tmp, "downloaded.xlsx");
      await d.saveAs(got);
      const cliFile = path.join(tmp, "cli-template.xlsx");
      const io = { stdout: () => {}, stderr: () => {}, env: {} };
      expect(await templateCommand(["--unit", UNIT, "--year", String(YEAR), "--out", cliFile], io as never)).toBe(0);
      const fromPage = await readWorkbookFile(got, { fonts: true });
      const fromCli = await readWorkbookFile(cliFile, { fonts: true });
      expect(fromPage.ok && fromCli.ok).toBe(true);
      if (fromPage.ok && fromCli.ok) expect(fromPage.value).toEqual(fromCli.value);
      await page.getByTestId("template-done").waitFor();
      await shot(page, "web-unit-signed-in");
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "lists a bad file's issues at the CLI's cells with the CLI's messages, and sends nothing",
    async () => {
      const read = await readWorkbookFile(goodFile);
      if (!read.ok) throw new Error("demo file unreadable");
      const good = await loadWorkbook(goodFile);
      const firstCode = good.submission!.communes[0]!.code;
      const bad = await edited("183-bad.xlsx", (wb) => {
        wb.getWorksheet("Tiêu chí")!.eachRow((r) =>
          r.eachCell((c) => {
            if (c.value === firstCode) c.value = "06X99";
          }),
        );
        let negative = false;
        wb.getWorksheet("Nguồn vốn")!.eachRow((r) =>
          r.eachCell((c) => {
            if (!negative && typeof c.value === "number" && c.value > 0 && Number(c.col) > 2) {
              c.value = -5;
              negative = true;
            }
          }),
        );
      });
      const cli = await loadWorkbook(bad);
      expect(cli.ok).toBe(false);
      const { page, errors, posts, context } = await open(unitToken);
      await choose(page, bad);
      const errorsShown = cli.issues.filter((i) => i.severity === "error").length;
      expect(await page.getByTestId("issues-summary").innerText()).toContain(`${errorsShown} lỗi`);
      expect((await tableRows(page)).sort()).toEqual(cli.issues.map((i) => row(i)).sort());
      expect(await page.getByTestId("send").count()).toBe(0);
      await shot(page, "web-unit-issues");
      expect(posts).toEqual([]);
      expect((await submissionsOf183()).body.submissions).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "previews the good file with the parser's figures, sends it with progress, and shows the receipt and status",
    async () => {
      const good = await loadWorkbook(goodFile);
      const summary = summarizeSubmission(good.submission!, DEFAULT_REFERENCE.criteria.criteria.length);
      const { page, errors, posts, context } = await open(unitToken);
      await choose(page, goodFile);
      await page.getByTestId("preview").waitFor();
      expect(await page.getByTestId("preview-unit").innerText()).toBe("183 — Huyện Cao Lộc");
      expect(await page.getByTestId("preview-communes").innerText()).toBe(String(summary.communes));
      expect(await page.getByTestId("preview-ntm").innerText()).toBe(String(summary.ntmPlan));
      expect(await page.getByTestId("preview-capital").innerText()).toBe(formatMoney("vi", summary.capitalThousand));
      expect(await page.getByTestId("preview-diff").innerText()).toBe("Đây là lần nộp đầu tiên của năm.");
      expect(await tableRows(page)).toEqual(good.issues.map((i) => row(i)));
      await page.getByTestId("send").click();
      await page.getByTestId("receipt").waitFor();
      expect(await page.getByTestId("send-steps").locator("li[data-state=done]").count()).toBe(4);
      expect(await page.getByTestId("receipt-line").innerText()).toBe("Đã lưu lần nộp 1 của đơn vị 183, năm 2018.");
      const stored = await submissionsOf183();
      expect(stored.body.submissions.map((s) => s.revision)).toEqual([1]);
      expect(await page.getByTestId("receipt-id").innerText()).toBe(stored.body.submissions[0]!.id);
      await page.getByTestId("unit-status").filter({ hasText: "Đã nộp" }).waitFor();
      await shot(page, "web-unit-receipt");
      expect(posts).toEqual(["POST /api/v1/submissions"]);

      // The same file again: identical to revision 1, the server deduplicates it.
      await choose(page, goodFile);
      await page.getByTestId("preview").waitFor();
      expect(await page.getByTestId("preview-diff").innerText()).toBe("Giống hệt lần nộp 1.");
      await page.getByTestId("send").click();
      await page.getByTestId("receipt").waitFor();
      expect(await page.getByTestId("receipt-line").innerText()).toContain("Không thay đổi: trùng lần nộp 1");
      expect((await submissionsOf183()).body.submissions.map((s) => s.revision)).toEqual([1]);
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "converts a TCVN3 file on the page after showing every cell, then sends it and the server stores Unicode",
    async () => {
      const good = await loadWorkbook(legacySource);
      const names = new Map<string, string>();
      for (const c of good.submission!.communes) {
        const legacy = toTcvn3(c.name);
        if (legacy !== null && legacy !== c.name) names.set(c.name, legacy);
      }
      expect(names.size).toBeGreaterThanOrEqual(5);
      const legacyFile = await edited(
        "180-tcvn3.xlsx",
        (wb) => {
          wb.getWorksheet("Tiêu chí")!.eachRow((r) =>
            r.eachCell((c) => {
              const legacy = typeof c.value === "string" ? names.get(c.value) : undefined;
              if (legacy) {
                c.value = legacy;
                c.font = { name: ".VnTime", size: 12 };
              }
            }),
          );
        },
        legacySource,
      );
      // The parser (no fonts) catches most; the page also converts those only the `.VnTime` font tells (`Quèc Pha`).
      const cli = await loadWorkbook(legacyFile);
      const caught = cli.issues.filter((i) => i.code === "text.legacy_encoding").length;
      expect(caught).toBe([...names.values()].filter((l) => detectLegacyEncoding(l) !== null).length);
      expect(caught).toBeLessThan(names.size);

      const { page, errors, context } = await open(legacyToken);
      await choose(page, legacyFile);
      await page.getByTestId("legacy-offer").waitFor();
      expect(await page.getByTestId("send").count()).toBe(0);
      const changes = await page
        .getByTestId("legacy-change")
        .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent ?? "")));
      const expected = new Map([...names].map(([u, l]) => [l, u]));
      expect(changes.map(([, , before, after, enc]) => [before, after, enc]).sort()).toEqual(
        [...expected].map(([l, u]) => [l, u, "TCVN3"]).sort(),
      );
      await shot(page, "web-unit-legacy");
      await page.getByTestId("legacy-confirm").click();
      await page.getByTestId("legacy-done").waitFor();
      // The unit's file with the same cells converted, as `ntm convert` writes it: nothing legacy left.
      const download = page.waitForEvent("download");
      await page.getByTestId("legacy-download").click();
      const d = await download;
      expect(d.suggestedFilename()).toBe("180-tcvn3-unicode.xlsx");
      const convertedFile = path.join(tmp, d.suggestedFilename());
      await d.saveAs(convertedFile);
      const reread = await loadWorkbook(convertedFile);
      expect(reread.ok).toBe(true);
      expect(reread.submission!.communes.map((c) => c.name)).toEqual(good.submission!.communes.map((c) => c.name));
      const fonts = await readWorkbookFile(convertedFile, { fonts: true });
      const criteria = fonts.ok ? fonts.value.find((x) => x.name === "Tiêu chí")! : null;
      const fontsOfNames = new Set<string | null>();
      for (const [i, r] of (criteria?.values ?? []).entries())
        for (const [j, v] of r.entries()) if (typeof v === "string" && names.has(v)) fontsOfNames.add(criteria!.fonts![i]![j]!);
      expect([...fontsOfNames]).toEqual(["Times New Roman"]);
      await page.getByTestId("preview").waitFor();
      expect((await tableRows(page)).filter((r) => r.includes("TCVN3"))).toEqual([]);
      expect(await page.getByTestId("preview-diff").innerText()).toBe("Đây là lần nộp đầu tiên của năm.");
      await page.getByTestId("send").click();
      await page.getByTestId("receipt").waitFor();
      expect(await page.getByTestId("receipt-line").innerText()).toBe("Đã lưu lần nộp 1 của đơn vị 180, năm 2018.");
      const id = await page.getByTestId("receipt-id").innerText();
      const stored = await api<{ submission: { communes: { name: string }[] } }>("GET", `/submissions/${id}`, officeToken);
      expect(stored.body.submission.communes.map((c) => c.name)).toEqual(good.submission!.communes.map((c) => c.name));
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "refuses .xls, .ods, other files and a file over the limit in the browser, with the CLI's messages, sending nothing",
    async () => {
      const { page, errors, posts, context } = await open(unitToken);
      const cases: { name: string; buffer: Buffer; code: keyof typeof READ_TEXTS }[] = [
        {
          name: "bieu-mau.xls",
          buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
          code: "workbook.legacy_format",
        },
        {
          name: "bieu-mau.ods",
          buffer: Buffer.from(
            zip([
              { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true },
              { name: "content.xml", data: "<office:document-content/>" },
            ]),
          ),
          code: "workbook.ods",
        },
        { name: "bieu-mau.pdf", buffer: Buffer.from("%PDF-1.4\n"), code: "workbook.not_xlsx" },
      ];
      for (const c of cases) {
        await choose(page, { name: c.name, mimeType: "application/octet-stream", buffer: c.buffer });
        const text = await page.getByTestId("file-refused").innerText();
        expect(text).toContain("Không đọc được tệp này. Chưa gửi gì.");
        expect(text).toContain(renderBoth(READ_TEXTS, c.code, {}).vi);
      }
      await shot(page, "web-unit-refused");
      const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
      big.write("PK\u0003\u0004");
      await choose(page, {
        name: "qua-lon.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: big,
      });
      expect(await page.getByTestId("file-refused").innerText()).toContain(
        renderBoth(READ_TEXTS, "workbook.too_large", { file: "qua-lon.xlsx", size: 21, limit: 20 }).vi,
      );
      expect(posts).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "shows the office's return with its cell comments on the unit's page",
    async () => {
      const returned = await api("POST", "/reviews", officeToken, {
        unit: UNIT,
        year: YEAR,
        round: "plan",
        action: "return",
        revision: 1,
        comment: "Xem lại vốn lồng ghép",
        cells: [{ sheet: "Nguồn vốn", cell: "C8", text: "Số liệu lệch với nghị quyết HĐND" }],
      });
      expect(returned.status).toBe(201);
      const { page, errors, context } = await open(unitToken);
      await page.getByTestId("unit-returned").waitFor();
      expect(await page.getByTestId("review-comment-text").innerText()).toContain("Xem lại vốn lồng ghép");
      expect(await page.getByTestId("review-cells").locator("tbody tr").innerText()).toBe(
        "Nguồn vốn\tC8\t\tSố liệu lệch với nghị quyết HĐND",
      );
      await shot(page, "web-unit-returned");
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "gives an office token the status board, the report as tables and the Tổng hợp workbook",
    async () => {
      const report = await api<{ communes: number; units: unknown[] }>("GET", `/reports/${YEAR}`, officeToken);
      expect(report.status).toBe(200);
      const { page, errors, context } = await open(officeToken);
      await page.getByTestId("status-table").waitFor();
      const statuses = await page
        .getByTestId("status-table")
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-unit")}:${r.getAttribute("data-status")}`));
      expect(statuses).toHaveLength(11);
      expect(statuses).toContain("183:returned");
      expect(statuses).toContain("180:submitted");
      expect(statuses.filter((s) => s.endsWith(":missing"))).toHaveLength(9);
      expect(await page.getByTestId("completeness").innerText()).toContain("Đã nộp 2/11");
      await page.getByTestId("report-tables").waitFor();
      const download = page.waitForEvent("download");
      await page.getByTestId("report-download").click();
      const d = await download;
      expect(d.suggestedFilename()).toBe("tong-hop-2018.xlsx");
      const file = path.join(tmp, "tong-hop.xlsx");
      await d.saveAs(file);
      const read = await readWorkbookBuffer(fs.readFileSync(file));
      expect(read.ok && read.value.map((s) => s.name)).toEqual(["Tổng hợp"]);
      // Every table of the page is a table of the workbook, with the same header row.
      const pageTables = await page
        .locator("table.report")
        .evaluateAll((ts) =>
          ts.map((t) => [t.getAttribute("data-table"), [...t.querySelectorAll("thead th")].map((h) => h.textContent).join("|")]),
        );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const xlsxTables = wb
        .getWorksheet("Tổng hợp")!
        .getTables()
        .map((t) => {
          const table = (t as unknown as { table: { name: string; columns: { name: string }[] } }).table;
          return [table.name, table.columns.map((c) => c.name).join("|")];
        });
      expect(pageTables).toEqual(xlsxTables);
      await shot(page, "web-office");
      // A year without a setup: said once, not as an error.
      await page.getByTestId("year-input").fill("2031");
      await page.getByTestId("no-setup").waitFor();
      expect(await page.getByTestId("no-setup").innerText()).toBe("Năm này chưa có thiết lập nên chưa có trạng thái.");
      expect(await page.getByTestId("error").count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "keeps the file input closed while the year's setup is loading (a file would be checked under the wrong template)",
    async () => {
      const { page, errors, context } = await open(unitToken);
      let release: () => void = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      await page.route("**/api/v1/setup/2019", async (route) => {
        await held;
        await route.continue();
      });
      const asked = page.waitForRequest("**/api/v1/setup/2019");
      await page.getByTestId("year-input").fill("2019");
      await asked;
      expect(await page.getByTestId("file-input").isDisabled()).toBe(true);
      expect(await page.getByTestId("drop-zone").getAttribute("data-ready")).toBe("false");
      release();
      await page.locator("[data-testid=drop-zone][data-ready=true]").waitFor();
      expect(await page.getByTestId("file-input").isDisabled()).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    "takes a dropped file, and switches to English, the issue messages too",
    async () => {
      const bad = path.join(tmp, "183-bad.xlsx");
      const cli = await loadWorkbook(bad);
      const { page, errors, context } = await open(unitToken);
      // A file dropped on the zone is read like a chosen one.
      const bytes = fs.readFileSync(bad).toString("base64");
      await page.getByTestId("drop-zone").evaluate((zone, b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], "183-bad.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, bytes);
      await page.getByTestId("check-results").waitFor();
      expect(await page.getByTestId("file-chosen").innerText()).toContain("183-bad.xlsx");
      expect((await tableRows(page)).sort()).toEqual(cli.issues.map((i) => row(i)).sort());
      await page.getByTestId("language").click();
      expect(await page.locator("h1").innerText()).toBe("Submit the New Rural Development template");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      expect((await tableRows(page)).sort()).toEqual(cli.issues.map((i) => row(i, true)).sort());
      await shot(page, "web-unit-english");
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP,
  );
});
