import { describe, expect, it } from "vitest";
import type { Issue } from "../../../shared/result.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";
import type { Receipt } from "../../../addin/excel/port.ts";
import type { DistrictEvent, DistrictState, Review } from "../../../addin/model/district-flow.ts";
import { districtFlow, INITIAL, mustFixBeforeSend } from "../../../addin/model/district-flow.ts";
import { addinError, fromApiFailure, fromThrown, NO_EXCEL } from "../../../addin/model/ui-error.ts";

const run = (events: DistrictEvent[], from: DistrictState = INITIAL) => events.reduce(districtFlow, from);

const issue = (severity: Issue["severity"], cell: string, code = "criterion.invalid_value"): Issue => ({
  code,
  severity,
  sheet: "Tiêu chí",
  cell,
  row: 8,
  commune: "06003",
  message: "m",
  messageEn: "m",
});
const submission = { district: "183", year: 2018, communes: [] } as unknown as Submission;
const review: Review = {
  body: { version: "NTM-1", submission },
  summary: { unit: "183", name: "Huyện Cao Lộc", year: 2018, communes: 3, ntmPlan: 2, capitalThousand: 4_900_000 },
  diff: null,
};
const receipt: Receipt = { id: "r-1", district: "183", year: 2018, revision: 1, submittedAt: "2018-03-01T02:00:00Z", deduplicated: false };
const cao = { code: "183", name: "Huyện Cao Lộc" };
const excelBusy = fromThrown(
  Object.assign(new Error("x"), {
    name: "ExcelOperationError",
    code: "InvalidOperationInCellEditMode",
    operation: "checkTemplate",
    detail: null,
  }),
);

describe("district flow: create", () => {
  it("create → created: the note, issues and review cleared", () => {
    const before = { ...INITIAL, issues: [issue("error", "I8")], review };
    const started = run([{ type: "started", action: "create" }], before);
    expect(started).toMatchObject({ busy: "create", lastAction: "create", error: null, note: null });
    const s = districtFlow(started, { type: "created", note: { year: 2018, name: cao.name, skipped: ["dataValidation"] } });
    expect(s).toMatchObject({ busy: null, issues: null, review: null, note: { year: 2018, name: cao.name, skipped: ["dataValidation"] } });
  });

  it("existing sheets: asks first; cancelling keeps them; a new start clears the question", () => {
    const pending = { district: cao, year: 2019, existing: ["Thông tin", "Tiêu chí"] };
    const asked = run([
      { type: "started", action: "create" },
      { type: "replaceAsked", pending },
    ]);
    expect(asked).toMatchObject({ busy: null, pendingReplace: pending, note: null });
    expect(districtFlow(asked, { type: "replaceCancelled" }).pendingReplace).toBeNull();
    expect(districtFlow(asked, { type: "started", action: "create" }).pendingReplace).toBeNull();
  });

  it("no Excel: the error shows beside the create button", () => {
    const s = run([
      { type: "started", action: "create" },
      { type: "failed", error: NO_EXCEL },
    ]);
    expect(s).toMatchObject({ busy: null, error: NO_EXCEL, errorAt: "create" });
  });
});

describe("district flow: check", () => {
  it("errors: listed, busy ends, and they do not block a later check", () => {
    const s = run([
      { type: "started", action: "check" },
      { type: "checked", issues: [issue("error", "I8")], ready: false },
    ]);
    expect(s).toMatchObject({ busy: null, lastAction: "check", issues: [issue("error", "I8")] });
    expect(mustFixBeforeSend(s)).toBe(false); // only a send attempt says "fix before sending"
  });

  it("clean: an empty list", () => {
    const s = run([
      { type: "started", action: "check" },
      { type: "checked", issues: [], ready: true },
    ]);
    expect(s).toMatchObject({ busy: null, issues: [] });
  });

  it("a check clears the note and any review", () => {
    const s = run([{ type: "started", action: "check" }], { ...INITIAL, review, note: { year: 2018, name: "x", skipped: [] } });
    expect(s).toMatchObject({ busy: "check", review: null, note: null });
  });

  it("an Excel failure shows beside the check button, in its code", () => {
    const s = run([
      { type: "started", action: "check" },
      { type: "failed", error: excelBusy },
    ]);
    expect(s).toMatchObject({ busy: null, errorAt: "check", error: { source: "excel", code: "InvalidOperationInCellEditMode" } });
  });

  it("selecting a cell that fails shows the error beside the list", () => {
    const s = districtFlow(INITIAL, { type: "selectFailed", error: excelBusy });
    expect(s).toMatchObject({ error: excelBusy, errorAt: "check" });
  });
});

