import { z } from "zod";
import { MAX_COMMUNES } from "../limits.ts";
import { CAPITAL_LEAF_KEYS } from "../reference/capital-sources.ts";
import { COMMUNE_CODE, DISTRICT_CODE } from "../template/commune-code.ts";
import { planYearSchema } from "./plan-year.ts";

/** Column letter(s), e.g. `H` or `AS`. */
const column = z.string().regex(/^[A-Z]{1,3}$/);
/**
 * Amount in integer thousand VND (1 million VND = 1,000): exact, never a float. The schema keeps
 * it a safe integer; the stated maximum of a line (shared/money.ts MAX_LINE_THOUSAND) is a rule
 * (check-submission.ts `capital.amount_too_large`), so the API answers it as the parser does.
 */
const thousandVnd = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/**
 * Criterion numbers: integers 1..99, at most 99 of them. One check for the whole array: zod's
 * per-element checks cost 5× as much on a 10,000-commune submission (npm run bench).
 */
const isCriterionNumbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length <= 99 && v.every((n) => Number.isInteger(n) && n >= 1 && n <= 99);
const criterionNumbers = z.custom<number[]>(isCriterionNumbers, {
  message: "Danh sách tiêu chí phải là các số nguyên 1-99 / criterion numbers must be integers 1-99",
});

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
  source: z.object({ sheet: z.string().max(100), row: z.number().int().positive() }).optional(),
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
  preparedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
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
