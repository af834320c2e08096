import { z } from "zod";
import { BAND_KEYS } from "../reference/bands.ts";
import { GROUP_KEYS } from "../reference/groups.ts";
import { CAPITAL_KEYS } from "../reference/capital-sources.ts";

/** The consolidated report of docs/report.md, exactly its JSON shape. */
const nullableNumber = z.number().nullable();

export const reportSchema = z.object({
  year: z.number().int(),
  generatedAt: z.string(),
  templateVersion: z.literal("NTM-1"),
  districts: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      status: z.enum(["missing", "submitted", "returned", "accepted"]),
      revision: z.number().int().nullable(),
      submittedAt: z.string().nullable(),
      submittedBy: z.string().nullable(),
      preparedBy: z.string().nullable(),
      phone: z.string().nullable(),
      communes: z.number().int(),
      ntmPlan: z.number().int(),
      avgCriteriaPlan: nullableNumber,
      capitalTotal: z.number(),
    }),
  ),
  overview: z.object({
    communes: z.number().int(),
    ntm: z.object({ baseline: z.number().int(), plan: z.number().int(), added: z.number().int() }),
    avgCriteria: z.object({ baseline: nullableNumber, plan: nullableNumber }),
  }),
  bands: z.array(
    z.object({
      band: z.enum(BAND_KEYS),
      baseline: z.number().int(),
      plan: z.number().int(),
      planPercent: nullableNumber,
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
    }),
  ),
  groups: z.array(
    z.object({
      group: z.enum(GROUP_KEYS),
      communes: z.number().int(),
      avgCriteria: z.object({ baseline: nullableNumber, plan: nullableNumber }),
    }),
  ),
  capital: z.object({
    unit: z.literal("million VND"),
    sources: z.array(z.object({ key: z.enum(CAPITAL_KEYS), amount: z.number(), percent: nullableNumber })),
    byDistrict: z.array(z.object({ code: z.string(), amounts: z.record(z.string(), z.number()) })),
  }),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportDistrict = Report["districts"][number];
