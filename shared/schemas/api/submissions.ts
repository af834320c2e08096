import { z } from "zod";
import { planYearSchema, planYearTextSchema } from "../plan-year.ts";
import { submissionSchema } from "../submission.ts";
import { unitSubmissionSchema } from "../unit-submission.ts";
import { districtCodeSchema, issueSchema, roundSchema, timestampSchema, unitCodeSchema } from "./common.ts";
import { nextCursorSchema, pageQuerySchema } from "./page.ts";

/**
 * The unit and round of a stored revision. This Worker always sends both; they are optional so that
 * a client still reads an answer that names the unit only in `district` (all of whose revisions are
 * round `plan`). `district` is the unit's code (3 or 5 digits), its older name.
 */
const unitAndRound = { unit: unitCodeSchema.optional(), round: roundSchema.optional() };

/**
 * POST /api/v1/submissions body: a template of version NTM-1 (`district`, the 19 criteria of
 * 2016-2020; shared/schemas/submission.ts) or NTM-2 (`unit`, under the year's setup;
 * shared/schemas/unit-submission.ts), told apart by `templateVersion`.
 */
export const submitRequestSchema = z.discriminatedUnion("templateVersion", [submissionSchema, unitSubmissionSchema]);
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

/** POST /api/v1/submissions: 201 new revision, 200 deduplicated (the latest revision's own fields). */
export const submitResponseSchema = z.object({
  id: z.string().min(1),
  district: unitCodeSchema,
  ...unitAndRound,
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
  district: unitCodeSchema,
  ...unitAndRound,
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

/**
 * GET /api/v1/submissions?year=&unit=&round=&limit=&cursor= (all optional; empty counts as absent).
 * `district` is the older name of `unit` (3 digits); give one of them.
 */
export const submissionsQuerySchema = pageQuerySchema.extend({
  year: planYearTextSchema.optional(),
  unit: unitCodeSchema.optional(),
  district: districtCodeSchema.optional(),
  round: roundSchema.optional(),
});
export type SubmissionsQuery = z.infer<typeof submissionsQuerySchema>;

/**
 * GET /api/v1/submissions: one page of revisions in the order year (newest first), unit code, round
 * (`plan` before `result`), revision (newest first). With `year`, `unit` and `round` given, the first
 * row is the latest revision (so `limit=1` asks for just that; all revisions stored before rounds
 * existed are `plan`). A revision stored while a client pages comes first in its (year, unit, round)
 * group. `next`: the cursor of the following page, null at the end.
 */
export const submissionsResponseSchema = z.object({ submissions: z.array(revisionInfoSchema), next: nextCursorSchema });
export type SubmissionsResponse = z.infer<typeof submissionsResponseSchema>;

/**
 * GET /api/v1/submissions/:id: the revision's head and its submission as stored (cleaned), in the
 * version it was sent in: NTM-1 or NTM-2 (`submitRequestSchema`).
 */
export const revisionResponseSchema = revisionInfoSchema.extend({ submission: submitRequestSchema });
export type RevisionResponse = z.infer<typeof revisionResponseSchema>;
