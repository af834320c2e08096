import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { fromNtm1, ntm1Reference } from "../../../shared/setup/from-ntm1.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { readTemplate, templateVersionOf } from "../../../shared/template/read-template.ts";
import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { fillTemplate } from "../../../cli/demo/fill-template.ts";
import { variationOf, varyTyping } from "../../../cli/demo/typing-variations.ts";
import { modelToInput } from "../../cli/demo/model-to-input.ts";
import { allIssues, brief } from "../helpers/issues.ts";
import { setCell, workbook } from "../helpers/grid.ts";
import { BORDER, FREE_2019, HUYEN_2023, XA_2027, ntm2Workbook, upTo } from "./ntm2-fixtures.ts";

const B2018 = builtInSetup(2018)!;
const T = (code: string, severity: "error" | "warning", cell: string | null, row: number | null, commune: string | null) => ({
  code,
  severity,
  sheet: "Tiêu chí",
  cell,
  row,
  commune,
});

describe("templateVersionOf", () => {
  it("the version cell, else NTM-2 when `Mã đơn vị` or `Bộ tiêu chí` is there, else NTM-1; null for another", () => {
    const ntm1 = workbook();
    expect(templateVersionOf(ntm1)).toBe("NTM-1");
    setCell(ntm1[0]!, "B9", "");
    expect(templateVersionOf(ntm1)).toBe("NTM-1");
    const ntm2 = ntm2Workbook(XA_2027, "06001", []);
    expect(templateVersionOf(ntm2.sheets)).toBe("NTM-2");
    setCell(ntm2.info, "B10", "");
    expect(templateVersionOf(ntm2.sheets)).toBe("NTM-2");
    setCell(ntm2.info, "B10", "NTM-7");
    expect(templateVersionOf(ntm2.sheets)).toBeNull();
    expect(templateVersionOf([])).toBeNull();
  });
});

describe("readTemplate: NTM-1 under a year's setup", () => {
  it("the 2018 demo (eleven districts, every typing) reads exactly as today under the built-in 2018 setup", () => {
    for (const sub of buildPlan2018(DEFAULT_REFERENCE)) {
      const sheets = varyTyping(fillTemplate(sub, DEFAULT_REFERENCE), sub, DEFAULT_REFERENCE, variationOf(sub.district)).map(modelToInput);
      const today = parseWorkbook(sheets, DEFAULT_REFERENCE);
      const r = readTemplate(sheets, B2018);
      expect(r.ok).toBe(true);
      if (!r.ok || !today.ok) throw new Error(sub.district);
      expect(r.warnings).toEqual(today.warnings);
      expect(r.value).toEqual({ version: "NTM-1", submission: fromNtm1(today.value), ntm1: today.value });
    }
  });

  it("an error reads the same too", () => {
    const sheets = workbook();
    setCell(sheets[1]!, "H6", "Dạt");
    expect(readTemplate(sheets, B2018)).toEqual(parseWorkbook(sheets, DEFAULT_REFERENCE));
  });

  it("a file of another year than the setup's: info.year_mismatch at `Năm kế hoạch`", () => {
    const r = readTemplate(workbook(), builtInSetup(2019)!);
    expect(r.ok).toBe(false);
    expect(brief(allIssues(r))).toEqual([
      { code: "info.year_mismatch", severity: "error", sheet: "Thông tin", cell: "B5", row: 5, commune: null },
    ]);
  });

  // HUYEN_2023 lists for 183 Hoàng Đồng, Tân Liên (border) and Gia Cát: the NTM-1 test workbook's communes.
  it("under an applied 19-criteria district setup: its set, its units, and the commune list's rules", () => {
    const r = readTemplate(workbook({ year: 2023 }), HUYEN_2023);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(brief(r.warnings)).toEqual([T("commune.attribute_mismatch", "warning", "D7", 7, "06151")]);
    expect(r.value.version).toBe("NTM-1");
    expect(r.value.submission.criteriaSet).toBe("2021-2025");
    expect(r.value.submission.source?.columns.labels).toEqual({
      [BORDER]: "D",
      "Xã điểm ĐBKK": "E",
      "Phấn đấu đạt chuẩn NTM": "F",
      "Xã ĐBKK do huyện chọn": "G",
    });
    const other = workbook({ year: 2023 });
    setCell(other[1]!, "B6", "06400");
    setCell(other[1]!, "D7", "x");
    expect(brief(allIssues(readTemplate(other, HUYEN_2023)))).toEqual([
      { code: "commune.missing", severity: "warning", sheet: "Tiêu chí", cell: null, row: null, commune: null },
      T("commune.unknown", "error", "B6", 6, "06400"),
    ]);
    const stranger = workbook({ year: 2023, district: "181" });
    expect(brief(allIssues(readTemplate(stranger, HUYEN_2023))).map((i) => i.code)).toEqual(["info.district_unknown"]);
  });

  it("a setup NTM-1 cannot express (level xã, 10 criteria): info.version_not_for_setup and nothing else", () => {
    const r = readTemplate(workbook({ year: 2027 }), XA_2027);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(brief(r.issues)).toEqual([
      { code: "info.version_not_for_setup", severity: "error", sheet: "Thông tin", cell: "B9", row: 9, commune: null },
    ]);
    expect(r.issues[0]!.message).toBe(
      "Biểu mẫu NTM-1 chỉ dùng cho đơn vị cấp huyện với bộ 19 tiêu chí, nhưng năm 2027 báo cáo theo cấp xã với bộ tiêu chí 2026-2030 (10 tiêu chí). Hãy tạo biểu mẫu NTM-2 của năm 2027 và nhập lại số liệu.",
    );
  });
});

