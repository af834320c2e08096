import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellSpec, SheetModel } from "../../../shared/template/sheet-model.ts";
import { isFormula } from "../../../shared/template/sheet-model.ts";
import { buildNtm2Template, unitTemplate } from "../../../shared/template/build-template-ntm2.ts";
import { buildTemplate } from "../../../shared/template/build-template.ts";
import { ntm2Columns } from "../../../shared/template/ntm2-columns.ts";
import { readTemplate } from "../../../shared/template/read-template.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { CRITERION_CHOICES, FLAG_CHOICES, NO_WORDS, YES_WORDS } from "../../../shared/template/labels.ts";
import { readYesNo } from "../../../shared/template/yes-no.ts";
import { cellAddress } from "../../../shared/template/a1.ts";
import { evaluateFormula } from "../../fakes/excel/formula.ts";
import type { FormulaValue } from "../../fakes/excel/formula.ts";
import { ADVANCED, BORDER, FREE_2019, FREE_2026, HUYEN_2023, MODEL, XA_2027 } from "./ntm2-fixtures.ts";

const unitOf = (setup: typeof XA_2027, code: string) => setup.units.find((u) => u.code === code)!;

/** What Excel shows for a model's cells: formulas evaluated. */
function excelValues(model: SheetModel): (string | number | boolean)[][] {
  const width = Math.max(...model.cells.map((r) => r.length));
  const memo = new Map<string, FormulaValue>();
  const value = (row: number, column: number): string | number | boolean => {
    const spec: CellSpec | undefined = model.cells[row - 1]?.[column - 1];
    if (!isFormula(spec)) return spec ?? "";
    const key = `${row},${column}`;
    if (!memo.has(key)) memo.set(key, evaluateFormula(spec.formula, { cell: value }));
    const v = memo.get(key)!;
    if (typeof v === "object") throw new Error(`formula error ${v.error} at ${cellAddress(row, column)}`);
    return v;
  };
  return model.cells.map((_r, i) => Array.from({ length: width }, (_, j) => value(i + 1, j + 1)));
}

describe("the columns a setup gives `Tiêu chí` (ntm2Columns)", () => {
  it("2026-2030 with a list: Nhóm xã, the list's attributes, the target flag and the setup's flags", () => {
    expect(ntm2Columns(XA_2027)).toEqual({
      group: true,
      registered: true,
      marks: [
        { label: BORDER, labels: [BORDER, "Biên giới"], kind: "attribute" },
        {
          label: "Phấn đấu đạt chuẩn NTM",
          labels: ["Phấn đấu đạt chuẩn NTM", "Phấn đấu đạt chuẩn", "Đăng ký đạt chuẩn NTM"],
          kind: "flag",
        },
        { label: ADVANCED, labels: [ADVANCED], kind: "flag" },
      ],
    });
  });

  it("2016-2020 keeps the flags of NTM-1; without a list `Xã biên giới` is typed; a label is never repeated", () => {
    const columns = ntm2Columns({ ...FREE_2019, planFlags: ["Phấn đấu đạt chuẩn", MODEL] });
    expect(columns.marks.map((m) => [m.label, m.kind])).toEqual([
      [BORDER, "attribute"],
      ["Xã điểm ĐBKK", "flag"],
      ["Phấn đấu đạt chuẩn NTM", "flag"],
      ["Xã ĐBKK do huyện chọn", "flag"],
      [MODEL, "flag"],
    ]);
    expect([columns.group, columns.registered]).toEqual([false, false]);
  });
});

