import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Issue } from "../../shared/result.ts";
import { hasErrors } from "../../shared/result.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { Receipt } from "../excel/port.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { Action, DistrictRef, DistrictState } from "../model/district-flow.ts";
import { districtFlow, INITIAL } from "../model/district-flow.ts";
import { diffRevisions } from "../model/revision-diff.ts";
import { summarizeSubmission } from "../model/submission-summary.ts";
import { fromApiFailure, fromThrown, NO_EXCEL } from "../model/ui-error.ts";

export type DistrictFlow = DistrictState & {
  createTemplate: (district: DistrictRef, year: number) => Promise<void>;
  confirmReplace: () => Promise<void>;
  cancelReplace: () => void;
  check: () => Promise<void>;
  prepare: () => Promise<void>;
  send: () => Promise<void>;
  cancel: () => void;
  selectCell: (issue: Issue) => void;
};

/**
 * The district's work: the state is the pure reducer of model/district-flow.ts; this hook only runs
 * the effects (the workbook port, the API client) and dispatches what they return. The template
 * builder and parser load on first use (they are not needed for the first screen).
 */
export function useDistrictFlow(port: PanePort | null, api: LazyApi, reference: ReferenceData): DistrictFlow {
  const [state, dispatch] = useReducer(districtFlow, INITIAL);
  const current = useRef(state);
  current.current = state;
  const criteriaCount = reference.criteria.criteria.length;

  useEffect(() => {
    if (!port) return;
    let live = true;
    port.loadReceipt().then(
      (receipt) => {
        if (live) dispatch({ type: "receiptLoaded", receipt });
      },
      (e: unknown) => {
        if (live) dispatch({ type: "receiptLoadFailed", error: fromThrown(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [port]);

  /** Runs one action against the workbook; anything thrown becomes a visible error. */
  const run = useCallback(
    async (action: Action, body: (p: PanePort) => Promise<void>): Promise<void> => {
      dispatch({ type: "started", action });
      if (!port) {
        dispatch({ type: "failed", error: NO_EXCEL });
        return;
      }
      try {
        await body(port);
      } catch (e) {
        dispatch({ type: "failed", error: fromThrown(e) });
      }
    },
    [port],
  );

  const create = useCallback(
    (district: DistrictRef, year: number, replace: boolean) =>
      run("create", async (p) => {
        const { buildTemplate } = await import("../../shared/template/build-template.ts");
        const result = await p.createTemplate(buildTemplate({ district, year, criteria: reference.criteria }), { replace });
        if (result.created) dispatch({ type: "created", note: { year, name: district.name, skipped: result.skipped } });
        else dispatch({ type: "replaceAsked", pending: { district, year, existing: result.existing } });
      }),
    [run, reference],
  );

  /** Reads and validates the sheets, marks the cells; the submission when there is no error. */
  const readAndCheck = useCallback(
    async (p: PanePort): Promise<Submission | null> => {
      const { parseWorkbook } = await import("../../shared/template/parse.ts");
      const { result } = await p.checkTemplate((sheets) => {
        const parsed = parseWorkbook(sheets, reference);
        return { issues: parsed.ok ? parsed.warnings : parsed.issues, result: parsed };
      });
      const issues = result.ok ? result.warnings : result.issues;
      const submission = result.ok && !hasErrors(issues) ? result.value : null;
      dispatch({ type: "checked", issues, ready: submission !== null });
      return submission;
    },
    [reference],
  );

  const prepare = useCallback(
    () =>
      run("prepare", async (p) => {
        const submission = await readAndCheck(p);
        if (!submission) return;
        const client = await api.client();
        // Only the latest revision is needed: with year and district given, GET /submissions lists
        // them newest revision first (shared/schemas/api/submissions.ts), so one row is enough.
        const list = await client.submissions({ year: submission.year, district: submission.district, limit: 1 });
        if (!list.ok) {
          dispatch({ type: "failed", error: fromApiFailure(list.failure) });
          return;
        }
        const latest = list.value.submissions
          .filter((r) => r.district === submission.district && r.year === submission.year)
          .sort((a, b) => b.revision - a.revision)[0];
        let diff = null;
        if (latest) {
          const prev = await client.submission(latest.id);
          if (!prev.ok) {
            dispatch({ type: "failed", error: fromApiFailure(prev.failure) });
            return;
          }
          diff = diffRevisions(prev.value.submission, latest.revision, submission, criteriaCount);
        }
        dispatch({ type: "reviewed", review: { submission, summary: summarizeSubmission(submission, criteriaCount), diff } });
      }),
    [run, readAndCheck, api, criteriaCount],
  );

  const send = useCallback(async () => {
    const review = current.current.review;
    if (!review) return;
    await run("send", async (p) => {
      const sent = await (await api.client()).submit(review.submission);
      if (!sent.ok) {
        const error = fromApiFailure(sent.failure);
        dispatch({ type: "refused", error });
        if (error.issues.length > 0) await p.markIssues(error.issues);
        return;
      }
      dispatch({ type: "accepted" });
      const { id, district, year, revision, submittedAt, deduplicated, warnings } = sent.value;
      const receipt: Receipt = { id, district, year, revision, submittedAt, deduplicated };
      try {
        await p.saveReceipt(receipt);
      } catch (e) {
        dispatch({ type: "receiptNotSaved", receipt, warnings, error: fromThrown(e) });
        return;
      }
      dispatch({ type: "receiptSaved", receipt, warnings });
    });
  }, [run, api]);

  const selectCell = useCallback(
    (issue: Issue) => {
      if (!port || !issue.sheet || !issue.cell) return;
      port.selectCell(issue.sheet, issue.cell).catch((e: unknown) => dispatch({ type: "selectFailed", error: fromThrown(e) }));
    },
    [port],
  );

  return {
    ...state,
    createTemplate: useCallback((district: DistrictRef, year: number) => create(district, year, false), [create]),
    confirmReplace: useCallback(async () => {
      const pending = current.current.pendingReplace;
      if (pending) await create(pending.district, pending.year, true);
    }, [create]),
    cancelReplace: useCallback(() => dispatch({ type: "replaceCancelled" }), []),
    check: useCallback(
      () =>
        run("check", async (p) => {
          await readAndCheck(p);
        }),
      [run, readAndCheck],
    ),
    prepare,
    send,
    cancel: useCallback(() => dispatch({ type: "reviewCancelled" }), []),
    selectCell,
  };
}