describe("district flow: review and send", () => {
  const reviewing = run([
    { type: "started", action: "prepare" },
    { type: "checked", issues: [issue("warning", "C6", "capital.total_mismatch")], ready: true },
  ]);

  it("prepare with errors stops and asks to fix them first", () => {
    const s = run([
      { type: "started", action: "prepare" },
      { type: "checked", issues: [issue("error", "I8")], ready: false },
    ]);
    expect(s).toMatchObject({ busy: null, review: null });
    expect(mustFixBeforeSend(s)).toBe(true);
  });

  it("prepare when clean stays busy until the review is built, then shows it", () => {
    expect(reviewing).toMatchObject({ busy: "prepare", issues: [issue("warning", "C6", "capital.total_mismatch")] });
    const s = districtFlow(reviewing, { type: "reviewed", review });
    expect(s).toMatchObject({ busy: null, review, error: null });
    expect(mustFixBeforeSend(s)).toBe(false);
  });

  it("the API failing while preparing shows beside the send button", () => {
    const error = fromApiFailure({ status: 401, code: "auth.invalid_token", params: { status: 401 }, serverMessage: null, issues: [] });
    const s = districtFlow(reviewing, { type: "failed", error });
    expect(s).toMatchObject({ busy: null, review: null, error, errorAt: "submit" });
  });

  it("cancel drops the review", () => {
    const s = run([{ type: "reviewed", review }, { type: "reviewCancelled" }], reviewing);
    expect(s).toMatchObject({ review: null, progress: null });
  });

  it("send: progress 2 (sending) → 3 (saving the receipt) → 4 with the fresh receipt and the server's warnings", () => {
    const warnings = [issue("warning", "H6", "commune.ntm_target")];
    const sending = run(
      [
        { type: "reviewed", review },
        { type: "started", action: "send" },
      ],
      reviewing,
    );
    expect(sending).toMatchObject({ busy: "send", progress: 2, review });
    const accepted = districtFlow(sending, { type: "accepted" });
    expect(accepted.progress).toBe(3);
    const done = districtFlow(accepted, { type: "receiptSaved", receipt, warnings });
    expect(done).toMatchObject({ busy: null, progress: 4, review: null, receipt, fresh: true, issues: warnings, error: null });
  });

  it("refused with issues (422): the review closes, the server's issues replace the list, the send is blocked", () => {
    const issues = [issue("error", "I8")];
    const error = fromApiFailure({
      status: 422,
      code: "submission.invalid",
      params: { status: 422 },
      serverMessage: { vi: "Biểu mẫu có lỗi", en: "Invalid" },
      issues,
    });
    const s = run(
      [
        { type: "reviewed", review },
        { type: "started", action: "send" },
        { type: "refused", error },
      ],
      reviewing,
    );
    expect(s).toMatchObject({ busy: null, progress: null, review: null, issues, error, errorAt: "submit" });
    expect(mustFixBeforeSend(s)).toBe(true);
  });

  it("refused without issues (403): the last list stays", () => {
    const error = fromApiFailure({ status: 403, code: "auth.forbidden", params: { status: 403 }, serverMessage: null, issues: [] });
    const s = run(
      [
        { type: "reviewed", review },
        { type: "started", action: "send" },
        { type: "refused", error },
      ],
      reviewing,
    );
    expect(s.issues).toEqual([issue("warning", "C6", "capital.total_mismatch")]);
    expect(s.errorAt).toBe("submit");
  });

  it("the network failing mid-send ends the progress and shows the error", () => {
    const error = fromApiFailure({
      status: null,
      code: "network.unreachable",
      params: { server: "http://h", detail: "Failed to fetch" },
      serverMessage: null,
      issues: [],
    });
    const s = run(
      [
        { type: "reviewed", review },
        { type: "started", action: "send" },
        { type: "refused", error },
      ],
      reviewing,
    );
    expect(s).toMatchObject({ busy: null, progress: null, error });
  });

  it("stored but the receipt not saved: the receipt shows AND the error says so", () => {
    const s = run(
      [
        { type: "reviewed", review },
        { type: "started", action: "send" },
        { type: "accepted" },
        { type: "receiptNotSaved", receipt, warnings: [], error: excelBusy },
      ],
      reviewing,
    );
    expect(s).toMatchObject({ busy: null, progress: null, receipt, fresh: true, error: excelBusy, errorAt: "submit" });
  });
});