describe("buildNtm2Template: one unit of a setup with a commune list (level xã, 10 criteria)", () => {
  const [info, criteria, capital] = buildNtm2Template(XA_2027, unitOf(XA_2027, "06001"));

  it("`Thông tin`: unit, year, set and version NTM-2 locked; only the preparer keys unlocked", () => {
    expect(info!.cells.slice(2).map((r) => [r[0], r[1]])).toEqual([
      ["Mã đơn vị", "06001"],
      ["Tên đơn vị", "Xã Thất Khê"],
      ["Năm kế hoạch", 2027],
      ["Bộ tiêu chí", "2026-2030"],
      ["Người lập", null],
      ["Số điện thoại", null],
      ["Ngày lập", null],
      ["Phiên bản biểu mẫu", "NTM-2"],
    ]);
    expect(info!.protection?.unlocked).toEqual(["B7:B9"]);
  });

  it("`Tiêu chí`: header, the commune pre-filled from the list (code, name, group, attribute), one row, a total", () => {
    expect(criteria!.cells[3]!.slice(0, 8)).toEqual([
      "STT",
      "Mã xã",
      "Tên xã",
      "Nhóm xã",
      BORDER,
      "Phấn đấu đạt chuẩn NTM",
      ADVANCED,
      "TC1 - Quy hoạch",
    ]);
    expect(criteria!.cells[3]![25]).toBe("TC10 - Tiếp cận pháp luật và an ninh, quốc phòng");
    expect(criteria!.cells[3]![27]).toBe("Số tiêu chí đạt");
    expect(criteria!.cells[4]!.slice(7, 11)).toEqual(["HT", "KH", "HT", "KH"]);
    expect(criteria!.cells[5]!.slice(0, 8)).toEqual([1, "06001", "Thất Khê", 3, "x", null, null, null]);
    expect(criteria!.cells[6]![2]).toBe("Tổng cộng");
    expect(criteria!.cells).toHaveLength(7);
    expect(criteria!.merges).toEqual(expect.arrayContaining(["D4:D5", "G4:G5", "H4:I4", "Z4:AA4", "AB4:AC4"]));
  });

  it("locks the list's cells: only the plan flags and HT/KH are unlocked, with drop-downs there", () => {
    expect(criteria!.protection?.unlocked).toEqual(["F6:AA6"]);
    expect(criteria!.validations).toEqual([
      { range: "F6:G6", list: FLAG_CHOICES, prompt: expect.any(String) },
      { range: "H6:AA6", list: CRITERION_CHOICES, prompt: expect.any(String) },
    ]);
    expect(criteria!.styles).toContainEqual({ range: "B6:E6", style: "computed" });
    expect(criteria!.styles).toContainEqual({ range: "F6:AA6", style: "input" });
    expect(criteria!.numberFormats).toEqual([{ range: "B6", format: "@" }]);
    expect(criteria!.freeze).toEqual({ rows: 5, columns: 3 });
  });

  it("`Nguồn vốn`: the setup's rows, the subtotal and the total as formulas, leaves unlocked", () => {
    expect(capital!.cells.slice(3).map((r) => r.slice(0, 3))).toEqual([
      ["STT", "Nguồn vốn", "Kế hoạch năm 2027 (triệu đồng)"],
      ["1", "Ngân sách nhà nước", { formula: "=C6+C7" }],
      ["1.1", "Ngân sách Trung ương", null],
      ["1.2", "Ngân sách tỉnh", null],
      ["2", "Vốn lồng ghép Chương trình giảm nghèo bền vững", null],
      ["3", "Nhân dân đóng góp", null],
      [null, "Tổng cộng", { formula: "=C5+C8+C9" }],
    ]);
    expect(capital!.protection?.unlocked).toEqual(["C6", "C7", "C8", "C9", "D5:D10"]);
    expect(capital!.decimalValidations.map((v) => v.range)).toEqual(["C6", "C7", "C8", "C9"]);
  });

  it("a unit of several listed communes gets a row for each, in the list's order", () => {
    const m = buildNtm2Template(HUYEN_2023, unitOf(HUYEN_2023, "183"))[1]!;
    expect(m.cells.slice(5, 8).map((r) => r.slice(0, 4))).toEqual([
      [1, "06148", "Hoàng Đồng", null],
      [2, "06151", "Tân Liên", "x"],
      [3, "06154", "Gia Cát", null],
    ]);
    expect(m.cells[3]!.slice(3, 8)).toEqual([BORDER, "Phấn đấu đạt chuẩn NTM", ADVANCED, MODEL, "TC1 - Quy hoạch"]);
    expect(m.protection?.unlocked).toEqual(["E6:AS8"]);
  });
});

describe("buildNtm2Template without a commune list", () => {
  const criteria = buildNtm2Template(FREE_2026, unitOf(FREE_2026, "183"), 4)[1]!;

  it("blank rows as in NTM-1, every data cell unlocked, a drop-down for the group and the marks", () => {
    expect(criteria.cells.slice(5, 9).map((r) => r.slice(0, 6))).toEqual([
      [1, null, null, null, null, null],
      [2, null, null, null, null, null],
      [3, null, null, null, null, null],
      [4, null, null, null, null, null],
    ]);
    expect(criteria.protection?.unlocked).toEqual(["A6:Z9"]);
    expect(criteria.validations).toEqual([
      { range: "E6:F9", list: FLAG_CHOICES, prompt: expect.any(String) },
      { range: "D6:D9", list: ["1", "2", "3"], prompt: expect.any(String) },
      { range: "G6:Z9", list: CRITERION_CHOICES, prompt: expect.any(String) },
    ]);
  });
});

