import { FakeExcel } from "./host.ts";
import type { FakeExcelOptions } from "./host.ts";

/**
 * Entry of the fake Excel host in the browser, bundled to one IIFE and injected with playwright's
 * addInitScript before the task pane loads: installs `Excel`, `Office` and `OfficeExtension` on
 * `window`, and `window.__fakeExcel` for the test (what a user types, what the sheets hold).
 * `window.__fakeExcelConfig` (set before) may choose the ExcelApi version and the like.
 */
type Win = Record<string, unknown> & { __fakeExcelConfig?: FakeExcelOptions };
const win = window as unknown as Win;

const host = new FakeExcel(win.__fakeExcelConfig ?? {});
host.install(win);
win.__fakeExcel = host.api();
