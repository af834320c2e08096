import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { es5Problems } from "./es5-check.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const IE_JS = fs.readFileSync(path.join(ROOT, "addin/public/ie.js"), "utf8");
const INDEX = fs.readFileSync(path.join(ROOT, "addin/index.html"), "utf8");

describe("es5Problems", () => {
  it.each([
    ["var f = () => 1;"],
    ["let x = 1;"],
    ["const x = 1;"],
    ["var s = `a${1}`;"],
    ["class A {}"],
    ["var o = { a() {} };"],
    ["for (var x of [1]) {}"],
    ["var a = [...[1]];"],
    ["var {a} = {a: 1};"],
  ])("refuses %s", (src) => {
    expect(es5Problems(src)).not.toEqual([]);
  });

  it("accepts ES5", () => {
    expect(es5Problems("(function () { 'use strict'; var a = [1, 2]; for (var i = 0; i < a.length; i++) { a[i] += 1; } })();")).toEqual([]);
  });
});

describe("the Internet Explorer fallback (addin/public/ie.js)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is plain ES5", () => {
    expect(es5Problems(IE_JS)).toEqual([]);
  });

  it("is loaded by index.html only where ES modules are not supported", () => {
    expect(INDEX).toMatch(/<script nomodule src="ie\.js"><\/script>/);
    expect(INDEX).toMatch(/<script type="module" src="\.\/main\.tsx"><\/script>/);
  });

  it("replaces the page with the explanation and the alternatives, without errors", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"><div class="loading">Đang tải…</div></div></body></html>',
    );
    await page.addScriptTag({ content: IE_JS });
    const box = page.locator("#ie-fallback");
    await box.waitFor();
    expect(await page.locator(".loading").count()).toBe(0);
    const text = await box.innerText();
    expect(text).toContain("Phiên bản Excel này chưa chạy được ứng dụng Nông thôn mới");
    expect(text).toContain("Dùng Excel mới hơn (Microsoft 365, Excel 2021");
    expect(text).toContain('"ntm validate" kiểm tra');
    expect(text).toContain("This Excel version shows add-ins with Internet Explorer");
    expect(await page.locator("#ie-fallback li").count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("waits for the document when it runs before the body is parsed", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent(`<!doctype html><html><head><script>${IE_JS}</script></head><body><div id="root">x</div></body></html>`);
    await page.locator("#ie-fallback").waitFor();
    expect(await page.locator("#root > #ie-fallback").count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
