import { useCallback, useEffect, useRef, useState } from "react";
import type { ReviewRequest, StatusResponse } from "../../shared/schemas/api/review.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { CellRef } from "../excel/port.ts";
import type { LazyApi } from "../host/lazy-api.ts";
import type { PanePort } from "../host/lazy-port.ts";
import { reloadsAfter } from "../model/review-board.ts";
import type { UiError } from "../model/ui-error.ts";
import { fromApiFailure, fromThrown, NO_EXCEL } from "../model/ui-error.ts";

/** What was last done on the board (shown as a note): a review action on a unit, or a saved deadline. */
export type BoardNote = { kind: "action"; action: ReviewRequest["action"]; unit: string } | { kind: "deadline"; date: string };

export type ReviewBoard = {
  status: StatusResponse | null;
  loading: boolean;
  /** The board could not be read (GET /status). */
  loadError: UiError | null;
  /** A review action or the deadline was refused (409 `review.stale`: the board was reloaded too). */
  actionError: UiError | null;
  busy: boolean;
  note: BoardNote | null;
  reload: () => void;
  /** POST /reviews, then the board reloads; true when the server took it. */
  review: (request: ReviewRequest) => Promise<boolean>;
  saveDeadline: (date: string) => Promise<boolean>;
  /** The workbook's active cell, for a cell comment (null: no Excel or it failed, the error shown). */
  pickCell: () => Promise<CellRef | null>;
};

/**
 * The office's status board of one year and round: GET /status/:year (every unit's status, the
 * completeness, the deadline), the review actions and the round's deadline; reloaded after each.
 */
export function useReviewBoard(api: LazyApi, port: PanePort | null, year: number, round: Round, enabled: boolean): ReviewBoard {
  const [status, setStatus] = useState<StatusResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<BoardNote | null>(null);
  const [tick, setTick] = useState(0);
  const want = useRef({ year, round });
  want.current = { year, round };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the reload counter.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoading(true);
    void (async () => {
      try {
        const r = await (await api.client()).status(year, { round });
        if (!live) return;
        if (r.ok) {
          setStatus(r.value);
          setLoadError(null);
        } else {
          setStatus(null);
          setLoadError(fromApiFailure(r.failure));
        }
      } catch (e) {
        if (live) setLoadError(fromThrown(e));
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [api, year, round, enabled, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);

  const review = useCallback(
    async (request: ReviewRequest) => {
      setBusy(true);
      setActionError(null);
      setNote(null);
      try {
        const r = await (await api.client()).review(request);
        if (r.ok) {
          setNote({ kind: "action", action: request.action, unit: request.unit });
          reload();
          return true;
        }
        setActionError(fromApiFailure(r.failure));
        if (reloadsAfter(r.failure.code)) reload();
        return false;
      } catch (e) {
        setActionError(fromThrown(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, reload],
  );

  const saveDeadline = useCallback(
    async (date: string) => {
      setBusy(true);
      setActionError(null);
      setNote(null);
      try {
        const { year: y, round: r } = want.current;
        const res = await (await api.client()).setDeadline(y, r, date);
        if (!res.ok) {
          setActionError(fromApiFailure(res.failure));
          return false;
        }
        setNote({ kind: "deadline", date });
        reload();
        return true;
      } catch (e) {
        setActionError(fromThrown(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, reload],
  );

  const pickCell = useCallback(async () => {
    if (!port) {
      setActionError(NO_EXCEL);
      return null;
    }
    try {
      return await port.activeCell();
    } catch (e) {
      setActionError(fromThrown(e));
      return null;
    }
  }, [port]);

  return { status, loading, loadError, actionError, busy, note, reload, review, saveDeadline, pickCell };
}
