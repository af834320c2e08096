import { z } from "zod";
import type { CriteriaSetDef, Setup, SetupUnit } from "../../setup/types.ts";
import { planYearSchema, planYearTextSchema } from "../plan-year.ts";
import { issueSchema, timestampSchema, unitCodeSchema } from "./common.ts";
import { nextCursorSchema, pageQuerySchema } from "./page.ts";

/**
 * The setup routes of the API (docs/setup.md "Commands and API"). The body of PUT
 * /api/v1/setup/:year is the setup JSON of shared/setup/schema.ts (`setupSchema`, checked by
 * `checkSetup`); the answers below give the setup as stored: every field present, in the setup's
 * order, ready to be sent back as a PUT body. Lists are read-only, as in shared/setup/types.ts.
 */
const yesNo = z.record(z.string().min(1), z.boolean());

export const setupCriterionSchema = z.object({ number: z.number().int().positive(), name: z.string(), nameEn: z.string() });
export const setupBandSchema = z.object({ key: z.string(), label: z.string(), min: z.number().int(), max: z.number().int() });

/** A criteria set with its bands (built in or custom). */
export const criteriaSetDefSchema = z.object({
  id: z.string().min(1),
  decision: z.string().nullable(),
  criteria: z.array(setupCriterionSchema).readonly(),
  bands: z.array(setupBandSchema).readonly(),
  communeGroups: z.boolean(),
}) satisfies z.ZodType<CriteriaSetDef>;

export const unitLevelSchema = z.enum(["huyện", "xã"]);

export const setupUnitInfoSchema = z.object({ code: unitCodeSchema, name: z.string(), attributes: yesNo }) satisfies z.ZodType<SetupUnit>;

export const setupCommuneInfoSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  name: z.string(),
  unit: unitCodeSchema,
  group: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  attributes: yesNo,
  formerCodes: z.array(z.string().regex(/^\d{5}$/)).readonly(),
});

/** A setup as stored (the `Setup` of shared/setup/types.ts without `origin`, which the answer gives beside it). */
export const storedSetupSchema = z.object({
  year: planYearSchema,
  criteriaSet: criteriaSetDefSchema,
  level: unitLevelSchema,
  units: z.array(setupUnitInfoSchema).readonly(),
  communes: z.array(setupCommuneInfoSchema).readonly().nullable(),
  planFlags: z.array(z.string()).readonly(),
  capitalRows: z.array(z.object({ stt: z.string(), label: z.string() })).readonly(),
  deadlines: z.object({ plan: z.string().nullable(), result: z.string().nullable() }),
}) satisfies z.ZodType<Omit<Setup, "origin">>;
export type StoredSetup = z.infer<typeof storedSetupSchema>;

/**
 * GET /api/v1/setup/:year[?asOf=<ISO time>]: the year's setup. `origin` `applied`: the latest version
 * an administrator applied (or the one current at `asOf`), with its `version` (1, 2, … per year),
 * `appliedAt` and `appliedBy` (the token's label); `builtin`: the defaults of a year 2016-2020 (version,
 * appliedAt, appliedBy null). A year with neither: 404 `setup.missing`.
 */
export const setupResponseSchema = z.object({
  year: planYearSchema,
  version: z.number().int().positive().nullable(),
  origin: z.enum(["builtin", "applied"]),
  appliedAt: timestampSchema.nullable(),
  appliedBy: z.string().nullable(),
  setup: storedSetupSchema,
});
export type SetupResponse = z.infer<typeof setupResponseSchema>;

/**
 * PUT /api/v1/setup/:year (admin): 201 with the new version; 200 with the current version when the
 * setup is the same as it (`deduplicated`, nothing stored). `warnings`: the setup's warnings. 422
 * `setup.invalid` with `details.issues` when it has errors (nothing stored).
 */
export const applySetupResponseSchema = z.object({
  year: planYearSchema,
  version: z.number().int().positive(),
  origin: z.literal("applied"),
  appliedAt: timestampSchema,
  appliedBy: z.string(),
  deduplicated: z.boolean(),
  warnings: z.array(issueSchema),
});
export type ApplySetupResponse = z.infer<typeof applySetupResponseSchema>;

/**
 * GET /api/v1/criteria-sets: the built-in sets (`builtIn`, `version` null) in period order, then the
 * custom sets that applied setups defined, by id, each as last defined (`version` 1, 2, …).
 */
export const criteriaSetInfoSchema = criteriaSetDefSchema.extend({
  builtIn: z.boolean(),
  version: z.number().int().positive().nullable(),
});
export const criteriaSetsResponseSchema = z.object({ criteriaSets: z.array(criteriaSetInfoSchema) });
export type CriteriaSetsResponse = z.infer<typeof criteriaSetsResponseSchema>;

/** GET /api/v1/units?year=&limit=&cursor=: `year` required. */
export const unitsQuerySchema = pageQuerySchema.extend({ year: planYearTextSchema });
export type UnitsQuery = z.infer<typeof unitsQuerySchema>;

/**
 * GET /api/v1/units: one page of the year's units in the setup's order, from the version current at
 * the first page (`version`; null for the built-in defaults): the next pages read the same version.
 * `/api/v1/districts` stays as the older list of the reference districts.
 */
export const unitsResponseSchema = z.object({
  year: planYearSchema,
  version: z.number().int().positive().nullable(),
  level: unitLevelSchema,
  units: z.array(setupUnitInfoSchema),
  next: nextCursorSchema,
});
export type UnitsResponse = z.infer<typeof unitsResponseSchema>;
