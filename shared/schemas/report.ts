import { z } from "zod";
import { roundSchema } from "./api/common.ts";
import { completenessSchema, cutSchema, unitStatusSchema } from "./api/review.ts";

/**
 * The consolidated report (docs/report.md, docs/setup.md "Report changes"), one versioned shape for
 * every year: units, bands, criteria, groups and capital rows follow the year's setup, in its order,
 * and carry their labels, so a reader needs nothing else to show it.
 * Keys: a band by its label (`19`, `8-9`, `<5`), a criterion by its number, a group by its key
 * (`border`, `pilotDifficult`, `ntmTarget`, `districtDifficult` for the 2016-2020 set; `group1`..`group3`,
 * `attr:<label>`, `flag:<label>` otherwise), a capital row by its STT and the total by `total`.
 */
export const REPORT_SCHEMA_VERSION = 2;

const nullableNumber = z.number().nullable();
const level = z.enum(["huyện", "xã"]);
const average = z.object({ baseline: nullableNumber, plan: nullableNumber });

export const reportUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level,
  /** The template version of the revision counted; null for a unit that has not submitted. */
  templateVersion: z.enum(["NTM-1", "NTM-2"]).nullable(),
  /** Whether the unit is a unit of the setup (false: it submitted, then the setup dropped it). */
  listed: z.boolean(),
  /** The unit's review status in the round (docs/review.md); offline: submitted or missing. */
  status: unitStatusSchema,
  /** Days the unit's first revision came after the deadline (0 on time); null when missing or offline. */
  daysLate: z.number().int().nullable(),
  /** The revision counted (accepted-only: the accepted one; null when none is counted). */
  revision: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  preparedBy: z.string().nullable(),
  phone: z.string().nullable(),
  communes: z.number().int(),
  ntmPlan: z.number().int(),
  avgCriteriaPlan: nullableNumber,
  /** million VND */
  capitalTotal: z.number(),
  /** Result report only: NTM communes achieved (TH) and capital disbursed (million VND); null when the unit sent no result. */
  ntmAchieved: nullableNumber.optional(),
  capitalDisbursed: nullableNumber.optional(),
});

/**
 * A target of the year (docs/cycle.md "Targets"): `key` `ntm`, `criterion:<k>`, `band:<label>`,
 * `capital:total` or `capital:<STT>`; `plan` the summed plans; `gap` = plan − target; `met` as
 * cycle.md defines it (the lowest band's target is a ceiling). Capital in million VND.
 */
export const targetRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  target: z.number(),
  plan: z.number(),
  gap: z.number(),
  met: z.boolean(),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

/** Achieved (TH) beside planned in a result report: `achievedPercent` = achieved ÷ planned × 100 (null when nothing was planned). */
const achievedFields = { achieved: z.number().int().optional(), achievedPercent: nullableNumber.optional() };

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  year: z.number().int(),
  generatedAt: z.string(),
  /** The round (plan: Kế hoạch; result: Kết quả thực hiện). */
  round: roundSchema,
  /** The cut the server computed the report at (docs/review.md); null for a report made offline. */
  cut: cutSchema.nullable(),
  /** The round's deadline at the cut (YYYY-MM-DD, Vietnam time), null when none. */
  deadline: z.string().nullable(),
  /** Submitted, on time and accepted out of the setup's units. */
  completeness: completenessSchema,
  /** The setup's unit level (the title counts `huyện` or `xã`). */
  level,
  criteriaSet: z.object({ id: z.string(), size: z.number().int() }),
  units: z.array(reportUnitSchema),
  overview: z.object({
    communes: z.number().int(),
    ntm: z.object({ baseline: z.number().int(), plan: z.number().int(), added: z.number().int(), ...achievedFields }),
    avgCriteria: average,
  }),
  bands: z.array(
    z.object({
      band: z.string(),
      label: z.string(),
      baseline: z.number().int(),
      plan: z.number().int(),
      planPercent: nullableNumber,
      ...achievedFields,
    }),
  ),
  criteria: z.array(
    z.object({
      number: z.number().int(),
      name: z.string(),
      baseline: z.number().int(),
      plan: z.number().int(),
      added: z.number().int(),
      planPercent: nullableNumber,
      ...achievedFields,
    }),
  ),
  groups: z.array(
    z.object({
      group: z.string(),
      label: z.string(),
      communes: z.number().int(),
      avgCriteria: average.extend({ achieved: nullableNumber.optional() }),
    }),
  ),
  capital: z.object({
    unit: z.literal("million VND"),
    /** The setup's rows in its order (subtotals = sum of the leaves below), then `total`. */
    sources: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        amount: z.number(),
        percent: nullableNumber,
        /** Result report only: disbursed (Thực hiện), million VND, and disbursed ÷ planned × 100. */
        disbursed: z.number().optional(),
        disbursedPercent: nullableNumber.optional(),
      }),
    ),
    /** Per submitting unit: every row's amount and `total`, million VND. */
    byUnit: z.array(z.object({ code: z.string(), amounts: z.record(z.string(), z.number()) })),
  }),
  /** Stored communes that the setup's commune list no longer has. */
  unlisted: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string() })),
  /** The year's province targets against the summed plans (absent: no targets entered). */
  targets: z.array(targetRowSchema).optional(),
  /** Per-unit targets (chỉ tiêu giao cho đơn vị) against each unit's plan (absent: none entered). */
  unitTargets: z.array(z.object({ unit: z.string(), targets: z.array(targetRowSchema) })).optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportUnit = Report["units"][number];
