import { describe, expect, it } from "vitest";
import { carryOver, prefillOf } from "../../../shared/cycle/carry-over.ts";
import type { PreviousRow, PreviousYear } from "../../../shared/cycle/carry-over.ts";
import { SET_2016_2020 } from "../../../shared/setup/criteria-sets.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { HUYEN_2023 } from "../template/ntm2-fixtures.ts";

/**
 * Carry-over (docs/cycle.md "Carry-over"): HUYEN_2023 (set 2021-2025, 19 criteria) → a 2024 setup of
 * the same set where unit 183's communes 06148 Hoàng Đồng, 06151 Tân Liên, 06154 Gia Cát merged
 * into 06160 Hoàng Đồng mới, and 185 keeps 06400 Vũ Lăng and 06403 Hưng Vũ.
 */
const Y2024: Setup = {
  ...HUYEN_2023,
  year: 2024,
  communes: [
    { code: "06160", name: "Hoàng Đồng mới", unit: "183", group: null, attributes: {}, formerCodes: ["06148", "06151", "06154"] },
    { code: "06400", name: "Vũ Lăng", unit: "185", group: null, attributes: {}, formerCodes: [] },
    { code: "06403", name: "Hưng Vũ", unit: "185", group: null, attributes: {}, formerCodes: [] },
  ],
};
const row = (code: string, name: string, criteria: number[]): PreviousRow => ({ code, name, criteria });
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const prev = (results: PreviousRow[], plans: PreviousRow[], setup: PreviousYear["setup"] = HUYEN_2023): PreviousYear => ({
  year: 2023,
  setup,
  results,
  plans,
});

describe("carryOver: HT of next year's template from the previous year's stored rows", () => {
  it("TH of the result wins over the plan's KH; a commune without data stays empty, named", () => {
    const c = carryOver(Y2024, "185", prev([row("06400", "Vũ Lăng", upTo(12))], [row("06400", "Vũ Lăng", upTo(15))]));
    expect(c.communes).toEqual([{ code: "06400", name: "Vũ Lăng", baseline: upTo(12), basis: "result", from: ["06400"], skipped: [] }]);
    expect(c.notes.map((n) => [n.code, n.messageVi, n.communes])).toEqual([
      ["carry.from_result", "HT lấy từ kết quả thực hiện năm 2023: Vũ Lăng (06400).", ["06400"]],
      ["carry.no_data", "Không có số liệu năm 2023, HT để trống: Hưng Vũ (06403).", ["06403"]],
    ]);
    expect(c.criteriaSet).toEqual({ from: "2021-2025", to: "2021-2025" });
  });

  it("no result: KH of the plan, with the note saying so", () => {
    const c = carryOver(Y2024, "185", prev([], [row("06400", "Vũ Lăng", [1, 2, 19]), row("06403", "Hưng Vũ", [])]));
    expect(c.communes.map((x) => [x.code, x.baseline, x.basis])).toEqual([
      ["06400", [1, 2, 19], "plan"],
      ["06403", [], "plan"],
    ]);
    expect(c.notes.map((n) => n.messageVi)).toEqual(["HT lấy từ kế hoạch năm 2023 (chưa có kết quả): Vũ Lăng (06400), Hưng Vũ (06403)."]);
  });

  it("a merger where every former commune met a criterion: pre-filled as met", () => {
    const c = carryOver(
      Y2024,
      "183",
      prev([row("06148", "Hoàng Đồng", [1, 2, 3]), row("06151", "Tân Liên", [1, 2, 3, 4]), row("06154", "Gia Cát", [1, 2, 3, 5])], []),
    );
    expect(c.communes).toEqual([
      { code: "06160", name: "Hoàng Đồng mới", baseline: [1, 2, 3], basis: "result", from: ["06148", "06151", "06154"], skipped: [] },
    ]);
    expect(c.notes.map((n) => n.code)).toEqual(["carry.from_result"]);
  });

  it("a merger where one former commune did not meet criterion 2: not met; a plan source makes the basis plan", () => {
    const c = carryOver(
      Y2024,
      "183",
      prev([row("06148", "Hoàng Đồng", [1, 2, 3]), row("06151", "Tân Liên", [1, 3])], [row("06154", "Gia Cát", [1, 2, 3])]),
    );
    expect(c.communes.map((x) => [x.baseline, x.basis])).toEqual([[[1, 3], "plan"]]);
    expect(c.notes.map((n) => n.code)).toEqual(["carry.from_plan"]);
  });

  it("a former commune without data is skipped and named (its name from the previous year's list)", () => {
    const c = carryOver(Y2024, "183", prev([row("06148", "Hoàng Đồng", [1, 2, 3]), row("06151", "Tân Liên", [2, 3])], []));
    expect(c.communes).toEqual([
      { code: "06160", name: "Hoàng Đồng mới", baseline: [2, 3], basis: "result", from: ["06148", "06151"], skipped: ["06154"] },
    ]);
    expect(c.notes[1]).toEqual({
      code: "carry.former_skipped",
      messageVi: "Hoàng Đồng mới (06160): bỏ qua xã cũ không có số liệu năm 2023: Gia Cát (06154); HT tính theo các xã cũ có số liệu.",
      messageEn:
        "Hoàng Đồng mới (06160): former communes without 2023 data skipped: Gia Cát (06154); HT from the former communes with data.",
      communes: ["06160", "06154"],
    });
  });

  it("every former commune without data: HT empty, the commune named", () => {
    const c = carryOver(Y2024, "183", prev([], []));
    expect(c.communes).toEqual([]);
    expect(c.notes.map((n) => [n.code, n.communes])).toEqual([["carry.no_data", ["06160"]]]);
  });

  it("a change of criteria set between the years: HT empty, one note", () => {
    const c = carryOver(Y2024, "185", prev([row("06400", "Vũ Lăng", upTo(19))], [], { ...HUYEN_2023, criteriaSet: SET_2016_2020 }));
    expect(c.communes).toEqual([]);
    expect(c.notes).toEqual([
      {
        code: "carry.set_changed",
        messageVi: "Bộ tiêu chí năm 2023 (2016-2020) khác năm 2024 (2021-2025): HT để trống, đơn vị tự nhập.",
        messageEn: "The 2023 criteria set (2016-2020) differs from 2024's (2021-2025): HT left empty for the unit to fill.",
        communes: [],
      },
    ]);
    expect(c.criteriaSet).toEqual({ from: "2016-2020", to: "2021-2025" });
  });

  it("prefillOf: the builders' input (HT per code, the Vietnamese notes)", () => {
    const c = carryOver(Y2024, "185", prev([row("06400", "Vũ Lăng", [4, 7])], []));
    expect(prefillOf(c)).toEqual({
      fromYear: 2023,
      baseline: { "06400": [4, 7] },
      notes: ["HT lấy từ kết quả thực hiện năm 2023: Vũ Lăng (06400).", "Không có số liệu năm 2023, HT để trống: Hưng Vũ (06403)."],
    });
  });
});
