import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../helpers/wrangler-dev.ts";
import { ROOT, criteriaRow, fake, paneHarness, shot, signIn } from "./pane-harness.ts";

/**
 * The task pane end to end in headless chromium: the built pane served by the real `wrangler dev`
 * (same origin as the API), the REAL adapter (addin/excel/*) running against the in-page fake
 * Excel (test/fakes/excel), injected before the pane loads. Screenshots of every step go to
 * test-artifacts/screenshots/.
 */
const DIST = path.join(ROOT, "dist/addin");

const pane = paneHarness();
let districtToken: string;
let officeToken: string;

type Fake = {
  type(sheet: string, address: string, values: unknown[][]): void;
  values(sheet: string, address: string): unknown[][];
  numberFormats(sheet: string, address: string): string[][];
  sheetNames(): string[];
  selection(): { sheet: string; address: string } | null;
  marks(sheet: string): Record<string, string | null>;
  tables(): { name: string; sheet: string; address: string; showTotals: boolean }[];
  merges(sheet: string): string[];
  settings(): Record<string, unknown>;
  notes(): string[];
  stats: { runs: number; syncs: number; maxRequestBytes: number };
};

/** The pane in the fake Excel (withExcel), or in a plain browser. */
const openPane = (withExcel: boolean) => pane.openPane(withExcel ? undefined : false);

beforeAll(async () => {
  districtToken = await createToken(pane.dev, { role: "district", district: "183", label: "Cán bộ Cao Lộc" });
  officeToken = await createToken(pane.dev, { role: "office", label: "Văn phòng điều phối" });
});

