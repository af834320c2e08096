import { describe, expect, it } from "vitest";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { ROUND_ROW, resultTemplate } from "../../../shared/template/build-result-ntm2.ts";
import { resultLayout } from "../../../shared/template/build-result-criteria.ts";
import { cellAddress } from "../../../shared/template/a1.ts";
import { fitRowHeights } from "../../../shared/template/row-height.ts";
import { FREE_2026, XA_2027, upTo } from "./ntm2-fixtures.ts";
import { caoLocPlan2018, PLAN_06004, resultColumn } from "./result-fixtures.ts";

const cell = (m: SheetModel, a1: string) => {
  const match = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return m.cells[Number(match[2]) - 1]?.[col - 1] ?? null;
};
const sheetsOf = (r: ReturnType<typeof resultTemplate>) => {
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.value.sheets;
};

describe("resultTemplate: the result template of a unit from its plan (NTM-2 layout)", () => {
  const [info, crit, capital] = sheetsOf(resultTemplate(XA_2027, "06004", PLAN_06004)) as [SheetModel, SheetModel, SheetModel];

  it("`Thông tin`: the NTM-2 rows, then `Loại biểu` = `Kết quả thực hiện`, locked", () => {
    expect(ROUND_ROW).toBe(11);
    expect(["A3", "B3", "B4", "B5", "B6", "B10", "A11", "B11"].map((a) => cell(info, a))).toEqual([
      "Mã đơn vị",
      "06004",
      "Xã Đoàn Kết",
      2027,
      "2026-2030",
      "NTM-2",
      "Loại biểu",
      "Kết quả thực hiện",
    ]);
    expect(info.protection?.unlocked).toEqual(["B7:B9"]);
    expect(info.rowHeights).toEqual([{ row: 1, points: 18.75 }]);
  });

  it("`Tiêu chí`: HT, KH, TH under each criterion label; counts for the three", () => {
    expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4", "H4", "K4", "AI4", "AL4"].map((a) => cell(crit, a))).toEqual([
      "STT",
      "Mã xã",
      "Tên xã",
      "Nhóm xã",
      "Xã biên giới",
      "Phấn đấu đạt chuẩn NTM",
      "NTM nâng cao",
      "TC1 - Quy hoạch",
      "TC2 - Hạ tầng kinh tế - xã hội",
      "TC10 - Tiếp cận pháp luật và an ninh, quốc phòng",
      "Số tiêu chí đạt",
    ]);
    expect(["H5", "I5", "J5", "AI5", "AJ5", "AK5", "AL5", "AM5", "AN5"].map((a) => cell(crit, a))).toEqual([
      "HT",
      "KH",
      "TH",
      "HT",
      "KH",
      "TH",
      "HT",
      "KH",
      "TH",
    ]);
    expect(crit.merges).toContain("H4:J4");
    expect(crit.merges).toContain("AL4:AN4");
    expect(resultColumn(XA_2027, 10, "TH")).toBe(37);
  });

  it("the plan's commune: code, name, group, marks, HT 1-6 and KH 1-8 pre-filled; TH empty", () => {
    expect(["A6", "B6", "C6", "D6", "E6", "F6", "G6"].map((a) => cell(crit, a))).toEqual([1, "06004", "Đoàn Kết", 2, null, null, "x"]);
    const row = (sub: "HT" | "KH" | "TH") => upTo(10).map((k) => cell(crit, cellAddress(6, resultColumn(XA_2027, k, sub))));
    const yes = (n: number) => upTo(10).map((k) => (k <= n ? "Đạt" : "Chưa đạt"));
    expect(row("HT")).toEqual(yes(6));
    expect(row("KH")).toEqual(yes(8));
    expect(row("TH")).toEqual(Array(10).fill(null));
    expect(cell(crit, "C7")).toBe("Tổng cộng");
    expect(cell(crit, "AN7")).toEqual({ formula: "=COUNTIF(AN6,10)" });
  });

  it("locked: everything but TH; TH has the drop-down of KH", () => {
    const th = upTo(10).map((k) => cellAddress(6, resultColumn(XA_2027, k, "TH")));
    expect(th).toEqual(["J6", "M6", "P6", "S6", "V6", "Y6", "AB6", "AE6", "AH6", "AK6"]);
    expect(crit.protection?.unlocked).toEqual(th);
    expect(crit.validations).toEqual(th.map((range) => ({ range, list: ["Đạt", "Chưa đạt"], prompt: "Đạt / Chưa đạt" })));
  });

  it("header row heights fit their labels", () => {
    expect(crit.rowHeights).toEqual(fitRowHeights(crit, [1, 2, 3, 4, 5]));
    expect(crit.rowHeights.find((h) => h.row === 4)!.points).toBe(45);
    expect(capital.rowHeights).toEqual([
      { row: 1, points: 18.75 },
      { row: 2, points: 16.5 },
      { row: 4, points: 30 },
    ]);
  });

  it("`Nguồn vốn`: the plan amounts (million VND) locked, `Thực hiện (triệu đồng)` beside them unlocked, sums as formulas", () => {
    expect(["C4", "D4", "E4"].map((a) => cell(capital, a))).toEqual([
      "Kế hoạch năm 2027 (triệu đồng)",
      "Thực hiện (triệu đồng)",
      "Ghi chú",
    ]);
    expect(["C5", "C6", "C7", "C8", "C9", "C10"].map((a) => cell(capital, a))).toEqual([
      { formula: "=C6+C7" },
      1200,
      300.5,
      450,
      20,
      { formula: "=C5+C8+C9" },
    ]);
    expect(["D5", "D6", "D9", "D10"].map((a) => cell(capital, a))).toEqual([{ formula: "=D6+D7" }, null, null, { formula: "=D5+D8+D9" }]);
    expect(capital.protection?.unlocked).toEqual(["D6", "D7", "D8", "D9", "E5:E10"]);
  });
});

