import { CAPITAL_LEAF_KEYS } from "../../../shared/reference/capital-sources.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
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
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";

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

/** An NTM-2 body: a commune reporting for itself under a 2027 setup (2026-2030 set). */
export const UNIT_SUBMISSION: UnitSubmission = {
  templateVersion: "NTM-2",
  unit: "06148",
  unitName: "Xã Thất Khê",
  year: 2027,
  criteriaSet: "2026-2030",
  preparedBy: "Lăng Văn Bình",
  phone: null,
  preparedOn: "2027-01-20",
  communes: [
    {
      code: "06148",
      name: "Xã Thất Khê",
      group: 1,
      attributes: { "Xã biên giới": true },
      flags: { "Phấn đấu đạt chuẩn NTM": false },
      baseline: [1, 2, 3],
      plan: [1, 2, 3, 4, 5],
    },
  ],
  capital: { "1": 1_500_000, "2": 0 },
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
  me: { role: "unit", unit: "183", district: "183", label: "Phòng NN Cao Lộc" } satisfies MeResponse,
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
  submitUnit: {
    id: "sub-2",
    district: "06148",
    unit: "06148",
    round: "plan",
    year: 2027,
    revision: 1,
    deduplicated: false,
    submittedAt: AT,
    warnings: [],
  } satisfies SubmitResponse,
  submissions: { submissions: [revision], next: null } satisfies SubmissionsResponse,
  submission: { ...revision, submission: SUBMISSION } satisfies RevisionResponse,
  submissionUnit: {
    ...revision,
    id: "sub-2",
    district: "06148",
    unit: "06148",
    round: "plan",
    year: 2027,
    revision: 1,
    submission: UNIT_SUBMISSION,
  } satisfies RevisionResponse,
  report: buildReport({ year: 2018, generatedAt: AT, setup: builtInSetup(2018)!, entries: [] }) satisfies Report,
  createToken: {
    id: "tok-1",
    token: "ntm_abcdefghijklmnopqrstuvwxyz",
    role: "unit",
    unit: "183",
    district: "183",
    label: "Phòng NN Cao Lộc",
  } satisfies TokenCreated,
  listTokens: {
    tokens: [{ id: "tok-1", role: "admin", unit: null, district: null, label: "Quản trị", createdAt: AT, revokedAt: null }],
    next: null,
  } satisfies TokensResponse,
  revokeToken: {
    id: "tok-1",
    role: "admin",
    unit: null,
    district: null,
    label: "Quản trị",
    createdAt: AT,
    revokedAt: AT,
  } satisfies RevokeTokenResponse,
};
