import { z } from "zod";
import { MAX_COMMUNES } from "../limits.ts";
import { COMMUNE_CODE } from "../template/commune-code.ts";
import { columnSchema, criterionNumbersSchema, preparedOnSchema, rowSourceSchema, thousandVndSchema } from "./fields.ts";
import { planYearSchema } from "./plan-year.ts";

/**
 * A submission of template version NTM-2 (docs/setup.md): one reporting unit (a district, 3-digit
 * code, or a commune, 5-digit code) under its year's setup. Criteria, plan flags, attributes and
 * capital rows are the setup's, so nothing here is fixed to the 19 criteria of 2016-2020. NTM-1
 * submissions (shared/schemas/submission.ts) are read into this shape by
 * shared/setup/from-ntm1.ts, so rules and reports have one input.
 */
const column = columnSchema;
/** A label of an attribute or plan flag (`Xã biên giới`, `Phấn đấu đạt chuẩn NTM`). */
const label = z.string().min(1).max(100);
const criterionNumbers = criterionNumbersSchema(52);

export const UNIT_CODE = /^(\d{3}|\d{5})$/;
export const unitCodeSchema = z.string().regex(UNIT_CODE);

export const unitCommuneSchema = z.object({
  code: z.string().regex(COMMUNE_CODE),
  name: z.string().max(200),
  /** Nhóm xã 1/2/3 as typed (the setup's value wins where it registers the commune). */
  group: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  /** Fixed attributes by label (`Xã biên giới`), as typed. */
  attributes: z.record(label, z.boolean()),
  /** Plan flags by label (`Phấn đấu đạt chuẩn NTM`, and the setup's `Cờ kế hoạch`). */
  flags: z.record(label, z.boolean()),
  baseline: criterionNumbers,
  plan: criterionNumbers,
  /** TH (result round only): the criteria achieved at 31 December of the plan year (docs/cycle.md). */
  achieved: criterionNumbers.optional(),
  source: rowSourceSchema.optional(),
});

export const unitSourceColumnsSchema = z.object({
  code: column,
  name: column,
  group: column.nullable(),
  /** Column of each attribute and flag label. */
  labels: z.record(label, column),
  /** Index i holds criterion i+1: its HT and KH columns (and TH in a result template). */
  criteria: z.array(z.object({ baseline: column, plan: column, achieved: column.optional() })).max(52),
});

/** The rounds of a plan year (docs/cycle.md): the plan (absent = plan) and the year-end result. */
export const SUBMISSION_ROUNDS = ["plan", "result"] as const;

export const unitSubmissionSchema = z.object({
  templateVersion: z.literal("NTM-2"),
  unit: unitCodeSchema,
  unitName: z.string().max(200),
  year: planYearSchema,
  /** The criteria set id the template was made for (`2026-2030`). */
  criteriaSet: z.string().min(1).max(50),
  preparedBy: z.string().max(200).nullable(),
  phone: z.string().max(50).nullable(),
  preparedOn: preparedOnSchema,
  communes: z.array(unitCommuneSchema).max(MAX_COMMUNES),
  /** Which round the submission belongs to: absent = `plan`; `result` = a `Kết quả thực hiện` template. */
  round: z.enum(SUBMISSION_ROUNDS).optional(),
  /** Capital plan by STT of the setup's leaf rows (`1.1`, `2`, ...), integer thousand VND. */
  capital: z.record(z.string().regex(/^\d{1,2}(\.\d{1,2})?$/), thousandVndSchema),
  /** Result round only: capital actually disbursed (`Thực hiện`) by STT of the leaf rows, integer thousand VND. */
  disbursed: z.record(z.string().regex(/^\d{1,2}(\.\d{1,2})?$/), thousandVndSchema).optional(),
  source: z.object({ criteriaSheet: z.string().max(100), columns: unitSourceColumnsSchema }).optional(),
});

export type UnitCommune = z.infer<typeof unitCommuneSchema>;
export type UnitSubmission = z.infer<typeof unitSubmissionSchema>;
