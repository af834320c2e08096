import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { CellSpec, SheetModel } from "../../shared/template/sheet-model.ts";
import { CAPITAL_SOURCES } from "../../shared/reference/capital-sources.ts";
import { CAPITAL_LAYOUT, CRITERIA_LAYOUT, buildTemplate } from "../../shared/template/build-template.ts";
import { CRITERION_CHOICES, FLAG_CHOICES, INFO_KEYS, SHEETS } from "../../shared/template/labels.ts";

/**
 * A standard template (shared/template/build-template.ts) filled with a submission the way the
 * generator's drop-downs fill it: `Đạt` / `Chưa đạt`, flags `x`, amounts as numbers in million VND.
 * Where the filled cells are (row, column) is exported for the typing variations.
 */
export type FilledLayout = {
  /** Worksheet row of commune i. */
  communeRow: (i: number) => number;
  /** Columns of criterion k's HT and KH cells. */
  baselineColumn: (k: number) => number;
  planColumn: (k: number) => number;
  flagColumn: Record<keyof Submission["communes"][number]["flags"], number>;
  codeColumn: number;
  nameColumn: number;
  /** Count columns (HT, KH) and the `Tổng cộng` row. */
  countColumn: number;
  totalRow: number;
  /** Row of each capital source on `Nguồn vốn` (amounts in column C). */
  capitalRow: Record<string, number>;
};

export function filledLayout(sub: Submission, reference: ReferenceData): FilledLayout {
  const c0 = CRITERIA_LAYOUT.firstCriterionColumn;
  const indexOf = new Map(reference.criteria.criteria.map((c, i) => [c.number, i]));
  const col = (k: number) => c0 + 2 * (indexOf.get(k) ?? 0);
  return {
    communeRow: (i) => CRITERIA_LAYOUT.firstDataRow + i,
    baselineColumn: col,
    planColumn: (k) => col(k) + 1,
    flagColumn: { border: 4, pilotDifficult: 5, ntmTarget: 6, districtDifficult: 7 },
    codeColumn: 2,
    nameColumn: 3,
    countColumn: c0 + 2 * reference.criteria.criteria.length,
    totalRow: CRITERIA_LAYOUT.firstDataRow + sub.communes.length,
    capitalRow: Object.fromEntries(CAPITAL_SOURCES.map((s, i) => [s.key, CAPITAL_LAYOUT.firstDataRow + i])),
  };
}

export function setCell(model: SheetModel, row: number, column: number, value: CellSpec): void {
  const r = (model.cells[row - 1] ??= []);
  while (r.length < column - 1) r.push(null);
  r[column - 1] = value;
}

export function getCell(model: SheetModel, row: number, column: number): CellSpec {
  return model.cells[row - 1]?.[column - 1] ?? null;
}

/** dd/mm/yyyy of an ISO date. */
function vnDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function fillTemplate(sub: Submission, reference: ReferenceData): SheetModel[] {
  const district = reference.districts.find((d) => d.code === sub.district) ?? { code: sub.district, name: sub.districtName };
  const sheets = buildTemplate({
    district: { code: district.code, name: sub.districtName },
    year: sub.year,
    criteria: reference.criteria,
    communes: sub.communes.map((c) => ({ code: c.code, name: c.name })),
    rows: sub.communes.length,
  });
  const [info, criteria, capital] = sheets as [SheetModel, SheetModel, SheetModel];
  const at = filledLayout(sub, reference);

  const infoValues: Record<string, CellSpec> = {
    [INFO_KEYS.preparedBy]: sub.preparedBy,
    [INFO_KEYS.phone]: sub.phone,
    [INFO_KEYS.preparedOn]: sub.preparedOn === null ? null : vnDate(sub.preparedOn),
  };
  info.cells.forEach((row, i) => {
    const key = row[0];
    if (typeof key === "string" && key in infoValues) setCell(info, i + 1, 2, infoValues[key] ?? null);
  });

  const [yes, no] = CRITERION_CHOICES;
  sub.communes.forEach((c, i) => {
    const r = at.communeRow(i);
    for (const [flag, column] of Object.entries(at.flagColumn)) {
      setCell(criteria, r, column, c.flags[flag as keyof typeof c.flags] ? FLAG_CHOICES[0] : null);
    }
    const baseline = new Set(c.baseline),
      plan = new Set(c.plan);
    for (const k of reference.criteria.criteria) {
      setCell(criteria, r, at.baselineColumn(k.number), baseline.has(k.number) ? yes : no);
      setCell(criteria, r, at.planColumn(k.number), plan.has(k.number) ? yes : no);
    }
  });

  for (const s of CAPITAL_SOURCES) {
    if (s.sumOf) continue;
    setCell(capital, at.capitalRow[s.key]!, 3, sub.capital[s.key as keyof Submission["capital"]] / 1000);
  }
  if (info.name !== SHEETS.info || criteria.name !== SHEETS.criteria || capital.name !== SHEETS.capital) {
    throw new Error("unexpected template sheet order");
  }
  return sheets;
}
