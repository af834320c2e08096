import { describe, expect, it } from "vitest";
import type { Issue } from "../../../shared/result.ts";
import type { LegacyChange } from "../../../shared/text/legacy-convert.ts";
import { CONVERT_INITIAL, canConfirm, changeLine, convertFlow, hasLegacyText } from "../../../addin/model/convert-flow.ts";
import type { ConvertEvent, ConvertState } from "../../../addin/model/convert-flow.ts";
import { NO_EXCEL } from "../../../addin/model/ui-error.ts";

const B2: LegacyChange = { sheet: "Tiêu chí", cell: "B2", before: "X· §oµn KÕt", after: "Xã Đoàn Kết", encoding: "tcvn3" };
const B3: LegacyChange = { sheet: "Tiêu chí", cell: "B3", before: "x· ®oµn kÕt", after: "XÃ ĐOÀN KẾT", encoding: "tcvn3" };

const play = (...events: ConvertEvent[]): ConvertState => events.reduce(convertFlow, CONVERT_INITIAL);

describe("convertFlow (Chuyển mã: preview, then confirm)", () => {
  it("read → preview of every change → confirm → written", () => {
    const preview = play({ type: "reading" }, { type: "previewed", changes: [B2, B3], fonts: true });
    expect(preview).toEqual({ status: "preview", changes: [B2, B3], fonts: true, written: 0, stale: [], error: null });
    expect(canConfirm(preview)).toBe(true);
    const writing = convertFlow(preview, { type: "writing" });
    expect(writing.status).toBe("writing");
    expect(canConfirm(writing)).toBe(false);
    expect(convertFlow(writing, { type: "written", written: 1, stale: ["Tiêu chí!B3"] })).toEqual({
      status: "done",
      changes: [B2, B3],
      fonts: true,
      written: 1,
      stale: ["Tiêu chí!B3"],
      error: null,
    });
  });

  it("never writes without a preview that changes something", () => {
    expect(convertFlow(CONVERT_INITIAL, { type: "writing" })).toBe(CONVERT_INITIAL);
    const empty = play({ type: "reading" }, { type: "previewed", changes: [], fonts: true });
    expect(canConfirm(empty)).toBe(false);
    expect(convertFlow(empty, { type: "writing" })).toBe(empty);
    expect(canConfirm(CONVERT_INITIAL)).toBe(false);
  });

  it("cancel drops the preview; a failure is shown and nothing is pending", () => {
    expect(play({ type: "reading" }, { type: "previewed", changes: [B2], fonts: false }, { type: "cancelled" })).toEqual(CONVERT_INITIAL);
    const failed = play({ type: "reading" }, { type: "failed", error: NO_EXCEL });
    expect(failed).toEqual({ ...CONVERT_INITIAL, error: NO_EXCEL });
    // A new read clears the error.
    expect(convertFlow(failed, { type: "reading" }).error).toBeNull();
  });

  it("keeps `fonts: false` for the preview's warning (ExcelApi < 1.9)", () => {
    expect(play({ type: "reading" }, { type: "previewed", changes: [B2], fonts: false }).fonts).toBe(false);
  });

  it("offers the conversion prominently only after a check found legacy text", () => {
    const legacy = { code: "text.legacy_encoding", severity: "error", sheet: "Tiêu chí", cell: "B2", message: "" } as unknown as Issue;
    const other = { code: "value.required", severity: "error", sheet: "Tiêu chí", cell: "C2", message: "" } as unknown as Issue;
    expect(hasLegacyText([other, legacy])).toBe(true);
    expect(hasLegacyText([other])).toBe(false);
    expect(hasLegacyText([])).toBe(false);
    expect(hasLegacyText(null)).toBe(false);
  });

  it("a preview line says sheet!cell: before → after", () => {
    expect(changeLine(B2)).toBe("Tiêu chí!B2: X· §oµn KÕt → Xã Đoàn Kết");
  });
});
