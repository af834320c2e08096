import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { checkPlanOf } from "../../../addin/model/district-flow.ts";
import { readForSend } from "../../../addin/model/read-for-send.ts";
import { summarizeUnitSubmission } from "../../../addin/model/submission-summary.ts";
import { NO_EXCEL } from "../../../addin/model/ui-error.ts";
import { brief } from "../../shared/helpers/issues.ts";
import { setCell, workbook } from "../../shared/helpers/grid.ts";
import { HUYEN_2023, ntm2Workbook, upTo } from "../../shared/template/ntm2-fixtures.ts";

const B2018 = builtInSetup(2018)!;
const SETUP_2023 = { kind: "setup", setup: HUYEN_2023 } as const;
const T = (code: string, severity: "error" | "warning", cell: string | null, row: number | null, commune: string | null) => ({
  code,
  severity,
  sheet: "Tiêu chí",
  cell,
  row,
  commune,
});

/** HUYEN_2023's unit 183: its three listed communes pre-filled (06148, 06151, 06154); capital 1.2 tỷ + 0,5 triệu. */
const filled = () =>
  ntm2Workbook(HUYEN_2023, "183", [{ baseline: upTo(19), plan: upTo(19) }, { baseline: [1], plan: upTo(19) }, { plan: upTo(6) }], {
    "1.1": 1200,
    "2": "0,5",
  });

describe("checkPlanOf: which parser for which year", () => {
  it("an applied setup: readTemplate under it", () => {
    expect(checkPlanOf({ status: "ready", setup: HUYEN_2023 })).toEqual({ kind: "setup", setup: HUYEN_2023 });
  });

  it("built-in years, no setup, no answer, no session: today's NTM-1 parser", () => {
    expect(checkPlanOf({ status: "ready", setup: B2018 })).toEqual({ kind: "ntm1" });
    expect(checkPlanOf({ status: "missing" })).toEqual({ kind: "ntm1" });
    expect(checkPlanOf({ status: "error", error: NO_EXCEL })).toEqual({ kind: "ntm1" });
    expect(checkPlanOf(null)).toEqual({ kind: "ntm1" });
  });
});

describe("readForSend: which body for which template", () => {
  it("NTM-1 plan: today's parser, its issues and the NTM-1 body", () => {
    const sheets = workbook();
    const today = parseWorkbook(sheets, DEFAULT_REFERENCE);
    if (!today.ok) throw new Error("the test workbook reads");
    expect(readForSend(sheets, { kind: "ntm1" }, DEFAULT_REFERENCE)).toEqual({
      issues: today.warnings,
      body: { version: "NTM-1", submission: today.value },
    });
  });

  it("NTM-1 plan, an error: the parser's issues, nothing to send", () => {
    const sheets = workbook();
    setCell(sheets[1]!, "H6", "Dạt");
    const r = readForSend(sheets, { kind: "ntm1" }, DEFAULT_REFERENCE);
    expect(r.body).toBeNull();
    expect(brief(r.issues)).toEqual([T("criterion.invalid_value", "error", "H6", 6, "06148")]);
  });

  it("applied setup, NTM-2 template: the NTM-2 body of the unit, summarized with the set's 19 criteria", () => {
    const r = readForSend(filled().sheets, SETUP_2023, DEFAULT_REFERENCE);
    expect(r.issues).toEqual([]);
    if (r.body?.version !== "NTM-2") throw new Error("an NTM-2 body");
    const sub = r.body.submission;
    expect([sub.templateVersion, sub.unit, sub.unitName, sub.year, sub.criteriaSet]).toEqual([
      "NTM-2",
      "183",
      "Huyện Cao Lộc",
      2023,
      "2021-2025",
    ]);
    expect(sub.communes.map((c) => [c.code, c.name, c.plan.length])).toEqual([
      ["06148", "Hoàng Đồng", 19],
      ["06151", "Tân Liên", 19],
      ["06154", "Gia Cát", 6],
    ]);
    expect(sub.capital).toEqual({ "1.1": 1_200_000, "1.2": 0, "2": 500, "3": 0, "4": 0, "5": 0, "6": 0 });
    expect(summarizeUnitSubmission(sub, 19)).toEqual({
      unit: "183",
      name: "Huyện Cao Lộc",
      year: 2023,
      communes: 3,
      ntmPlan: 2,
      capitalThousand: 1_200_500,
    });
  });

  it("applied setup: a commune not in the list is an error at its code, a renamed one a warning; nothing to send", () => {
    const wb = filled();
    setCell(wb.criteria, "C6", "Hoàng Đông");
    setCell(wb.criteria, "B7", "06999");
    const r = readForSend(wb.sheets, SETUP_2023, DEFAULT_REFERENCE);
    expect(r.body).toBeNull();
    expect(brief(r.issues)).toEqual([
      T("commune.missing", "warning", null, null, null),
      T("commune.name_mismatch", "warning", "C6", 6, "06148"),
      T("commune.unknown", "error", "B7", 7, "06999"),
    ]);
    expect(r.issues[2]!.message).toBe(
      "Xã 06999 không có trong danh sách xã của đơn vị 183 năm 2023. Hãy kiểm tra lại Mã xã, hoặc xóa dòng nếu xã không thuộc đơn vị.",
    );
  });

  it("applied setup, only warnings: they are listed and the body is sent", () => {
    const wb = filled();
    setCell(wb.criteria, "C6", "Hoàng Đông");
    const r = readForSend(wb.sheets, SETUP_2023, DEFAULT_REFERENCE);
    expect(brief(r.issues)).toEqual([T("commune.name_mismatch", "warning", "C6", 6, "06148")]);
    expect(r.body?.version).toBe("NTM-2");
    // The body keeps what was typed; the server names the commune from the list (the message says so).
    expect(r.body?.submission.communes.map((c) => c.name)).toEqual(["Hoàng Đông", "Tân Liên", "Gia Cát"]);
  });

  it("applied setup, an NTM-1 template of its year: the NTM-1 body, with the commune list's warnings", () => {
    const r = readForSend(workbook({ year: 2023 }), SETUP_2023, DEFAULT_REFERENCE);
    expect(brief(r.issues)).toEqual([T("commune.attribute_mismatch", "warning", "D7", 7, "06151")]);
    expect(r.body?.version).toBe("NTM-1");
    expect(r.body?.version === "NTM-1" ? [r.body.submission.district, r.body.submission.year] : null).toEqual(["183", 2023]);
  });

  it("applied setup, a template of another year: info.year_mismatch, nothing to send", () => {
    const r = readForSend(workbook(), SETUP_2023, DEFAULT_REFERENCE);
    expect(r.body).toBeNull();
    expect(brief(r.issues)).toEqual([
      { code: "info.year_mismatch", severity: "error", sheet: "Thông tin", cell: "B5", row: 5, commune: null },
      T("commune.attribute_mismatch", "warning", "D7", 7, "06151"),
    ]);
  });
});