describe("resultTemplate without a plan, from an NTM-1 plan, for an unknown unit", () => {
  it("no plan: the note row, the setup's commune, HT/KH empty and locked", () => {
    const [, crit, capital] = sheetsOf(resultTemplate(XA_2027, "06007", null)) as SheetModel[];
    expect(cell(crit!, "A4")).toBe("Chưa có kế hoạch được lưu: HT, KH để trống");
    expect(resultLayout(XA_2027, false).headerRow).toBe(5);
    expect(["B5", "H6", "B7", "C7", "D7", "H7", "I7", "J7"].map((a) => cell(crit!, a))).toEqual([
      "Mã xã",
      "HT",
      "06007",
      "Tân Tiến",
      1,
      null,
      null,
      null,
    ]);
    expect(crit!.protection?.unlocked[0]).toBe("J7");
    expect(crit!.rowHeights.map((h) => h.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cell(capital!, "C6")).toBeNull();
  });

  it("no plan and no commune list: blank rows, code to marks unlocked with TH", () => {
    const [, crit] = sheetsOf(resultTemplate(FREE_2026, "183", null, 2)) as SheetModel[];
    const th = (k: number) => resultColumn(FREE_2026, k, "TH", false);
    expect(th(1)).toBe(9);
    expect(crit!.protection?.unlocked).toEqual(["A7:F8", ...upTo(10).map((k) => `${cellAddress(7, th(k))}:${cellAddress(8, th(k))}`)]);
  });

  it("an NTM-1 plan of a built-in year is brought to the general shape first (NTM-2 layout, 19 criteria)", () => {
    const setup = builtInSetup(2018)!;
    const ntm1 = caoLocPlan2018({ ntmTarget: true, baseline: upTo(19), plan: upTo(19), local: 500_500 });
    const r = resultTemplate(setup, "183", ntm1);
    expect(r.ok && r.value.version).toBe("NTM-2");
    const [info, crit, capital] = sheetsOf(r) as SheetModel[];
    expect(cell(info!, "B11")).toBe("Kết quả thực hiện");
    // No group; marks: Xã biên giới, Xã điểm ĐBKK, Phấn đấu đạt chuẩn NTM, Xã ĐBKK do huyện chọn.
    expect(["B6", "C6", "D6", "E6", "F6", "G6", "H6", "I6", "J6"].map((a) => cell(crit!, a))).toEqual([
      "06148",
      "Xã Tân Liên",
      "x",
      null,
      "x",
      null,
      "Đạt",
      "Đạt",
      null,
    ]);
    expect(["BL5", "BM5", "BO5"].map((a) => cell(crit!, a))).toEqual(["TH", "HT", "TH"]);
    expect(["C6", "C7"].map((a) => cell(capital!, a))).toEqual([1000, 500.5]);
  });

  it("a code not of the setup: info.unit_unknown", () => {
    const r = resultTemplate(XA_2027, "06999", null);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["info.unit_unknown"]);
  });
});
