/**
 * Test helper (both projects): the largest VALID submission of the size contract (shared/limits.ts),
 * built commune by commune at the worst case the schema and the rules allow.
 */
import { MAX_COMMUNES } from "../../shared/limits.ts";
import type { Commune, Submission } from "../../shared/schemas/submission.ts";

/** A 3-byte letter in UTF-8 that JSON never escapes (U+1EEF, already NFC). */
export const WIDE = "ữ";
export const ALL_CRITERIA = Array.from({ length: 19 }, (_, i) => i + 1);
/** Excel's last row: the longest `source.row` a workbook can give. */
export const LAST_EXCEL_ROW = 1_048_576;

/** Commune `i` at its worst: 200-letter name, `false` flags, all 19 criteria twice, 100-letter sheet, last row. */
export function worstCaseCommune(i: number): Commune {
  return {
    code: String(10_000 + i).padStart(5, "0"),
    name: WIDE.repeat(200),
    flags: { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false },
    baseline: ALL_CRITERIA,
    plan: ALL_CRITERIA,
    source: { sheet: WIDE.repeat(100), row: LAST_EXCEL_ROW },
  };
}

/** MAX_COMMUNES worst-case communes under `header` (district, name, year that the rules accept). */
export function worstCaseSubmission(header: Pick<Submission, "district" | "districtName" | "year">, count = MAX_COMMUNES): Submission {
  return {
    templateVersion: "NTM-1",
    ...header,
    preparedBy: WIDE.repeat(200),
    phone: WIDE.repeat(50),
    preparedOn: `${header.year}-12-31`,
    communes: Array.from({ length: count }, (_, i) => worstCaseCommune(i)),
    capital: { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 },
    source: {
      criteriaSheet: WIDE.repeat(100),
      columns: {
        code: "B",
        name: "C",
        flags: { border: "D", pilotDifficult: "E", ntmTarget: "F", districtDifficult: "G" },
        criteria: ALL_CRITERIA.map(() => ({ baseline: "ZZZ", plan: "ZZZ" })),
      },
    },
  };
}