describe("readTemplate: NTM-2", () => {
  it("reads an NTM-2 template of any year, a 2016-2020 one included", () => {
    const row = { code: "06400", name: "Vũ Lăng", baseline: upTo(3), plan: upTo(9) };
    const r = readTemplate(ntm2Workbook(FREE_2019, "185", [row], {}, 1).sheets, FREE_2019);
    expect(r.ok && [r.value.version, r.value.ntm1, r.value.submission.communes.map((c) => [c.code, c.flags])]).toEqual([
      "NTM-2",
      null,
      [["06400", { "Xã điểm ĐBKK": false, "Phấn đấu đạt chuẩn NTM": false, "Xã ĐBKK do huyện chọn": false }]],
    ]);
  });

  it("an unknown version under an applied setup is read as NTM-2 and refused at its cell", () => {
    const w = ntm2Workbook(XA_2027, "06001", [{ baseline: upTo(3), plan: upTo(6) }]);
    setCell(w.info, "B10", "NTM-9");
    expect(brief(allIssues(readTemplate(w.sheets, XA_2027))).map((i) => [i.code, i.cell])).toEqual([["info.version_unsupported", "B10"]]);
  });
});

describe("fromNtm1 and ntm1Reference", () => {
  it("NTM-1 → the general shape keeps the flag columns as labels; the set id can be given", () => {
    const parsed = parseWorkbook(workbook(), DEFAULT_REFERENCE);
    if (!parsed.ok) throw new Error("the test workbook is valid");
    const u = fromNtm1(parsed.value, "2021-2025");
    expect([u.criteriaSet, u.source?.columns.code, u.source?.columns.group, u.source?.columns.criteria[0]]).toEqual([
      "2021-2025",
      "B",
      null,
      { baseline: "H", plan: "I" },
    ]);
    expect(fromNtm1({ ...parsed.value, source: undefined }).source).toBeUndefined();
  });

  it("the built-in setup gives today's reference data; level xã or another size: null; no border attribute: no border rule", () => {
    const ref = ntm1Reference(B2018)!;
    expect(ref.districts).toEqual(DEFAULT_REFERENCE.districts);
    expect(ref.criteria.criteria).toEqual(DEFAULT_REFERENCE.criteria.criteria);
    expect(ntm1Reference(XA_2027)).toBeNull();
    expect(ntm1Reference({ ...FREE_2019, criteriaSet: XA_2027.criteriaSet })).toBeNull();
    const plain = ntm1Reference({ ...HUYEN_2023, units: [{ code: "183", name: "Huyện Cao Lộc", attributes: {} }] })!;
    expect(plain.districts).toEqual([{ code: "183", name: "Huyện Cao Lộc", border: true }]);
  });
});
