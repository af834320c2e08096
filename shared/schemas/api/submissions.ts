import { z } from "zod";
import { planYearSchema, planYearTextSchema } from "../plan-year.ts";
import { submissionSchema } from "../submission.ts";
import { districtCodeSchema, issueSchema, timestampSchema } from "./common.ts";
import { nextCursorSchema, pageQuerySchema } from "./page.ts";

/** POST /api/v1/submissions: 201 new revision, 200 deduplicated (the latest revision's own fields). */
export const submitResponseSchema = z.object({
  id: z.string().min(1),
  district: districtCodeSchema,
  year: planYearSchema,
  revision: z.number().int().positive(),
  deduplicated: z.boolean(),
  /** When the returned revision was stored (the earlier one when deduplicated). */
  submittedAt: timestampSchema,
  warnings: z.array(issueSchema),
});
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

/** One revision in GET /api/v1/submissions (and the head of GET /api/v1/submissions/:id). */
export const revisionInfoSchema = z.object({
  id: z.string().min(1),
  district: districtCodeSchema,
  year: planYearSchema,
  revision: z.number().int().positive(),
  latest: z.boolean(),
  contentHash: z.string(),
  communes: z.number().int().nonnegative(),
  preparedBy: z.string().nullable(),
  phone: z.string().nullable(),
  submittedBy: z.string(),
  submittedAt: timestampSchema,
});
export type RevisionInfo = z.infer<typeof revisionInfoSchema>;

/** GET /api/v1/submissions?year=&district=&limit=&cursor= (all optional; empty counts as absent). */
export const submissionsQuerySchema = pageQuerySchema.extend({
  year: planYearTextSchema.optional(),
  district: districtCodeSchema.optional(),
});
export type SubmissionsQuery = z.infer<typeof submissionsQuerySchema>;

/**
 * GET /api/v1/submissions: one page of revisions in the order year (newest first), district code,
 * revision (newest first). With `year` and `district` both given, the first row is the latest
 * revision (so `limit=1` asks for just that). A revision stored while a client pages comes first in
 * its (year, district) group. `next`: the cursor of the following page, null at the end.
 */
export const submissionsResponseSchema = z.object({ submissions: z.array(revisionInfoSchema), next: nextCursorSchema });
export type SubmissionsResponse = z.infer<typeof submissionsResponseSchema>;

/** GET /api/v1/submissions/:id: the revision's head and its submission as stored. */
export const revisionResponseSchema = revisionInfoSchema.extend({ submission: submissionSchema });
export type RevisionResponse = z.infer<typeof revisionResponseSchema>;
