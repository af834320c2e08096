import { useCallback, useReducer } from "react";
import type { PanePort } from "../host/lazy-port.ts";
import { CONVERT_INITIAL, convertFlow } from "../model/convert-flow.ts";
import type { ConvertState } from "../model/convert-flow.ts";
import { fromThrown, NO_EXCEL } from "../model/ui-error.ts";

export type ConvertFlow = ConvertState & {
  /** Reads the text cells with their fonts (one Excel.run) and shows the preview. */
  preview: () => Promise<void>;
  /** Writes the previewed cells (one Excel.run), then re-runs `Kiểm tra`. */
  confirm: () => Promise<void>;
  cancel: () => void;
};

/** "Chuyển mã TCVN3/VNI": the effects around the convert-flow reducer (addin/model/convert-flow.ts). */
export function useConvertFlow(port: PanePort | null, recheck: () => Promise<void>): ConvertFlow {
  const [state, dispatch] = useReducer(convertFlow, CONVERT_INITIAL);

  const preview = useCallback(async () => {
    dispatch({ type: "reading" });
    if (!port) {
      dispatch({ type: "failed", error: NO_EXCEL });
      return;
    }
    try {
      const { convertCells } = await import("../../shared/text/legacy-convert.ts");
      const { cells, fonts } = await port.readTextCells();
      dispatch({ type: "previewed", changes: convertCells(cells), fonts });
    } catch (e) {
      dispatch({ type: "failed", error: fromThrown(e) });
    }
  }, [port]);

  const confirm = useCallback(async () => {
    if (!port || state.status !== "preview" || state.changes.length === 0) return;
    dispatch({ type: "writing" });
    try {
      const { written, stale } = await port.writeConverted(state.changes);
      dispatch({ type: "written", written, stale });
    } catch (e) {
      dispatch({ type: "failed", error: fromThrown(e) });
      return;
    }
    await recheck();
  }, [port, state.status, state.changes, recheck]);

  return { ...state, preview, confirm, cancel: useCallback(() => dispatch({ type: "cancelled" }), []) };
}
