import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../helpers/wrangler-dev.ts";
import { criteriaRow, fake, paneHarness, shot as screenshot, signIn } from "./pane-harness.ts";

/**
 * The review workflow in the built task pane (headless chromium, the real adapter over the in-page
 * fake Excel, the real `wrangler dev`): a unit submits; the office returns it with two cell
 * comments (one taken from its workbook's selection); the unit sees them, clicks one (the cell is
 * selected), marks them, resubmits (marks cleared); the office's accept of the old revision is
 * stale, the board reloads, it accepts the new one; the unit's round is locked. Screenshots in
 * test-artifacts/screenshots/review-*.png.
 */
const pane = paneHarness();
let unitToken: string;
let officeToken: string;

const openPane = (sheets: string[]) => pane.openPane(sheets);
const shot = (page: Page, name: string) => screenshot(page, `review-${name}`);

/** Leaves the unit's tab and comes back: the panel reads its status again, as on opening the pane. */
async function reopenTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId("tab-settings").click();
  await page.getByTestId(tab).click();
}

async function send(page: Page): Promise<void> {
  await page.getByTestId("submit").click();
  await page.getByTestId("submit-review").waitFor();
  await page.getByTestId("confirm-send").click();
  await page.getByTestId("receipt").waitFor();
}

beforeAll(async () => {
  unitToken = await createToken(pane.dev, { role: "district", district: "183", label: "Cán bộ Cao Lộc" });
  officeToken = await createToken(pane.dev, { role: "office", label: "Văn phòng điều phối" });
});