describe("the built task pane", () => {
  it("serves office.js and its Excel host files from its own origin, and never ships the fake host", async () => {
    for (const f of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-web-16.00.js",
      "vi-vn/office_strings.js",
      "en-us/office_strings.js",
      "ie.js",
    ]) {
      const r = await fetch(`${pane.dev.url}/${f}`);
      expect(r.status, f).toBe(200);
    }
    const assets = fs.readdirSync(path.join(DIST, "assets")).filter((f) => f.endsWith(".js"));
    expect(assets.length).toBeGreaterThan(0);
    for (const f of assets) expect(fs.readFileSync(path.join(DIST, "assets", f), "utf8")).not.toContain("__fakeExcel");
    const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
    expect(html).toContain('<script src="office.js"></script>');
    expect(html).toContain('<script nomodule src="ie.js"></script>');
  });

  it("renders in a plain browser (real office.js, no Excel) with a note that Excel is needed", async () => {
    const { context, page, errors } = await openPane(false);
    await page.getByTestId("no-excel").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("no-excel").innerText()).toContain("Trang này cần được mở trong Excel");
    expect(await page.getByTestId("tab-settings").isVisible()).toBe(true);
    await shot(page, "00-plain-browser");
    await page.getByTestId("language-switch").click();
    expect(await page.getByTestId("no-excel").innerText()).toContain("This page must be opened in Excel");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe("district → office, in the fake Excel", () => {
  it("a district creates the template, checks it, fixes the error, submits; the office refreshes Tổng hợp", async () => {
    const { context, page, errors } = await openPane(true);

    // Settings: the token is kept per user, shows who it is.
    await signIn(page, districtToken);
    expect(await page.getByTestId("who-am-i").innerText()).toContain("Huyện Cao Lộc (183)");
    expect(await page.getByTestId("who-am-i").innerText()).toContain("Cán bộ Cao Lộc");
    const stored = await page.evaluate(() => localStorage.getItem("fake-partition/ntm.settings.v1"));
    expect(JSON.parse(stored!)).toEqual({ server: "", token: districtToken });
    await shot(page, "01-settings");

    // 1. Create the template.
    await page.getByTestId("tab-district").click();
    expect(await page.getByTestId("district-fixed").innerText()).toBe("Huyện: Huyện Cao Lộc (mã 183)");
    await page.getByTestId("year-input").fill("2018");
    await page.getByTestId("create-template").click();
    await page.getByTestId("template-created").waitFor();
    expect(await page.getByTestId("template-created").innerText()).toContain("Đã tạo biểu mẫu năm 2018 cho Huyện Cao Lộc.");
    expect(await fake<string[]>(page, "sheetNames")).toEqual(expect.arrayContaining(["Thông tin", "Tiêu chí", "Nguồn vốn"]));
    expect(await fake(page, "values", "Thông tin", "A3:B5")).toEqual([
      ["Mã huyện", "183"],
      ["Tên huyện", "Huyện Cao Lộc"],
      ["Năm kế hoạch", 2018],
    ]);
    expect(await fake(page, "values", "Tiêu chí", "A4:C5")).toEqual([
      ["STT", "Mã xã", "Tên xã"],
      ["", "", ""],
    ]);
    expect(await fake(page, "values", "Tiêu chí", "H4:K5")).toEqual([
      ["TC1 - Quy hoạch", "", "TC2 - Giao thông", ""],
      ["HT", "KH", "HT", "KH"],
    ]);
    expect(await fake<string[]>(page, "merges", "Tiêu chí")).toEqual(expect.arrayContaining(["A4:A5", "H4:I4"]));
    expect(await fake(page, "numberFormats", "Tiêu chí", "B6:B6")).toEqual([["@"]]);
    await shot(page, "02-template-created");

    // The district types its data (commune codes as text; an invalid value in I8).
    await page.evaluate(
      ([r1, r2, r3]) => {
        const f = (window as unknown as { __fakeExcel: Fake }).__fakeExcel;
        f.type("Thông tin", "B6:B7", [["Nguyễn Văn A"], ["0205 3870 123"]]);
        f.type("Tiêu chí", "B6:G8", [
          ["06001", "Xã Hợp Thành", "", "", "", ""],
          ["06002", "Xã Tân Liên", "", "", "x", ""],
          ["06003", "Xã Gia Cát", "x", "", "", ""],
        ]);
        f.type("Tiêu chí", "H6:AS8", [r1, r2, r3]);
        f.type("Tiêu chí", "I8", [["Dat?"]]);
        f.type("Nguồn vốn", "C6:C12", [[1000], [500.5], [200], [""], [3000], [150], [49.5]]);
      },
      [criteriaRow(19, 19), criteriaRow(10, 19), criteriaRow(5, 8)] as const,
    );

    // "Tạo biểu mẫu" again on a filled workbook asks first; keeping the sheets changes nothing.
    await page.getByTestId("create-template").click();
    await page.getByTestId("replace-ask").waitFor();
    expect(await page.getByTestId("replace-ask").innerText()).toContain("Bảng tính đã có trang Thông tin, Tiêu chí, Nguồn vốn");
    await shot(page, "02b-replace-ask");
    await page.getByTestId("replace-cancel").click();
    await page.getByTestId("replace-ask").waitFor({ state: "detached" });
    expect(await fake(page, "values", "Tiêu chí", "B6:C6")).toEqual([["06001", "Xã Hợp Thành"]]);

    // 2. Check: a cell-level error in Vietnamese, the cell first, marked in the sheet.
    await page.getByTestId("check").click();
    const bad = page.locator('[data-testid="issue"][data-cell="I8"]');
    await bad.waitFor();
    expect(await bad.getAttribute("data-code")).toBe("criterion.invalid_value");
    expect(await bad.getAttribute("data-sheet")).toBe("Tiêu chí");
    const badText = await bad.innerText();
    expect(badText.startsWith("I8")).toBe(true);
    expect(badText).toContain('"Dat?"');
    expect(badText).toContain('Hãy chọn "Đạt" hoặc "Chưa đạt"');
    expect(await page.getByTestId("issue-list").innerText()).toContain("Trang Tiêu chí");
    expect((await fake<Record<string, string | null>>(page, "marks", "Tiêu chí")).I8).toBe("#FFC7CE");
    await shot(page, "03-check-error");

    // Clicking the issue selects its cell.
    await bad.click();
    await expect.poll(() => fake(page, "selection")).toEqual({ sheet: "Tiêu chí", address: "I8" });

    // Fix it: the error and its mark go away.
    await page.evaluate(() => (window as unknown as { __fakeExcel: Fake }).__fakeExcel.type("Tiêu chí", "I8", [["Đạt"]]));
    await page.getByTestId("check").click();
    await page.locator('[data-testid="issue"][data-cell="I8"]').waitFor({ state: "detached" });
    expect(await page.locator('[data-testid="issue"]').count()).toBe(0);
    await page.getByTestId("no-issues").waitFor();
    expect(await fake(page, "marks", "Tiêu chí")).toEqual({});
    await shot(page, "04-check-fixed");

    // 3. Send: what will be sent, then the receipt.
    await page.getByTestId("submit").click();
    await page.getByTestId("submit-review").waitFor();
    expect(await page.getByTestId("summary-communes").innerText()).toBe("3");
    expect(await page.getByTestId("summary-ntm").innerText()).toBe("2");
    expect(await page.getByTestId("summary-capital").innerText()).toBe("4.900");
    expect(await page.getByTestId("submit-diff").innerText()).toBe("Đây là lần gửi đầu tiên của huyện cho năm này.");
    await shot(page, "05-submit-review");
    await page.getByTestId("confirm-send").click();
    await page.getByTestId("receipt").waitFor();
    expect(await page.getByTestId("receipt-revision").innerText()).toBe("1");
    expect(await page.getByTestId("receipt-time").innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const receipt = (await fake<Record<string, { revision: number; district: string; year: number }>>(page, "settings"))["ntm.receipt"]!;
    expect({ revision: receipt.revision, district: receipt.district, year: receipt.year }).toEqual({
      revision: 1,
      district: "183",
      year: 2018,
    });
    await shot(page, "06-receipt");

    // A change: Xã Gia Cát plans criterion 9 too; the review shows what changed since revision 1.
    await page.evaluate(() => (window as unknown as { __fakeExcel: Fake }).__fakeExcel.type("Tiêu chí", "Y8", [["Đạt"]]));
    await page.getByTestId("submit").click();
    await page.getByTestId("submit-review").waitFor();
    const diff = await page.getByTestId("submit-diff").innerText();
    expect(diff).toContain("Thay đổi so với lần gửi số 1:");
    expect(diff).toContain("Sửa 1 xã: Xã Gia Cát (06003)");
    expect(diff).not.toContain("Thêm");
    await shot(page, "07-submit-diff");
    await page.getByTestId("confirm-send").click();
    await expect
      .poll(() =>
        page
          .getByTestId("receipt-revision")
          .innerText()
          .catch(() => ""),
      )
      .toBe("2");

    // A new year's template over this one: the district confirms, the sheets are blank again.
    await page.getByTestId("year-input").fill("2019");
    await page.getByTestId("create-template").click();
    await page.getByTestId("replace-confirm").click();
    await page.getByTestId("template-created").waitFor();
    expect(await page.getByTestId("template-created").innerText()).toContain("Đã tạo biểu mẫu năm 2019");
    expect(await fake(page, "values", "Tiêu chí", "B6:C6")).toEqual([["", ""]]);
    expect(await fake(page, "values", "Thông tin", "B5")).toEqual([[2019]]);
    expect(errors).toEqual([]);
    await context.close();

    // The office refreshes the consolidation in its own workbook.
    const office = await openPane(true);
    await signIn(office.page, officeToken);
    expect(await office.page.getByTestId("who-am-i").innerText()).toContain("Văn phòng điều phối");
    await office.page.getByTestId("tab-office").click();
    await office.page.getByTestId("year-input").fill("2018");
    await office.page.getByTestId("refresh-report").click();
    await office.page.getByTestId("report-written").waitFor();
    expect(await office.page.getByTestId("completeness").innerText()).toBe("Đã nộp 1/11 · Đúng hạn 1/11 · Đã duyệt 0/11");
    expect(await office.page.getByTestId("status-183").innerText()).toContain("Đã nộp");
    expect(await office.page.getByTestId("missing-list").innerText()).toContain("Chưa nộp: Thành phố Lạng Sơn, Huyện Tràng Định");
    await shot(office.page, "08-office-report");

    const p = office.page;
    expect(await fake(p, "tables")).toEqual([
      { name: "NTM_Units", sheet: "Tổng hợp", address: "A3:N15", showTotals: true },
      { name: "NTM_Overview", sheet: "Tổng hợp", address: "A18:F19", showTotals: false },
      { name: "NTM_Bands", sheet: "Tổng hợp", address: "A22:D27", showTotals: false },
      { name: "NTM_Criteria", sheet: "Tổng hợp", address: "A30:F49", showTotals: false },
      { name: "NTM_Groups", sheet: "Tổng hợp", address: "A52:D56", showTotals: false },
      { name: "NTM_Capital", sheet: "Tổng hợp", address: "A59:E68", showTotals: false },
      { name: "NTM_CapitalByUnit", sheet: "Tổng hợp", address: "A71:K83", showTotals: true },
      { name: "NTM_Status", sheet: "Tổng hợp", address: "A88:F99", showTotals: false },
    ]);
    const title = (await fake<string[][]>(p, "values", "Tổng hợp", "A1"))[0]![0]!;
    expect(title).toMatch(/^TỔNG HỢP KẾ HOẠCH XÂY DỰNG NÔNG THÔN MỚI NĂM 2018 - .* - Đã nhận 1\/11 huyện$/);
    // Cao Lộc, revision 2: communes HT 19/10/5, KH 19/19/9; capital 4,900 million VND.
    const row = (await fake<unknown[][]>(p, "values", "Tổng hợp", "A8:L8"))[0]!;
    expect([row[0], row[1], row[2], row[3], row[5], row[6], row[7], row[8], row[9], row[10], row[11]]).toEqual([
      "183",
      "Huyện Cao Lộc",
      "Đã nộp",
      2,
      "Cán bộ Cao Lộc",
      "Nguyễn Văn A",
      "0205 3870 123",
      3,
      2,
      15.67,
      4900,
    ]);
    expect(row[4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await fake(p, "values", "Tổng hợp", "A7:C7")).toEqual([["182", "Huyện Văn Lãng", "Chưa nộp"]]);
    expect(await fake(p, "values", "Tổng hợp", "A19:F19")).toEqual([[3, 1, 2, 1, 11.33, 15.67]]);
    expect(await fake(p, "values", "Tổng hợp", "B23:D27")).toEqual([
      [1, 2, 66.7],
      [0, 0, 0],
      [1, 0, 0],
      [1, 1, 33.3],
      [0, 0, 0],
    ]);
    expect(await fake(p, "values", "Tổng hợp", "A31:F31")).toEqual([[1, "Quy hoạch", 3, 3, 0, 100]]);
    expect(await fake(p, "values", "Tổng hợp", "A39:F39")).toEqual([[9, "Nhà ở dân cư", 2, 3, 1, 100]]);
    expect(await fake(p, "values", "Tổng hợp", "A41:F41")).toEqual([[11, "Hộ nghèo", 1, 2, 1, 66.7]]);
    expect(await fake(p, "values", "Tổng hợp", "B53:D53")).toEqual([[1, 5, 9]]);
    expect(await fake(p, "values", "Tổng hợp", "B55:D55")).toEqual([[1, 10, 19]]);
    expect(await fake(p, "values", "Tổng hợp", "C60:E60")).toEqual([[1500.5, 1.5005, 30.6]]);
    expect(await fake(p, "values", "Tổng hợp", "C65:E65")).toEqual([[3000, 3, 61.2]]);
    expect(await fake(p, "values", "Tổng hợp", "C68:E68")).toEqual([[4900, 4.9, 100]]);
    expect(await fake(p, "numberFormats", "Tổng hợp", "C60:E60")).toEqual([["#,##0.0", "#,##0.0", "0.0"]]);
    expect(await fake(p, "notes")).toEqual([]);
    await shot(p, "09-office-report-board");

    // Refreshing again rewrites in place: same tables, one sheet.
    await p.getByTestId("refresh-report").click();
    await p.getByTestId("report-written").waitFor();
    expect((await fake<string[]>(p, "sheetNames")).filter((n) => n === "Tổng hợp")).toHaveLength(1);
    expect((await fake<{ name: string }[]>(p, "tables")).map((t) => t.name)).toHaveLength(8);
    expect(office.errors).toEqual([]);
    await office.context.close();
  }, 180_000);
});
