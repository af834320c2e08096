import type { Issue } from "../result.ts";
import type { CriteriaSet } from "../reference/criteria.ts";
import type { GroupKey } from "../reference/groups.ts";
import type { SourceColumns } from "../schemas/submission.ts";
import type { SheetInput } from "./input.ts";
import { CRITERIA_COLUMNS } from "./labels.ts";
import { readCriteriaTable } from "./read-criteria-table.ts";

/** One data row of `Tiêu chí` as read (before the rules of check-submission.ts). */
export type ParsedCommune = {
  /** Null when `Mã xã` is missing or invalid (an issue says so). */
  code: string | null;
  /** NFC, trimmed; "" when missing. */
  name: string;
  flags: Record<GroupKey, boolean>;
  /** Sorted criterion numbers achieved in HT / KH. */
  baseline: number[];
  plan: number[];
  /** 1-based worksheet row. */
  row: number;
  /** True when a cell of the row (or the header) could not be read: plan rules are not run on it. */
  incomplete: boolean;
};

export type CriteriaPiece = {
  /** Sheet name as found (the template's name when missing). */
  sheet: string;
  /** False when the sheet or its `Mã xã` header is missing: no commune rule can be run. */
  found: boolean;
  communes: ParsedCommune[];
  /** Column letters; criteria not found have "" (only possible when a header issue was raised). */
  columns: SourceColumns | null;
  /** True when every criterion column and `Tên xã` were found. */
  headerComplete: boolean;
};

/** The four flag columns of NTM-1, in the order the generator writes them. */
const FLAG_KEYS = ["border", "pilotDifficult", "ntmTarget", "districtDifficult"] as const satisfies readonly GroupKey[];
const MARKS = FLAG_KEYS.map((k) => ({ labels: CRITERIA_COLUMNS[k] }));

/** Reads `Tiêu chí` of NTM-1 (docs/template.md): the commune table with its four flag columns. */
export function parseCriteria(sheet: SheetInput | undefined, criteria: CriteriaSet): { piece: CriteriaPiece; issues: Issue[] } {
  const { piece: t, issues } = readCriteriaTable(sheet, { criteria: criteria.criteria, marks: MARKS, group: null });
  const flagsOf = <T>(list: readonly T[]) =>
    ({ border: list[0]!, pilotDifficult: list[1]!, ntmTarget: list[2]!, districtDifficult: list[3]! }) as Record<GroupKey, T>;
  const piece: CriteriaPiece = {
    sheet: t.sheet,
    found: t.found,
    communes: t.rows.map((r) => ({
      code: r.code,
      name: r.name,
      flags: flagsOf(r.marks),
      baseline: r.baseline,
      plan: r.plan,
      row: r.row,
      incomplete: r.incomplete,
    })),
    columns: t.columns && {
      code: t.columns.code,
      name: t.columns.name,
      flags: flagsOf(t.columns.marks),
      criteria: t.columns.criteria,
    },
    headerComplete: t.headerComplete,
  };
  return { piece, issues };
}
