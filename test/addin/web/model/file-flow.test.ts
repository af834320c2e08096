import { describe, expect, it } from "vitest";
import type { FileCheck } from "../../../../addin/web/model/check-file.ts";
import type { FileState } from "../../../../addin/web/model/file-flow.ts";
import { FILE_INITIAL, canSend, fileFlow, shownIssues, stepsOf } from "../../../../addin/web/model/file-flow.ts";
import type { Review } from "../../../../addin/model/district-flow.ts";
import type { UiError } from "../../../../addin/model/ui-error.ts";
import type { Issue } from "../../../../shared/result.ts";
import type { SubmitResponse } from "../../../../shared/schemas/api/submissions.ts";

const issue = (severity: "error" | "warning", code = "x.y"): Issue => ({
  code,
  severity,
  sheet: "Tiêu chí",
  cell: "C6",
  row: 6,
  commune: null,
  message: "m",
  messageEn: "m",
});
const body = { version: "NTM-1", submission: { district: "183" } } as unknown as NonNullable<
  Extract<FileCheck, { kind: "checked" }>["body"]
>;
const clean: FileCheck = { kind: "checked", sheets: [], issues: [issue("warning")], body, legacy: [] };
const broken: FileCheck = { kind: "checked", sheets: [], issues: [issue("error")], body: null, legacy: [] };
const review = { body, summary: {}, diff: null } as unknown as Review;
const receipt = { id: "r1", revision: 1 } as unknown as SubmitResponse;
const refusedError: UiError = {
  source: "api",
  code: "validation.failed",
  params: {},
  status: 422,
  issues: [issue("error", "server.rule")],
  detail: null,
};

const run = (...events: Parameters<typeof fileFlow>[1][]): FileState => events.reduce(fileFlow, FILE_INITIAL);
const chosen = { type: "chosen", name: "a.xlsx", size: 1000 } as const;

describe("fileFlow: choose → check → preview → send → receipt", () => {
  it("a clean file goes through every step; sending is offered only with the preview and not when locked", () => {
    const checked = run(chosen, { type: "checked", check: clean, ms: 12 });
    expect(checked).toMatchObject({ phase: "checked", checkedMs: 12, file: { name: "a.xlsx", size: 1000 } });
    expect(canSend(checked, false)).toBe(false);
    const previewed = fileFlow(checked, { type: "reviewed", review });
    expect(canSend(previewed, false)).toBe(true);
    expect(canSend(previewed, true)).toBe(false);
    expect(stepsOf(previewed)).toEqual({ done: 2, running: null });
    const sending = fileFlow(previewed, { type: "sending" });
    expect(stepsOf(sending)).toEqual({ done: 2, running: 2 });
    const sent = fileFlow(sending, { type: "sent", receipt });
    expect(sent).toMatchObject({ phase: "sent", receipt });
    expect(stepsOf(sent)).toEqual({ done: 4, running: null });
  });

  it("a file with errors stops after the check: step 1 done, no send, its issues listed", () => {
    const s = run(chosen, { type: "checked", check: broken, ms: 3 });
    expect(stepsOf(s)).toEqual({ done: 1, running: null });
    expect(canSend(s, false)).toBe(false);
    expect(fileFlow(s, { type: "sending" })).toBe(s);
    expect(shownIssues(s)).toEqual(broken.issues);
  });

  it("the server's refusal lists the server's issues and lets the unit send again; a failure while sending too", () => {
    const previewed = run(chosen, { type: "checked", check: clean, ms: 1 }, { type: "reviewed", review }, { type: "sending" });
    const refused = fileFlow(previewed, { type: "refused", error: refusedError });
    expect(refused.phase).toBe("checked");
    expect(shownIssues(refused)).toEqual(refusedError.issues);
    expect(canSend(refused, false)).toBe(true);
    const failed = fileFlow(previewed, { type: "failed", error: refusedError });
    expect(failed).toMatchObject({ phase: "checked", error: refusedError });
  });

  it("a conversion replaces the check and drops the old preview; a new file starts over", () => {
    const previewed = run(chosen, { type: "checked", check: clean, ms: 1 }, { type: "reviewed", review });
    const a = { sheet: "Tiêu chí", cell: "C6", before: "Kh«ng", after: "Không", encoding: "tcvn3" } as const;
    const b = { ...a, cell: "C7" };
    const converted = fileFlow(previewed, { type: "converted", check: broken, changes: [a] });
    expect(converted).toMatchObject({ converted: [a], review: null, check: broken });
    expect(fileFlow(converted, { type: "converted", check: clean, changes: [b] }).converted).toEqual([a, b]);
    expect(fileFlow(converted, chosen)).toEqual({ ...FILE_INITIAL, phase: "reading", file: { name: "a.xlsx", size: 1000 } });
  });

  it("a check that arrives when no file is being read (a late answer) changes nothing; a reading failure goes back to idle", () => {
    expect(fileFlow(FILE_INITIAL, { type: "checked", check: clean, ms: 1 })).toBe(FILE_INITIAL);
    expect(run(chosen, { type: "failed", error: refusedError }).phase).toBe("idle");
    expect(stepsOf(run(chosen))).toEqual({ done: 0, running: 0 });
  });
});
