import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../../shared/template/input.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import type { SheetModel } from "../../../shared/template/sheet-model.ts";
import { readWorkbookBuffer } from "../../../cli/xlsx/read-workbook.ts";
import { writeWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { unitSubmissionSchema } from "../../../shared/schemas/unit-submission.ts";
import { resultTemplate } from "../../../shared/template/build-result-ntm2.ts";
import { readTemplate } from "../../../shared/template/read-template.ts";
import { put } from "../../../shared/template/build-template.ts";
import { allIssues, brief } from "../helpers/issues.ts";
import { sheetInput, setCell } from "../helpers/grid.ts";
import { XA_2027, ntm2Workbook, upTo } from "./ntm2-fixtures.ts";
import { caoLocPlan2018, PLAN_06004, fillResult } from "./result-fixtures.ts";

/** The result template of 06004 from PLAN_06004, TH and disbursed typed, as models. */
function filled(th: readonly number[], disbursed: Record<number, unknown>): SheetModel[] {
  const r = resultTemplate(XA_2027, "06004", PLAN_06004);
  if (!r.ok) throw new Error("not built");
  fillResult(XA_2027, r.value.sheets, [th], disbursed);
  return r.value.sheets;
}
/** Through the CLI's writer and reader, like a file a unit sends back. */
async function roundTrip(models: SheetModel[]): Promise<SheetInput[]> {
  const read = await readWorkbookBuffer(await writeWorkbookBuffer(models));
  if (!read.ok) throw new Error("unreadable");
  return read.value;
}
const W = (sheet: string, code: string, cell: string | null, row: number | null, commune: string | null = null) => ({
  code,
  severity: "warning" as const,
  sheet,
  cell,
  row,
  commune,
});
const E = (sheet: string, code: string, cell: string | null, row: number | null, commune: string | null = null) => ({
  ...W(sheet, code, cell, row, commune),
  severity: "error" as const,
});

describe("readTemplate: a filled result template (Loại biểu = Kết quả thực hiện)", () => {
  it("round-trips through the CLI writer and reader into the exact result submission", async () => {
    const sheets = await roundTrip(filled(upTo(7), { 6: 1000, 7: 300.5, 8: 400.25, 9: 0 }));
    const r = readTemplate(sheets, XA_2027);
    expect(allIssues(r)).toEqual([]);
    expect(r.ok && r.value.version).toBe("NTM-2");
    const sub = r.ok ? r.value.submission : null;
    expect(sub).toEqual({
      templateVersion: "NTM-2",
      unit: "06004",
      unitName: "Xã Đoàn Kết",
      year: 2027,
      criteriaSet: "2026-2030",
      preparedBy: null,
      phone: null,
      preparedOn: null,
      round: "result",
      communes: [
        {
          code: "06004",
          name: "Đoàn Kết",
          group: 2,
          attributes: { "Xã biên giới": false },
          flags: { "Phấn đấu đạt chuẩn NTM": false, "NTM nâng cao": true },
          baseline: upTo(6),
          plan: upTo(8),
          achieved: upTo(7),
          source: { sheet: "Tiêu chí", row: 6 },
        },
      ],
      capital: { "1.1": 1_200_000, "1.2": 300_500, "2": 450_000, "3": 20_000 },
      disbursed: { "1.1": 1_000_000, "1.2": 300_500, "2": 400_250, "3": 0 },
      source: {
        criteriaSheet: "Tiêu chí",
        columns: {
          code: "B",
          name: "C",
          group: "D",
          labels: { "Xã biên giới": "E", "Phấn đấu đạt chuẩn NTM": "F", "NTM nâng cao": "G" },
          criteria: upTo(10).map((k) => {
            const col = (i: number) => {
              const n = 8 + 3 * (k - 1) + i;
              return n <= 26 ? String.fromCharCode(64 + n) : `A${String.fromCharCode(64 + n - 26)}`;
            };
            return { baseline: col(0), plan: col(1), achieved: col(2) };
          }),
        },
      },
    });
    expect(unitSubmissionSchema.safeParse(sub).success).toBe(true);
  });

  it("`Loại biểu` is matched forgivingly; `Kế hoạch` or empty means a plan; another value is result.kind_invalid", async () => {
    const models = filled(upTo(6), { 6: 1 });
    put(models[0]!, 11, 1, "  loại BIỂU ");
    put(models[0]!, 11, 2, "kết quả   THỰC hiện");
    const r = readTemplate(await roundTrip(models), XA_2027);
    expect(r.ok && r.value.submission.round).toBe("result");
    put(models[0]!, 11, 2, "Báo cáo");
    expect(brief(allIssues(readTemplate(await roundTrip(models), XA_2027)))).toEqual([E("Thông tin", "result.kind_invalid", "B11", 11)]);
  });

  it("a plan template parses exactly as before: no round, achieved or disbursed", () => {
    const plan = ntm2Workbook(XA_2027, "06004", [{ baseline: upTo(6), plan: upTo(8) }], { "1.1": 5 });
    const r = readTemplate(plan.sheets, XA_2027);
    const sub = r.ok ? r.value.submission : null;
    expect(sub && "round" in sub).toBe(false);
    expect(sub && "disbursed" in sub).toBe(false);
    expect(sub?.communes[0] && "achieved" in sub.communes[0]).toBe(false);
    expect(sub?.source?.columns.criteria[0]).toEqual({ baseline: "H", plan: "I" });
    setCell(plan.info, "A11", "Loại biểu");
    setCell(plan.info, "B11", "Kế hoạch");
    const again = readTemplate(plan.sheets, XA_2027);
    expect(again.ok && again.value.submission).toEqual(sub);
  });

  it("TH takes the values KH takes; anything else is criterion.invalid_value at its cell (sub TH)", async () => {
    const models = filled(upTo(6), {});
    put(models[1]!, 6, 10, "1");
    put(models[1]!, 6, 13, "x");
    put(models[1]!, 6, 16, "Đạtt");
    const r = readTemplate(await roundTrip(models), XA_2027);
    const issues = allIssues(r);
    expect(brief(issues)).toEqual([E("Tiêu chí", "criterion.invalid_value", "P6", 6, "06004")]);
    expect(issues[0]!.message).toBe(`Giá trị "Đạtt" ở tiêu chí 3 (TH) không hợp lệ. Hãy chọn "Đạt" hoặc "Chưa đạt" (hoặc để trống).`);
  });

  it("a TH sub-column missing under a label: header.subcolumn_missing (sub TH)", async () => {
    const models = filled(upTo(6), {});
    put(models[1]!, 5, 13, "Ghi chú");
    const issues = allIssues(readTemplate(await roundTrip(models), XA_2027));
    expect(brief(issues)).toEqual([E("Tiêu chí", "header.subcolumn_missing", "K4", 4)]);
    expect(issues[0]!.messageEn).toContain("TH");
  });

  it("`Thực hiện` amounts follow the plan column's number rules; a result without the column is result.disbursed_column_missing", async () => {
    const bad = filled(upTo(6), { 6: -5, 7: "35,000", 8: 1e12 });
    expect(brief(allIssues(readTemplate(await roundTrip(bad), XA_2027)))).toEqual([
      E("Nguồn vốn", "capital.amount_negative", "D6", 6),
      E("Nguồn vốn", "capital.amount_ambiguous", "D7", 7),
      E("Nguồn vốn", "capital.amount_too_large", "D8", 8),
    ]);
    const typedSum = filled(upTo(6), { 5: 10, 6: 4, 7: 5 });
    expect(brief(allIssues(readTemplate(await roundTrip(typedSum), XA_2027)))).toEqual([
      E("Nguồn vốn", "capital.row_sum_mismatch", "D5", 5),
    ]);
    const none = filled(upTo(6), {});
    put(none[2]!, 4, 4, "Ghi chú 2");
    expect(brief(allIssues(readTemplate(await roundTrip(none), XA_2027)))).toEqual([
      E("Nguồn vốn", "result.disbursed_column_missing", null, 4),
    ]);
  });

  it("the result rules run in the parser with the cells: criterion lost, disbursed over plan", async () => {
    const models = filled([1, 2, 3, 4, 5], { 6: 1200.001 });
    expect(brief(allIssues(readTemplate(await roundTrip(models), XA_2027)))).toEqual([
      W("Tiêu chí", "result.criterion_lost", "Y6", 6, "06004"),
      W("Nguồn vốn", "result.disbursed_over_plan", "D6", 6),
    ]);
  });

  it("the plan rules are not run again on HT/KH of a result (a result without a plan has no plan.* warning)", () => {
    const r = resultTemplate(XA_2027, "06007", null);
    if (!r.ok) throw new Error();
    fillResult(XA_2027, r.value.sheets, [[1]], {}, false);
    const read = readTemplate(
      r.value.sheets.map((m) => sheetInput(m)),
      XA_2027,
    );
    expect(allIssues(read)).toEqual([]);
    expect(read.ok && read.value.submission.communes[0]!.achieved).toEqual([1]);
  });
});

describe("a result of a built-in year (2016-2020): the NTM-2 layout, read under the built-in setup", () => {
  it("2018, district 183, from its NTM-1 plan: read back as a result with 19 criteria", async () => {
    const setup = builtInSetup(2018)!;
    const plan = caoLocPlan2018({ ntmTarget: false, baseline: upTo(10), plan: upTo(15), local: 0 });
    const r = resultTemplate(setup, "183", plan);
    if (!r.ok) throw new Error();
    fillResult(setup, r.value.sheets, [upTo(12)], { 6: 900 });
    const read = readTemplate(await roundTrip(r.value.sheets), setup);
    expect(allIssues(read)).toEqual([]);
    const sub = read.ok ? read.value.submission : null;
    expect([
      read.ok && read.value.version,
      sub?.round,
      sub?.communes[0]?.baseline,
      sub?.communes[0]?.plan,
      sub?.communes[0]?.achieved,
    ]).toEqual(["NTM-2", "result", upTo(10), upTo(15), upTo(12)]);
    expect(sub?.communes[0]?.attributes).toEqual({ "Xã biên giới": true });
    expect([sub?.capital["1.1"], sub?.disbursed?.["1.1"]]).toEqual([1_000_000, 900_000]);
  });
});
