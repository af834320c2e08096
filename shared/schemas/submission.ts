import { z } from "zod";
import { MAX_COMMUNES } from "../limits.ts";
import { CAPITAL_LEAF_KEYS } from "../reference/capital-sources.ts";
import { COMMUNE_CODE, DISTRICT_CODE } from "../template/commune-code.ts";
import { columnSchema, criterionNumbersSchema, preparedOnSchema, rowSourceSchema, thousandVndSchema } from "./fields.ts";
import { planYearSchema } from "./plan-year.ts";

const column = columnSchema;
const thousandVnd = thousandVndSchema;
/** Criterion numbers: integers 1..99, at most 99 of them (fields.ts). */
const criterionNumbers = criterionNumbersSchema(99);

export const communeSchema = z.object({
  /** Mã xã: exactly 5 digits (shared/template/commune-code.ts). */
  code: z.string().regex(COMMUNE_CODE),
  /**
   * Tên xã. Required, but checked after cleaning (shared/rules/clean-submission.ts) by the rules
   * (`commune.name_missing`), so "", spaces and zero-width text get the same 422 issue everywhere.
   */
  name: z.string().max(200),
  flags: z.object({
    border: z.boolean(),
    pilotDifficult: z.boolean(),
    ntmTarget: z.boolean(),
    districtDifficult: z.boolean(),
  }),
  /** HT: numbers of the criteria achieved at 31/12 of the year before (sorted, unique). */
  baseline: criterionNumbers,
  /** KH: numbers of the criteria planned by 31/12 of the plan year, cumulative (sorted, unique). */
  plan: criterionNumbers,
  /** Where the commune was read (1-based worksheet row), so server issues point at cells. */
  source: rowSourceSchema.optional(),
});

/** Columns of the `Tiêu chí` sheet as the client found them (for server-side cell addresses). */
export const sourceColumnsSchema = z.object({
  code: column,
  name: column,
  flags: z.object({
    border: column.nullable(),
    pilotDifficult: column.nullable(),
    ntmTarget: column.nullable(),
    districtDifficult: column.nullable(),
  }),
  /** Index i holds criterion i+1: its HT and KH columns. */
  criteria: z.array(z.object({ baseline: column, plan: column })).max(99),
});

export const submissionSchema = z.object({
  templateVersion: z.literal("NTM-1"),
  /** Mã huyện: exactly 3 digits, e.g. "183" (shared/template/commune-code.ts). */
  district: z.string().regex(DISTRICT_CODE),
  /** Tên huyện as typed (NFC, trimmed). */
  districtName: z.string().max(200),
  year: planYearSchema,
  preparedBy: z.string().max(200).nullable(),
  phone: z.string().max(50).nullable(),
  /** Ngày lập as ISO date `yyyy-mm-dd`, or null. */
  preparedOn: preparedOnSchema,
  communes: z.array(communeSchema).max(MAX_COMMUNES),
  /** Capital plan leaves in integer thousand VND; `direct` and `total` are derived. */
  capital: z.object(
    Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [k, thousandVnd])) as {
      [K in (typeof CAPITAL_LEAF_KEYS)[number]]: typeof thousandVnd;
    },
  ),
  source: z.object({ criteriaSheet: z.string().max(100), columns: sourceColumnsSchema }).optional(),
});

export type Commune = z.infer<typeof communeSchema>;
export type SourceColumns = z.infer<typeof sourceColumnsSchema>;
export type Submission = z.infer<typeof submissionSchema>;
