import { CAPITAL_LEAF_KEYS } from "../../../shared/reference/capital-sources.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type {
  DistrictsResponse,
  HealthResponse,
  MeResponse,
  RevisionInfo,
  RevisionResponse,
  RevokeTokenResponse,
  SubmissionsResponse,
  SubmitResponse,
  TokenCreated,
  TokensResponse,
} from "../../../shared/schemas/api.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import type { Submission } from "../../../shared/schemas/submission.ts";

/** One valid answer of each route, as the Worker sends it (test data, not a test file). */
const AT = "2018-03-01T08:00:00.000Z";

export const SUBMISSION: Submission = {
  templateVersion: "NTM-1",
  district: "183",
  districtName: "Huyện Cao Lộc",
  year: 2018,
  preparedBy: "Nguyễn Văn An",
  phone: null,
  preparedOn: null,
  communes: [
    {
      code: "06148",
      name: "Xã Tân Liên",
      flags: { border: true, pilotDifficult: false, ntmTarget: false, districtDifficult: false },
      baseline: [1, 2],
      plan: [1, 2, 3],
    },
  ],
  capital: Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [k, 0])) as Submission["capital"],
};

export const WARNING = {
  code: "capital.empty",
  severity: "warning",
  sheet: "Nguồn vốn",
  cell: "C6",
  row: 6,
  commune: null,
  message: "Chưa có vốn.",
  messageEn: "No capital.",
} as const;

const revision: RevisionInfo = {
  id: "sub-1",
  district: "183",
  year: 2018,
  revision: 2,
  latest: true,
  contentHash: "ab12",
  communes: 1,
  preparedBy: "Nguyễn Văn An",
  phone: null,
  submittedBy: "Phòng NN Cao Lộc",
  submittedAt: AT,
};

export const VALID = {
  health: { ok: true } satisfies HealthResponse,
  me: { role: "district", district: "183", label: "Phòng NN Cao Lộc" } satisfies MeResponse,
  districts: { districts: [{ code: "183", name: "Huyện Cao Lộc", border: true }] } satisfies DistrictsResponse,
  submit: {
    id: "sub-1",
    district: "183",
    year: 2018,
    revision: 2,
    deduplicated: false,
    submittedAt: AT,
    warnings: [WARNING],
  } satisfies SubmitResponse,
  submissions: { submissions: [revision], next: null } satisfies SubmissionsResponse,
  submission: { ...revision, submission: SUBMISSION } satisfies RevisionResponse,
  report: buildReport({ year: 2018, generatedAt: AT, reference: DEFAULT_REFERENCE, entries: [] }) satisfies Report,
  createToken: {
    id: "tok-1",
    token: "ntm_abcdefghijklmnopqrstuvwxyz",
    role: "district",
    district: "183",
    label: "Phòng NN Cao Lộc",
  } satisfies TokenCreated,
  listTokens: {
    tokens: [{ id: "tok-1", role: "admin", district: null, label: "Quản trị", createdAt: AT, revokedAt: null }],
    next: null,
  } satisfies TokensResponse,
  revokeToken: {
    id: "tok-1",
    role: "admin",
    district: null,
    label: "Quản trị",
    createdAt: AT,
    revokedAt: AT,
  } satisfies RevokeTokenResponse,
};
