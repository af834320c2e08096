import { describe, expect, it } from "vitest";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { PREFILL_NOTES_ROW, unitTemplate } from "../../../shared/template/build-template-ntm2.ts";
import { ntm2Layout } from "../../../shared/template/build-criteria-ntm2.ts";
import { ntm2Columns } from "../../../shared/template/ntm2-columns.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { XA_2027 } from "./ntm2-fixtures.ts";

const cellAt = (m: SheetModel, row: number, col: number) => m.cells[row - 1]?.[col - 1] ?? null;
const sheets = (r: ReturnType<typeof unitTemplate>) => {
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.value.sheets as [SheetModel, SheetModel, SheetModel];
};

describe("unitTemplate with a carry-over pre-fill (HT from the previous year)", () => {
  const prefill = {
    fromYear: 2026,
    baseline: { "06004": [1, 2, 5] },
    notes: ["HT lấy từ kết quả thực hiện năm 2026: Xã Đoàn Kết (06004)."],
  };
  const [info, crit] = sheets(unitTemplate(XA_2027, "06004", undefined, prefill));
  const L = ntm2Layout(ntm2Columns(XA_2027), 10);

  it("HT: Đạt for the criteria met, Chưa đạt for the others of the set; KH left empty", () => {
    const ht = Array.from({ length: 10 }, (_, i) => cellAt(crit, L.firstDataRow, L.firstCriterionColumn + 2 * i));
    expect(ht).toEqual(["Đạt", "Đạt", "Chưa đạt", "Chưa đạt", "Đạt", "Chưa đạt", "Chưa đạt", "Chưa đạt", "Chưa đạt", "Chưa đạt"]);
    const kh = Array.from({ length: 10 }, (_, i) => cellAt(crit, L.firstDataRow, L.firstCriterionColumn + 2 * i + 1));
    expect(kh).toEqual(Array.from({ length: 10 }, () => null));
    // The unit can change them: HT stays inside the unlocked range.
    expect(crit.protection?.unlocked).toEqual(["F6:AA6"]);
  });

  it("row 3 of Tiêu chí says HT was pre-filled; Thông tin lists the notes from row 12", () => {
    expect(String(cellAt(crit, 3, 1))).toContain(
      "HT đã điền sẵn từ số liệu năm 2026 (xem ghi chú ở sheet Thông tin); đơn vị kiểm tra và sửa nếu cần.",
    );
    expect(PREFILL_NOTES_ROW).toBe(12);
    expect([cellAt(info, 12, 1), cellAt(info, 12, 2), cellAt(info, 13, 2)]).toEqual([
      "Ghi chú HT",
      "HT đã điền sẵn từ số liệu năm 2026 (xem ghi chú ở sheet Thông tin); đơn vị kiểm tra và sửa nếu cần.",
      "HT lấy từ kết quả thực hiện năm 2026: Xã Đoàn Kết (06004).",
    ]);
    expect(info.protection?.unlocked).toEqual(["B7:B9"]);
  });

  it("a pre-fill with notes only (set changed): nothing in HT, the sentence says HT is not pre-filled", () => {
    const [i2, c2] = sheets(unitTemplate(XA_2027, "06004", undefined, { fromYear: 2026, baseline: {}, notes: ["Bộ tiêu chí ... khác"] }));
    expect(cellAt(c2, L.firstDataRow, L.firstCriterionColumn)).toBeNull();
    expect([cellAt(i2, 12, 2), cellAt(i2, 13, 2)]).toEqual([
      "HT chưa điền sẵn từ số liệu năm 2026 (xem ghi chú ở sheet Thông tin).",
      "Bộ tiêu chí ... khác",
    ]);
  });

  it("without a pre-fill: unchanged (no note rows, HT empty)", () => {
    const [i3, c3] = sheets(unitTemplate(XA_2027, "06004"));
    expect(cellAt(i3, 12, 1)).toBeNull();
    expect(cellAt(c3, L.firstDataRow, L.firstCriterionColumn)).toBeNull();
    expect(String(cellAt(c3, 3, 1))).not.toContain("HT đã điền sẵn");
  });

  it("a built-in year (NTM-1) ignores the pre-fill", () => {
    const r = unitTemplate(builtInSetup(2018)!, "183", undefined, prefill);
    expect(r.ok && r.value.version).toBe("NTM-1");
  });
});
