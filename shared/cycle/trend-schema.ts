import { z } from "zod";

/** GET /api/v1/reports/trend?from=&to= (docs/report.md "Xu hướng qua các năm"): the `Trend` of shared/cycle/trend.ts. */
const count = z.object({ planned: z.number().int(), achieved: z.number().int().nullable() });

export const trendResponseSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  frameYear: z.number().int().nullable(),
  years: z.array(
    z.object({
      year: z.number().int(),
      criteriaSet: z.object({ id: z.string(), criteria: z.array(z.object({ number: z.number().int(), name: z.string() })) }),
      communes: count,
      stored: count,
      ntm: count,
      criteria: z.array(count.extend({ number: z.number().int(), name: z.string() })),
    }),
  ),
});

export type TrendResponse = z.infer<typeof trendResponseSchema>;
