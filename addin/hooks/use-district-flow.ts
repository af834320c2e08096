import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Issue } from "../../shared/result.ts";
import type { Receipt } from "../excel/port.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { Action, CheckPlan, DistrictRef, DistrictState, SendBody } from "../model/district-flow.ts";
import type { TemplatePlan } from "../model/template-plan.ts";
import { districtFlow, INITIAL } from "../model/district-flow.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown, NO_EXCEL } from "../model/ui-error.ts";

export type DistrictFlow = DistrictState & {
  /** `Tạo biểu mẫu` as planned (model/template-plan.ts): NTM-1, NTM-2 of the year's setup, or the error why not. */
  createTemplate: (plan: TemplatePlan, year: number) => Promise<void>;
  /** `Tạo biểu mẫu kết quả`: the result template from the unit's plan on the server (model/result-template.ts). */
  createResultTemplate: (plan: TemplatePlan, year: number) => Promise<void>;
  confirmReplace: () => Promise<void>;
  cancelReplace: () => void;
  /** `Kiểm tra` and `Gửi` read the workbook as the plan says (model/district-flow.ts `checkPlanOf`). */
  check: (plan: CheckPlan) => Promise<void>;
  prepare: (plan: CheckPlan) => Promise<void>;
  send: () => Promise<void>;
  cancel: () => void;
  selectCell: (issue: Issue) => void;
  /** Selects a cell the office commented on (errors shown on the review card). */
  selectReviewCell: (sheet: string, cell: string) => void;
  /** `Đánh dấu các ô`: marks the office's commented cells beside the last check's issues. */
  markReview: (marks: readonly Issue[]) => Promise<void>;
};