describe("district flow: the receipt kept in the document", () => {
  it("loaded at start: shown as the last receipt", () => {
    expect(districtFlow(INITIAL, { type: "receiptLoaded", receipt })).toMatchObject({ receipt, fresh: false, receiptError: null });
    expect(districtFlow(INITIAL, { type: "receiptLoaded", receipt: null }).receipt).toBeNull();
  });

  it("failing to load is a visible error, not swallowed", () => {
    const s = districtFlow(INITIAL, { type: "receiptLoadFailed", error: excelBusy });
    expect(s.receiptError).toEqual(excelBusy);
    // A later successful load or send clears it.
    expect(districtFlow(s, { type: "receiptLoaded", receipt }).receiptError).toBeNull();
    expect(districtFlow(s, { type: "receiptSaved", receipt, warnings: [] }).receiptError).toBeNull();
  });

  it("a late load never replaces a receipt just received", () => {
    const fresh = districtFlow(INITIAL, { type: "receiptSaved", receipt, warnings: [] });
    const old = { ...receipt, revision: 0 };
    expect(districtFlow(fresh, { type: "receiptLoaded", receipt: old }).receipt).toEqual(receipt);
    expect(districtFlow(fresh, { type: "receiptLoadFailed", error: excelBusy }).receiptError).toBeNull();
  });

  it("a new action clears the last error", () => {
    const failed = run([
      { type: "started", action: "check" },
      { type: "failed", error: addinError("errorUnexpected", { text: "boom" }) },
    ]);
    expect(districtFlow(failed, { type: "started", action: "create" })).toMatchObject({ error: null, errorAt: null });
  });
});

describe("district flow: the office's commented cells", () => {
  const mark = { ...issue("warning", "C6", "review.comment"), sheet: "Nguồn vốn", row: null, commune: null };
  it("mark → reviewMarked: the marks kept, not busy, nothing else changed", () => {
    const s = run(
      [
        { type: "started", action: "mark" },
        { type: "reviewMarked", marks: [mark] },
      ],
      { ...INITIAL, issues: [] },
    );
    expect(s).toEqual({ ...INITIAL, issues: [], lastAction: "mark", reviewMarks: [mark] });
  });
  it("a failed mark shows on the review card", () => {
    const s = run([
      { type: "started", action: "mark" },
      { type: "failed", error: excelBusy },
    ]);
    expect([s.busy, s.errorAt, s.error?.code, s.reviewMarks]).toEqual([null, "review", "InvalidOperationInCellEditMode", []]);
  });
  it("a review cell that cannot be selected shows on the review card", () => {
    expect(districtFlow(INITIAL, { type: "selectFailed", error: excelBusy, at: "review" }).errorAt).toBe("review");
  });
  it("the marks survive a check and go with the next successful submission (saved receipt or not)", () => {
    const marked = { ...INITIAL, reviewMarks: [mark] };
    const checked = run(
      [
        { type: "started", action: "check" },
        { type: "checked", issues: [], ready: true },
      ],
      marked,
    );
    expect(checked.reviewMarks).toEqual([mark]);
    const sent = run([{ type: "started", action: "send" }, { type: "accepted" }, { type: "receiptSaved", receipt, warnings: [] }], checked);
    expect(sent.reviewMarks).toEqual([]);
    const unsaved = run(
      [{ type: "started", action: "send" }, { type: "accepted" }, { type: "receiptNotSaved", receipt, warnings: [], error: excelBusy }],
      checked,
    );
    expect(unsaved.reviewMarks).toEqual([]);
    const refused = run(
      [
        { type: "started", action: "send" },
        { type: "refused", error: fromThrown(new Error("409")) },
      ],
      checked,
    );
    expect(refused.reviewMarks).toEqual([mark]);
  });
});
