import { z } from "zod";

/**
 * The targets JSON of a plan year (cycle.md "Targets"), the body of `PUT /api/v1/targets/:year`
 * and what the `targets` table stores: `{ year, province: { key: value }, units: { unitCode: { key:
 * value } } }` with the keys of shared/targets/keys.ts (`ntm`, `criterion:<k>`, `band:<label>`,
 * `capital:total`, `capital:<STT>`). Counts are non-negative whole numbers of communes; capital is
 * million VND, not negative, with at most 3 decimals (compared exactly as integer thousand VND).
 * The schema checks the shape only; the values and keys are checked against the year's setup by
 * `checkTargets`, which places each issue at its cell when the body carries `source` (the workbook's
 * cell of each value: `year`, `province/<key>`, `units/<code>`, `units/<code>/<key>`).
 */
const key = z.string().min(1).max(80);
const values = z.record(key, z.number().finite());

export const targetsSourceSchema = z.record(z.string().max(200), z.object({ sheet: z.string().max(100), cell: z.string().max(12) }));

export const targetsJsonSchema = z
  .object({
    year: z.number().int(),
    province: values,
    units: z.record(z.string().min(1).max(20), values).default({}),
    source: targetsSourceSchema.optional(),
  })
  .strict();

export type TargetsJson = z.input<typeof targetsJsonSchema>;
export type TargetsSource = z.infer<typeof targetsSourceSchema>;

/** A year's targets as checked and stored: canonical keys (a band by its setup key), unit codes padded. */
export type Targets = {
  year: number;
  province: Record<string, number>;
  units: Record<string, Record<string, number>>;
};

export const targetsSchema = z.object({
  year: z.number().int(),
  province: values,
  units: z.record(z.string(), values),
}) satisfies z.ZodType<Targets>;

/** GET and PUT /api/v1/targets/:year: the year's targets now (null: none entered), when and by whom. */
export const targetsResponseSchema = z.object({
  year: z.number().int(),
  targets: targetsSchema.nullable(),
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
});
export type TargetsResponse = z.infer<typeof targetsResponseSchema>;