describe("review: return with cell comments, resubmit, accept, locked", () => {
  it("the office returns a unit with two cell comments; the unit sees, selects and marks them, resubmits; the office accepts", async () => {
    // The unit creates its 2018 template, types three communes and submits revision 1.
    const unit = await openPane(["Sheet1"]);
    const u = unit.page;
    await signIn(u, unitToken);
    await u.getByTestId("tab-district").click();
    await u.getByTestId("year-input").fill("2018");
    await u.getByTestId("create-template").click();
    await u.getByTestId("template-created").waitFor();
    await u.evaluate(
      ([r1, r2, r3]) => {
        const f = (window as unknown as { __fakeExcel: { type(s: string, a: string, v: unknown[][]): void } }).__fakeExcel;
        f.type("Thông tin", "B6:B7", [["Nguyễn Văn A"], ["0205 3870 123"]]);
        f.type("Tiêu chí", "B6:G8", [
          ["06001", "Xã Hợp Thành", "", "", "", ""],
          ["06002", "Xã Tân Liên", "", "", "x", ""],
          ["06003", "Xã Gia Cát", "x", "", "", ""],
        ]);
        f.type("Tiêu chí", "H6:AS8", [r1, r2, r3]);
        f.type("Nguồn vốn", "C6:C12", [[1000], [500.5], [200], [""], [3000], [150], [49.5]]);
      },
      [criteriaRow(19, 19), criteriaRow(10, 19), criteriaRow(5, 8)] as const,
    );
    await send(u);
    expect(await u.getByTestId("receipt-revision").innerText()).toBe("1");
    await expect
      .poll(() =>
        u
          .getByTestId("unit-status")
          .innerText()
          .catch(() => ""),
      )
      .toContain("Năm 2018: Đã nộp");

    // The office, with the unit's sheets open in its Excel, sees the board and returns revision 1.
    const office = await openPane(["Tiêu chí", "Nguồn vốn"]);
    const o = office.page;
    await signIn(o, officeToken);
    await o.getByTestId("tab-office").click();
    await o.getByTestId("year-input").fill("2018");
    const row = o.getByTestId("status-183");
    await expect.poll(() => row.getAttribute("data-status").catch(() => null)).toBe("submitted");
    expect(await o.getByTestId("completeness").innerText()).toBe("Đã nộp 1/11 · Đúng hạn 1/11 · Đã duyệt 0/11");
    expect(await row.innerText()).toContain("Lần gửi 1");
    expect(await o.getByTestId("accept-183").innerText()).toBe("Duyệt lần gửi 1");
    expect(await o.getByTestId("missing-list").innerText()).toContain("Chưa nộp: Thành phố Lạng Sơn");
    await shot(o, "01-office-board");

    await o.getByTestId("return-183").click();
    await o.getByTestId("review-send").click();
    expect(await o.getByTestId("form-problem").allInnerTexts()).toEqual(["Hãy nhập nhận xét."]);
    await o.getByTestId("review-comment").fill("Xã Gia Cát: tiêu chí 1 và nguồn vốn chưa khớp.");
    await fake(o, "select", "Tiêu chí", "I8");
    await o.getByTestId("add-selection").click();
    await expect.poll(() => o.getByTestId("cell-address").first().inputValue()).toBe("I8");
    expect(await o.getByTestId("cell-sheet").first().inputValue()).toBe("Tiêu chí");
    await o.getByTestId("cell-text").first().fill("TC1 (KH) phải là Đạt");
    await o.getByTestId("add-cell-row").click();
    await o.getByTestId("cell-sheet").nth(1).fill("Nguồn vốn");
    await o.getByTestId("cell-address").nth(1).fill("c6");
    await o.getByTestId("cell-text").nth(1).fill("Vốn ngân sách trung ương chưa đúng");
    await shot(o, "02-return-form");
    await o.getByTestId("review-send").click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("returned");
    expect(await o.getByTestId("board-note").innerText()).toBe("Đã trả lại báo cáo của Huyện Cao Lộc.");
    await shot(o, "03-office-returned");

    // The unit opens its tab again: the comment, the two cells; clicking one selects it.
    await reopenTab(u, "tab-district");
    await u.getByTestId("unit-returned").waitFor();
    const returned = await u.getByTestId("unit-returned").innerText();
    expect(returned).toContain("Văn phòng điều phối đã trả lại lần gửi số 1.");
    expect(returned).toContain("Nhận xét: Xã Gia Cát: tiêu chí 1 và nguồn vốn chưa khớp.");
    const cells = u.getByTestId("review-cell");
    expect(await cells.count()).toBe(2);
    expect(await cells.nth(0).getAttribute("data-cell")).toBe("I8");
    expect(await cells.nth(1).innerText()).toContain("Nguồn vốn!C6");
    await cells.nth(1).click();
    await expect.poll(() => fake(u, "selection")).toEqual({ sheet: "Nguồn vốn", address: "C6" });
    await cells.nth(0).click();
    await expect.poll(() => fake(u, "selection")).toEqual({ sheet: "Tiêu chí", address: "I8" });
    await u.getByTestId("mark-review-cells").click();
    await u.getByTestId("review-marked").waitFor();
    expect(await fake(u, "marks", "Tiêu chí")).toEqual({ I8: "#FFEB9C" });
    expect(await fake(u, "marks", "Nguồn vốn")).toEqual({ C6: "#FFEB9C" });
    await shot(u, "04-unit-returned");

    // The unit plans criterion 9 for Xã Gia Cát too (Y8) and resubmits: revision 2, the marks go,
    // the status is `submitted` again.
    await u.evaluate(() =>
      (window as unknown as { __fakeExcel: { type(s: string, a: string, v: unknown[][]): void } }).__fakeExcel.type("Tiêu chí", "Y8", [
        ["Đạt"],
      ]),
    );
    await send(u);
    await expect.poll(() => u.getByTestId("receipt-revision").innerText()).toBe("2");
    await expect.poll(() => fake(u, "marks", "Tiêu chí")).toEqual({});
    expect(await fake(u, "marks", "Nguồn vốn")).toEqual({});
    await expect
      .poll(() =>
        u
          .getByTestId("unit-status")
          .innerText()
          .catch(() => ""),
      )
      .toContain("Năm 2018: Đã nộp");
    expect(await u.getByTestId("unit-returned").count()).toBe(0);

    // The office still shows revision 1: accepting it is stale; the server's words, the board reloaded.
    await o.getByTestId("accept-183").click();
    await o.getByTestId("action-error").waitFor();
    const stale = await o.getByTestId("action-error").innerText();
    expect(stale).toContain("Đơn vị vừa gửi bản mới");
    expect(stale).toContain("Bản số 1 không còn là bản mới nhất (bản mới nhất: 2)");
    await expect.poll(() => o.getByTestId("accept-183").innerText()).toBe("Duyệt lần gửi 2");
    await shot(o, "05-office-stale");
    await o.getByTestId("accept-183").click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("accepted");
    expect(await o.getByTestId("completeness").innerText()).toBe("Đã nộp 1/11 · Đúng hạn 1/11 · Đã duyệt 1/11");
    expect(await row.innerText()).toContain("Đã duyệt lần gửi số 2");
    expect(await o.getByTestId("reopen-183").isVisible()).toBe(true);
    await shot(o, "06-office-accepted");

    // The unit's round is locked: the note, and `Gửi` disabled.
    await reopenTab(u, "tab-district");
    await u.getByTestId("unit-accepted").waitFor();
    expect(await u.getByTestId("unit-accepted").innerText()).toContain("Đã duyệt — báo cáo đã khóa");
    expect(await u.getByTestId("submit").isDisabled()).toBe(true);
    await shot(u, "07-unit-locked");

    // The server refuses a submission to the locked round anyway (409 round.locked, nothing stored).
    const refused = await fetch(`${pane.dev.url}/api/v1/submissions?year=2018&unit=183`, {
      headers: { authorization: `Bearer ${unitToken}` },
    });
    expect(((await refused.json()) as { submissions: unknown[] }).submissions).toHaveLength(2);

    // A deadline for the round: saved, shown dd/mm/yyyy.
    await o.getByTestId("deadline-input").fill("2018-03-31");
    await o.getByTestId("save-deadline").click();
    await expect.poll(() => o.getByTestId("deadline-line").innerText()).toBe("Hạn nộp: 31/03/2018");
    expect(await o.getByTestId("board-note").innerText()).toBe("Đã lưu hạn nộp 31/03/2018.");
    await shot(o, "08-office-deadline");

    expect(unit.errors).toEqual([]);
    expect(office.errors).toEqual([]);
    await unit.context.close();
    await office.context.close();
  }, 240_000);
});