/** The unit is not a unit of the year's setup (planTemplate checks it first; the builder again). */
const unitNotInSetup = (code: string, year: number): UiError => ({
  source: "addin",
  code: "errorUnitNotInSetup",
  params: { code, year },
  status: null,
  issues: [],
  detail: null,
});

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
    (district: DistrictRef, year: number, setup: Setup | undefined, replace: boolean) =>
      run("create", async (p) => {
        const { templateSheets } = await import("../model/template-sheets.ts");
        const built = await templateSheets(setup ? await api.client() : null, district, year, setup, reference);
        if (!built.ok) {
          dispatch({ type: "failed", error: unitNotInSetup(district.code, year) });
          return;
        }
        const { sheets, ntm2, carry: carryNotes } = built;
        const result = await p.createTemplate(sheets, { replace });
        if (result.created)
          dispatch({
            type: "created",
            note: {
              year,
              name: district.name,
              skipped: result.skipped,
              ...(ntm2 ? { ntm2 } : {}),
              ...(carryNotes ? { carry: carryNotes } : {}),
            },
          });
        else dispatch({ type: "replaceAsked", pending: { district, year, existing: result.existing, ...(setup ? { setup } : {}) } });
      }),
    [run, reference, api],
  );

  const createResult = useCallback(
    (unit: DistrictRef, year: number, setup: Setup, replace: boolean) =>
      run("create", async (p) => {
        const { buildResultSheets } = await import("../model/result-template.ts");
        const built = await buildResultSheets(await api.client(), setup, unit);
        if (!built.ok) {
          dispatch({ type: "failed", error: built.error });
          return;
        }
        const result = await p.createTemplate(built.sheets, { replace });
        if (result.created) dispatch({ type: "created", note: { year, name: unit.name, skipped: result.skipped, result: built.note } });
        else dispatch({ type: "replaceAsked", pending: { district: unit, year, existing: result.existing, setup, result: true } });
      }),
    [run, api],
  );

  /** Reads and validates the sheets as the plan says, marks the cells; the body to send when there is no error. */
  const readAndCheck = useCallback(
    async (p: PanePort, plan: CheckPlan): Promise<SendBody | null> => {
      const { readForSend } = await import("../model/read-for-send.ts");
      // The office's marked cells stay marked through a check (until the next successful submission).
      const review = current.current.reviewMarks;
      const { result } = await p.checkTemplate((sheets) => {
        const checked = readForSend(sheets, plan, reference);
        return { issues: review.length > 0 ? [...checked.issues, ...review] : checked.issues, result: checked };
      });
      dispatch({ type: "checked", issues: result.issues, ready: result.body !== null });
      return result.body;
    },
    [reference],
  );

  const prepare = useCallback(
    (plan: CheckPlan) =>
      run("prepare", async (p) => {
        const body = await readAndCheck(p, plan);
        if (!body) return;
        const { reviewOf } = await import("../model/review-of.ts");
        const reviewed = await reviewOf(await api.client(), body, plan, criteriaCount);
        if (!reviewed.ok) {
          dispatch({ type: "failed", error: reviewed.error });
          return;
        }
        dispatch({ type: "reviewed", review: reviewed.review });
      }),
    [run, readAndCheck, api, criteriaCount],
  );

  const send = useCallback(async () => {
    const review = current.current.review;
    if (!review) return;
    await run("send", async (p) => {
      // POST /submissions takes either body (`templateVersion` tells them apart).
      const sent = await (await api.client()).submit(review.body.submission);
      if (!sent.ok) {
        const error = fromApiFailure(sent.failure);
        dispatch({ type: "refused", error });
        if (error.issues.length > 0) await p.markIssues(error.issues);
        return;
      }
      dispatch({ type: "accepted" });
      // The check's issues (marked by the prepare) without the office's marks, which this submission clears.
      const checked = current.current.issues ?? [];
      const hadReviewMarks = current.current.reviewMarks.length > 0;
      const { id, district, year, revision, submittedAt, deduplicated, warnings } = sent.value;
      const receipt: Receipt = { id, district: sent.value.unit ?? district, year, revision, submittedAt, deduplicated };
      try {
        await p.saveReceipt(receipt);
      } catch (e) {
        dispatch({ type: "receiptNotSaved", receipt, warnings, error: fromThrown(e) });
        return;
      }
      dispatch({ type: "receiptSaved", receipt, warnings });
      if (hadReviewMarks) await p.markIssues(checked);
    });
  }, [run, api]);

  const selectCell = useCallback(
    (issue: Issue) => {
      if (!port || !issue.sheet || !issue.cell) return;
      port.selectCell(issue.sheet, issue.cell).catch((e: unknown) => dispatch({ type: "selectFailed", error: fromThrown(e) }));
    },
    [port],
  );

  const selectReviewCell = useCallback(
    (sheet: string, cell: string) => {
      if (!port) {
        dispatch({ type: "selectFailed", error: NO_EXCEL, at: "review" });
        return;
      }
      port.selectCell(sheet, cell).catch((e: unknown) => dispatch({ type: "selectFailed", error: fromThrown(e), at: "review" }));
    },
    [port],
  );

  const markReview = useCallback(
    (marks: readonly Issue[]) =>
      run("mark", async (p) => {
        await p.markIssues([...(current.current.issues ?? []), ...marks]);
        dispatch({ type: "reviewMarked", marks });
      }),
    [run],
  );

  return {
    ...state,
    selectReviewCell,
    markReview,
    createTemplate: useCallback(
      async (plan: TemplatePlan, year: number) => {
        if (plan.kind === "error") {
          dispatch({ type: "started", action: "create" });
          dispatch({ type: "failed", error: plan.error });
          return;
        }
        await create(plan.unit, year, plan.kind === "ntm2" ? plan.setup : undefined, false);
      },
      [create],
    ),
    createResultTemplate: useCallback(
      async (plan: TemplatePlan, year: number) => {
        const { resultSetupOf } = await import("../model/result-template.ts");
        const chosen = resultSetupOf(plan, year);
        if (!chosen.ok) {
          dispatch({ type: "started", action: "create" });
          dispatch({ type: "failed", error: chosen.error });
          return;
        }
        await createResult(chosen.unit, year, chosen.setup, false);
      },
      [createResult],
    ),
    confirmReplace: useCallback(async () => {
      const pending = current.current.pendingReplace;
      if (pending?.result && pending.setup) await createResult(pending.district, pending.year, pending.setup, true);
      else if (pending) await create(pending.district, pending.year, pending.setup, true);
    }, [create, createResult]),
    cancelReplace: useCallback(() => dispatch({ type: "replaceCancelled" }), []),
    check: useCallback(
      (plan: CheckPlan) =>
        run("check", async (p) => {
          await readAndCheck(p, plan);
        }),
      [run, readAndCheck],
    ),
    prepare,
    send,
    cancel: useCallback(() => dispatch({ type: "reviewCancelled" }), []),
    selectCell,
  };
}
