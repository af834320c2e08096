import { useCallback, useEffect, useState } from "react";
import type { Issue } from "../../shared/result.ts";
import { hasErrors } from "../../shared/result.ts";
import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import { buildTemplate } from "../../shared/template/build-template.ts";
import { parseWorkbook } from "../../shared/template/parse.ts";
import type { ApiClient } from "../api/client.ts";
import type { Receipt, WorkbookPort } from "../excel/port.ts";
import type { RevisionDiff } from "../model/revision-diff.ts";
import { diffRevisions } from "../model/revision-diff.ts";
import type { SubmissionSummary } from "../model/submission-summary.ts";
import { summarizeSubmission } from "../model/submission-summary.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown } from "../model/ui-error.ts";

export type Busy = "create" | "check" | "prepare" | "send" | null;
export type Review = { submission: Submission; summary: SubmissionSummary; diff: RevisionDiff | null };
/** Steps of the send progress: 0 read, 1 check, 2 send, 3 save receipt, 4 done. */
export type Progress = 0 | 1 | 2 | 3 | 4;
export type Note = { key: "templateCreated"; params: Record<string, string | number>; skipped: string[] };
/** A template that would replace existing sheets waits for the user's yes. */
export type PendingReplace = { district: { code: string; name: string }; year: number; existing: string[] };

export type DistrictFlow = {
  busy: Busy;
  error: UiError | null;
  /** The action the error came from, so it shows next to its button. */
  errorAt: Exclude<Busy, null> | null;
  lastAction: Exclude<Busy, null> | null;
  note: Note | null;
  /** Issues of the last check (null = not checked yet). */
  issues: Issue[] | null;
  review: Review | null;
  progress: Progress | null;
  receipt: Receipt | null;
  /** The receipt just received (vs. one loaded from the document). */
  fresh: boolean;
  /** Sheets that "Tạo biểu mẫu" would replace, waiting for confirmReplace / cancelReplace. */
  pendingReplace: PendingReplace | null;
  createTemplate: (district: { code: string; name: string }, year: number) => Promise<void>;
  confirmReplace: () => Promise<void>;
  cancelReplace: () => void;
  check: () => Promise<Submission | null>;
  prepare: () => Promise<void>;
  send: () => Promise<void>;
  cancel: () => void;
  selectCell: (issue: Issue) => void;
};

const NO_EXCEL: UiError = {
  message: "Cần mở trang này trong Excel để làm việc với bảng tính.",
  messageEn: "Open this page in Excel to work with the workbook.",
  detail: null, issues: [],
};

