import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createToken as createTokenAs } from "../helpers/wrangler-dev.ts";
import { fake, paneHarness, shot, signIn } from "./pane-harness.ts";

/**
 * The `Thiết lập` tab end to end in headless chromium (the built pane, the real adapter over the
 * in-page fake Excel, the real `wrangler dev` with D1): an administrator applies the small 2027
 * workbook open in Excel and the pane shows the stored setup; a bad workbook lists its cell and
 * stores nothing (checked through the API); an office token sees the setup but no apply button, and
 * a 403 of the server is shown as such; a commune's token writes its pre-filled NTM-2 template.
 */
const pane = paneHarness();
let adminToken: string;
let officeToken: string;

/** The pane in the fake Excel, whose workbook starts with the given sheets. */
const openPane = (sheets: string[]) => pane.openPane(sheets);

async function type(page: Page, sheet: string, address: string, values: unknown[][]): Promise<void> {
  await fake(page, "type", sheet, address, values);
}

/** A token through the API (admin); any body the server takes (a commune's `unit`). */
async function createToken(body: { role: string; label: string; [key: string]: string }): Promise<string> {
  return createTokenAs(pane.dev, body);
}

async function getSetup(year: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${pane.dev.url}/api/v1/setup/${year}`, { headers: { Authorization: `Bearer ${officeToken}` } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** The small 2027 `Thiết lập` workbook: 3 communes of Lạng Sơn reporting for themselves. */
async function typeSetupWorkbook(page: Page, groupOfDoanKet: string | number = 3): Promise<void> {
  await type(page, "Năm", "A1:B3", [
    ["Năm kế hoạch", 2027],
    ["Bộ tiêu chí", "2026-2030"],
    ["Cấp đơn vị báo cáo", "Xã"],
  ]);
  await type(page, "Đơn vị", "A1:B4", [
    ["Mã đơn vị", "Tên đơn vị"],
    ["'06001", "Xã Thất Khê"],
    ["'06002", "Xã Đoàn Kết"],
    ["'06003", "Xã Tân Tiến"],
  ]);
  await type(page, "Xã", "A1:F4", [
    ["Mã xã", "Tên xã", "Mã đơn vị", "Nhóm xã", "Xã biên giới", "Mã xã cũ"],
    ["'06001", "Xã Thất Khê", "'06001", 1, "", ""],
    ["'06002", "Xã Đoàn Kết", "'06002", groupOfDoanKet, "x", "06010, 06011"],
    ["'06003", "Xã Tân Tiến", "'06003", 3, "x", ""],
  ]);
}

async function openSetupTab(page: Page, year: number): Promise<void> {
  await page.getByTestId("tab-setup").click();
  await page.getByTestId("year-input").fill(String(year));
}

beforeAll(async () => {
  adminToken = await createToken({ role: "admin", label: "Quản trị tỉnh" });
  officeToken = await createToken({ role: "office", label: "Văn phòng điều phối" });
});

describe("the Thiết lập tab", () => {
  it("a bad workbook lists its cell and stores nothing; the fixed one is applied and the pane shows the stored setup", async () => {
    const { context, page, errors } = await openPane(["Năm", "Đơn vị", "Xã"]);
    await signIn(page, adminToken);
    await openSetupTab(page, 2027);
    await page.getByTestId("setup-missing").waitFor();
    expect(await page.getByTestId("setup-missing").innerText()).toContain("Năm 2027 chưa có thiết lập.");
    expect(await page.getByTestId("setup-missing").innerText()).toContain("ntm setup apply");

    // Group 4 for Xã Đoàn Kết (D3): the issue in Vietnamese, the cell first; nothing is sent.
    await typeSetupWorkbook(page, 4);
    await page.getByTestId("apply-setup").click();
    const bad = page.locator('[data-testid="issue"][data-cell="D3"]');
    await bad.waitFor();
    expect(await bad.getAttribute("data-code")).toBe("setup.group_invalid");
    expect(await bad.getAttribute("data-sheet")).toBe("Xã");
    const text = await bad.innerText();
    expect(text.startsWith("D3")).toBe(true);
    expect(text).toContain("Nhóm xã 4 của xã 06002 không hợp lệ. Hãy chọn 1, 2 hoặc 3");
    expect(await page.getByTestId("setup-not-sent").innerText()).toContain("chưa gửi gì");
    expect(await page.getByTestId("issue-list").innerText()).toContain("Trang Xã");
    await shot(page, "20-setup-bad-cell");
    await bad.click();
    await expect.poll(() => fake(page, "selection")).toEqual({ sheet: "Xã", address: "D3" });
    expect((await getSetup(2027)).status).toBe(404);
    expect(await page.getByTestId("setup-applied").count()).toBe(0);

    // Fixed: applied as version 1, the pane shows what the server stored.
    await type(page, "Xã", "D3", [[3]]);
    await page.getByTestId("apply-setup").click();
    await page.getByTestId("setup-applied").waitFor();
    expect(await page.getByTestId("setup-applied").innerText()).toBe("Đã áp dụng thiết lập năm 2027: phiên bản 1.");
    await expect
      .poll(() =>
        page
          .getByTestId("setup-origin")
          .innerText()
          .catch(() => ""),
      )
      .toBe("Đã áp dụng: phiên bản 1");
    expect(await page.getByTestId("setup-set").innerText()).toBe("2026-2030 (10 tiêu chí)");
    expect(await page.getByTestId("setup-level").innerText()).toBe("Xã");
    expect(await page.getByTestId("setup-units").innerText()).toBe("3");
    expect(await page.getByTestId("setup-communes").innerText()).toBe("3\nNhóm 1: 1, nhóm 2: 0, nhóm 3: 2");
    expect(await page.getByTestId("setup-bands").innerText()).toBe(
      "Đạt 10 tiêu chí (10)\nĐạt 8-9 tiêu chí (8-9)\nĐạt 5-7 tiêu chí (5-7)\nDưới 5 tiêu chí (0-4)",
    );
    expect(await page.getByTestId("setup-applied-by").innerText()).toBe("Quản trị tỉnh");
    expect(await page.getByTestId("setup-applied-at").innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await page.locator('[data-testid="issue"]').count()).toBe(0);

    const stored = await getSetup(2027);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ year: 2027, version: 1, origin: "applied", appliedBy: "Quản trị tỉnh" });
    const setup = stored.body.setup as {
      level: string;
      units: { code: string }[];
      communes: { code: string; group: number }[];
      capitalRows: unknown[];
    };
    expect(setup.level).toBe("xã");
    expect(setup.units.map((u) => u.code)).toEqual(["06001", "06002", "06003"]);
    expect(setup.communes.map((c) => [c.code, c.group])).toEqual([
      ["06001", 1],
      ["06002", 3],
      ["06003", 3],
    ]);
    expect(await page.getByTestId("setup-capital").innerText()).toBe(`${setup.capitalRows.length} dòng`);
    await shot(page, "21-setup-applied");

    // The same workbook again while the pane shows 2018: the server keeps version 1, the pane follows 2027.
    await page.getByTestId("year-input").fill("2018");
    await expect
      .poll(() =>
        page
          .getByTestId("setup-origin")
          .innerText()
          .catch(() => ""),
      )
      .toContain("Mặc định có sẵn");
    await page.getByTestId("apply-setup").click();
    await expect
      .poll(() =>
        page
          .getByTestId("setup-applied")
          .innerText()
          .catch(() => ""),
      )
      .toBe(
        "Thiết lập giống hệt phiên bản 1 đang dùng; máy chủ giữ nguyên.\nBảng tính Thiết lập là của năm 2027; đã chuyển sang năm 2027.",
      );
    expect(await page.getByTestId("year-input").inputValue()).toBe("2027");
    await expect
      .poll(() =>
        page
          .getByTestId("setup-origin")
          .innerText()
          .catch(() => ""),
      )
      .toBe("Đã áp dụng: phiên bản 1");
    expect((await getSetup(2027)).body.version).toBe(1);

    // A built-in year: the defaults, no version.
    await page.getByTestId("year-input").fill("2018");
    await expect
      .poll(() =>
        page
          .getByTestId("setup-origin")
          .innerText()
          .catch(() => ""),
      )
      .toContain("Mặc định có sẵn");
    expect(await page.getByTestId("setup-set").innerText()).toBe("2016-2020 (19 tiêu chí)");
    expect(await page.getByTestId("setup-units").innerText()).toBe("11");
    expect(await page.getByTestId("setup-communes").innerText()).toBe("Không đăng ký danh sách xã");
    expect(await page.getByTestId("setup-applied-by").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("an office token sees the year's setup but no apply button; a 403 of the server is shown as such", async () => {
    const { context, page, errors } = await openPane(["Năm", "Đơn vị", "Xã"]);
    await signIn(page, officeToken);
    await openSetupTab(page, 2027);
    await expect
      .poll(() =>
        page
          .getByTestId("setup-origin")
          .innerText()
          .catch(() => ""),
      )
      .toBe("Đã áp dụng: phiên bản 1");
    expect(await page.getByTestId("setup-units").innerText()).toBe("3");
    expect(await page.getByTestId("apply-setup").count()).toBe(0);
    expect(await page.getByTestId("setup-apply").count()).toBe(0);
    await shot(page, "22-setup-office");
    await page.getByTestId("language-switch").click();
    expect(await page.getByTestId("setup-origin").innerText()).toBe("Applied: version 1");
    expect(await page.getByTestId("setup-set").innerText()).toBe("2026-2030 (10 criteria)");
    expect(await page.getByTestId("setup-level").innerText()).toBe("Commune");
    expect(errors).toEqual([]);
    await context.close();

    // An administrator's pane whose PUT reaches the server with the office's token: the real 403.
    const admin = await openPane(["Năm", "Đơn vị", "Xã"]);
    await signIn(admin.page, adminToken);
    await admin.page.route("**/api/v1/setup/2027", (route) =>
      route.request().method() === "PUT"
        ? route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${officeToken}` } })
        : route.continue(),
    );
    await openSetupTab(admin.page, 2027);
    await typeSetupWorkbook(admin.page);
    await type(admin.page, "Đơn vị", "B4", [["Xã Tân Tiến mới"]]);
    await admin.page.getByTestId("apply-setup").click();
    const bar = admin.page.getByTestId("setup-apply-error");
    await bar.waitFor();
    expect(await bar.getAttribute("data-code")).toBe("errorSetupForbidden");
    expect(await bar.innerText()).toContain("Chỉ mã truy cập quản trị (admin) được áp dụng thiết lập");
    expect(await admin.page.getByTestId("setup-applied").count()).toBe(0);
    expect((await getSetup(2027)).body.version).toBe(1);
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  }, 120_000);

  it("a commune's token writes its NTM-2 template pre-filled from the 2027 setup; a year without a setup writes nothing", async () => {
    const unitToken = await createToken({ role: "unit", unit: "06002", label: "Cán bộ xã Đoàn Kết" });
    const { context, page, errors } = await openPane(["Sheet1"]);
    await signIn(page, unitToken);
    expect(await page.getByTestId("who-am-i").innerText()).toContain("Đơn vị báo cáo");
    await page.getByTestId("tab-district").click();

    // 2026 has no setup: the reason, and no sheet written.
    await page.getByTestId("year-input").fill("2026");
    await page.getByTestId("create-template").click();
    const missing = page.getByTestId("error-bar");
    await missing.waitFor();
    expect(await missing.getAttribute("data-code")).toBe("errorSetupMissingForTemplate");
    expect(await missing.innerText()).toContain("Năm 2026 chưa có thiết lập nên chưa tạo được biểu mẫu.");
    expect(await fake<string[]>(page, "sheetNames")).toEqual(["Sheet1"]);

    await page.getByTestId("year-input").fill("2027");
    await expect.poll(() => page.getByTestId("district-fixed").innerText()).toBe("Xã: Xã Đoàn Kết (mã 06002)");
    await page.getByTestId("create-template").click();
    await page.getByTestId("template-created").waitFor();
    expect(await page.getByTestId("template-created").innerText()).toContain(
      "Đã tạo biểu mẫu NTM-2 năm 2027 cho Xã Đoàn Kết: 1 xã điền sẵn, bộ tiêu chí 2026-2030 (10 tiêu chí).",
    );
    // The carry-over from 2026 was asked for: no 2026 data, so HT stays empty, and the pane says so.
    expect(await page.getByTestId("carry-notes").innerText()).toBe("Không có số liệu năm 2026, HT để trống: Xã Đoàn Kết (06002).");
    expect(await fake<string[]>(page, "sheetNames")).toEqual(expect.arrayContaining(["Thông tin", "Tiêu chí", "Nguồn vốn"]));
    expect(await fake(page, "values", "Thông tin", "A3:B6")).toEqual([
      ["Mã đơn vị", "06002"],
      ["Tên đơn vị", "Xã Đoàn Kết"],
      ["Năm kế hoạch", 2027],
      ["Bộ tiêu chí", "2026-2030"],
    ]);
    expect(await fake(page, "values", "Thông tin", "A10:B10")).toEqual([["Phiên bản biểu mẫu", "NTM-2"]]);
    // The commune row pre-filled from the setup's commune list: code, name, group, border attribute.
    expect(await fake(page, "values", "Tiêu chí", "A4:H6")).toEqual([
      ["STT", "Mã xã", "Tên xã", "Nhóm xã", "Xã biên giới", "Phấn đấu đạt chuẩn NTM", "TC1 - Quy hoạch", ""],
      ["", "", "", "", "", "", "HT", "KH"],
      [1, "06002", "Xã Đoàn Kết", 3, "x", "", "", ""],
    ]);
    expect(await fake(page, "values", "Tiêu chí", "Y4")).toEqual([["TC10 - Tiếp cận pháp luật và an ninh, quốc phòng"]]);
    expect(await fake(page, "values", "Nguồn vốn", "A5:B6")).toEqual([
      ["1", "Vốn đầu tư trực tiếp cho Chương trình"],
      ["1.1", "Vốn ngân sách Trung ương"],
    ]);
    await shot(page, "23-unit-ntm2-template");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
  it("a commune's token checks its NTM-2 template under the 2027 setup (the commune list's rules at their cells) and sends it", async () => {
    const unitToken = await createToken({ role: "unit", unit: "06002", label: "Cán bộ xã Đoàn Kết (kiểm tra)" });
    const { context, page, errors } = await openPane(["Sheet1"]);
    await signIn(page, unitToken);
    await page.getByTestId("tab-district").click();
    await page.getByTestId("year-input").fill("2027");
    await expect.poll(() => page.getByTestId("district-fixed").innerText()).toBe("Xã: Xã Đoàn Kết (mã 06002)");
    await page.getByTestId("create-template").click();
    await page.getByTestId("template-created").waitFor();

    // Two cells typed (TC1 HT and KH), and the commune's code changed to one the setup does not list.
    await type(page, "Tiêu chí", "G6:H6", [["Đạt", "Đạt"]]);
    await type(page, "Tiêu chí", "B6", [["06099"]]);
    await page.getByTestId("check").click();
    const unknown = page.locator('[data-testid="issue"][data-cell="B6"][data-code="commune.unknown"]');
    await unknown.waitFor();
    expect(await unknown.getAttribute("data-sheet")).toBe("Tiêu chí");
    expect(await unknown.innerText()).toContain(
      "Xã 06099 không có trong danh sách xã của đơn vị 06002 năm 2027. Hãy kiểm tra lại Mã xã, hoặc xóa dòng nếu xã không thuộc đơn vị.",
    );
    expect(await page.locator('[data-testid="issue"][data-code="commune.missing"]').count()).toBe(1);
    expect((await fake<Record<string, string | null>>(page, "marks", "Tiêu chí")).B6).toBe("#FFC7CE");
    await shot(page, "24-unit-ntm2-check");

    // The code back, the name typed otherwise: a warning at C6 (marked yellow), the B6 mark gone.
    await type(page, "Tiêu chí", "B6:C6", [["06002", "Xã Đoàn Kếtt"]]);
    await page.getByTestId("check").click();
    const renamed = page.locator('[data-testid="issue"][data-cell="C6"]');
    await renamed.waitFor();
    expect(await renamed.getAttribute("data-code")).toBe("commune.name_mismatch");
    expect(await page.locator('[data-testid="issue"][data-code="commune.unknown"]').count()).toBe(0);
    // B6 keeps the yellow of its `plan.under_five` warning (one criterion planned).
    expect(await fake(page, "marks", "Tiêu chí")).toEqual({ B6: "#FFEB9C", C6: "#FFEB9C" });

    // `Gửi`: the NTM-2 body under review (the unit, its one commune), the unit's first revision of the year.
    await page.getByTestId("submit").click();
    await page.getByTestId("submit-review").waitFor();
    expect(await page.getByTestId("summary-unit").innerText()).toBe("Xã Đoàn Kết (06002)");
    expect(await page.getByTestId("summary-communes").innerText()).toBe("1");
    expect(await page.getByTestId("summary-ntm").innerText()).toBe("0");
    expect(await page.getByTestId("summary-capital").innerText()).toBe("0");
    expect(await page.getByTestId("submit-diff").innerText()).toBe("Đây là lần gửi đầu tiên của huyện cho năm này.");
    await shot(page, "25-unit-ntm2-review");

    // Sent as the NTM-2 body: the receipt names the unit; the server lists the revision.
    await page.getByTestId("confirm-send").click();
    await page.getByTestId("receipt").waitFor();
    expect(await page.getByTestId("receipt-unit").innerText()).toBe("Xã Đoàn Kết (06002) · 2027");
    expect(await page.getByTestId("receipt-revision").innerText()).toBe("1");
    expect(await page.locator('[data-testid="issue"][data-code="commune.name_mismatch"]').count()).toBe(1);
    await shot(page, "26-unit-ntm2-receipt");
    // A change: TC2 planned too; the review compares the NTM-2 body with revision 1, then is cancelled.
    await type(page, "Tiêu chí", "J6", [["Đạt"]]);
    await page.getByTestId("submit").click();
    await page.getByTestId("submit-review").waitFor();
    const diff = await page.getByTestId("submit-diff").innerText();
    expect(diff).toContain("Thay đổi so với lần gửi số 1:");
    expect(diff).toContain("Sửa 1 xã: Xã Đoàn Kếtt (06002)");
    expect(diff).not.toContain("Thêm");
    expect(diff).not.toContain("Xã đạt chuẩn NTM");
    await shot(page, "27-unit-ntm2-diff");
    await page.getByTestId("cancel-send").click();
    await page.getByTestId("submit-review").waitFor({ state: "detached" });

    const listed = await fetch(`${pane.dev.url}/api/v1/submissions?year=2027&unit=06002`, {
      headers: { Authorization: `Bearer ${officeToken}` },
    });
    expect(listed.status).toBe(200);
    const { submissions } = (await listed.json()) as { submissions: { unit: string; year: number; revision: number; communes: number }[] };
    expect(submissions.map((r) => ({ unit: r.unit, year: r.year, revision: r.revision, communes: r.communes }))).toEqual([
      { unit: "06002", year: 2027, revision: 1, communes: 1 },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
