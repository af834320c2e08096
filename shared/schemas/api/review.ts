import { z } from "zod";
import { roundSchema, timestampSchema, unitCodeSchema } from "./common.ts";
import { nextCursorSchema } from "./page.ts";

/**
 * The review workflow's API (docs/review.md): deadlines per round, review actions (return, accept,
 * reopen), each unit's status and the round's completeness, the audit log.
 */

/** A plan year's deadline: a calendar date in Vietnam time (UTC+7), `YYYY-MM-DD`, a real date. */
export const deadlineSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

/** Free text of a comment or reason: NFC, trimmed, 1-2,000 characters. */
const commentText = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().min(1).max(2000));

/** A comment pinned to a cell of the unit's workbook. */
export const cellCommentSchema = z.object({
  sheet: z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1).max(100)),
  cell: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/)),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  text: commentText,
});
export type CellComment = z.output<typeof cellCommentSchema>;

/** At most this many cell comments on one return. */
export const MAX_CELL_COMMENTS = 500;

/**
 * POST /api/v1/reviews. `revision`: the revision the office looked at, required for return and
 * accept (409 `review.stale` when it is no longer the unit's latest); `comment`: required for return
 * (what is wrong) and reopen (the reason); `cells`: return only.
 */
export const reviewRequestSchema = z
  .object({
    unit: unitCodeSchema,
    year: z.number().int(),
    round: roundSchema.default("plan"),
    action: z.enum(["return", "accept", "reopen"]),
    revision: z.number().int().positive().nullable().optional(),
    comment: commentText.nullable().optional(),
    cells: z.array(cellCommentSchema).max(MAX_CELL_COMMENTS).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action !== "reopen" && (v.revision === undefined || v.revision === null)) {
      ctx.addIssue({ code: "custom", path: ["revision"], message: `revision is required for ${v.action}` });
    }
    if (v.action !== "accept" && (v.comment === undefined || v.comment === null)) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: `comment is required for ${v.action}` });
    }
    if (v.action !== "return" && v.cells !== undefined && v.cells.length > 0) {
      ctx.addIssue({ code: "custom", path: ["cells"], message: "cell comments go with return only" });
    }
  });
export type ReviewRequest = z.input<typeof reviewRequestSchema>;
export type ReviewInput = z.output<typeof reviewRequestSchema>;

export const REVIEW_ACTIONS = ["return", "accept", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const reviewResponseSchema = z.object({
  unit: unitCodeSchema,
  year: z.number().int(),
  round: roundSchema,
  action: z.enum(REVIEW_ACTIONS),
  revision: z.number().int().nullable(),
  seq: z.number().int().positive(),
  at: timestampSchema,
});
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;

/** A unit's status in a round (docs/review.md). */
export const UNIT_STATUSES = ["missing", "submitted", "late", "returned", "accepted"] as const;
export const unitStatusSchema = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof unitStatusSchema>;

/** The cut a report or a status board was computed at: after action `seq` (0: none), at `asOf`. */
export const cutSchema = z.object({
  asOf: timestampSchema.nullable(),
  seq: z.number().int().min(0),
  accepted: z.boolean(),
});
export type Cut = z.infer<typeof cutSchema>;

export const completenessSchema = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  accepted: z.number().int(),
});
export type Completeness = z.infer<typeof completenessSchema>;

export const statusUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  status: unitStatusSchema,
  /** The unit's latest revision of the round (null: missing). */
  revision: z.number().int().nullable(),
  submittedAt: timestampSchema.nullable(),
  /** When the first revision of the round was stored. */
  firstSubmittedAt: timestampSchema.nullable(),
  /** Days (Vietnam calendar) the first revision came after the deadline; 0 on time; null when missing. */
  daysLate: z.number().int().nullable(),
  /** The accepted revision, when accepted. */
  acceptedRevision: z.number().int().nullable(),
  /** The office's comment of the latest return (while returned), or the reason of the latest reopen. */
  comment: z.string().nullable(),
  cells: z.array(z.object({ sheet: z.string(), cell: z.string(), commune: z.string().nullable(), text: z.string() })),
  /** When the review state last changed (return, accept, reopen), else null. */
  reviewedAt: timestampSchema.nullable(),
  reviewedBy: z.string().nullable(),
});
export type StatusUnit = z.infer<typeof statusUnitSchema>;

/** GET /api/v1/status/:year?round=&asOf= */
export const statusResponseSchema = z.object({
  year: z.number().int(),
  round: roundSchema,
  deadline: deadlineSchema.nullable(),
  cut: cutSchema,
  units: z.array(statusUnitSchema),
  completeness: completenessSchema,
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;

/** GET /api/v1/rounds/:year */
export const roundInfoSchema = z.object({
  round: roundSchema,
  deadline: deadlineSchema.nullable(),
  /** Where the deadline comes from: the year's setup, or set by the office (then who and when). */
  source: z.enum(["setup", "office", "none"]),
  setAt: timestampSchema.nullable(),
  setBy: z.string().nullable(),
});
export const roundsResponseSchema = z.object({ year: z.number().int(), rounds: z.array(roundInfoSchema) });
export type RoundsResponse = z.infer<typeof roundsResponseSchema>;

/** PUT /api/v1/rounds/:year/:round */
export const putDeadlineRequestSchema = z.object({ deadline: deadlineSchema });

export const AUDIT_ACTIONS = [
  "submit",
  "return",
  "accept",
  "reopen",
  "setup",
  "deadline",
  "targets",
  "token.create",
  "token.revoke",
] as const;
export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: timestampSchema,
  actor: z.object({ label: z.string(), tokenId: z.string().nullable() }),
  action: z.enum(AUDIT_ACTIONS),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  round: roundSchema.nullable(),
  revision: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** GET /api/v1/audit?year=&limit=&cursor=: newest first. */
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema), next: nextCursorSchema });
export type AuditResponse = z.infer<typeof auditResponseSchema>;