export function useDistrictFlow(port: WorkbookPort | null, client: ApiClient, reference: ReferenceData): DistrictFlow {
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setErrorState] = useState<UiError | null>(null);
  const [lastAction, setLastAction] = useState<Exclude<Busy, null> | null>(null);
  const setError = useCallback((e: UiError | null) => setErrorState(e), []);
  const [note, setNote] = useState<Note | null>(null);
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [fresh, setFresh] = useState(false);
  const [pendingReplace, setPendingReplace] = useState<PendingReplace | null>(null);
  const criteriaCount = reference.criteria.criteria.length;

  useEffect(() => {
    if (!port) return;
    let live = true;
    port.loadReceipt().then((r) => { if (live) setReceipt(r); }, () => {});
    return () => { live = false; };
  }, [port]);

  const guard = useCallback(async <T,>(what: Exclude<Busy, null>, fn: (p: WorkbookPort) => Promise<T>): Promise<T | null> => {
    setLastAction(what);
    if (!port) { setError(NO_EXCEL); return null; }
    setBusy(what);
    setError(null);
    try {
      return await fn(port);
    } catch (e) {
      setError(fromThrown(e));
      return null;
    } finally {
      setBusy(null);
    }
  }, [port, setError]);

  const create = useCallback(async (district: { code: string; name: string }, year: number, replace: boolean) => {
    setNote(null);
    setPendingReplace(null);
    await guard("create", async (p) => {
      const result = await p.createTemplate(buildTemplate({ district, year, criteria: reference.criteria }), { replace });
      if (!result.created) {
        setPendingReplace({ district, year, existing: result.existing });
        return;
      }
      setIssues(null);
      setReview(null);
      setNote({ key: "templateCreated", params: { year, name: district.name }, skipped: result.skipped });
    });
  }, [guard, reference]);

  const createTemplate = useCallback((district: { code: string; name: string }, year: number) => create(district, year, false), [create]);
  const confirmReplace = useCallback(async () => {
    if (pendingReplace) await create(pendingReplace.district, pendingReplace.year, true);
  }, [create, pendingReplace]);
  const cancelReplace = useCallback(() => setPendingReplace(null), []);

  /** Reads and validates the sheets, marks the cells; the submission when there is no error. */
  const readAndCheck = useCallback(async (p: WorkbookPort): Promise<Submission | null> => {
    const { result } = await p.checkTemplate((sheets) => {
      const parsed = parseWorkbook(sheets, reference);
      return { issues: parsed.ok ? parsed.warnings : parsed.issues, result: parsed };
    });
    const found = result.ok ? result.warnings : result.issues;
    setIssues(found);
    return result.ok && !hasErrors(found) ? result.value : null;
  }, [reference]);

  const check = useCallback(async () => {
    setNote(null);
    setReview(null);
    return (await guard("check", readAndCheck)) ?? null;
  }, [guard, readAndCheck]);

  const prepare = useCallback(async () => {
    setNote(null);
    setReview(null);
    setFresh(false);
    await guard("prepare", async (p) => {
      const submission = await readAndCheck(p);
      if (!submission) return;
      const summary = summarizeSubmission(submission, criteriaCount);
      let diff: RevisionDiff | null = null;
      const list = await client.revisions(submission.year, submission.district);
      if (!list.ok) { setError(fromApiFailure(list.error)); return; }
      const latest = list.value.filter((r) => r.district === submission.district && r.year === submission.year)
        .sort((a, b) => b.revision - a.revision)[0];
      if (latest) {
        const prev = await client.revision(latest.id);
        if (!prev.ok) { setError(fromApiFailure(prev.error)); return; }
        diff = diffRevisions(prev.value.submission, latest.revision, submission, criteriaCount);
      }
      setReview({ submission, summary, diff });
    });
  }, [guard, readAndCheck, client, criteriaCount]);

  const send = useCallback(async () => {
    const current = review;
    if (!current) return;
    setProgress(2);
    await guard("send", async (p) => {
      const sent = await client.submit(current.submission);
      if (!sent.ok) {
        setProgress(null);
        setReview(null);
        const failure = fromApiFailure(sent.error);
        setError(failure);
        if (failure.issues.length > 0) {
          setIssues(failure.issues);
          await p.markIssues(failure.issues);
        }
        return;
      }
      setProgress(3);
      const r: Receipt = {
        id: sent.value.id, district: sent.value.district, year: sent.value.year, revision: sent.value.revision,
        submittedAt: sent.value.submittedAt, deduplicated: sent.value.deduplicated,
      };
      await p.saveReceipt(r);
      setReceipt(r);
      setFresh(true);
      setIssues(sent.value.warnings);
      setReview(null);
      setProgress(4);
    });
  }, [guard, client, review]);

  const cancel = useCallback(() => { setReview(null); setProgress(null); }, []);

  const selectCell = useCallback((issue: Issue) => {
    if (!port || !issue.sheet || !issue.cell) return;
    port.selectCell(issue.sheet, issue.cell).catch((e: unknown) => setError(fromThrown(e)));
  }, [port]);

  return { busy, error, errorAt: error ? (lastAction === "send" ? "prepare" : lastAction) : null, lastAction, note, issues, review, progress, receipt, fresh, pendingReplace, createTemplate, confirmReplace, cancelReplace, check, prepare, send, cancel, selectCell };
}
