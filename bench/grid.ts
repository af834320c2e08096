import { buildTemplate } from "../shared/template/build-template.ts";
import { isFormula } from "../shared/template/sheet-model.ts";
import type { SheetInput } from "../shared/template/input.ts";
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import { CRITERIA_LAYOUT } from "../shared/template/build-template.ts";
import { seededRandom } from "../cli/demo/plan-2018.ts";

/**
 * The three template sheets of one district with `communes` filled rows, as Excel's
 * `Range.values` would give them (formulas replaced by the values Excel would show).
 */
export function filledWorkbook(communes: number, seed = 1, district = "183", codeBase = 10000): SheetInput[] {
  const ref = DEFAULT_REFERENCE;
  const d = ref.districts.find((x) => x.code === district)!;
  const list = Array.from({ length: communes }, (_, i) => ({
    code: String(codeBase + i).padStart(5, "0"),
    name: `Xã Thử Nghiệm ${i + 1}`,
  }));
  const sheets = buildTemplate({ district: d, year: 2018, criteria: ref.criteria, communes: list, rows: communes });
  const rand = seededRandom(seed);
  const n = ref.criteria.criteria.length;
  const c0 = CRITERIA_LAYOUT.firstCriterionColumn;
  return sheets.map((m) => {
    const values: unknown[][] = m.cells.map((row) => row.map((c) => (isFormula(c) ? "" : (c ?? ""))));
    const width = Math.max(...values.map((r) => r.length));
    for (const r of values) while (r.length < width) r.push("");
    if (m.name === "Tiêu chí") {
      for (let i = 0; i < communes; i++) {
        const row = values[CRITERIA_LAYOUT.firstDataRow - 1 + i]!;
        const level = Math.floor(rand() * (n + 1));
        let ht = 0;
        let kh = 0;
        for (let k = 1; k <= n; k++) {
          const base = k <= level;
          const plan = base || rand() < 0.15;
          row[c0 + 2 * (k - 1) - 1] = base ? "Đạt" : "Chưa đạt";
          row[c0 + 2 * (k - 1)] = plan ? "Đạt" : "Chưa đạt";
          if (base) ht++;
          if (plan) kh++;
        }
        row[c0 + 2 * n - 1] = ht;
        row[c0 + 2 * n] = kh;
      }
    }
    if (m.name === "Nguồn vốn") {
      // Leaves get amounts with one decimal; the subtotal and total formulas show what Excel would.
      const tenths = new Map<string, number>();
      for (const row of values) {
        if (row[2] === "" && typeof row[0] === "string" && /^\d(\.\d)?$/.test(row[0]) && row[0] !== "1") {
          const t = Math.round(rand() * 1e6);
          tenths.set(row[0], t);
          row[2] = t / 10;
        }
      }
      const sum = (keys: string[]) => keys.reduce((a, k) => a + (tenths.get(k) ?? 0), 0) / 10;
      for (const row of values) {
        if (row[0] === "1") row[2] = sum(["1.1", "1.2"]);
        else if (row[1] === "Tổng cộng") row[2] = sum([...tenths.keys()]);
      }
    }
    return { name: m.name, address: "A1", values };
  });
}
