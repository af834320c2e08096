import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startWranglerDev } from "../helpers/wrangler-dev.ts";
import type { WranglerDev } from "../helpers/wrangler-dev.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.ts";

/**
 * What the task pane tests share: the built pane (dist/addin, from test/global-setup.ts) served by
 * a real `wrangler dev`, headless chromium, and the in-page fake Excel (test/fakes/excel) injected
 * before the pane loads, the REAL adapter (addin/excel/*) running against it.
 */
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SHOTS = path.join(ROOT, "test-artifacts/screenshots");

export type OpenedPane = { context: BrowserContext; page: Page; errors: string[] };

export type PaneHarness = {
  /** The running `wrangler dev` (after the harness's beforeAll). */
  readonly dev: WranglerDev;
  /**
   * The pane in a new browser context. `excel`: the sheets the fake workbook starts with (the fake's
   * own when omitted); false: no Excel at all (the pane in a plain browser).
   */
  openPane(excel?: string[] | false): Promise<OpenedPane>;
};

/** Registers the beforeAll (build the fake, start wrangler dev, launch chromium) and afterAll of a test file. */
export function paneHarness(): PaneHarness {
  let dev: WranglerDev | undefined;
  let browser: Browser | undefined;
  let fakeBundle = "";

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const bundled = await build({
      entryPoints: [path.join(import.meta.dirname, "../fakes/excel/browser.ts")],
      bundle: true,
      format: "iife",
      write: false,
      target: "es2020",
      platform: "browser",
      logLevel: "silent",
    });
    fakeBundle = bundled.outputFiles[0]!.text;
    dev = await startWranglerDev();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  return {
    get dev() {
      if (!dev) throw new Error("wrangler dev is not running (use the harness inside the tests)");
      return dev;
    },
    async openPane(excel) {
      if (!browser || !dev) throw new Error("the pane harness has not started");
      const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "vi-VN" });
      if (excel !== false) {
        const config = excel === undefined ? "" : `window.__fakeExcelConfig = ${JSON.stringify({ sheets: excel })};\n`;
        await context.addInitScript({ content: `${config}${fakeBundle}` });
        // The fake host stands in for office.js (which would otherwise replace the `Office` global).
        await context.route("**/office.js", (route) =>
          route.fulfill({ status: 200, contentType: "text/javascript", body: "/* fake host */" }),
        );
      }
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${dev.url}/index.html`);
      await page.getByTestId("app").waitFor();
      return { context, page, errors };
    },
  };
}

/** Calls (or reads) a member of the in-page fake Excel (`window.__fakeExcel`). */
export async function fake<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([f, a]) => {
      const api = (window as unknown as { __fakeExcel: Record<string, unknown> }).__fakeExcel;
      const member = api[f as string];
      return (typeof member === "function" ? (member as (...x: unknown[]) => unknown)(...(a as unknown[])) : member) as never;
    },
    [fn, args] as const,
  ) as Promise<T>;
}

/** A full-page screenshot to test-artifacts/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Saves the token in the pane's settings and waits for the pane to know who it is. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByTestId("token-input").fill(token);
  await page.getByTestId("save-settings").click();
  await page.getByTestId("who-am-i").waitFor();
}

/** HT/KH of the 19 criteria of 2016-2020 for one commune: the first `ht` met at the start, the first `kh` by the end. */
export function criteriaRow(ht: number, kh: number): string[] {
  const out: string[] = [];
  for (let k = 1; k <= 19; k++) out.push(k <= ht ? "Đạt" : "Chưa đạt", k <= kh ? "Đạt" : "Chưa đạt");
  return out;
}