describe("the live counts of NTM-2 agree with the parser for every value the drop-downs offer", () => {
  const forms: (string | number | boolean)[] = [...CRITERION_CHOICES, ...FLAG_CHOICES, ...YES_WORDS, ...NO_WORDS, 1, 0, true, false];
  const choice = fc.constantFrom(...forms);
  const n = HUYEN_2023.criteriaSet.criteria.length;
  const commune = fc.record({
    ht: fc.array(choice, { minLength: n, maxLength: n }),
    kh: fc.array(choice, { minLength: n, maxLength: n }),
    flags: fc.array(choice, { minLength: 3, maxLength: 3 }),
  });

  it("per-row HT/KH counts, per-criterion totals and mark totals (3 listed communes, 19 criteria)", () => {
    fc.assert(
      fc.property(fc.array(commune, { minLength: 3, maxLength: 3 }), (communes) => {
        const models = buildNtm2Template(HUYEN_2023, unitOf(HUYEN_2023, "183"));
        const criteria = models[1]!;
        communes.forEach((c, i) => {
          const row = criteria.cells[5 + i]!;
          // 0-based: Xã biên giới 3, the three flags 4-6, criterion k's HT at 7 + 2(k-1).
          for (let k = 0; k < n; k++) {
            row[7 + 2 * k] = c.ht[k]!;
            row[8 + 2 * k] = readYesNo(c.ht[k]) ? c.ht[k]! : c.kh[k]!;
          }
          c.flags.forEach((f, j) => {
            row[4 + j] = f;
          });
        });
        const sheets = models.map((m) => ({ name: m.name, address: "A1", values: excelValues(m) }));
        const parsed = readTemplate(sheets, HUYEN_2023);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const values = sheets[1]!.values;
        const countCol = 7 + 2 * n; // 0-based
        parsed.value.submission.communes.forEach((c, i) => {
          expect(values[5 + i]![countCol]).toBe(c.baseline.length);
          expect(values[5 + i]![countCol + 1]).toBe(c.plan.length);
        });
        const total = values[8]!;
        for (let k = 1; k <= n; k++) {
          expect(total[7 + 2 * (k - 1)]).toBe(parsed.value.submission.communes.filter((c) => c.baseline.includes(k)).length);
          expect(total[8 + 2 * (k - 1)]).toBe(parsed.value.submission.communes.filter((c) => c.plan.includes(k)).length);
        }
        const labels = ["Phấn đấu đạt chuẩn NTM", ADVANCED, MODEL];
        expect(total.slice(4, 7)).toEqual(labels.map((l) => parsed.value.submission.communes.filter((c) => c.flags[l]).length));
        expect(total[3]).toBe(1); // Tân Liên, the list's border commune
        expect(total[countCol + 1]).toBe(parsed.value.submission.communes.filter((c) => c.plan.length === n).length);
      }),
      { numRuns: 40 },
    );
  });
});

describe("unitTemplate: which version is written", () => {
  it("NTM-1 for a year served by the built-in defaults: exactly today's template", () => {
    const r = unitTemplate(builtInSetup(2018)!, "183");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe("NTM-1");
    const district = DEFAULT_REFERENCE.districts.find((d) => d.code === "183")!;
    expect(r.value.sheets).toEqual(buildTemplate({ district, year: 2018, criteria: DEFAULT_REFERENCE.criteria }));
  });

  it("NTM-2 for an applied setup, even of a 2016-2020 year", () => {
    for (const [setup, code] of [
      [XA_2027, "06004"],
      [FREE_2019, "185"],
    ] as const) {
      const r = unitTemplate(setup, code);
      expect(r.ok && r.value.version).toBe("NTM-2");
      expect(r.ok && r.value.sheets[0]!.cells[9]).toEqual(["Phiên bản biểu mẫu", "NTM-2"]);
    }
  });

  it("a code that is not a unit of the setup: info.unit_unknown", () => {
    const r = unitTemplate(XA_2027, "06148");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([["info.unit_unknown", "error"]]);
    expect(r.issues[0]!.message).toContain('Mã đơn vị "06148" không phải đơn vị báo cáo của năm 2027');
  });
});
