import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { CellSpec, SheetModel } from "../../shared/template/sheet-model.ts";
import { CAPITAL_LEAF_KEYS, CAPITAL_SOURCES } from "../../shared/reference/capital-sources.ts";
import { GROUP_KEYS } from "../../shared/reference/groups.ts";
import { CAPITAL_LAYOUT, CRITERIA_LAYOUT, buildTemplate } from "../../shared/template/build-template.ts";
import { CRITERION_CHOICES, FLAG_CHOICES, INFO_KEYS, SHEETS } from "../../shared/template/labels.ts";

/**
 * A filled template (NTM-1 here, NTM-2 in fill-template-ntm2.ts) and where its typed cells are, so
 * that the typing variations (typing-variations.ts) can retype it for any version.
 */
export type FilledLayout = {
  /** Worksheet row of the `Tiêu chí` header (its sub-column row is the next). */
  headerRow: number;
  /** Worksheet row of commune i. */
  communeRow: (i: number) => number;
  /** Columns of criterion k's HT and KH cells. */
  baselineColumn: (k: number) => number;
  planColumn: (k: number) => number;
  /** The yes/no columns (NTM-1: the four flags; NTM-2: attributes and plan flags). */
  markColumns: readonly number[];
  codeColumn: number;
  nameColumn: number;
  /** Count columns (HT, KH) and the `Tổng cộng` row. */
  countColumn: number;
  totalRow: number;
};

/** A commune as typed: criteria met and its yes/no marks (FilledLayout.markColumns order). */
export type FilledCommune = { code: string; baseline: readonly number[]; plan: readonly number[]; marks: readonly boolean[] };

/** A row of `Nguồn vốn` (amount in column C): its amount, and whether it sums others (a subtotal or the total). */
export type FilledCapitalRow = { row: number; stt: string | null; label: string; thousand: number; sum: boolean };

export type FilledTemplate = {
  /** `Thông tin`, `Tiêu chí`, `Nguồn vốn`. */
  sheets: SheetModel[];
  layout: FilledLayout;
  /** Criterion numbers of the set, in order. */
  criteria: readonly number[];
  communes: readonly FilledCommune[];
  capital: readonly FilledCapitalRow[];
};

export function setCell(model: SheetModel, row: number, column: number, value: CellSpec): void {
  const r = (model.cells[row - 1] ??= []);
  while (r.length < column - 1) r.push(null);
  r[column - 1] = value;
}

export function getCell(model: SheetModel, row: number, column: number): CellSpec {
  return model.cells[row - 1]?.[column - 1] ?? null;
}

/** dd/mm/yyyy of an ISO date. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** `Người lập`, `Số điện thoại`, `Ngày lập` typed on `Thông tin` (keys in A, values in B). */
export function fillPreparer(info: SheetModel, sub: Pick<Submission, "preparedBy" | "phone" | "preparedOn">): void {
  const values: Record<string, CellSpec> = {
    [INFO_KEYS.preparedBy]: sub.preparedBy,
    [INFO_KEYS.phone]: sub.phone,
    [INFO_KEYS.preparedOn]: sub.preparedOn === null ? null : vnDate(sub.preparedOn),
  };
  info.cells.forEach((row, i) => {
    const key = row[0];
    if (typeof key === "string" && key in values) setCell(info, i + 1, 2, values[key] ?? null);
  });
}

/** Criteria `Đạt` / `Chưa đạt` and marks `x` of each commune, as the drop-downs fill them. */
export function fillCommunes(criteria: SheetModel, f: Pick<FilledTemplate, "layout" | "criteria" | "communes">): void {
  const [yes, no] = CRITERION_CHOICES;
  f.communes.forEach((c, i) => {
    const r = f.layout.communeRow(i);
    f.layout.markColumns.forEach((column, j) => {
      setCell(criteria, r, column, c.marks[j] ? FLAG_CHOICES[0] : null);
    });
    const baseline = new Set(c.baseline);
    const plan = new Set(c.plan);
    for (const k of f.criteria) {
      setCell(criteria, r, f.layout.baselineColumn(k), baseline.has(k) ? yes : no);
      setCell(criteria, r, f.layout.planColumn(k), plan.has(k) ? yes : no);
    }
  });
}

/** The standard template NTM-1 filled with an NTM-1 submission, and where everything is. */
export function fillNtm1(sub: Submission, reference: ReferenceData): FilledTemplate {
  const district = reference.districts.find((d) => d.code === sub.district) ?? { code: sub.district, name: sub.districtName };
  const sheets = buildTemplate({
    district: { code: district.code, name: sub.districtName },
    year: sub.year,
    criteria: reference.criteria,
    communes: sub.communes.map((c) => ({ code: c.code, name: c.name })),
    rows: sub.communes.length,
  });
  const [info, criteria, capital] = sheets as [SheetModel, SheetModel, SheetModel];
  if (info.name !== SHEETS.info || criteria.name !== SHEETS.criteria || capital.name !== SHEETS.capital) {
    throw new Error("unexpected template sheet order");
  }
  const c0 = CRITERIA_LAYOUT.firstCriterionColumn;
  const indexOf = new Map(reference.criteria.criteria.map((c, i) => [c.number, i]));
  const col = (k: number) => c0 + 2 * (indexOf.get(k) ?? 0);
  const money: Record<string, number> = { ...sub.capital };
  money.direct = sub.capital.central + sub.capital.local;
  money.total = CAPITAL_LEAF_KEYS.reduce((s, k) => s + sub.capital[k], 0);
  const filled: FilledTemplate = {
    sheets,
    layout: {
      headerRow: CRITERIA_LAYOUT.headerRow,
      communeRow: (i) => CRITERIA_LAYOUT.firstDataRow + i,
      baselineColumn: col,
      planColumn: (k) => col(k) + 1,
      markColumns: [4, 5, 6, 7],
      codeColumn: 2,
      nameColumn: 3,
      countColumn: c0 + 2 * reference.criteria.criteria.length,
      totalRow: CRITERIA_LAYOUT.firstDataRow + sub.communes.length,
    },
    criteria: reference.criteria.criteria.map((c) => c.number),
    communes: sub.communes.map((c) => ({ code: c.code, baseline: c.baseline, plan: c.plan, marks: GROUP_KEYS.map((g) => c.flags[g]) })),
    capital: CAPITAL_SOURCES.map((s, i) => ({
      row: CAPITAL_LAYOUT.firstDataRow + i,
      stt: s.stt,
      label: s.label,
      thousand: money[s.key] ?? 0,
      sum: s.sumOf !== undefined,
    })),
  };
  fillPreparer(info, sub);
  fillCommunes(criteria, filled);
  for (const row of filled.capital) if (!row.sum) setCell(capital, row.row, 3, row.thousand / 1000);
  return filled;
}

/**
 * A standard template (shared/template/build-template.ts) filled with a submission the way the
 * generator's drop-downs fill it: `Đạt` / `Chưa đạt`, flags `x`, amounts as numbers in million VND.
 */
export function fillTemplate(sub: Submission, reference: ReferenceData): SheetModel[] {
  return fillNtm1(sub, reference).sheets;
}
