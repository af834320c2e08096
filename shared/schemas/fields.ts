import { z } from "zod";

/** Field schemas both template versions share (submission.ts NTM-1, unit-submission.ts NTM-2). */

/** Column letter(s), e.g. `H` or `AS`. */
export const columnSchema = z.string().regex(/^[A-Z]{1,3}$/);

/**
 * Amount in integer thousand VND (1 million VND = 1,000): exact, never a float. The schema keeps
 * it a safe integer; the stated maximum of a line (shared/money.ts MAX_LINE_THOUSAND) is a rule
 * (check-submission.ts `capital.amount_too_large`), so the API answers it as the parser does.
 */
export const thousandVndSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Criterion numbers 1..max, at most max of them. One check for the whole array: zod's per-element
 * checks cost 5× as much on a 10,000-commune submission (npm run bench).
 */
export function criterionNumbersSchema(max: number) {
  const ok = (v: unknown): v is number[] =>
    Array.isArray(v) && v.length <= max && v.every((n) => Number.isInteger(n) && n >= 1 && n <= max);
  return z.custom<number[]>(ok, {
    message: `Danh sách tiêu chí phải là các số nguyên 1-${max} / criterion numbers must be integers 1-${max}`,
  });
}

/** Ngày lập as ISO date `yyyy-mm-dd`, or null. */
export const preparedOnSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();

/** Where a commune was read (1-based worksheet row), so server issues point at cells. */
export const rowSourceSchema = z.object({ sheet: z.string().max(100), row: z.number().int().positive() });
