import { z } from "zod";
import { CAPITAL_LEAF_KEYS } from "../reference/capital-sources.ts";
import { GROUP_KEYS } from "../reference/groups.ts";

/**
 * Per-revision aggregate: everything the report needs from one district's submission, computed at
 * submit time so that a report reads one row per district, however many communes there are.
 */
const count = z.number().int().nonnegative();
const pair = z.object({ baseline: count, plan: count });

export const aggregateSchema = z.object({
  communes: count,
  ntm: pair,
  /** Sum over communes of the number of criteria met. */
  criteriaSum: pair,
  /** Index i: communes meeting criterion i+1. */
  criteria: z.object({ baseline: z.array(count), plan: z.array(count) }),
  /** In BAND_KEYS order. */
  bands: z.object({ baseline: z.array(count), plan: z.array(count) }),
  groups: z.object(
    Object.fromEntries(
      GROUP_KEYS.map((g) => [
        g,
        z.object({
          communes: count,
          criteriaSum: pair,
        }),
      ]),
    ) as { [K in (typeof GROUP_KEYS)[number]]: z.ZodObject<{ communes: typeof count; criteriaSum: typeof pair }> },
  ),
  /** Capital leaves, integer thousand VND. */
  capital: z.object(
    Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [k, count])) as {
      [K in (typeof CAPITAL_LEAF_KEYS)[number]]: typeof count;
    },
  ),
});

export type Aggregate = z.infer<typeof aggregateSchema>;
