/**
 * The Worker API's contract (docs/interfaces.md): a zod schema for every request and response, in
 * `api/*.ts`, re-exported here. The Worker builds its bodies as these types and validates its
 * inputs with them; the one client (shared/api/client.ts) validates every answer with them.
 * Types are `z.infer` of the schemas: one definition. The report's body is `reportSchema` (report.ts),
 * the submission's `submissionSchema` (submission.ts).
 */
export { ROLES, districtCodeSchema, errorBodySchema, issueSchema, roleSchema, timestampSchema } from "./api/common.ts";
export type { ErrorBody, Role } from "./api/common.ts";
export {
  MAX_CURSOR_CHARS,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  cursorSchema,
  nextCursorSchema,
  pageLimitSchema,
  pageLimitTextSchema,
  pageQuerySchema,
} from "./api/page.ts";
export type { PageQuery } from "./api/page.ts";
export { districtSchema, districtsResponseSchema, healthResponseSchema, meResponseSchema } from "./api/session.ts";
export type { DistrictsResponse, HealthResponse, MeResponse } from "./api/session.ts";
export {
  revisionInfoSchema,
  revisionResponseSchema,
  submissionsQuerySchema,
  submissionsResponseSchema,
  submitResponseSchema,
} from "./api/submissions.ts";
export type { RevisionInfo, RevisionResponse, SubmissionsQuery, SubmissionsResponse, SubmitResponse } from "./api/submissions.ts";
export {
  createTokenRequestSchema,
  revokeTokenResponseSchema,
  tokenCreatedSchema,
  tokenInfoSchema,
  tokensResponseSchema,
} from "./api/tokens.ts";
export type { CreateTokenRequest, RevokeTokenResponse, TokenCreated, TokenInfo, TokensResponse } from "./api/tokens.ts";
export { reportSchema } from "./report.ts";
export type { Report } from "./report.ts";
export { submissionSchema } from "./submission.ts";
export type { Submission } from "./submission.ts";
