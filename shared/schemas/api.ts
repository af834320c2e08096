/**
 * The Worker API's contract (docs/interfaces.md): a zod schema for every request and response, in
 * `api/*.ts`, re-exported here. The Worker builds its bodies as these types and validates its
 * inputs with them; the one client (shared/api/client.ts) validates every answer with them.
 * Types are `z.infer` of the schemas: one definition. The report's body is `reportSchema` (report.ts),
 * the submission's `submitRequestSchema` (NTM-1 `submissionSchema` of submission.ts or NTM-2
 * `unitSubmissionSchema` of unit-submission.ts), the setup's routes are in api/setup.ts.
 */
export {
  REQUESTED_ROLES,
  ROLES,
  ROUNDS,
  districtCodeSchema,
  errorBodySchema,
  issueSchema,
  requestedRoleSchema,
  roleSchema,
  roundSchema,
  timestampSchema,
  unitCodeSchema,
} from "./api/common.ts";
export type { ErrorBody, RequestedRole, Role, Round } from "./api/common.ts";
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
  submitRequestSchema,
  submitResponseSchema,
} from "./api/submissions.ts";
export type {
  RevisionInfo,
  RevisionResponse,
  SubmissionsQuery,
  SubmissionsResponse,
  SubmitRequest,
  SubmitResponse,
} from "./api/submissions.ts";
export {
  applySetupResponseSchema,
  criteriaSetDefSchema,
  criteriaSetInfoSchema,
  criteriaSetsResponseSchema,
  setupBandSchema,
  setupCommuneInfoSchema,
  setupCriterionSchema,
  setupResponseSchema,
  setupUnitInfoSchema,
  storedSetupSchema,
  unitLevelSchema,
  unitsQuerySchema,
  unitsResponseSchema,
} from "./api/setup.ts";
export type { ApplySetupResponse, CriteriaSetsResponse, SetupResponse, StoredSetup, UnitsQuery, UnitsResponse } from "./api/setup.ts";
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
export { unitSubmissionSchema } from "./unit-submission.ts";
export type { UnitSubmission } from "./unit-submission.ts";
