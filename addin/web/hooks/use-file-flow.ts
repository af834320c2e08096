import { useCallback, useReducer, useRef } from "react";
import type { ReferenceData } from "../../../shared/reference/index.ts";
import type { LazyApi } from "../../host/lazy-api.ts";
import type { CheckPlan } from "../../model/district-flow.ts";
import { fromApiFailure, fromThrown } from "../../model/ui-error.ts";
import type { FileCheck } from "../model/check-file.ts";
import type { FileState } from "../model/file-flow.ts";
import { FILE_INITIAL, fileFlow } from "../model/file-flow.ts";

export type FileFlow = FileState & {
  /** A file chosen or dropped: read and checked in the browser, then previewed when it has no error. */
  choose: (file: File) => Promise<void>;
  /** The unit confirmed the listed TCVN3/VNI conversions: applied to the data, checked again. */
  convert: () => Promise<void>;
  /** The chosen file with the confirmed conversions written in (exceljs, as `ntm convert`), as a download. */
  downloadConverted: () => Promise<void>;
  send: () => Promise<void>;
};

/** Loaded on the first file: the reader, the parsers and the rules are not needed before. */
const checking = () => import("../model/check-file.ts");

/**
 * The web page's file work: the state is model/file-flow.ts's reducer; this hook runs the reading,
 * the check, the preview (GET the last revision) and the send, and dispatches what they return.
 */
export function useFileFlow(api: LazyApi, plan: CheckPlan, reference: ReferenceData): FileFlow {
  const [state, dispatch] = useReducer(fileFlow, FILE_INITIAL);
  /** The chosen file itself (not state: only the converted download reads it again). */
  const chosen = useRef<File | null>(null);
  const current = useRef(state);
  current.current = state;
  const criteriaCount = reference.criteria.criteria.length;

  /** A check without errors gets its preview (summary, difference from the last stored revision). */
  const preview = useCallback(
    async (check: FileCheck) => {
      if (check.kind !== "checked" || check.body === null) return;
      try {
        const { reviewOf } = await import("../../model/review-of.ts");
        const r = await reviewOf(await api.client(), check.body, plan, criteriaCount);
        dispatch(r.ok ? { type: "reviewed", review: r.review } : { type: "failed", error: r.error });
      } catch (e) {
        dispatch({ type: "failed", error: fromThrown(e) });
      }
    },
    [api, plan, criteriaCount],
  );

  const choose = useCallback(
    async (file: File) => {
      const started = performance.now();
      chosen.current = file;
      dispatch({ type: "chosen", name: file.name, size: file.size });
      try {
        const m = await checking();
        const tooLarge = m.fileSizeIssue(file.name, file.size);
        const check: FileCheck = tooLarge
          ? { kind: "refused", issues: [tooLarge] }
          : await m.checkFile(new Uint8Array(await file.arrayBuffer()), file.name, plan, reference);
        dispatch({ type: "checked", check, ms: performance.now() - started });
        await preview(check);
      } catch (e) {
        dispatch({ type: "failed", error: fromThrown(e) });
      }
    },
    [plan, reference, preview],
  );

  const convert = useCallback(async () => {
    const check = current.current.check;
    if (check?.kind !== "checked" || check.legacy.length === 0) return;
    const m = await checking();
    const next = m.checkSheets(m.applyConversion(check.sheets, check.legacy), plan, reference);
    dispatch({ type: "converted", check: next, changes: check.legacy });
    await preview(next);
  }, [plan, reference, preview]);

  const downloadConverted = useCallback(async () => {
    const file = chosen.current;
    const changes = current.current.converted;
    if (!file || changes.length === 0) return;
    try {
      const [{ applyLegacyChanges }, { workbookBytes }, { loadExcel, saveXlsx }] = await Promise.all([
        import("../../../cli/xlsx/convert-workbook.ts"),
        import("../../../cli/xlsx/workbook-bytes.ts"),
        import("../xlsx/save-xlsx.ts"),
      ]);
      const excel = await loadExcel();
      const workbook = new excel.Workbook();
      await workbook.xlsx.load((await file.arrayBuffer()) as never);
      applyLegacyChanges(excel, workbook, changes);
      saveXlsx(await workbookBytes(workbook), `${file.name.replace(/\.xlsx$/i, "")}-unicode.xlsx`);
    } catch (e) {
      dispatch({ type: "failed", error: fromThrown(e) });
    }
  }, []);

  const send = useCallback(async () => {
    const review = current.current.review;
    if (!review) return;
    dispatch({ type: "sending" });
    try {
      // POST /submissions takes either body (`templateVersion` tells them apart).
      const sent = await (await api.client()).submit(review.body.submission);
      dispatch(sent.ok ? { type: "sent", receipt: sent.value } : { type: "refused", error: fromApiFailure(sent.failure) });
    } catch (e) {
      dispatch({ type: "failed", error: fromThrown(e) });
    }
  }, [api]);

  return { ...state, choose, convert, downloadConverted, send };
}
